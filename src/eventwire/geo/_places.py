"""Finding place mentions in a parsed document, with the words around them.

Sources: NER and place-ruler entities (GPE, LOC), and ORG / PERSON / FAC spans
that the stock model mis-tags but that stand in place context ("in X",
"X district", "the X area", "near X") and are in the gazetteer, and the place
that opens a body's name ("the Athens Police Department"). Each mention
carries what resolution and role choice need: the governing preposition, the
head noun after it ("district"), a relative description ("30 km north of"),
and the place that qualifies it ("Quetta in Balochistan", "Raiganj, Dinajpur").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..gazetteer import fold, lexicon
from ..nlp import doc_text, words

PLACE_LABELS = frozenset({"GPE", "LOC"})
INITIAL = re.compile(r"^[A-Z]\.$")
# "Ky.", "Mass.", "N.Y", "S.D.": a province written as the press abbreviates it
STATE_ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{1,4}\.|(?:[A-Z]\.){1,2}[A-Z]\.?)$")
_UNKNOWN_LINK = re.compile(r",\s*(?:[A-Z][\w'-]*\s*){1,3},")
# "Chatsworth (eThekwini, KwaZulu-Natal)", "Okpanam (Oshimili North LGA, Delta)": a unit the
# gazetteer lacks (or NER misses, written in lower case) opens the bracket before the province
_UNKNOWN_BRACKET = re.compile(r"\(\s*(?:[A-Za-z][\w'&-]*\.?\s*){1,4},")
# NER of the small model reads an unfamiliar village as a product or a title ("near Hnutove")
REREAD_LABELS = frozenset({"ORG", "PERSON", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
UNIT_WORDS = frozenset({"province", "district", "state", "governorate", "region", "county", "prefecture"})
NAME_LINKS = frozenset({"de", "do", "da", "dos", "das", "del", "di", "du", "des", "la", "el", "al"})
# Lower-case words inside a place's name: Romance articles and prepositions ("San Juan de los
# Cerritos"), the Arabic article ("Ain al Arab"), the Persian ezafe ("Qala i Naw", "Kut e Abdollah")
LINKS_IN_NAMES = NAME_LINKS | frozenset({"los", "las", "les", "y", "i", "e", "ul", "ud", "ad", "ar", "as", "ash",
                                         "at", "az", "an", "bin", "ibn", "ben", "wa"})
SKIP_BEFORE = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class Toponym:
    """One place mention before resolution; offsets are document characters."""

    text: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    token_start: int
    token_end: int
    label: str
    prep: str | None = None  # the preposition governing it ("in", "from", ...)
    head: str | None = None  # the noun after it ("district", "area", ...)
    relative: str | None = None  # "30 km north of", "outskirts of", "near"
    qualifier_of: int | None = None  # index of the toponym this one qualifies
    link: str | None = None  # the word joining it to that toponym: ",", "in", "of", "("
    rule: str = "geo.ner"
    fragment: bool = False  # a piece of a longer capitalised name ("Isabel" of "Vila Isabel")
    cut: bool = False  # the head of a name NER cut before a lower-case link ("Ain" of "Ain al Arab")
    building: bool = False  # it opens a building's or a street's name ("Lakeside General Hospital")
    listed_after: int | None = None  # start of the place before it in a list ("in Mombasa and Kisumu")


def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    rel = lex["relative"]
    return (frozenset(lex["place_heads"]), frozenset(lex["place_preps"]),
            frozenset(rel["directions"]), frozenset(rel["units"]))


def _prep_before(doc, i: int) -> str | None:
    """The preposition before token i, past determiners and adjectives ("in the remote X"),
    and past a unit that the name is "of" ("in the northeastern city of X" -> "in")."""
    j, words = i - 1, 0
    compass = _compass_before()
    while j >= 0 and words < 3:
        if (h := _hyphened_from(doc, j)) is not None:
            j, words = h - 1, words + 1  # "the RSF-held city", "a rebel-controlled town": one modifier
            continue
        if not (doc[j].lower_ in SKIP_BEFORE or doc[j].pos_ == "ADJ" or doc[j].lower_ in compass
                or doc[j].tag_ == "VBG" and doc[j].dep_ == "amod"  # "in neighbouring Ituri province"
                or _first_word_of_name(doc, j, i) or _unit_before_name(doc, j, i)):
            break
        j, words = j - 1, words + 1
    if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in _unit_heads():
        k = j - 1
        if k >= 2 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].dep_ == "compound" \
                and doc[k - 2].lower_ in SKIP_BEFORE:
            k -= 1  # "in the Lolab area of Kupwara district": the unit's own name, unknown here
        return _prep_before(doc, k) or "of"
    return doc[j].lower_ if j >= 0 and doc[j].pos_ in ("ADP", "SCONJ") else None


def _unit_before_name(doc, j: int, i: int) -> bool:
    """Token j is a unit word, or a word of one, written before the name with no "of" ("in
    the state capital Imphal", "at the border town Torkham"): a compound that leans on the
    words up to the name, one of them a place word or "capital"."""
    tok = doc[j]
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and j < tok.head.i <= i \
        and any(t.lower_ in _unit_heads() or t.lower_ == "capital" for t in doc[j:i])


def _first_word_of_name(doc, j: int, i: int) -> bool:
    """Token j opens the name whose later word NER took alone ("at Plaine Savo", "Savo" found):
    a capitalised proper noun right before it, in the middle of a sentence."""
    return j == i - 1 and doc[j].pos_ == "PROPN" and doc[j].is_title and not doc[j].is_sent_start \
        and doc[j].ent_type_ not in ("GPE", "LOC", "PERSON", "ORG", "NORP")


def _hyphened_from(doc, j: int) -> int | None:
    """Where a hyphened modifier ending at token j starts ("RSF-held", "government-run"), or None."""
    if j >= 2 and doc[j - 1].text == "-" and not doc[j - 2].whitespace_ and not doc[j - 1].whitespace_ \
            and doc[j].is_alpha and doc[j - 2].is_alpha:
        return j - 2
    return None


@functools.lru_cache(maxsize=1)
def _compass_before() -> frozenset[str]:
    """Direction words a name may follow ("in north Kashmir's Kupwara district"), not the words
    of lying outside a place."""
    return _cues()[2] - {"outside", "outskirts"}


@functools.lru_cache(maxsize=1)
def _unit_heads() -> frozenset[str]:
    """Place words a name can follow with "of": "the town of X", "the district of X"
    ("the border of X" and "the outskirts of X" say where, not what, and are read apart)."""
    return frozenset(lexicon()["place_heads"]) - {"border", "outskirts"}


@functools.lru_cache(maxsize=1)
def _admin_heads() -> frozenset[str]:
    """Words that name an administrative unit ("district", "province"), not a town ("city")."""
    return frozenset(lexicon()["admin_terms"]) - {"city"}


def _head_after(doc, end: int, heads: frozenset[str]) -> str | None:
    for *phrase, word in lexicon().get("head_phrases", ()):
        if [t.lower_ for t in doc[end:end + len(phrase)]] == phrase:
            return word  # "Gwoza local government area": an LGA
    return doc[end].lower_ if end < len(doc) and doc[end].lower_ in heads else None


def _head_before(doc, start: int) -> str | None:
    """'the northern province of Takhar', 'the district of Kachhi': the unit word before "of"."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in UNIT_WORDS:
        return doc[start - 2].lower_
    return None


def _relative(doc, i: int, directions: frozenset[str], units: frozenset[str]) -> str | None:
    """'30 km north of X', 'north of X', 'outskirts of X', 'near X' -> the words before X."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in SKIP_BEFORE:
        j -= 1
    if j >= 0 and doc[j].lower_ in ("near", "outside", "around", "nearby", "close"):
        return doc[j].text
    if j < 1 or doc[j].lower_ not in ("of", "from", "to"):
        return None
    k = j - 1
    while k >= 0 and doc[k].lower_ in SKIP_BEFORE:
        k -= 1
    if k < 0 or doc[k].lower_ not in directions:
        return None
    start = k
    if k >= 2 and doc[k - 1].lower_ in units and doc[k - 2].like_num:
        start = k - 2
    return doc[start:j + 1].text


def _in_place_context(doc, span, heads, preps) -> bool:
    prep = _prep_before(doc, span.start)
    return ((prep in preps and prep != "of") or _head_after(doc, span.end, heads) is not None
            or _qualifies_place(doc, span) or _of_a_unit(doc, span, heads) or _described_as_place(doc, span, heads))


def _described_as_place(doc, span, heads) -> bool:
    """'Babanusa, a railway town in West Kordofan', 'Kfar Kila, a border village': a name its
    apposition calls a place (an article and at most three words before the place word)."""
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[i + 2:min(i + 6, len(doc))]:
        if tok.lower_ in heads:
            return tok.pos_ == "NOUN"
        if tok.is_punct:
            return False
    return False


def _of_a_unit(doc, span, heads) -> bool:
    """'the hillside suburb of Pétion-Ville', 'the town of X': the name a place word is "of"."""
    j = span.start - 1
    return j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in heads


def _qualifies_place(doc, span) -> bool:
    """'Al Hishah (Misrata)', 'Kubwa, Abuja': right after a place, in brackets or after a comma."""
    i = span.start - 1
    if i < 1 or doc[i].text not in ("(", ","):
        return False
    return doc[i - 1].ent_type_ in PLACE_LABELS


def _followed_by_place(doc, span) -> bool:
    """'in Samarra, Saladin, Iraq': a name NER took for a group's, written before a comma and
    a place, as a town is written before its province."""
    i = span.end
    return i + 1 < len(doc) and doc[i].text in (",", "(") and doc[i + 1].ent_type_ in PLACE_LABELS


KNOWN_PLACE = 100_000  # a country, or a province or city this large, is no one's first name
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sgt", "lt", "capt", "officer", "deputy",
                           "st", "saint", "chief", "det", "detective", "judge"})


def _name_word(tok) -> bool:
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.is_title and tok.ent_type_ in ("", "PERSON")


@functools.lru_cache(maxsize=1)
def _place_followers() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex["place_name_followers"]) | frozenset(lex["place_heads"]) | frozenset(lex["street_words"])


def _first_or_last_name(doc, ent, gazetteer) -> bool:
    """'Mary Knowlton', 'Sgt. David E. Foor', 'Gary Omar Rivera Montanez', 'St. Mary's
    Hospital': a one-word place name inside a person's (or a saint's) name. Words that
    keep a town a place ("Memphis Police", "North Philadelphia") are listed in the lexicon."""
    if len(ent) != 1:
        return False
    prev = doc[ent.start - 1] if ent.start > 0 else None
    title = doc[ent.start - 2] if prev is not None and prev.text == "." and ent.start > 1 else prev
    if title is not None and title.lower_.rstrip(".") in PERSON_TITLES:
        return True
    if any(e.feature_code.startswith("PCL") or (e.population >= KNOWN_PLACE and e.feature_code != "ADM2")
           for e in gazetteer.lookup(ent.text)):
        # "Florida Atlantic University", "U.S. President Trump", "Topeka, Kan. Heavy rain": a
        # modifier, no name (a county named after a person, "Douglas County", makes no
        # "Douglas" known)
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _place_followers():
        return False  # "Yangi Qala district", "Hama Airbase", "Memphis Police"
    if _after_first_name(doc, ent, gazetteer):
        return True
    if nxt is None:
        return False
    if _name_word(nxt):
        # a surname is often a town too ("Jones"); a state or a country after a town is not
        # a surname ("Gary Indiana")
        return not any(e.feature_code.startswith("PCL") or e.feature_code == "ADM1"
                       for e in gazetteer.lookup(nxt.text))
    return bool(INITIAL.match(nxt.text)) and nxt.text[:1].isupper()


def _after_first_name(doc, ent, gazetteer) -> bool:
    """'Howard Jones', 'Deshawn Davis suffered': a last name after a person's first name, or
    after a capitalised word no place bears where the name ends (not "the Robert E. Lane Dover
    Justice Center"); a town's own first words are a place's ("North Philadelphia")."""
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is None or prev.lower_ in lexicon()["place_name_leaders"]:
        return False
    if prev.ent_type_ == "PERSON":
        return True
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return _name_word(prev) and not gazetteer.lookup(prev.text) and not (nxt is not None and nxt.text[:1].isupper())


def _person_words(doc, as_names=()) -> set[str]:
    """Words of the persons' names of the text: of its PERSON entities, and the one-word town
    names it writes as a first or last name (``as_names``, "Jalen Williams"): "Williams, who
    turned himself in" further down is that person too."""
    out = {w for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for w in ent.text.split()}
    return out | {ent.text for ent in as_names}


def candidate_spans(doc, gazetteer) -> list:
    """Entity spans that name places: GPE/LOC, and re-read ORG/PERSON/FAC in place context.

    A GPE that is also a word of a person's name elsewhere in the article
    ("Nelson Mandela" ... "Nelson said") is taken for the person unless a place
    cue stands by it. Demonyms ("Russian") are kept as mentions of their country
    (label NORP); they never become an event's place.
    """
    from ..gazetteer import fold
    from ..gazetteer import stop_names

    heads, preps, _, _ = _cues()
    # place entities written as a first or last name, read once for the names and the spans
    as_names = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS and _first_or_last_name(doc, ent, gazetteer)] \
        if gazetteer is not None else []
    named = {(ent.start, ent.end) for ent in as_names}
    people = _person_words(doc, as_names)
    common = stop_names()
    streets = frozenset(lexicon()["street_words"])
    out = []
    for ent in doc.ents:
        if (ent.label_ == "NORP" or _is_demonym(ent.text, gazetteer)) and _compound_adjective(doc, ent):
            continue  # "Iranian-backed", "Saudi-led": words about an actor, never a place
        if ent.label_ == "NORP" and (whole := _group_word_opening_name(doc, ent, gazetteer)) is not None:
            out.append((whole, "geo.reread.norp"))
            continue
        if ent.label_ in PLACE_LABELS and _is_demonym(ent.text, gazetteer):
            from spacy.tokens import Span

            out.append((Span(doc, ent.start, ent.end, label="NORP"), "geo.demonym"))
            continue  # "a German aid worker": the country's adjective, not a town "German"
        if ent.label_ in PLACE_LABELS:
            if ent.text in people and not _in_place_context(doc, ent, heads, preps):
                continue
            if (ent.start, ent.end) in named:
                continue
            if fold(_strip_det(ent).text) in common and not _head_after(doc, ent.end, heads) \
                    and not _inside_chain(doc, ent) and not _country_in_capitals(doc, ent, gazetteer) \
                    and not _before_its_state(doc, ent) and not _province_before_country(doc, ent, gazetteer):
                continue  # "the Centre" (the central government), "Police"
            if ent.end < len(doc) and doc[ent.end].lower_.rstrip(".") in streets and not _towns_facility(doc[ent.end]):
                continue  # "Memphis St.": a street, not the city
            out.append((ent, "geo.ner"))
        elif ent.label_ == "NORP" and gazetteer is not None and gazetteer.demonym_country(ent.text):
            out.append((ent, "geo.demonym"))
        elif ent.label_ in ("ORG", "FAC") and (unit := _unit_read_as_body(doc, ent, gazetteer)) is not None:
            out.append((unit, "geo.reread.unit"))
        elif ent.label_ in ("ORG", "PERSON") and _unknown_village(doc, ent, people):
            out.append((ent, "geo.reread.village"))
        elif ent.label_ in REREAD_LABELS and (ent.label_ != "NORP" or _followed_by_place(doc, ent)
                                              or _village_read_as_group(doc, ent, gazetteer)) \
                and (_in_place_context(doc, ent, heads, preps) or _bracketed_unit(doc, ent, gazetteer)
                     or _inside_chain(doc, ent)):
            name = _strip_det(ent).text
            if fold(name) in _BODIES:
                continue  # "protest outside Congress", "stormed Parliament": the body, not a town of its name
            # another transliteration ("Misrata") is re-read too; resolution decides
            if gazetteer is not None and (gazetteer.lookup(name) or _skeleton_known(gazetteer, name)):
                if ent.label_ == "NORP":
                    from spacy.tokens import Span

                    ent = Span(doc, ent.start, ent.end, label="GPE")
                    out.append((ent, "geo.reread.norp"))
                    continue
                out.append((ent, "geo.reread." + ent.label_.lower()))
        elif ent.label_ in BODY_LABELS and gazetteer is not None \
                and (lead := _place_leading_body(doc, ent, gazetteer, common)) is not None:
            out.append(lead)
    return out


# Bodies of state written as a bare capitalised word, which towns elsewhere are also named
# (Congress, Arizona): read as an organisation, they stay one.
_BODIES = frozenset({"congress", "senate", "parliament", "assembly", "council", "ministry", "cabinet",
                     "government", "court", "presidency", "legislature"})


def _group_word_opening_name(doc, ent, gazetteer):
    """NER reads the first word of some village names as a group ("Kafr" of "Kafr Qaddum",
    "village" in Arabic): where that word names no people and, with the capitalised words
    after it, makes a place the gazetteer knows, the whole name as a place; else None."""
    if gazetteer is None or _is_demonym(ent.text, gazetteer) or gazetteer.demonym_country(ent.text):
        return None
    from spacy.tokens import Span

    whole = _with_last_words(doc, Span(doc, ent.start, ent.end, label="GPE"), gazetteer)
    return whole if whole.end > ent.end else None


def _unit_read_as_body(doc, ent, gazetteer):
    """'the Maru Local Government Area', 'the Kurram District': NER reads a unit written out in
    capitals as an organisation. The name before the unit's words is the place, when the
    gazetteer knows it (the span returned is the name alone)."""
    if gazetteer is None:
        return None
    span = _strip_det(ent)
    words = [t.lower_ for t in span]
    size = next((len(phrase) for *phrase, _ in lexicon().get("head_phrases", ())
                 if len(words) > len(phrase) and words[-len(phrase):] == phrase), None)
    if size is None and len(words) > 1 and words[-1] in _admin_heads():
        size = 1
    if size is None:
        return None
    name = span[:len(words) - size]
    if not len(name) or not all(t.is_title and t.pos_ == "PROPN" for t in name) \
            or not (gazetteer.lookup(name.text) or _skeleton_known(gazetteer, name.text)):
        return None
    from spacy.tokens import Span

    return Span(doc, name.start, name.end, label="GPE")


# Words after a name that make it a village's ("stormed Kairu village"), and words that do
# so before it with "of" ("the village of Kairu", "the Damascus suburb of Sayyida Zeinab").
_VILLAGE_WORDS = frozenset({"village", "hamlet"})
SETTLEMENT_WORDS = frozenset({"village", "hamlet", "town", "suburb", "settlement", "locality"})


def _unknown_village(doc, ent, people: set[str]) -> bool:
    """'stormed Kairu village', 'the suburb of Sayyida Zeinab': NER reads a village or a town the
    gazetteer lacks as a person or a body; the lower-case word "village" after it, or "the
    village of" before it, says what it is. Resolution leaves it unresolved, and assemble
    names the event by it at the place found for it."""
    if len(ent) > 3 or not all(t.is_title for t in ent) or ent.text in people:
        return False
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _VILLAGE_WORDS and nxt.is_lower:
        return not (ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in PERSON_TITLES)
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in SETTLEMENT_WORDS \
        and doc[ent.start - 2].is_lower


def _country_in_capitals(doc, ent, gazetteer) -> bool:
    """'US' in a text that writes lower case: the country, not the word "us"; but not the
    name of a currency ("the US dollar", lexicon ``currency_words``), which says nothing of
    where the text is."""
    text = _strip_det(ent).text
    nxt = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return gazetteer is not None and text.isupper() and len(text) <= 3 and _cased(doc) \
        and nxt not in lexicon()["currency_words"] \
        and any(e.feature_code.startswith("PCL") for e in gazetteer.lookup(text))


BODY_LABELS = frozenset({"ORG", "FAC", "PERSON"})
BODY_LEAD_WORDS = 3


def _place_leading_body(doc, ent, gazetteer, common: frozenset[str]):
    """'the Athens Police Department', 'The Washington Post', 'U.S. Census', 'American
    Airlines': the place (or the country's adjective) whose name opens the name of a body.
    A country, a state or a city of 100,000 or more opens any body's name; a smaller town
    only a town's own body ("Corsicana Police", "Canaan Board of Finance", lexicon
    ``town_bodies``) or a body of a town the text names on its own. NER reads "Huntsville
    Fire" as a person, so a person's name counts only with such a word; a road or a
    building named after a town ("DeKalb Ave.", "Lipscomb University") is no body, and a
    common word ("Supreme Court", "Mobile Video") no place unless a country or a state."""
    from spacy.tokens import Span

    from ..gazetteer import fold

    words = _strip_det(ent)
    if any(w.lower_.rstrip(".") in _road_words() for w in words[1:]):
        return None  # "Hudson Chapel Road", "U.S. Route 4": a road, no body
    for n in range(min(BODY_LEAD_WORDS, len(words) - 1), 0, -1):
        lead, nxt = words[:n], words[n]
        if not all(w.text[:1].isupper() for w in lead) or not nxt.text[:1].isupper() \
                or nxt.lower_.rstrip(".") in _street_words() \
                or (n == 1 and lead[0].lower_ in lexicon()["place_name_leaders"]):
            continue  # "Metro Police": a word that opens a town's name, not a town
        town_body = nxt.lower_ in _town_bodies()
        if ent.label_ == "PERSON" and not town_body:
            continue
        if _is_demonym(lead.text, gazetteer):
            return Span(doc, lead.start, lead.end, label="NORP"), "geo.body.demonym"
        cands = gazetteer.lookup(lead.text)
        unit = any(e.feature_code.startswith("PCL") or e.feature_code == "ADM1" for e in cands)
        if not cands or (fold(lead.text) in common and not unit):
            continue  # "Watch Mobile Video": a word, though a city bears it
        if unit or any(e.population >= KNOWN_PLACE for e in cands) or town_body or _named_alone(doc, lead.text):
            return Span(doc, lead.start, lead.end, label="GPE"), "geo.body"
    return None


@functools.lru_cache(maxsize=1)
def _street_words() -> frozenset[str]:
    return frozenset(lexicon()["street_words"])


@functools.lru_cache(maxsize=1)
def _road_words() -> frozenset[str]:
    return frozenset(lexicon()["road_words"])


@functools.lru_cache(maxsize=1)
def _street_address() -> re.Pattern:
    roads = "|".join(sorted((re.escape(w.capitalize()) for w in lexicon()["road_words"]), key=len, reverse=True))
    return re.compile(r"\b(?:in|on|at|near|along) (?:the (?:\d+|[A-Z][a-z]+) block of )?"
                      r"(?:(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th)?) ){1,4}(?:" + roads + r")\b\.?")


def names_a_street(sentence: str) -> bool:
    """Does the sentence place what it tells at a street ("in the 1500 block of Arlington
    Avenue", "on Milton Street", "at Main Street and Fifth Avenue")? A local report gives
    its incident a place this way, finer than a town, and leaves the town to its dateline."""
    return _street_address().search(sentence) is not None


@functools.lru_cache(maxsize=1)
def _town_bodies() -> frozenset[str]:
    return frozenset(lexicon()["town_bodies"])


def _named_alone(doc, text: str) -> bool:
    """Does the text name this place as a place entity of its own elsewhere?"""
    return any(e.label_ in PLACE_LABELS and e.text == text for e in doc.ents)


def _inside_chain(doc, ent) -> bool:
    """'Ashaka, Delta, Nigeria', 'Al Jarbouya neighborhood, Samawah, Muthanna, Iraq': a name
    between commas that a place follows is a link of a chain from village to country, even
    where NER took it for a person or it is also a common word."""
    i = ent.start - 1
    after_name = i >= 1 and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in _place_followers())
    return after_name and doc[i].text == "," and _chain_goes_on(doc, ent.end)


def _before_its_state(doc, ent) -> bool:
    """'in Independence, Kan.', 'Hope, Ark.': a name that a comma and a state's abbreviation
    follow is the town the state is written for, even where it is also a common word."""
    i = ent.end
    return i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ in PLACE_LABELS \
        and STATE_ABBREVIATION.match(doc[i + 1].text) is not None


def _province_before_country(doc, ent, gazetteer) -> bool:
    """'in North-West, Cameroon', 'in Central, Kenya': a name that is also a compass or common
    word is the province of that name when a comma and its country follow."""
    i = ent.end
    if gazetteer is None or i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].ent_type_ not in PLACE_LABELS:
        return False
    nxt = next((e for e in doc.ents if e.start == i + 1), None)
    country = gazetteer.country(nxt.text) if nxt is not None else None
    return country is not None and any(e.feature_code == "ADM1" and e.iso2 == country.iso2
                                       for e in gazetteer.lookup(_strip_det(ent).text))


def _chain_goes_on(doc, i: int) -> bool:
    """After a comma, a place, or a capitalised name that a comma and a place follow."""
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    if doc[i + 1].ent_type_ in PLACE_LABELS:
        return True
    j = i + 1
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and j - i <= 3:
        j += 1
    return j > i + 1 and j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].ent_type_ in PLACE_LABELS


def _bracketed_unit(doc, ent, gazetteer) -> bool:
    """'Khela Ben Oun (Aljfara)', 'Garabulli (Almargeb)': a district or province in brackets
    after a name, as notes write a place's unit, whatever NER took it for (written out: an
    abbreviation in brackets names the body before it)."""
    i = ent.start
    if i < 2 or doc[i - 1].text != "(" or not doc[i - 2].text[:1].isupper() or gazetteer is None \
            or ent.text.isupper():
        return False  # "British Airways (BA)": an abbreviation, not a unit
    return any(e.feature_code in ("ADM1", "ADM2") for e in gazetteer.lookup(_strip_det(ent).text))


def _village_read_as_group(doc, ent, gazetteer) -> bool:
    """'near Shyrokyne', 'in Pervomaiske': NER reads an unfamiliar village's adjective-like
    ending as a people's name; after "near" or "in" a name that is no country's adjective
    is a place, when the gazetteer has it by that spelling and the name ends there ("in Morro
    do Cavalao" names a neighbourhood; "in the Asian-Pacific region", "in Arab culture" no place)."""
    nxt = doc[ent.end] if ent.end < len(doc) else None
    # a noun after the name makes it an adjective ("in Arab culture"), unless a place word
    ends = nxt is None or (not nxt.is_alpha and nxt.text != "-") or (
        nxt.is_lower and (nxt.is_stop or nxt.lower_ in _place_followers()) and nxt.lower_ not in NAME_LINKS)
    return ends and _prep_before(doc, ent.start) in ("near", "in", "outside") and gazetteer is not None \
        and gazetteer.demonym_country(ent.text) is None and bool(gazetteer.lookup(ent.text))


def _compound_adjective(doc, ent) -> bool:
    """'Iranian-backed', 'US-led': the name joined by a hyphen to a lower-case word."""
    e = ent.end
    return (e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_
            and not doc[e].whitespace_ and doc[e + 1].is_lower)


def _is_demonym(text: str, gazetteer) -> bool:
    """A country's adjective ("German", "Iranian") that is not itself a country's name."""
    return (gazetteer is not None and hasattr(gazetteer, "demonym_country")
            and gazetteer.demonym_country(text) is not None and gazetteer.country(text) is None)


def _skeleton_known(gazetteer, name: str) -> bool:
    return hasattr(gazetteer, "by_skeleton") and len(name) >= 5 and bool(gazetteer.by_skeleton(name))


def _strip_det(span):
    while len(span) > 1 and span[0].lower_ in SKIP_BEFORE:
        span = span[1:]
    return span


def _bare_heads(doc, taken: set[int], gazetteer, heads) -> list:
    """'Mushqaf area' with no entity at all: capitalised words before a place head."""
    out = []
    for i, low in enumerate(words(doc).lower):
        if low not in heads or i == 0:
            continue
        tok = doc[i]
        j = tok.i
        while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].i not in taken and tok.i - j < 3:
            j -= 1
        if j < tok.i and not doc[j].is_sent_start:
            span = doc[j:tok.i]
            if gazetteer is not None and (gazetteer.lookup(span.text) or (
                    low in _admin_heads() and _skeleton_known(gazetteer, span.text))):
                # another transliteration of a unit ("Budgam district" for Badgam) too:
                # resolution takes it only in a country or province the text names
                out.append((span, "geo.head"))
    return out


_NAME_LINKS = frozenset({"al", "el", "de", "del", "la", "wa", "ash", "ad", "as", "an"})


def _bracketed_units(doc, taken: set[int], gazetteer) -> list:
    """'at the Al Watiyah airbase (An Nuqat Al Khams)', 'in Kelly (Harim, Idleb)': coded notes
    write a place's district and province in brackets after it; in a bracket where NER tagged
    nothing, a name is a place when the gazetteer knows a district, province or country of that
    name."""
    out = []
    if gazetteer is None:
        return out
    i = 0
    while i < len(doc):
        if doc[i].text != "(":
            i += 1
            continue
        close = next((k for k in range(i + 1, min(len(doc), i + 12)) if doc[k].text == ")"), None)
        if close is None:
            i += 1
            continue
        if any(k in taken for k in range(i + 1, close)):
            i = close + 1
            continue  # a bracket with a place already read: the rest is that place's chain
        start = i + 1
        for k in range(i + 1, close + 1):
            if k < close and doc[k].text != ",":
                continue
            part = range(start, k)
            start = k + 1
            if not part or any(j in taken for j in part) or not doc[part[0]].is_title or not all(
                    doc[j].is_alpha and (doc[j].is_title or doc[j].lower_ in _NAME_LINKS)
                    and doc[j].ent_type_ in _NAME_READINGS for j in part):
                continue
            span = doc[part[0]:part[-1] + 1]
            if any(e.feature_class == "A" for e in gazetteer.lookup(span.text)):
                out.append((span, "geo.bracket"))
                taken.update(part)
        i = close + 1
    return out


_NUMBERED_TOKEN = re.compile(r"([A-Z][a-z]+)-\d{1,2}")


def _numbered_towns(doc, taken: set[int], gazetteer) -> list:
    """'near Zolote-4': a town's name with a number, after a place's preposition, NER left
    untagged; resolution reads it as a numbered part of the town."""
    out = []
    if gazetteer is None:
        return out
    preps = _cues()[1]
    for tok in doc:
        m = _NUMBERED_TOKEN.fullmatch(tok.text)
        if not m or tok.i in taken or tok.i == 0 or doc[tok.i - 1].lower_ not in preps:
            continue
        if any(e.feature_class == "P" for e in gazetteer.lookup(m.group(1))):
            out.append((doc[tok.i:tok.i + 1], "geo.numbered"))
            taken.add(tok.i)
    return out


# NER reads an unfamiliar name as a date now and then ("region of Dahuk"); a calendar word never is one
_CALENDAR = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday".split())


def _names_after_unit_of(doc, taken: set[int], gazetteer) -> list:
    """'in Gara region of Dahuk', 'the town of Kelly': capitalised words NER left untagged
    after a unit word and 'of' name the unit or town when the gazetteer knows the name, and
    no street word follows it ("the area of Garner Avenue" is a street's name)."""
    from ..gazetteer import stop_names

    out = []
    if gazetteer is None:
        return out
    units = _unit_heads()
    for i in range(len(doc) - 2):
        if doc[i].lower_ not in units or doc[i + 1].lower_ != "of":
            continue
        s = j = i + 2
        settlement = doc[i].lower_ in _SETTLEMENTS
        while j < len(doc) and j - s < 3 and j not in taken and doc[j].is_alpha and doc[j].is_title \
                and (doc[j].ent_type_ in _NAME_READINGS or doc[j].ent_type_ == "DATE" and doc[j].lower_ not in _CALENDAR
                     or settlement and doc[j].ent_type_ in _MISREAD_SETTLEMENT):  # "the town of Kisweh" read as a people
            j += 1
        if j == s:
            continue
        for end in range(j, s, -1):  # the longest name the gazetteer knows
            span = doc[s:end]
            if end < len(doc) and doc[end].lower_.rstrip(".") in _street_words():
                continue  # "the area of Garner Avenue": a street named after a town, no town
            if fold(span.text) not in stop_names() and gazetteer.lookup(span.text):
                out.append((span, "geo.head-of"))
                taken.update(range(s, end))
                break
        else:
            if settlement and (j >= len(doc) or doc[j].lower_.rstrip(".") not in _street_words()):
                # "near the town of Kisweh": a settlement the gazetteer lacks is still a place,
                # named by the event that happened there (assemble's unknown village)
                out.append((doc[s:j], "geo.head-of.unknown"))
                taken.update(range(s, j))
    return out


# The settlement words after which "the X of" introduces an unfamiliar name as a place of its
# own ("the town of Kisweh"); not a suburb or a locality
_SETTLEMENTS = SETTLEMENT_WORDS - {"suburb", "locality"}
# What NER may read a settlement's unfamiliar name as after "the village of": a people, a language
_MISREAD_SETTLEMENT = frozenset({"NORP", "LANGUAGE", "EVENT", "LAW"})


# what NER may have read an unfamiliar village's name as, or nothing at all
_NAME_READINGS = frozenset({"", "PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})


def _names_before_qualifiers(doc, spans: list, taken: set[int], gazetteer) -> list:
    """'in Neni, Anambra', 'attacked Tall Tamr, Al Hasakah': capitalised words NER left
    untagged, written just before a comma and a place, are a place when the gazetteer knows
    a place of that name inside the one that follows (a province, or a town's surroundings)."""
    if gazetteer is None:
        return []
    from ._resolve import _inside_qualifier

    out = []
    for span, rule in spans:
        if rule == "geo.demonym" or span.label_ == "NORP" or span.start < 2 or doc[span.start - 1].text != ",":
            continue
        end = span.start - 1
        outers = None
        for n in (3, 2, 1):
            s = end - n
            if s < 1 or any(k in taken for k in range(s, end)) or not all(
                    (doc[k].is_alpha and doc[k].is_title or _inner_hyphen(doc, k, s, end))
                    and doc[k].ent_type_ in _NAME_READINGS for k in range(s, end)) \
                    or doc[s - 1].is_title:
                continue
            name = doc[s:end]
            if outers is None:  # the place that follows, looked up once for every length tried
                outers = gazetteer.lookup(span.text)
                country = any(q.feature_code.startswith("PCL") for q in outers)
            # a town inside the place that follows; before a country, a province of it too
            # ("in North-West, Cameroon": a compass name NER leaves untagged)
            inners = [e for e in gazetteer.lookup(name.text) or _close_transliterations(gazetteer, name.text)
                      if e.feature_class == "P" or country and e.feature_code == "ADM1"]
            if inners and any(_inside_qualifier(q, e) for q in outers for e in inners):
                from spacy.tokens import Span

                out.append((Span(doc, s, end, label="GPE"), "geo.before-qualifier"))
                taken.update(range(s, end))
                break
    return out


def _close_transliterations(gazetteer, name: str) -> list:
    """Towns and units spelt with the same consonants and still closely ("Sheikh Zuweid" for
    Ash Shaykh Zuwayd, "Jandairis" for Jindayris): another transliteration of the name,
    taken only where it lies inside the place the comma leads to."""
    if not hasattr(gazetteer, "by_skeleton") or len(name) < 5:
        return []
    from rapidfuzz import fuzz

    from ._resolve import _ARTICLE

    bare = _ARTICLE.sub("", fold(name))
    return [e for e in gazetteer.by_skeleton(name) if fuzz.ratio(bare, _ARTICLE.sub("", fold(e.name))) >= 75]


def _inner_hyphen(doc, k: int, start: int, end: int) -> bool:
    """A hyphen joining two words of one name ("South-West")."""
    return start < k < end - 1 and doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_


# A French article elided before a capitalised word, a piece of a hyphenated name ("d'Eau" of
# "Saut-d'Eau", "l'Artibonite" of "Petite-Rivière-de-l'Artibonite")
def _elided(text: str) -> bool:
    return len(text) > 2 and text[0] in "dlDL" and text[1] in "'’" and text[2].isupper() and text[2:].isalpha()


def _whole_hyphenated(doc, span):
    """NER keeps a piece of a hyphenated name ("Qala" of "Qala-i-Naw", "Ain" of "Ras
    al-Ain"); the piece alone names somewhere else (Qala, Malta), so take the whole name."""
    s, e = span.start, span.end
    while s >= 2 and doc[s - 1].text == "-" and not doc[s - 1].whitespace_ and not doc[s - 2].whitespace_:
        s -= 2
    while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_:
        e += 2
    while e > span.end and not (doc[e - 1].is_title or _elided(doc[e - 1].text)):
        e -= 2  # "Jhapa-based", "Taliban-held": a suffix, not part of the name
    if not any(doc[k].is_lower or _elided(doc[k].text) for k in range(s, e)):
        return span  # "Nepal-India border", "Pune-Bengaluru highway": two places, not one name
    if (s, e) == (span.start, span.end) or not all(
            doc[k].is_alpha or doc[k].text == "-" or _elided(doc[k].text) for k in range(s, e)):
        return span
    if s < span.start and doc[s].is_lower and s >= 1 and doc[s - 1].is_title and not doc[s - 1].is_sent_start:
        s -= 1  # "Ras al-Ain": the capitalised word before the article belongs to the name
    return doc[s:e]


def _with_first_words(doc, span, gazetteer):
    """NER keeps the last word of some unit names ("Saraj" of "Nahri Saraj district"):
    before a unit word, capitalised words just before the span join it when the whole
    name is known (by spelling or consonant skeleton)."""
    if gazetteer is None or span.label_ == "NORP" or not (span.end < len(doc) and doc[span.end].lower_ in UNIT_WORDS):
        return span
    for n in (2, 1):
        s = span.start - n
        if s < 1 or doc[s].is_sent_start or not all(
                doc[k].is_alpha and doc[k].text[:1].isupper() and not doc[k].ent_type_ for k in range(s, span.start)):
            continue
        joined = doc[s:span.end]
        if gazetteer.lookup(joined.text) or _skeleton_known(gazetteer, joined.text):
            from spacy.tokens import Span

            return Span(doc, s, span.end, label=span.label_)
    return span


def _with_last_words(doc, span, gazetteer):
    """NER keeps the first word of some town names and drops the rest ("Mali" of "Mali
    Zvornik", which alone names a country): the capitalised words right after the span join
    it when the whole name is a place the gazetteer knows. A unit word is no part of such a
    name ("Police District 2" is a ward, not a Polish county). A word in lower case joins when
    the whole names an administrative unit ("the Damascus countryside" is Rif Dimashq)."""
    if gazetteer is None or span.label_ == "NORP" or span.label_ not in PLACE_LABELS:
        return span
    units = _cues()[0] | frozenset(lexicon()["admin_terms"])
    for n in (2, 1):
        e = span.end + n
        if e > len(doc) or not all(doc[k].is_alpha and doc[k].is_title and not doc[k].ent_type_
                                   and not doc[k].is_sent_start and doc[k].lower_ not in units
                                   for k in range(span.end, e)):
            continue
        if gazetteer.lookup(doc[span.start:e].text):
            from spacy.tokens import Span

            return Span(doc, span.start, e, label=span.label_)
    e = span.end + 1
    if e <= len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha and doc[span.end].lower_ not in units \
            and any(x.feature_code.startswith("ADM") for x in gazetteer.lookup(doc[span.start:e].text)):
        from spacy.tokens import Span

        return Span(doc, span.start, e, label=span.label_)  # "the Damascus countryside": Rif Dimashq
    return span


def _with_short_form(doc, span, gazetteer):
    """NER keeps a name without its abbreviated first word ("Vernon" of "Mt. Vernon") or
    keeps only that word ("Ft" of "Ft. Myers"): the whole name, when it is known."""
    from ..gazetteer._index import NAME_ABBREVIATIONS

    if gazetteer is None or span.label_ == "NORP":
        return span
    s, e = span.start, span.end
    if s >= 1 and doc[s - 1].text[:1].isupper() and doc[s - 1].lower_.rstrip(".") in NAME_ABBREVIATIONS:
        s -= 1
    elif len(span) == 1 and span[0].lower_.rstrip(".") in NAME_ABBREVIATIONS:
        if e < len(doc) and doc[e].text == ".":
            e += 1
        if e < len(doc) and doc[e].is_title and doc[e].is_alpha:
            e += 1
    if (s, e) == (span.start, span.end) or not gazetteer.lookup(doc[s:e].text):
        return span
    from spacy.tokens import Span

    return Span(doc, s, e, label=span.label_)


def _linked_rest(doc, span) -> int | None:
    """'Ain al Arab', 'Qala i Naw', 'Wadi al-Rabi', 'San Juan de los Cerritos': where the span
    goes on with lower-case links and a capitalised word, the end of the whole name."""
    i = span.end
    links = 0
    while i < len(doc) and doc[i].lower_ in LINKS_IN_NAMES and doc[i].is_lower and links < 2:
        i, links = i + 1, links + 1
        if i < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_:
            i += 1
    if not links or i >= len(doc) or not (doc[i].is_alpha and doc[i].text[:1].isupper()):
        return None
    while i + 1 < len(doc) and i + 1 - span.end < 4 and doc[i + 1].is_alpha and doc[i + 1].is_title \
            and doc[i + 1].ent_type_ not in PLACE_LABELS:
        i += 1
    return i + 1


def _with_linked_rest(doc, span, gazetteer):
    """NER cuts a name at a lower-case link ("Ain" of "Ain al Arab"): the whole name where the
    gazetteer knows it (by spelling or consonant skeleton); else the span, marked as cut."""
    if span.label_ == "NORP" or (end := _linked_rest(doc, span)) is None:
        return span, False
    whole = doc[span.start:end]
    if gazetteer is not None and (gazetteer.lookup(whole.text) or _skeleton_known(gazetteer, whole.text)):
        from spacy.tokens import Span

        return Span(doc, span.start, end, label=span.label_), False
    return span, True


def _whole_names(doc, spans: list) -> list:
    """Spans without determiners and with their hyphenated rest; a span the widened
    one before it already covers ("Ras al-" under "Ras al-Ain") is dropped."""
    out: list = []
    for span, rule in spans:
        span = _strip_det(span)
        if rule != "geo.demonym":
            span = _whole_hyphenated(doc, span)
        if out and span.start < out[-1][0].end:
            if span.end > out[-1][0].end and span.start <= out[-1][0].start:
                out[-1] = (span, out[-1][1])
            continue
        out.append((span, rule))
    return out


# Sites a town's name may stand before in lower case, as the town's own: "near Mogadishu
# airport" (a road or a square of its name is a street: "Memphis St."). Not a hospital or a jail,
# where the wounded and the arrested are taken: "treated at an Athens hospital" is no scene.
_FACILITIES = frozenset({"airport", "university", "stadium", "station", "barracks"})


def _towns_facility(tok) -> bool:
    return tok.is_lower and tok.lower_ in _FACILITIES


def _merge_split_names(doc, spans: list, gazetteer, heads: frozenset[str]) -> list:
    """NER cuts some names in two ("Purba" "Champaran"): adjacent spans are one place."""
    if gazetteer is None:
        return spans
    out: list = []
    for span, rule in spans:
        if out and out[-1][0].end == span.start and len(out[-1][0]) > 1 and doc[span.start - 1].is_lower \
                and doc[span.start - 1].lower_ in ("in", "near") \
                and not gazetteer.lookup(doc[out[-1][0].start:span.end].text):
            # "Kelly in" + "Idleb province": NER took the preposition into the first name; it
            # joins a place to the unit it lies in, not two halves of one name
            out[-1] = (out[-1][0][:-1], out[-1][1])
        elif (out and out[-1][0].end == span.start and doc[span.start].is_alpha
                and doc[span.start - 1].is_alpha and "geo.demonym" not in (rule, out[-1][1])):
            joined = doc[out[-1][0].start:span.end]
            # unknown but followed by a place word, still one place: "Punjab Kala
            # neighborhood" is not Punjab qualified by Kala
            if gazetteer.lookup(joined.text) or _head_after(doc, span.end, heads):
                out[-1] = (joined, out[-1][1])
                continue
        out.append((span, rule))
    return out


def find_toponyms(doc, gazetteer=None) -> list[Toponym]:
    """Every place mention in ``doc`` in text order, with its context."""
    heads, _, directions, units = _cues()
    spans = [(_without_possessive(doc, span), rule) for span, rule in candidate_spans(doc, gazetteer)]
    taken = {t for s, _ in spans for t in range(s.start, s.end)}
    spans += _bare_heads(doc, taken, gazetteer, heads)
    spans += _names_after_unit_of(doc, taken, gazetteer)
    spans += _numbered_towns(doc, taken, gazetteer)
    spans += _bracketed_units(doc, taken, gazetteer)
    spans += _names_before_qualifiers(doc, spans, taken, gazetteer)
    spans.sort(key=lambda p: p[0].start)
    spans = _merge_split_names(doc, spans, gazetteer, heads)
    cased = _cased(doc)
    spans = [(span, rule) for span, rule in spans if not _street_named(doc, span) and not _numbered_ward(doc, span)
             and not (cased and span.text.islower()) and not _first_name(doc, span) and not _aged(doc, span)]
    spans = [(_with_last_words(doc, _with_short_form(doc, _with_first_words(doc, span, gazetteer), gazetteer),
                               gazetteer), rule)
             for span, rule in spans]
    widened = [(_with_linked_rest(doc, span, gazetteer), rule) for span, rule in spans]
    cut = {span.start for (span, was_cut), _ in widened if was_cut}
    out: list[Toponym] = []
    for span, rule in _whole_names(doc, [(span, rule) for (span, _), rule in widened]):
        sent = span.sent
        out.append(Toponym(
            text=span.text, start=span.start_char, end=span.end_char,
            sent_start=sent.start_char, sent_end=sent.end_char,
            token_start=span.start, token_end=span.end, label=span.label_ or "GPE",
            prep=_prep_before(doc, span.start),
            head=_head_after(doc, span.end, heads) or _head_before(doc, span.start),
            relative=_relative(doc, span.start, directions, units), rule=rule,
            fragment=span.label_ != "NORP" and _inside_longer_name(doc, span, heads),
            cut=span.start in cut, building=span.label_ != "NORP" and _opens_building_name(doc, span),
        ))
    return _link_qualifiers(doc, _share_listed_preps(doc, out, gazetteer), gazetteer)


def _share_listed_preps(doc, tops: list[Toponym], gazetteer=None) -> list[Toponym]:
    """The places of a list after a preposition share it: "marches were held in Mombasa and
    Kisumu", "in Lahore, Multan and Faisalabad" say every town is where marches were (see
    ``Toponym.listed_after``). A name after a bare comma is one of the list only when the list
    goes on to "and" and the name cannot hold the one before ("Quetta, Balochistan" says where
    the town lies)."""
    from dataclasses import replace

    out = list(tops)
    text = doc_text(doc)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if prev.prep is None or prev.sent_start != cur.sent_start or "NORP" in (prev.label, cur.label):
            continue
        between = text[prev.end:cur.start]
        listed = _LISTED.fullmatch(between) is not None
        if not listed and gazetteer is not None and _COMMA.fullmatch(between) and _list_goes_on(out, i, text) \
                and not _may_hold(gazetteer, cur.text, prev.text):
            listed = True
        if listed and cur.prep in (None, prev.prep):
            out[i] = replace(cur, prep=prev.prep, relative=cur.relative or prev.relative, listed_after=prev.start)
    return out


def _list_goes_on(tops: list[Toponym], i: int, text: str) -> bool:
    """Places after place i, each after a comma, until one after "and" or "or" ends the list."""
    for j in range(i + 1, len(tops)):
        if tops[j].sent_start != tops[i].sent_start:
            return False
        between = text[tops[j - 1].end:tops[j].start]
        if _LISTED.fullmatch(between):
            return True
        if not _COMMA.fullmatch(between):
            return False
    return False


# What joins the last place of a list to the one before: "X and Y", "X, Y and Z", "X or Y"
_LISTED = re.compile(r"\s*,?\s*(?:and|or)\s+")
_COMMA = re.compile(r"\s*,\s*")


def _without_possessive(doc, span):
    """'north Kashmir's' as NER may cut "north Kashmir's Kupwara district": the "'s" joins the
    larger unit to the smaller one (see :func:`_possessive_unit`); it is no part of the name."""
    if len(span) > 1 and _possessive_mark(span[-1]) \
            and any(t.pos_ == "PROPN" for t in doc[span.end:span.end + 2]):  # not "in Smith's home"
        from spacy.tokens import Span

        return Span(doc, span.start, span.end - 1, label=span.label_)
    return span


def _cased(doc) -> bool:
    """Does the text write names with capitals? Then a name written in lower case is a common
    word ("turkey hunting", "a china cabinet"), not a place; a text in one case says nothing."""
    text = doc_text(doc)
    return any(ch.isupper() for ch in text) and any(ch.islower() for ch in text)


WARD_WORDS = frozenset({"district", "ward", "sector", "zone"})


def _numbered_ward(doc, span) -> bool:
    """'Police District 17', 'Zone 3': a numbered ward of the town the text goes on to name,
    never a unit called by its first word (Poland's Police county). A county's number is a
    phone line's ("a Boone County 911 dispatcher"), not a ward's."""
    return len(span) > 1 and span[-1].lower_ in WARD_WORDS and span.end < len(doc) and doc[span.end].like_num


def _street_named(doc, span) -> bool:
    """'Plaza San Martin', 'Avenida Brasil', 'Rue de Paris': a square or street that bears a
    town's name (lexicon ``street_leaders``, capitalised before the name, "de" between), or
    the leading word alone where NER took it for a place."""
    leaders = _street_leaders()
    if len(span) == 1 and span[0].lower_ in leaders:
        return True
    i = span.start - 1
    if i >= 1 and doc[i].lower_ in ("de", "del", "da", "do", "di") and span.start - 2 >= 0:
        i -= 1
    return i >= 0 and doc[i].text[:1].isupper() and doc[i].lower_.rstrip(".") in leaders


def _first_name(doc, span) -> bool:
    """'Charlotte Manow stands with her children': a town's name that is also a given name
    (lexicon ``town_given_names``), written before one more capitalised name word and then a
    lower-case word or a stop, is a person's first name. A place's follower ("Charlotte
    police", "Madison Square"), a third capitalised word ("Orlando Sentinel Staff") or a
    place of its own after it keep the town."""
    if len(span) != 1 or span[0].lower_ not in _town_given_names() or span.end + 1 >= len(doc):
        return False
    surname, after = doc[span.end], doc[span.end + 1]
    return (_name_part(surname) and surname.lower_ not in _place_followers() and surname.tag_ != "NNPS"
            and not after.text[:1].isupper())


MAX_AGE = 110


def _aged(doc, span) -> bool:
    """'her children, Tristan, 8, and Mia, 12': one word with an age set off by commas is a
    person the report introduces, never a town (a dateline's day comes with its month)."""
    i = span.end
    if len(span) != 1 or i + 2 >= len(doc) or doc[i].text != "," or doc[i + 2].text not in (",", ";", ")", "."):
        return False
    age = doc[i + 1].text
    return age.isdigit() and int(age) <= MAX_AGE


@functools.lru_cache(maxsize=1)
def _town_given_names() -> frozenset[str]:
    return frozenset(lexicon().get("town_given_names", ()))


@functools.lru_cache(maxsize=1)
def _street_leaders() -> frozenset[str]:
    return frozenset(lexicon().get("street_leaders", ()))


def _name_part(tok) -> bool:
    """A capitalised word that can continue a name: not a function word ("In"), not a
    sentence's first word, not a place of its own (two places side by side are read apart)."""
    return (tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and not tok.is_sent_start
            and tok.ent_type_ not in PLACE_LABELS)


def _inside_longer_name(doc, span, heads: frozenset[str]) -> bool:
    """'Colonia' of 'Colonia Vistas del Rio', 'Isabel' of 'Vila Isabel', 'Federation' of
    'Students' Federation': the span is a piece of a longer capitalised name, which names
    a neighbourhood, a body or a person rather than a namesake town elsewhere. A unit or
    place word after it ("Kachua Upazila", "Memphis Police", "Dhaka University") keeps
    the name a place."""
    before = doc[span.start - 1] if span.start >= 1 else None
    if before is not None and not span[0].is_sent_start and _name_part(before):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.lower_ in heads or after.lower_ in UNIT_WORDS or after.lower_ in _place_followers():
        return False
    return _name_part(after)


BUILDING_NAME_WORDS = 3  # capitalised words between a place's name and the building word


def _opens_building_name(doc, span) -> bool:
    """'Lakeside General Hospital', 'Oak Hills Elementary School', 'Grand River and Hazelwood
    avenues': the name opens the name of a building or a street (its last word one of the
    lexicon's ``street_words``, capitalised as part of the name unless a road's), written
    with up to three capitalised words between; "the Elkton church" is the town's."""
    for tok in doc[span.end:span.end + BUILDING_NAME_WORDS + 1]:
        word = tok.lower_.rstrip(".")
        if any(w in _road_words() for w in (word, word[:-1] if word.endswith("s") else word)):
            return True
        if not tok.text[:1].isupper():
            return False
        if word in _street_words():
            return True
    return False


# The rest of a name NER cut short, before the comma that ends it ("Rabat Abdullah, Herat":
# "Abdullah,"; "Bagh-e Shamal, Baghlan": "-e Shamal,"), and the start of one after the comma
# ("Sheikhi neighborhood, Abu Sayda": " Abu")
_REST_OF_NAME = re.compile(r"^(?:-[a-z]{1,3}-?\s*)?(?:[A-Z][\w'-]*\s*){1,3}(?=,)")
_START_OF_NAME = re.compile(r"(?<=,)\s*(?:[A-Z][\w'-]*\s*){1,2}$")


def _without_cut_names(between: str, prev: Toponym, cur: Toponym) -> str:
    """The words between two places without the pieces of their names NER left out: a
    piece of a longer name (``fragment``) or a hyphenated one it cut ("Bagh" of "Bagh-e
    Shamal") is still the place a chain of qualifiers after it speaks of."""
    if prev.fragment or between.startswith("-"):
        between = _REST_OF_NAME.sub("", between, count=1)
    if cur.fragment:
        between = _START_OF_NAME.sub("", between)
    return between.strip()


# "Chicago's Englewood neighborhood", "Pittsburgh's Homewood section", "Karachi's Clifton
# suburb": a part of a city, whose event the press and ACLED place in the city; "Kabul's
# outskirts", "India's border"
CITY_PART_HEADS = frozenset({"neighbourhood", "neighborhood", "section", "suburb", "border", "outskirts"})
# "the Lyon suburb of Vénissieux": a city, its suburb word, "of" and the suburb's own name
SUBURB_HEADS = frozenset({"suburb"})


def _possessive_mark(tok) -> bool:
    return tok.lower_.replace("’", "'") == "'s"


def _possessive_unit(doc, prev: Toponym, cur: Toponym) -> bool:
    """'Manipur's Chandel district', 'Zamfara state's Gusau area', 'Afghanistan's eastern
    Nangarhar province', 'Pakistan's northwestern city of Peshawar': the larger unit, its
    "'s", then the smaller one written as a place (with its unit word, or after "city of").
    A possessive before anything else ("Pakistan's army", "Israel's Gaza offensive") or
    before a part of a city is no chain of units."""
    toks = doc[prev.token_end:cur.token_start]
    k = 1 if len(toks) and prev.head and toks[0].lower_ == prev.head else 0
    if k >= len(toks) or not _possessive_mark(toks[k]):
        return False
    rest = _without_compounds([t.lower_ for t in toks[k + 1:]])
    _, _, directions, _ = _cues()
    while rest and (rest[0] in directions or rest[0] in _possessive_adjectives()):
        rest = rest[1:]
    if rest:
        return len(rest) == 2 and rest[0] in _unit_heads() and rest[1] == "of"
    head = cur.head or _unit_word_in_name(cur)
    return head is not None and head not in CITY_PART_HEADS


def _possessive_town(doc, prev: Toponym, cur: Toponym, gazetteer) -> bool:
    """A headline's "in J&K's Kupwara", "Borno's Gwoza": a bare name after a larger unit's "'s"
    is a place of it when the gazetteer puts it there (not "Israel's Gaza offensive", where the
    name qualifies a noun, nor a name the gazetteer lacks)."""
    toks = doc[prev.token_end:cur.token_start]
    if gazetteer is None or len(toks) != 1 or not _possessive_mark(toks[0]) or cur.head is not None:
        return False
    if doc[cur.token_end - 1].dep_ in ("compound", "amod"):
        return False
    inners, outers = gazetteer.lookup(cur.text), gazetteer.lookup(prev.text)
    from ._resolve import _inside_qualifier

    return any(_inside_qualifier(o, c) for o in outers for c in inners)


def _without_compounds(words: list[str]) -> list[str]:
    """'insurgency - hit', 'maoist - affected': a hyphened adjective says what the district is
    like ("Chhattisgarh's Maoist-affected Sukma district"), not which; its words are dropped."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 2 < len(words) and words[i + 1] == "-":
            i += 3
            continue
        out.append(words[i])
        i += 1
    return out


def _unit_word_in_name(t: Toponym) -> str | None:
    """'Kutkai Township', 'Phuoc Minh Commune': a unit word NER kept inside the name."""
    last = t.text.rsplit(None, 1)[-1].lower()
    return last if " " in t.text and last in _cues()[0] else None


@functools.lru_cache(maxsize=1)
def _compass_words() -> frozenset[str]:
    """'northern', 'south-eastern': the compass adjectives of the lexicon's directions, and
    'central', which says where in a country as they do ("in the central Sagaing region")."""
    return frozenset(w for w in _cues()[2] if w.endswith("ern")) | {"central"}


@functools.lru_cache(maxsize=1)
def _possessive_adjectives() -> frozenset[str]:
    """'restive', 'remote': words between a province's "'s" and its district (lexicon)."""
    return frozenset(lexicon().get("possessive_adjectives", ()))


def _may_hold(gazetteer, outer: str, inner: str) -> bool:
    """Can the place before "'s" hold the one after it? A province its district, a city its
    quarter; not a city a province ("Karachi's Punjab province community"). A name the
    gazetteer lacks, either one ("north Kashmir's"), may lie anywhere."""
    from ._resolve import _inside_qualifier

    inners = gazetteer.lookup(inner) if gazetteer is not None else []
    if not inners:
        return True
    outers = gazetteer.lookup(outer)
    return not outers or any(_inside_qualifier(o, c) for o in outers for c in inners)


def _link_possessive(out: list[Toponym], i: int) -> None:
    """Make the place before "'s" (and the places that qualified it, "Nigeria's Borno
    state's Gwoza area") qualify place i, which heads the chain though it comes last; the
    words before the chain's first name are the head's ("in Manipur's Chandel district":
    the district is where things happened, "near Kabul's Bagram district": near it)."""
    from dataclasses import replace

    prev = out[i - 1]
    if prev.qualifier_of is not None:
        if out[prev.qualifier_of].head not in CITY_PART_HEADS:
            # "at Dhuri in Punjab's Sangrur district": the district, inside the province,
            # qualifies the town as well (not "the Pakistan border in Punjab's Amritsar district")
            out[i - 1] = replace(prev, link="'s")
            out[i] = replace(out[i], qualifier_of=prev.qualifier_of, link=prev.link)
        return
    members = [j for j in range(i) if out[j].qualifier_of == i - 1 or j == i - 1]
    for j in members:
        out[j] = replace(out[j], qualifier_of=i, link="'s")
    first = out[members[0]]
    # "Pakistan's northwestern city of Peshawar": the "of" after "city" is no place's preposition
    prep = first.prep if out[i].prep in (None, "of") else out[i].prep
    out[i] = replace(out[i], prep=prep, relative=out[i].relative or first.relative)


def _link_qualifiers(doc, tops: list[Toponym], gazetteer=None) -> list[Toponym]:
    """'Quetta in Balochistan', 'Raiganj, Dinajpur district', 'Mushqaf area of the Bolan district';
    and the larger unit first, "Manipur's Chandel district" (see :func:`_possessive_unit`)."""
    from dataclasses import replace

    out = list(tops)
    for i in range(1, len(out)):
        prev, cur = out[i - 1], out[i]
        if prev.sent_start != cur.sent_start or "NORP" in (prev.label, cur.label) or cur.listed_after is not None:
            continue
        if _possessive_unit(doc, prev, cur) or _possessive_town(doc, prev, cur, gazetteer):
            if _may_hold(gazetteer, prev.text, cur.text):
                _link_possessive(out, i)
            continue
        between = _without_cut_names(doc_text(doc)[prev.end:cur.start].strip(), prev, cur)
        if _UNKNOWN_LINK.fullmatch(between):
            between = ","  # "Barang, Asil Targao, Bajaur": a unit the gazetteer lacks sits between
        elif _UNKNOWN_BRACKET.fullmatch(between):
            between = "("
        between = between.lower()
        parts = between.split()
        if len(parts) == 2 and parts[0] in (",", "in") and parts[1] in _compass_words():
            # "Newport, southern Wales", "Mosul in northern Iraq": the compass word says
            # where in the country, which holds the town all the same
            between = parts[0]
        elif cur.token_end < len(doc) and _possessive_mark(doc[cur.token_end]):
            # "at Dhuri in southern Punjab's Sangrur district": a compass word says where
            # in the province, whose district goes on the chain
            between = " ".join(w for w in between.split() if w not in _compass_words())
        # "Sinjil in the occupied West Bank": a modifier of the larger unit stands between the
        # two as an article does
        modifiers = {t.lower_ for t in doc[prev.token_end:cur.token_start]
                     if t.dep_ == "amod" and t.head.i >= cur.token_start and t.pos_ in ("ADJ", "VERB")}
        words = [w for w in between.replace(",", " , ").split() if w not in SKIP_BEFORE and w not in modifiers]
        head_ok = not words or words[0] in (prev.head or "",)
        rest = words[1:] if words and words[0] == prev.head else words
        if len(rest) == 2 and rest[0] == "in" and rest[1] in _compass_words():
            rest = ["in"]  # "Kani township in the central Sagaing region": where in the country
        if rest and rest[0].isdigit() and words[0] == prev.head:
            rest = rest[1:]  # "Police District 9, Lashkar Gah": a numbered ward of the town
        if rest == ["of"] and prev.head in SUBURB_HEADS and words[0] == prev.head and prev.qualifier_of is None \
                and prev.token_start > 0 and (doc[prev.token_start - 1].lower_ == "the" or prev.prep is not None):
            # "the Stockholm suburb of Rinkeby", a headline's "in Damascus suburb of Jaramana":
            # the city says where the suburb lies, and the suburb, which takes the words
            # before the city, is the place
            out[i - 1] = replace(prev, qualifier_of=i, link="of")
            out[i] = replace(cur, prep=prev.prep, relative=cur.relative or prev.relative)
            continue
        if head_ok and rest in ([","], ["in"], ["of"], [",", "in"], ["("]) or between in ("", ",", "(", "in") \
                or modifiers and words in ([","], ["in"]):
            link = rest[0] if rest else (between or ",")
            head = i - 1 if prev.qualifier_of is None or _own_state(prev, cur, link) else prev.qualifier_of
            if _own_state(out[head], prev, prev.link or "") and out[head].qualifier_of is not None:
                head = out[head].qualifier_of  # the list goes on after a town and its state
            out[i] = replace(cur, qualifier_of=head, link=link)
    return out


def _own_state(town: Toponym, state: Toponym, link: str) -> bool:
    """In a list of towns each written with its state ("Denver, Tucson, Lexington, Ky.,
    Hartford, Conn."), the abbreviated state follows its own town, not the list's first item."""
    return link == "," and town.head is None and STATE_ABBREVIATION.match(state.text) is not None
