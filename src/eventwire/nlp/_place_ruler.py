"""The ``eventwire_place_ruler`` factory: gazetteer names as entities (GPE/LOC)."""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler


@Language.factory(
    "eventwire_place_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_place_ruler(nlp: Language, name: str, source: str):
    from ..gazetteer import place_patterns

    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=True)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(place_patterns(source))
    return ruler
