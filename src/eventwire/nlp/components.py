"""Imports the modules that register eventwire's spaCy factories.

Each factory lives beside its data: paragraph and dateline breaks in
``_paragraphs`` (before the parser), the actor ruler in ``_actor_ruler``, the
place ruler in ``_place_ruler`` (both placed before ``ner``), and the
per-document stages (extract, locate, assemble) in ``_stages``, placed last
(see ``_pipeline.PIPELINE_CONFIG``). ``_fast`` holds an indexed stand-in for
the model's attribute ruler, put in its place by ``_pipeline.build_nlp``.
"""
from __future__ import annotations

from . import _actor_ruler, _fast, _paragraphs, _place_ruler, _stages  # noqa: F401
