"""The ``eventwire_actor_ruler`` factory: the actor dictionary as entities (label ACTOR)."""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler


@Language.factory(
    "eventwire_actor_ruler",
    assigns=["doc.ents", "token.ent_type"],
    default_config={"source": "default"},
)
def make_actor_ruler(nlp: Language, name: str, source: str):
    from ..resources.actors import actor_patterns

    # multi-word names match on LOWER; acronyms and one-word names come as
    # case-sensitive ORTH token patterns (see resources.actors.actor_patterns)
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="LOWER", overwrite_ents=True)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(actor_patterns(source))
    return ruler
