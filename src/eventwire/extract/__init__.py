"""extract: event mentions from a parsed document.

For each sentence: triggers and their class (:mod:`.classify`), whether the
mention is a real event or a threat / negation / plan / background
(:mod:`.modality`), actors and their roles (:mod:`.actors`), counts
(:mod:`.counts`), dates (:mod:`.dates`); for the document: statements and who
made them (:mod:`.attribution`) and claims of responsibility (:mod:`.claims`).
"""
from __future__ import annotations

from ._mentions import DocFindings, extract_document

__all__ = ["DocFindings", "extract_document"]
