"""Who said what: statements, speakers and their kind."""
from __future__ import annotations

import pytest

from eventwire.extract.attribution import find_statements, speaker_type
from eventwire.resources.actors import same_actor


@pytest.fixture(scope="module")
def example(nlp, examples_dir):
    doc = nlp((examples_dir / "jaffar_express.txt").read_text(encoding="utf-8"))
    return doc, find_statements(doc)


@pytest.mark.parametrize("text, kind", [
    ("Two people were killed, police said.", "official"),
    ("Two people were killed, witnesses told reporters.", "witness"),
    ("Two people were killed, according to local media reports.", "media"),
    ("The Taliban said in a statement on Telegram that its fighters seized the post.", "perpetrator"),
])
def test_speaker_type(nlp, text, kind):
    found = find_statements(nlp(text))
    assert found and found[0].speaker_type == kind


def test_speaker_words_table():
    class _Doc:  # a document with no acronyms defined
        text = ""
        user_data: dict = {}
        ents = ()
    assert speaker_type("railway officials", _Doc())[1] == "official"
    assert speaker_type("Reuters", _Doc())[1] == "media"


def test_channel_and_cue(nlp):
    found = find_statements(nlp("The group said in a statement posted on Telegram that it attacked the base."))
    assert found[0].cue == "said"
    assert "Telegram" in found[0].channel


def test_quote_with_spokesperson_resolves_to_group(example):
    doc, statements = example
    quote = next(s for s in statements if s.content.startswith("Any military incursion"))
    assert same_actor(quote.speaker, "Baloch Liberation Army") and quote.speaker_type == "perpetrator"
    assert quote.channel == "statement circulated on social media"
    # the quote spans two sentences and covers the claimed figure
    figure_at = doc.text.index("six military personnel have been killed")
    assert quote.start <= figure_at < quote.end


def test_railway_officials_and_government_spokesperson(example):
    _, statements = example
    speakers = {(s.speaker, s.speaker_type) for s in statements}
    assert ("railway officials", "official") in speakers
    assert any("Shahid Rind" in s.speaker and s.speaker_type == "official" for s in statements)


def test_claimed_count_inside_quote(nlp, example):
    from eventwire.extract.counts import find_counts
    from eventwire.extract._mentions import attribute_counts

    doc, statements = example
    sent = next(s for s in doc.sents if "To date" in s.text)
    found = attribute_counts(find_counts(sent), statements)
    assert found and found[0].status == "claimed" and same_actor(found[0].reported_by, "Baloch Liberation Army")
