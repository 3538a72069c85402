"""Article structure: title, dateline, lede, chrome, captions, related lines, embeds."""
import datetime as dt

import pytest

from eventwire.extract.structure import paragraphs, read_structure
from eventwire.records import Document


def _read(text, published=dt.date(2025, 3, 12), title=None):
    return read_structure(Document(id="t", text=text, published=published, title=title))


@pytest.mark.parametrize("text, place, when, outlet", [
    ("QUETTA, March 11 (Reuters) – Gunmen stopped a train.", "QUETTA", dt.date(2025, 3, 11), "Reuters"),
    ("HENRY COUNTY, Ind. – A man was shot on Monday.", "HENRY COUNTY, Ind.", None, None),
    ("SAN SALVADOR, 3 JAN 90 -- The army reported a clash.", "SAN SALVADOR", dt.date(1990, 1, 3), None),
    ("KABUL, Afghanistan, Aug. 5 (AP) — A bomb went off.", "KABUL, Afghanistan", dt.date(2024, 8, 5), "AP"),
    ("Quetta, March 11 (Reuters) - Gunmen stopped a train.", "Quetta", dt.date(2025, 3, 11), "Reuters"),
    ("lima, 12 feb 90 (efe) -- police said two bombs went off.", "lima", dt.date(1990, 2, 12), "efe"),
    # an Indian agency's dateline: no dash after the agency's name
    ("IMPHAL, March 11 (PTI) Two soldiers were killed in an ambush.", "IMPHAL", dt.date(2025, 3, 11), "PTI"),
    # a station's page sets its dash against the first word after the call sign
    ("ENID, OK (KXYZ) -Deputies are looking for two men.", "ENID, OK", None, "KXYZ"),
])
def test_dateline_place_date_outlet(text, place, when, outlet):
    published = dt.date(1990, 2, 13) if "90" in text else dt.date(2025, 3, 12)
    s = _read(text, published)
    assert s.dateline_place is not None and s.dateline_place.text == place
    assert text[s.dateline_place.start:s.dateline_place.end] == place
    assert s.dateline_date == when
    assert s.dateline.outlet == outlet
    assert s.lede is not None and s.lede.start >= s.dateline.span.end


@pytest.mark.parametrize("text", [
    "Police said - the road was closed.",
    "UPDATE: Two people were killed.",
    "Breaking News - a fire broke out.",
    "Police (Reuters) said the road was closed.",
    "GUNMEN KILLED (two soldiers) in the north.",
    "KOTV (CBS/AP) TULSA, Okla. - A hearing is scheduled for two brothers.",
    "Winston-Salem police said the road was closed.",
])
def test_no_dateline_in_ordinary_openings(text):
    assert _read(text).dateline is None


def test_headline_dateline_lede_and_chrome():
    text = ("Please enable Javascript to watch this video\n\n"
            "Two dead after gunfire at a market in Riverton\n\n"
            "RIVERTON, Wyo. (KXYZ) — Two men were shot dead at a market on Saturday, police said.\n\n"
            "\"We heard five or six shots,\" a vendor said.\n\n"
            "Read also: Riverton council votes on budget\n\n"
            "Police tape surrounds the market. (AP Photo/Jane Doe)\n\n"
            "Sign up for our daily newsletter. Copyright 2025 KXYZ. All rights reserved.")
    s = _read(text)
    assert s.title.text == "Two dead after gunfire at a market in Riverton"
    assert s.dateline_place.text == "RIVERTON, Wyo." and s.dateline.outlet == "KXYZ"
    assert s.lede.text.startswith("Two men were shot dead")
    assert s.kind_at(0, 10) == "chrome"
    assert not s.yields_events(text.index("Read also"), text.index("Read also") + 20)
    assert s.captions and s.captions[0].text.startswith("Police tape")
    assert any(q.text.startswith('"We heard') for q in s.quotes)
    assert s.kind_at(text.index("Sign up"), text.index("Sign up") + 10) == "chrome"
    assert s.yields_events(s.lede.start, s.lede.end)


def test_related_line_with_a_bar_after_its_label():
    """Sites set another story's headline after "Also Read |" as often as after a colon."""
    text = ("PATNA: Three men were shot dead near a brick kiln on Monday night, police said.\n\n"
            "ALSO READ | Police seize explosives from a truck in Gaya\n\n"
            "The killings followed a land dispute, officers said.")
    s = _read(text)
    start = text.index("ALSO READ")
    assert s.kind_at(start, start + 20) == "related"
    assert not s.yields_events(start, start + 20)


def test_links_to_other_stories_set_after_a_plus_sign():
    """Some sites list other stories' headlines as paragraphs opened by a plus sign."""
    text = ("DAYTON, Ohio - A woman was shot in the arm on Tuesday night, police said.\n\n"
            "OTHER STORIES\n\n"
            "+ 2 dead, 4 hurt in crash on the highway\n\n"
            "Officers are still looking for the shooter.")
    s = _read(text)
    start = text.index("+ 2 dead")
    assert s.kind_at(start, start + 20) == "related"
    assert not s.yields_events(start, start + 20)
    assert s.yields_events(text.index("Officers"), len(text))


def test_title_given_by_the_document_is_found_in_the_text():
    text = "Bomb kills three in Quetta\n\nA bomb killed three people in Quetta on Tuesday."
    s = _read(text, title="Bomb kills three in Quetta")
    assert (s.title.start, s.title.end) == (0, len("Bomb kills three in Quetta"))
    assert s.lede.text.startswith("A bomb killed")


def test_title_not_in_text_has_no_span():
    s = _read("A bomb killed three people in Quetta on Tuesday.", title="Quetta blast")
    assert s.title.text == "Quetta blast" and s.title.start == -1
    assert s.title.start == -1 and s.kind_at(0, 5) == "lede"


def test_embedded_post_is_not_body():
    text = ("Protesters marched through the capital on Friday.\n\n"
            "Thousands on the streets today pic.twitter.com/abc123 — Some Reporter (@reporter) March 7, 2025\n\n"
            "Police said the march was peaceful.")
    s = _read(text)
    assert len(s.embeds) == 1
    assert not s.yields_events(s.embeds[0].start, s.embeds[0].end)


@pytest.mark.parametrize("text, n", [
    ("One.\nTwo.\nThree.", 3),  # lines are paragraphs when there are no blank lines
    ("One.\n\nTwo\nstill two.", 2),
    ("one sentence.  same paragraph.    next paragraph.", 2),  # wire feeds on one line
])
def test_paragraphs(text, n):
    assert len(paragraphs(text)) == n


def test_spans_are_offsets_into_the_text():
    text = "\n\n  KARACHI — A blast hit a bus.\n\nIt killed four."
    s = _read(text)
    for span in (s.dateline.span, s.dateline_place, s.lede, *s.paragraphs):
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text, lede", [
    ("Three wounded in market blast\n\nKANDAHAR, June 2 (AFP) - Three traders were wounded when a bomb "
     "went off at a market, police said.", "Three traders were wounded when a bomb went off at a market, police said."),
    ("MOGADISHU, Aug 9 - Four Somali soldiers died in an ambush north of the capital on Friday.",
     "Four Somali soldiers died in an ambush north of the capital on Friday."),
])
def test_dateline_is_one_sentence_and_the_lede_keeps_its_number(text, lede):
    from eventwire.nlp import get_nlp

    nlp = get_nlp()
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert lede in sents, sents
    dateline = next(s for s in sents if s.endswith("-"))
    assert "," in dateline  # the dateline's place and date stay together


def test_no_sentence_break_without_closing_punctuation():
    from eventwire.nlp import get_nlp

    doc = get_nlp()("Two Indian soldiers and a porter were killed when gunmen fired on a patrol near the border.")
    assert len(list(doc.sents)) == 1


def test_a_caption_followed_by_the_sites_buy_photo_link_is_a_caption():
    text = ("Mother charged after boy finds gun\n\n"
            "The county prosecutor speaks to reporters, May 1, 2025. (Photo: Jane Doe / The Daily Star)Buy Photo\n\n"
            "The county prosecutor on Tuesday charged a mother whose son shot himself with her handgun.")
    s = _read(text)
    assert s.captions and s.captions[0].text.startswith("The county prosecutor speaks")
