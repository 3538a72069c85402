"""eventwire's spaCy components, registered as factories.

Each ruler is a spaCy ``EntityRuler`` filled from package data; the config
names the pattern source so that the pipeline can be rebuilt from its config.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler


def _ruler(nlp, name: str, patterns: list[dict]) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=True)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    return ruler


@Language.factory(
    "eventwire_actor_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_actor_ruler(nlp: Language, name: str, source: str):
    from ..resources.actors import actor_patterns

    return _ruler(nlp, name, actor_patterns(source))


@Language.factory(
    "eventwire_place_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_place_ruler(nlp: Language, name: str, source: str):
    from ..gazetteer import place_patterns

    return _ruler(nlp, name, place_patterns(source))
