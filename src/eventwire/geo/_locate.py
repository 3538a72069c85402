"""Each event's own location, and every other place with its role.

For a mention: the event-role place in its sentence nearest the trigger (a
qualifying chain "Mushqaf area of the Bolan district in Balochistan" counts
as its most specific member). With none there, the document's most likely
event place: scene words ("the scene in X"), an event preposition, a sentence
that reports an event, specificity and resolution confidence.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import replace

from ..extract import DocFindings
from ..gazetteer import REGION_CODES, fold, lexicon, neighbourhood_city
from ..gazetteer._fold import ascii_name
from ..records import Evidence, Location, Mention, PlaceMention
from ._focus import (NO_FOCUS, Focus, agency_places, article_focus, broadcaster_side, country_cues, known_city,
                     country_of_outlet, known_outlets, masthead_start, near_place, on_side, outlet_home, outlet_places,
                     page_host, province_cues, usage_country, usage_cues, qualified_places)
from ._places import Toponym, find_toponyms
from ._resolve import OUTLET_KM, PART_HEADS, PROMINENT, SEAT_RULE, STRONG_FOCUS, Resolved, resolve_toponyms
from ..nlp import covered, doc_text, span_text
from ..nlp._case import monocase
from ._roles import assign_roles

SPECIFIC = {"P": 3, "S": 3, "L": 2}
ABROAD_IN_DOCUMENT = 4.0  # as much as a place of origin or destination loses
# A body named after its place ("Shelby County Jail", "the Lucas County Common Pleas Court")
# says who jails, tries or reports, not where the event was: never the event's place
BODY = "geo.resolve.body"
OUTLET = 20.0  # below every other place of the text: a masthead's town is the outlet's home
QUALIFIER = 0.5  # a place that only qualifies another, resolved one
NEAR_HEADS = frozenset({"area", "outskirts", "border", "region", "valley", "suburb",
                        "neighbourhood", "neighborhood", "camp"})


def _specificity(r: Resolved) -> int:
    e = r.entry
    if e is None or e.feature_code in REGION_CODES:
        return 0
    if e.feature_class == "A":
        return {"ADM2": 2, "ADM3": 2, "ADM1": 1}.get(e.feature_code, 0)
    return SPECIFIC.get(e.feature_class, 1)


def geo_precision(r: Resolved) -> int:
    """ACLED: 1 the town itself, 2 near a town or a district, 3 a province or larger."""
    t, e = r.toponym, r.entry
    if e is None or e.feature_code in REGION_CODES:
        return 3
    if e.feature_class == "A":
        return 2 if e.feature_code in ("ADM2", "ADM3") else 3
    if t.relative or t.head in NEAR_HEADS or r.rule in ("geo.resolve.compass", "geo.resolve.numbered", SEAT_RULE):
        return 2
    return 1


def _acled_name(name: str | None) -> str | None:
    """'Kachhi District' -> 'Kachhi', ASCII as ACLED writes admin units."""
    if not name:
        return None
    words = ascii_name(name).split()
    terms = set(lexicon()["admin_terms"])
    # "Kiev City", "Cork City": the word tells the city's unit from the one around it
    if len(words) > 1 and words[-1].lower() in terms and words[-1].lower() != "city":
        words = words[:-1]
    return " ".join(words)


def _units(e) -> tuple[str | None, str | None, str | None]:
    """(admin1, admin2, admin3) of an entry; under a region that groups provinces (Iraq's
    Kurdistan Region, lexicon ``grouping_regions``) the province is the first level."""
    admin1 = e.admin1 or (e.name if e.feature_code == "ADM1" else None)
    if admin1 and fold(admin1) in _grouping_regions():
        province = e.admin2 or (e.name if e.feature_code == "ADM2" else None)
        if province:
            return province, e.admin3 if e.admin2 else None, None
    return admin1, e.admin2, e.admin3


@functools.lru_cache(maxsize=1)
def _grouping_regions() -> frozenset[str]:
    return frozenset(fold(n) for n in lexicon().get("grouping_regions", ()))


def to_location(r: Resolved, rule: str) -> Location:
    e, t = r.entry, r.toponym
    admin1, admin2, admin3 = _units(e)
    # a city's neighbourhood lies in that city, the municipality under its county
    admin3 = admin3 or neighbourhood_city(e)
    return Location(
        name=e.name, country=e.country, iso3=e.iso3, admin1=_acled_name(admin1),
        admin2=_acled_name(admin2), admin3=_acled_name(admin3),
        latitude=e.latitude, longitude=e.longitude, geonameid=e.geonameid,
        geo_precision=geo_precision(r), confidence=r.confidence,
        text=(t.relative + " " + t.text) if t.relative else t.text,
        start=t.start, end=t.end, rule=rule,
    )


class _Chains:
    """An article's resolved places read once: each place's chain (the place a run of
    qualifiers hangs on, and its members in text order), which members lie in another
    country than the rest of their chain, the places of each sentence and what each
    sentence names. Every mention asks the same questions; answering them from this
    index keeps locating linear in the number of places."""

    def __init__(self, res: list[Resolved]) -> None:
        self.res = res
        self.head = [i if r.toponym.qualifier_of is None else r.toponym.qualifier_of for i, r in enumerate(res)]
        self.members: dict[int, list[int]] = {}
        for j, r in enumerate(res):
            self.members.setdefault(j, []).append(j)
            if r.toponym.qualifier_of is not None:
                self.members.setdefault(r.toponym.qualifier_of, []).append(j)
        for head, chain in self.members.items():
            chain.sort(key=lambda j, h=head: _chain_order(res, h, j))
        self.starts = sorted((r.toponym.start, i) for i, r in enumerate(res))
        self._off: dict[int, bool] = {}
        self._named: dict[int, tuple[set[str], set[tuple[str, str]]]] = {}
        self._as_places: dict[int, set[tuple[str, str]]] = {}

    def chain(self, i: int) -> list[int]:
        """The members of place i's chain, its head included, in text order."""
        return self.members.get(self.head[i], [])

    def off_chain(self, i: int) -> bool:
        hit = self._off.get(i)
        if hit is None:
            res = self.res
            others = {res[j].entry.iso2 for j in self.chain(i) if j != i and res[j].entry is not None
                      and res[j].toponym.label != "NORP"}
            hit = self._off[i] = bool(others) and res[i].entry is not None and res[i].entry.iso2 not in others
        return hit

    def between(self, start: int, end: int) -> list[int]:
        """The places that start in [start, end), in list order."""
        import bisect

        lo = bisect.bisect_left(self.starts, (start, -1))
        hi = bisect.bisect_left(self.starts, (end, -1))
        return sorted(i for _, i in self.starts[lo:hi])

    def named_in_sentence(self, sent_start: int) -> tuple[set[str], set[tuple[str, str]]]:
        hit = self._named.get(sent_start)
        if hit is None:
            hit = self._named[sent_start] = _named_in_sentence(self.res, sent_start)
        return hit

    def provinces_as_places(self, sent_start: int) -> set[tuple[str, str]]:
        """The provinces a sentence names as places: not those that only open a longer name
        (a force, a day, a party: "the Assam Rifles", "a Kashmir Day rally")."""
        hit = self._as_places.get(sent_start)
        if hit is None:
            hit = self._as_places[sent_start] = _named_in_sentence(self.res, sent_start, whole=True)[1]
        return hit


def _chain_order(res: list[Resolved], head: int, j: int) -> tuple:
    """Members of a chain from small to large: the place it hangs on first, then those written
    before it with an "'s", the nearest first ("Nigeria's Borno state's Gwoza area": Borno,
    Nigeria), then those after it in text order ("Quetta in Balochistan", "Raiganj, Dinajpur
    district"), where one written with an "'s" comes after the place it holds ("Dhuri in
    Punjab's Sangrur district": Sangrur, then Punjab)."""
    before = res[j].toponym.link == "'s"
    return j != head, j > head, before, -j if before else j


_CHAINS: list = [None]  # the index of the article being located (one at a time per process)


def _chains(res: list[Resolved]) -> _Chains:
    index = _CHAINS[0]
    if index is None or index.res is not res:
        index = _CHAINS[0] = _Chains(res)
    return index


def _named_province(loc: Location, i: int, res: list[Resolved], gazetteer=None) -> Location:
    """The province the text names for the place ("Gizab district, Uruzgan") over the one
    GeoNames files it under, when the two differ: units move between provinces."""
    e = res[i].entry
    chain = _chains(res).chain(i)
    unit = next((res[j].entry for j in chain if j != i and res[j].entry is not None
                 and res[j].entry.feature_code == "ADM1" and res[j].entry.iso2 == e.iso2), None) \
        or _outermost_province(chain, i, res, gazetteer)
    if unit is None:
        return loc
    name = _acled_name(unit.name)
    return loc if name == loc.admin1 else replace(loc, admin1=name)


def _outermost_province(chain: list[int], i: int, res: list[Resolved], gazetteer):
    """The province a district's chain ends on when that member resolved to its same-named
    town ("Kibungere (Nyabihanga, Mwaro)": the town of Mwaro, which GeoNames files in another
    province): the one province of the district's country that bears the name, else None.
    A note writes the district, then the province; a town's own chain ("Janzur (Tripoli)",
    "Ceiba, Fajardo") may name the city or the town next to it instead."""
    last = chain[-1] if chain else i
    r = res[last]
    if gazetteer is None or last <= i or res[i].entry.feature_code not in ("ADM2", "ADM3") \
            or r.toponym.label == "NORP" or r.entry is None or r.entry.feature_class != "P":
        return None
    units = [u for u in gazetteer.lookup(r.toponym.text) if u.feature_code == "ADM1" and u.iso2 == res[i].entry.iso2]
    return units[0] if len(units) == 1 else None


def _chain_head(i: int, tops: list[Toponym]) -> int:
    q = tops[i].qualifier_of
    return i if q is None else q


def _main_country(res: list[Resolved]) -> str | None:
    """The country most of the article's resolved places lie in (None on a tie)."""
    from collections import Counter

    votes = Counter(r.entry.iso2 for r in res
                    if r.entry is not None and r.toponym.label != "NORP" and r.confidence >= 0.5)
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _off_chain(i: int, res: list[Resolved]) -> bool:
    """Does place i lie in another country than the places that qualify it or that it
    qualifies? "Rokouna, Tawila district, North Darfur, Sudan" is not At Tawilah, Yemen."""
    return _chains(res).off_chain(i)


def _in_chain_country(i: int | None, res: list[Resolved]) -> int | None:
    """Place i, or when it lies abroad from its own chain, the chain's first member that does not."""
    if i is None or not _off_chain(i, res):
        return i
    return next((j for j in _chains(res).chain(i) if res[j].entry is not None and not _off_chain(j, res)), i)


def _best_in_sentence(mention: Mention, res: list[Resolved], roles: list[str],
                      main: str | None = None) -> int | None:
    trig = (mention.trigger.start + mention.trigger.end) / 2
    best, best_key = None, None
    chains = _chains(res)
    for i in chains.between(mention.sent_start, mention.sent_end):
        r = res[i]
        t = r.toponym
        if roles[i] != "event" or t.label == "NORP":
            continue
        if r.entry is None or r.rule == BODY:
            continue
        if any(abs(t.start - other) < abs(t.start - trig) for other in mention.apart_from):
            continue  # the place of another act the sentence tells ("strikes hit X, and clashes ...")
        head = chains.head[i]
        chain = chains.chain(i)
        # a chain runs from its head, the smallest place, to the larger ones ("Kibungere
        # (Nyabihanga, Mwaro)", "Manipur's Chandel district"): the first resolved member is
        # the most precise
        pick = next((j for j in chain if res[j].entry is not None and not _off_chain(j, res)), None)
        if pick is None:
            continue
        # a place abroad loses to one in the article's country ("in Garcia, Nuevo Leon ...
        # in Colonia Mitras" is not Colonia, Uruguay), then the nearest to the trigger wins
        abroad = main is not None and res[pick].entry.iso2 != main
        key = (abroad, _outside_named_provinces(pick, res), abs(res[head].toponym.start - trig),
               -_specificity(res[pick]))
        if best_key is None or key < best_key:
            best, best_key = pick, key
    return best


def _in_named_province(i: int, mention: Mention, res: list[Resolved], roles: list[str]) -> int | None:
    """When the event's place lies outside every province of its country that the sentence
    names, the sentence's place inside one, in whatever role it is written ("in Bate village,
    coded as a district of Keerom regency, Papua province": the Bate of East Java is a
    namesake of a village the gazetteer lacks; the district holds it), the most specific first; else None."""
    if not _outside_named_provinces(i, res):
        return None
    trig = (mention.trigger.start + mention.trigger.end) / 2
    inside = [j for j in _chains(res).between(mention.sent_start, mention.sent_end)
              if res[j].entry is not None and res[j].toponym.label != "NORP"
              and roles[j] not in ("speaker", "origin", "destination", "background")
              and res[j].entry.iso2 == res[i].entry.iso2 and not res[j].entry.feature_code.startswith("PCL")
              and not _outside_named_provinces(j, res)]
    return min(inside, key=lambda j: (-_specificity(res[j]), abs(res[j].toponym.start - trig)), default=None)


def _outside_named_provinces(i: int, res: list[Resolved]) -> bool:
    """Does place i lie outside every province of its country that its sentence names
    ("in Bate village, Arso district, Keerom regency, Papua province": the Bate of East Java
    is a namesake; Arso, in Papua, is the place)? A province itself is never outside, nor a
    place written with its own province ("Qasr Bin Ghashir (Aljfara)": a town GeoNames files
    just over the line, see _named_province)."""
    from ..gazetteer import fold

    e = res[i].entry
    if e is None or e.feature_code == "ADM1" or e.feature_code.startswith("PCL") or not e.admin1:
        return False
    if any(res[j].entry is not None and res[j].entry.feature_code == "ADM1" and res[j].entry.iso2 == e.iso2
           for j in _chains(res).chain(i) if j != i):
        return False
    provinces = _chains(res).provinces_as_places(res[i].toponym.sent_start)
    own = {name for iso2, name in provinces if iso2 == e.iso2}
    return bool(own) and fold(e.admin1) not in own


def _qualified_after(i: int, res: list[Resolved], roles: list[str], text: str) -> int | None:
    """A place written with its qualifiers right after the one picked, in another province or
    country: "near the main roundabout, Tarin Kot, Uruzgan", "on Basra-Baghdad Highway
    in Nasiriyah, Dhi Qar", "in the Badia desert, Busayyah, Muthanna": the first name is part
    of a landmark's, a road's or an area's, and the place set out with its province or country
    is where that lies. The most specific resolved member of that place's chain, else None."""
    r = res[i]
    e = r.entry
    if e is None or e.feature_code.startswith("PCL"):
        return None
    chains = _chains(res)
    own = set(chains.chain(i))
    for j in chains.between(r.toponym.end, r.toponym.sent_end):
        if j in own or roles[j] in ("speaker", "origin", "destination", "background"):
            continue
        between = text[r.toponym.end:res[j].toponym.start]
        words = between.replace(",", " ").replace("-", " ").split()
        if len(between) > 40 or len(words) > 4 or sum(w.islower() for w in words) > 2 \
                or any(c in between for c in ".;:()\""):
            return None
        chain = [k for k in chains.chain(j) if res[k].entry is not None and res[k].toponym.label != "NORP"]
        if len(chain) < 2 or chains.head[j] != j:
            return None
        if any(_same_or_inside(res[k].entry, e) for k in chain
               if not res[k].entry.feature_code.startswith("PCL") or res[k].entry.iso2 != e.iso2):
            return None
        if all(res[k].entry.feature_code.startswith("PCL") for k in chain):
            return None
        return next((k for k in chain if not res[k].entry.feature_code.startswith("PCL")), chain[0])
    return None


def _same_or_inside(outer, inner) -> bool:
    from ._resolve import _contains

    if outer.geonameid is not None and outer.geonameid == inner.geonameid:
        return True
    if outer.iso2 != inner.iso2:
        return False
    if outer.feature_code.startswith("PCL"):
        return True
    return _contains(outer, inner) or (outer.admin1 is not None and outer.admin1 == inner.admin1)


# The lede's first sentence tells the article's main incident, with its town (a town the body
# names for a second, smaller act, or only as background, gives way to it)
LEDE = 0.5


def _document_score(doc, r: Resolved, role: str, in_event: bool, first_sent: bool, in_lede: bool = False) -> float:
    from ._roles import _scene, home_of

    s = 0.6 * _specificity(r) + r.confidence
    s += 3.0 if _scene(doc, r.toponym) else 0.0
    s += 1.5 if role == "event" else 0.0
    s += 1.0 if in_event else 0.0
    s += 0.3 if first_sent else 0.0
    if role in ("origin", "destination", "speaker", "background"):
        s -= 4.0
    elif in_lede and r.entry is not None and r.entry.feature_class != "A" and not home_of(doc, r.toponym):
        s += LEDE  # a town, not a province the body names a town of; not "two New Haven men": their home
    return s


def _lede_sentence(doc, findings: DocFindings) -> tuple[int, int] | None:
    """The span of the lede's first sentence, where the article has a lede."""
    structure = getattr(findings, "structure", None)
    lede = structure.lede if structure is not None else None
    if lede is None or lede.start < 0:
        return None
    sent = next((s for s in doc.sents if s.start_char <= lede.start < s.end_char), None)
    return (lede.start, sent.end_char) if sent is not None else None


def _best_in_document(doc, res: list[Resolved], roles: list[str],
                      event_spans: list[tuple[int, int]], focus: Focus = NO_FOCUS,
                      outlet: tuple[int, int] | None = None, lede: tuple[int, int] | None = None) -> int | None:
    """``outlet``: the span of a headline's masthead, whose town is the event's place only
    when the text names no other; ``lede``: the span of the lede's first sentence."""
    first_end = next(iter(doc.sents)).end_char if len(doc) else 0
    one_case = monocase(doc)
    scored = []
    in_events = covered(event_spans)
    for i, r in enumerate(res):
        if r.entry is None or r.toponym.label == "NORP" or r.rule == BODY:
            continue
        in_event = in_events(r.toponym.start)
        score = _document_score(doc, r, roles[i], in_event, r.toponym.start < first_end,
                                lede is not None and lede[0] <= r.toponym.start < lede[1])
        if outlet and outlet[0] <= r.toponym.start < outlet[1]:
            score -= OUTLET
        q = r.toponym.qualifier_of
        if q is not None and res[q].entry is not None and res[q].entry.iso2 == r.entry.iso2:
            score -= QUALIFIER  # "near Tessalit, Kidal": the province or town that says where Tessalit is
        if one_case and focus.strength >= STRONG_FOCUS and _abroad_alone(r, res, focus):
            continue
        if _abroad_unnamed(r, res, focus):
            score -= ABROAD_IN_DOCUMENT
        scored.append((score, -i, i))
    if not scored:
        return None
    return max(scored)[2]


def _abroad_unnamed(r: Resolved, res: list[Resolved], focus: Focus) -> bool:
    """A place outside the article's focus country whose sentence names no such country:
    a namesake ("Bordeaux" in Nashville, "Pinetown" in North Carolina) far likelier than
    an event abroad that the article never says is abroad."""
    e = r.entry
    if not focus.country or e.iso2 == focus.country or e.feature_code.startswith("PCL"):
        return False
    return e.iso2 not in _chains(res).named_in_sentence(r.toponym.sent_start)[0]


def _abroad_alone(r: Resolved, res: list[Resolved], focus: Focus) -> bool:
    """A place outside the article's focus country that no other place of its country backs
    in its sentence, in text written in one case, where case cannot tell a name from a town:
    a surname or a namesake in lower-case wire copy ("orlando arevalo, leader
    of the union", "president duarte's declaration"), or a country named as a party or an
    owner ("u.s. aid", "the spanish embassy ... spain"), as the place of a mention whose own
    sentence names none. Where the article clearly says where it is, its own country is far
    likelier: "the bombing ... in lima, peru" is backed and stays; a province abroad does not
    back itself."""
    e = r.entry
    if not focus.country or e.iso2 == focus.country:
        return False
    here = fold(r.toponym.text)
    return not any(o.toponym.sent_start == r.toponym.sent_start and o.entry is not None and o.entry.iso2 == e.iso2
                   and o.toponym.label != "NORP" and fold(o.toponym.text) != here for o in res)


def _narrower(res: list[Resolved], i: int, j: int | None) -> bool:
    """Is j a more specific place inside i (a province or country)?"""
    from ._resolve import _contains

    if j is None or i == j or res[j].entry is None or geo_precision(res[i]) < 3:
        return False
    return _specificity(res[j]) > _specificity(res[i]) and _contains(res[i].entry, res[j].entry)


def _home_country(findings: DocFindings, gazetteer) -> str | None:
    """The country the article's actors belong to ("Military Forces of Mali"), if one is named."""
    if gazetteer is None:
        return None
    for m in findings.mentions:
        for actor in (m.actor1, m.actor2):
            if actor is not None and actor.country and "{" not in actor.country:
                entry = gazetteer.country(actor.country)
                if entry is not None:
                    return entry.iso2
    return None


def _actor_country_location(m: Mention, gazetteer) -> Location | None:
    """No place in the article: the country of a state or national actor it names
    ("Military Forces of India", "BJP"), at geo_precision 3 with low confidence."""
    if gazetteer is None:
        return None
    named = [a for a in (m.actor1, m.actor2) if a is not None]
    # then the groups named with them ("protesters of the CPI"): a national party is a country too
    for actor in named + [a for x in named for a in x.assoc]:
        if not actor.country or "{" in actor.country or actor.start is None:
            continue
        e = gazetteer.country(actor.country)
        if e is not None:
            return Location(name=e.name, country=e.country, iso3=e.iso3, latitude=e.latitude,
                            longitude=e.longitude, geonameid=e.geonameid, geo_precision=3,
                            confidence=0.3, text=actor.text, start=actor.start, end=actor.end,
                            rule="geo.event.actor-country")
    return None


def _organisation_place(doc, gazetteer, iso2: str | bool | None) -> Location | None:
    """A city that opens an organisation's name ("Dhaka University", "the Lahore Press
    Club"): only a city of 100,000+, in one country (``iso2`` when the article names one)."""
    if gazetteer is None:
        return None
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        words = [t for t in ent if t.lower_ != "the"]
        for n in (2, 1):
            if len(words) <= n or not all(w.text[:1].isupper() for w in words[:n]):
                continue
            span = doc[words[0].i:words[n - 1].i + 1]
            cands = [e for e in gazetteer.lookup(span.text) if e.feature_class == "P"
                     and e.population >= 100_000 and (not iso2 or e.iso2 == iso2)]
            if cands and len({e.iso2 for e in cands}) == 1:
                e = max(cands, key=lambda c: c.population)
                top = Toponym(span.text, span.start_char, span.end_char, ent.sent.start_char,
                              ent.sent.end_char, span.start, span.end, "ORG", rule="geo.organisation")
                return to_location(Resolved(top, e, 0.4, len(cands), "geo.resolve.organisation"),
                                   "geo.event.organisation")
    return None


def _demonym_location(res: list[Resolved]) -> Location | None:
    """No place and no national actor: the country of the first demonym ("Indian farmers
    protested"), the article's last clue to where it happened, at geo_precision 3."""
    for r in res:
        e = r.entry
        if r.toponym.label == "NORP" and e is not None and e.feature_code.startswith("PCL"):
            t = r.toponym
            return Location(name=e.name, country=e.country, iso3=e.iso3, latitude=e.latitude,
                            longitude=e.longitude, geonameid=e.geonameid, geo_precision=3,
                            confidence=0.2, text=t.text, start=t.start, end=t.end,
                            rule="geo.event.demonym-country")
    return None


def _cue_country_location(text: str, gazetteer) -> Location | None:
    """No place, no national actor and no demonym: the one country whose institutions or
    usage the text names ("the MLA", "a hartal", "the upazila"; ``usage_country``), at
    geo_precision 3 with low confidence, its evidence the first such cue."""
    hit = usage_country(text) if gazetteer is not None else None
    e = gazetteer.country(hit[0]) if hit is not None else None
    if e is None:
        return None
    return Location(name=e.name, country=e.country, iso3=e.iso3, latitude=e.latitude,
                    longitude=e.longitude, geonameid=e.geonameid, geo_precision=3,
                    confidence=0.2, text=text[hit[1]:hit[2]], start=hit[1], end=hit[2],
                    rule="geo.event.cue-country")


# "in the capital", "the capital's Jatrabari area": the national capital of a note placed
# in a country only; not a state's or a province's capital, nor "the capital of X"
_CAPITAL = re.compile(r"(?<!state )(?<!provincial )(?<!regional )(?<!district )(?<!divisional )"
                      r"\bthe (?:national )?capital(?:'s|’s)?\b(?! of\b)(?! city\b)", re.IGNORECASE)


def _in_capital(loc: Location, text: str, gazetteer) -> Location:
    """A note placed in a country only that says the event was in the capital: the
    country's capital, at geo_precision 1, its evidence the words that say so."""
    if gazetteer is None or loc.admin1 or loc.geo_precision < 3 or not loc.iso3:
        return loc
    hit = _CAPITAL.search(text)
    country = gazetteer.country(loc.country) if hit and loc.country else None
    if country is None:
        return loc
    from ..gazetteer._embedded import country_capitals

    name = country_capitals().get(country.iso2, ("",))[0]
    towns = [e for e in gazetteer.lookup(name) if e.iso2 == country.iso2 and e.feature_class == "P"] if name else []
    if not towns:
        return loc
    e = max(towns, key=lambda c: (c.feature_code == "PPLC", c.population))
    top = Toponym(hit.group(0), hit.start(), hit.end(), hit.start(), hit.end(), 0, 0, "GPE", rule="geo.capital")
    out = to_location(Resolved(top, e, 0.4, 1, "geo.resolve.capital"), "geo.event.capital")
    return out


@functools.lru_cache(maxsize=1)
def _province_usage() -> tuple[tuple[str, str, tuple[re.Pattern, ...]], ...]:
    cues = lexicon().get("province_usage_cues", {})
    return tuple((iso2, province, tuple(re.compile(p) for p in patterns))
                 for iso2, provinces in cues.items() for province, patterns in provinces.items())


def _in_province_of_usage(loc: Location, text: str, gazetteer) -> Location:
    """A note placed in a country only that names a party or movement of one of its
    provinces only (lexicon ``province_usage_cues``: "the Shiv Sena" is Maharashtra's):
    that province, at geo_precision 3, its evidence the first such words. Several
    provinces named so: the country stays."""
    if gazetteer is None or loc.admin1 or loc.geo_precision < 3 or not loc.country:
        return loc
    country = gazetteer.country(loc.country)
    if country is None:
        return loc
    found: dict[str, re.Match] = {}
    for iso2, province, patterns in _province_usage():
        if iso2 != country.iso2:
            continue
        for p in patterns:
            if (hit := p.search(text)) is not None and (province not in found or hit.start() < found[province].start()):
                found[province] = hit
    if len(found) != 1:
        return loc
    province, hit = next(iter(found.items()))
    units = [e for e in gazetteer.lookup(province) if e.iso2 == country.iso2 and e.feature_code == "ADM1"]
    if not units:
        return loc
    top = Toponym(hit.group(0), hit.start(), hit.end(), hit.start(), hit.end(), 0, 0, "ORG", rule="geo.province-usage")
    return to_location(Resolved(top, units[0], 0.3, 1, "geo.resolve.province-usage"), "geo.event.province-usage")


def _in_cue_province(loc: Location, text: str, gazetteer) -> Location:
    """A note placed in a country only whose cues speak of a few of its provinces (the
    OSCE's monitors on Ukraine's contact line; lexicon ``country_cues``, ``provinces``): the
    first of them, where most of what they report lies, at geo_precision 3. A village the
    gazetteer lacks is more often in that province than anywhere else in the country."""
    if gazetteer is None or loc.admin1 or loc.geo_precision < 3 or not loc.country:
        return loc
    country = gazetteer.country(loc.country)
    provinces = [p for iso2, p in province_cues(text) if country is not None and iso2 == country.iso2]
    units = [e for e in gazetteer.lookup(provinces[0]) if e.iso2 == country.iso2
             and e.feature_code == "ADM1"] if provinces else []
    if not units:
        return loc
    return replace(loc, name=units[0].name, admin1=_acled_name(units[0].name), latitude=units[0].latitude,
                   longitude=units[0].longitude, geonameid=units[0].geonameid, rule="geo.event.cue-province")


def _within_country(loc: Location, text: str, gazetteer) -> Location:
    """A place at country level narrowed where the text says more: its capital, a province
    its parties or movements belong to, the first province its cues speak of (each step
    leaves a place already narrowed as it is)."""
    loc = _in_province_of_usage(_in_capital(loc, text, gazetteer), text, gazetteer)
    return _in_cue_province(loc, text, gazetteer)


def _listed_towns(i: int, res: list[Resolved]) -> list[int]:
    """The towns listed after town i with its preposition ("marches were held in Mombasa and
    Kisumu", "protests at Lahore, Karachi and Quetta"), each an event's place of its own as
    ACLED codes one event per place: towns of one country, none a country or the unit of
    another (a list of countries or provinces tells a region, and a list "between" two towns
    one stretch of road)."""
    first = res[i]
    if first.toponym.prep not in _LIST_PREPS or _broad(first):
        return []
    out, last = [], first.toponym.start
    for j in range(i + 1, len(res)):
        r = res[j]
        if r.toponym.listed_after != last:
            continue
        if r.entry is None or _broad(r) or r.entry.iso2 != first.entry.iso2 or r.toponym.qualifier_of is not None:
            break
        out.append(j)
        last = r.toponym.start
    return out


# The prepositions of a place where something happened, which a list of towns may share
_LIST_PREPS = ("in", "at", "on")


def _broad(r: Resolved) -> bool:
    """A country or a first-level unit: no town of a list of towns."""
    code = r.entry.feature_code
    return code.startswith("PCL") or code == "ADM1"


def _with_location(m: Mention, loc: Location, sentence: str) -> Mention:
    ev = Evidence(field="location", doc_id=m.doc_id, start=loc.start or 0, end=loc.end or 0,
                  text=loc.text or loc.name, sentence=sentence, rule=loc.rule)
    return replace(m, location=loc, evidence=m.evidence + (ev,))


def _sentence_of(doc, start: int) -> str:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span_text(span.sent) if span is not None else ""


def _lede_places(tops: list[Toponym], lede, gazetteer, side=None, outlet: tuple = ()) -> list:
    """Places in the lede whose name leaves no doubt about the country: the namesake around
    the outlet's home (``outlet``: "Davidson County deputies" of a Winston-Salem station are
    North Carolina's, not Nashville's), else the most populous namesake, or one on the
    broadcaster's ``side`` of it before a smaller town elsewhere ("Meridian" of WTOK, east of
    the Mississippi, is Mississippi's, not Idaho's larger one)."""
    out = []
    for t in tops:
        if lede is None or not (lede.start <= t.start < lede.end) or t.label == "NORP":
            continue
        cands = gazetteer.lookup(t.text)
        if cands and len({e.iso2 for e in cands}) == 1:
            out.append(max(cands, key=lambda e: (e.feature_code.startswith("PCL"), near_place(e, outlet),
                                                 known_city(e), on_side(e, side), e.population)))
    return out


def article_focus_of(findings: DocFindings, tops: list[Toponym], gazetteer,
                     home_country: str | None = None, known: tuple | None = None) -> Focus:
    """The country and province the article's dateline, title, lede and actors point to."""
    return focus_of(findings.document, getattr(findings, "structure", None), tops, gazetteer, home_country, known)


def focus_of(document, st, tops: list[Toponym], gazetteer, home_country: str | None = None,
             known: tuple | None = None) -> Focus:
    """:func:`article_focus_of` from a document and its structure (``extract.structure``);
    ``known``: the document's :func:`_known_outlets` where the caller has read them."""
    from ..gazetteer import stop_names

    if gazetteer is None:
        return NO_FOCUS
    dateline = st.dateline_place.text if st is not None and st.dateline_place is not None else None
    title = document.title
    if st is not None and st.title is not None and st.title.start >= 0:
        title = st.title.text
    parts = city_parts(tops)
    side = broadcaster_side("\n".join((title or "", document.text[:HEAD_CHARS], page_host(document.url))))
    outlet = _outlet(document, tops, gazetteer, known)
    lede = [e for e in _lede_places(tops, st.lede if st is not None else None, gazetteer, side, outlet)
            if fold(e.name) not in parts]
    focus = article_focus(gazetteer, dateline=dateline, title=title, lede=lede, stop=stop_names(),
                          actor_country=home_country, cues=country_cues(document.text) + usage_cues(document.text),
                          agencies=agency_places(document.text, gazetteer),
                          body=_body_countries(tops, gazetteer),
                          qualified=_qualified(document, title, gazetteer), parts=parts,
                          near=_lone_places(tops, gazetteer), provinces=_provinces_named(tops, gazetteer),
                          side=side, outlet=outlet)
    return replace(focus, outlet_country=country_of_outlet(document.url, outlet))


def _outlet(document, tops: list[Toponym], gazetteer, known: tuple | None = None) -> tuple:
    """The places of the outlet's web address (``outlet_places``) that the text does not name:
    a name the text writes is read from the text, whose other places say which namesake it
    is ("gainesvilleregister.com" is the paper of Gainesville, Texas, not of the larger
    Gainesville, Florida); then the home towns of the known local outlets its host and its
    opening's call signs name (``known_outlets``; ``known`` where the caller has read them),
    which leave no doubt."""
    if known is None:
        known = _known_outlets(document, gazetteer)
    # a name the text writes, or a known outlet's town ("gainesvilletimes": Gainesville,
    # Georgia, not Florida's larger city), is not read from the host
    named = {fold(t.text) for t in tops} | {fold(e.name) for e in known}
    read = tuple(e for e in outlet_places(document.url, gazetteer) if fold(e.name) not in named)
    return read + tuple(e for e in known if all(e.geonameid != o.geonameid for o in read))


def _known_outlets(document, gazetteer) -> tuple:
    """:func:`known_outlets` of the document's web address, headline, opening and end."""
    return known_outlets(document.url, "\n".join((document.title or "", document.text[:HEAD_CHARS])), gazetteer,
                         tail=document.text[-TAIL_CHARS:])


def _provinces_named(tops: list[Toponym], gazetteer) -> Counter:
    """(ISO2, folded name) -> how often the text names a province outright ("Florida", "the
    Florida Highway Patrol"): by its own name, which no capital or city of a million also
    bears ("New York" and "Washington" say less)."""
    out: Counter = Counter()
    for t in tops:
        if t.label == "NORP":
            continue
        key = fold(t.text)
        cands = gazetteer.lookup(t.text)
        units = [e for e in cands if e.feature_code == "ADM1" and fold(e.name) == key]
        if any(e.feature_code == "PPLC" or (e.feature_class == "P" and e.population >= 1_000_000) for e in cands):
            continue
        out.update({(e.iso2, key): 1 for e in units})  # a namesake in each country: the focus picks
    return out


def _lone_places(tops: list[Toponym], gazetteer) -> tuple:
    """The towns and districts the text names that have no namesake in the gazetteer
    ("Vanderburgh County"): where they are, the article is."""
    out: dict[str, object] = {}
    for t in tops:
        if t.label not in ("GPE", "LOC") or t.fragment or t.text in out:
            continue
        cands = gazetteer.lookup(t.text)
        if len(cands) == 1 and (cands[0].feature_class == "P" or cands[0].feature_code == "ADM2"):
            out[t.text] = cands[0]
    return tuple(out.values())


def city_parts(tops: list[Toponym]) -> frozenset[str]:
    """Names the text calls a neighbourhood ("the Austin neighborhood", "the South Side
    Washington Heights neighborhood"), folded: a part of the city the report is from, however
    large a town elsewhere bears the name."""
    return frozenset(fold(t.text) for t in tops if t.head in PART_HEADS)


HEAD_CHARS = 600  # the text's opening, where a report says where it is from
TAIL_CHARS = 400  # the text's end, where a station's site prints its copyright line


def _qualified(document, title: str | None, gazetteer) -> list:
    """Towns written with their province in the headline (with an outlet's masthead:
    "... - WTVM.com-Columbus, GA") and in the text's opening, each with where it was
    written; a town written with its state further down is often another story's."""
    text = document.text[:HEAD_CHARS]
    if title and text.startswith(title):
        text = text[len(title):]
    out = [(e, "title") for e in qualified_places(title or "", gazetteer)]
    return out + [(e, "text") for e in qualified_places(text, gazetteer)
                  if all(e.geonameid != o.geonameid for o, _ in out)]


def _body_countries(tops: list[Toponym], gazetteer) -> Counter:
    """ISO2 -> how many distinct places of the text have all their namesakes in that
    country ("Walterboro", "Colleton County"): what the body says of where the article is."""
    out: Counter = Counter()
    for name in dict.fromkeys(t.text for t in tops if t.label != "NORP"):  # text order: ties go to the first named
        cands = gazetteer.lookup(name)
        if cands and len({e.iso2 for e in cands}) == 1 and not cands[0].feature_code.startswith("PCL"):
            out[cands[0].iso2] += 1
    return out


def _spans_of(st) -> list[tuple[int, int]]:
    """The dateline's place words, then the title (when it is part of the text)."""
    out = []
    if st is not None and st.dateline_place is not None:
        out.append((st.dateline_place.start, st.dateline_place.end))
    if st is not None and st.title is not None and st.title.start >= 0:
        out.append((st.title.start, st.title.start + masthead_start(st.title.text)))
    return out


def _masthead(st) -> tuple[int, int] | None:
    """The span of the outlet's masthead at the end of a headline that is part of the text."""
    if st is None or st.title is None or st.title.start < 0:
        return None
    start = st.title.start + masthead_start(st.title.text)
    return (start, st.title.end) if start < st.title.end else None


def _in_focus_province(e, focus: Focus) -> bool:
    """Is ``e`` in the focus's province (when it has one)? "Roxbury" of a headline is no
    focus place in Wisconsin when the article's police are Boston's."""
    from ..gazetteer import fold

    a1 = e.admin1 or (e.name if e.feature_code == "ADM1" else None)
    return not focus.admin1 or e.feature_code.startswith("PCL") or (a1 is not None and fold(a1) == focus.admin1)


def _focus_place(findings: DocFindings, res: list[Resolved], focus: Focus) -> int | None:
    """The place the article is filed from: the most specific resolved place of its dateline
    ("CHARLOTTE COUNTY, Fla."), else of its title, in the article's focus country."""
    if not focus.country:
        return None
    for start, end in _spans_of(getattr(findings, "structure", None)):
        inside = [i for i, r in enumerate(res) if start <= r.toponym.start < end and r.entry is not None
                  and r.toponym.label != "NORP" and r.entry.iso2 == focus.country
                  and _in_focus_province(r.entry, focus)]
        if inside:
            return max(inside, key=lambda i: (_specificity(res[i]), -i))
    # a headline that is not part of the text ("... - Memphis, Tennessee") or the lede:
    # the first mention of that place in the text
    f = focus.place
    outlet = _masthead(getattr(findings, "structure", None)) or (0, 0)
    if f is not None and focus.strength >= STRONG_FOCUS:
        # never the masthead's own mention of the outlet's town
        return next((i for i, r in enumerate(res) if r.entry is not None and r.toponym.label != "NORP"
                     and r.entry.geonameid == f.geonameid and r.entry.name == f.name
                     and not outlet[0] <= r.toponym.start < outlet[1]), None)
    return None


def _named_in_sentence(res: list[Resolved], sent_start: int,
                       whole: bool = False) -> tuple[set[str], set[tuple[str, str]]]:
    """The countries and provinces a sentence names outright (their ISO2; (ISO2, folded name));
    with ``whole``, only those written as a name of their own, not as a piece of a longer one."""
    from ..gazetteer import fold

    countries, provinces = set(), set()
    for r in res:
        e = r.entry
        if r.toponym.sent_start != sent_start or e is None or (whole and r.toponym.fragment):
            continue
        if e.feature_code.startswith("PCL"):
            countries.add(e.iso2)
        elif e.feature_code == "ADM1":
            countries.add(e.iso2)
            provinces.add((e.iso2, fold(e.name)))
    return countries, provinces


def _province_named_in(sent_start: int, e, res: list[Resolved]) -> bool:
    """Does the sentence at ``sent_start`` name the province that place ``e`` lies in?"""
    from ..gazetteer import fold

    _, provinces = _chains(res).named_in_sentence(sent_start)
    return e is not None and e.admin1 is not None and (e.iso2, fold(e.admin1)) in provinces


def _unsupported(i: int, fp: int, res: list[Resolved], sentence: bool = True,
                 parts: frozenset[str] = frozenset()) -> bool:
    """Does place i contradict the place the article is filed from, with nothing in its
    sentence to back it? A small namesake in another state ("Goodwill", South Dakota, for a
    Memphis neighbourhood) or a town abroad ("Bordeaux" in a report datelined Nashville).
    A national capital's dateline (a wire story about elsewhere) contradicts nothing; a
    country, a province or a capital named in the text stands, and a city of 100,000+ in
    the event's own sentence (``sentence``) does too."""
    if i == fp:
        return False
    return _contradicts(i, res[fp].entry, res, sentence, parts)


def _contradicts(i: int, f, res: list[Resolved], sentence: bool = True,
                 parts: frozenset[str] = frozenset()) -> bool:
    """:func:`_unsupported` against ``f``, the entry of the place the article is filed from."""
    from ..gazetteer import fold

    e = res[i].entry
    if e is None or f is None or f.feature_code == "PPLC" or e.feature_code.startswith("PCL"):
        return False
    countries, provinces = _chains(res).named_in_sentence(res[i].toponym.sent_start)
    if e.iso2 != f.iso2:
        # a capital or a province abroad too: "Algiers" of a report filed from New Orleans is
        # its neighbourhood unless the sentence names Algeria; a province abroad names its
        # country only beside another place there ("the West Bank" of New Orleans)
        return e.iso2 not in countries or (e.feature_code == "ADM1" and not _beside_in_country(i, res))
    if e.feature_code in ("ADM1", "PPLC") or _country_written_beside(i, res):
        # "near the town of Sinjar in northern Iraq" in a report filed from Erbil: the sentence
        # says in which country the town lies, as a local report of a namesake never does
        return False
    f_admin1 = f.admin1 or (f.name if f.feature_code == "ADM1" else None)
    # "the Austin neighborhood" of a Chicago report (``parts``), wherever the name is written
    part = fold(res[i].toponym.text) in parts
    if not f_admin1 or not e.admin1 or fold(e.admin1) == fold(f_admin1) \
            or (sentence and e.population >= PROMINENT and not part):
        return False
    return (e.iso2, fold(e.admin1)) not in provinces


def _country_written_beside(i: int, res: list[Resolved]) -> bool:
    """Place i is written with its country or its province as its qualifier ("near the town of
    Sinjar in northern Iraq", "the village of Sinjil in the occupied West Bank")."""
    e = res[i].entry
    return any(r.entry is not None and _broad(r) and r.entry.iso2 == e.iso2 and r.toponym.qualifier_of == i
               and r.toponym.label != "NORP" for r in res)


def _beside_in_country(i: int, res: list[Resolved]) -> bool:
    """Does place i's sentence name another place of its country ("Hebron in the West Bank")?"""
    e, sent = res[i].entry, res[i].toponym.sent_start
    return any(j != i and r.toponym.sent_start == sent and r.entry is not None and r.entry.iso2 == e.iso2
               and fold(r.toponym.text) != fold(res[i].toponym.text) for j, r in enumerate(res))


def _part_elsewhere(i: int, res: list[Resolved], focus: Focus, parts: frozenset[str]) -> bool:
    """Is place i a name the text calls a neighbourhood, resolved to a town outside the
    province of the city the report is from ("Austin", Texas, in a Chicago report)?"""
    e = res[i].entry
    if e is None or focus.place is None or focus.place.feature_class != "P" \
            or (e.iso2 == focus.country and _in_focus_province(e, focus)):
        return False
    return fold(res[i].toponym.text) in parts


def _focus_location(r: Resolved, replaced: bool, of_document: bool = False) -> Location:
    """The dateline's (or title's) place as the event's, at geo_precision 2 or more: the
    article was filed from there, the event is in or near it. ``of_document``: what it
    replaces is the document's place, not one the sentence names."""
    rule = "geo.event.focus" if not replaced else (
        "geo.event.focus-replaces-document" if of_document else "geo.event.focus-replaces")
    loc = to_location(r, rule)
    return replace(loc, geo_precision=max(loc.geo_precision, 2), confidence=min(loc.confidence, 0.5))


def _unnamed_focus_location(text: str, focus: Focus) -> Location | None:
    """No place of the text resolved, but the article is clearly filed from one
    ("INDEPENDENCE, Mo. -", "the Vanderburgh County Coroner's Office"): that place, at
    geo_precision 2, its evidence the first time its name is written."""
    e = focus.place
    if e is None or focus.strength < STRONG_FOCUS:
        return None
    import re

    m = re.search(re.escape(e.name), text, re.IGNORECASE)
    if m is None:
        return None
    top = Toponym(m.group(0), m.start(), m.end(), m.start(), m.end(), 0, 0, "GPE", rule="geo.focus")
    return _focus_location(Resolved(top, e, 0.5, 1, "geo.resolve.focus"), False)


def _owner_country(doc, r: Resolved) -> bool:
    """A country written before a noun as its owner or maker ("the U.S. embassy", "a U.S. drone
    strike"), as a demonym is: it says whose the thing is, not where it stands."""
    if r.entry is None or not r.entry.feature_code.startswith("PCL"):
        return False
    last = doc[r.toponym.token_end - 1]
    return last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN" and last.head.i >= r.toponym.token_end


def locate(doc, findings: DocFindings, gazetteer=None) -> DocFindings:
    """Fill ``findings.places`` and each mention's ``location``; returns findings."""
    tops = find_toponyms(doc, gazetteer)
    home = _home_country(findings, gazetteer)
    known = _known_outlets(findings.document, gazetteer) if gazetteer is not None else ()
    focus = article_focus_of(findings, tops, gazetteer, home, known)
    res = resolve_toponyms(tops, gazetteer, home_country=home, focus=focus,
                           provinces=province_cues(findings.document.text), local_fallback=False)
    fp = _focus_place(findings, res, focus)
    if fp is None:
        # a dateline's place has its own say over namesakes abroad (see _contradicts)
        res = _without_stray_namesakes(res)
    event_spans = [(m.sent_start, m.sent_end) for m in findings.mentions]
    rejected = [(m.sent_start, m.sent_end) for m in findings.rejected]
    roles = assign_roles(doc, tops, event_spans, rejected)
    # "outside the U.S. embassy in Tegucigalpa": a country that says whose a thing is, not where
    roles = ["other" if role == "event" and _owner_country(doc, r) else role for r, role in zip(res, roles)]
    if (masthead := _masthead(getattr(findings, "structure", None))) is not None:
        # "... - WMC Action News 5 - Memphis, Tenn": the outlet's home town, not the event's place
        roles = ["background" if masthead[0] <= t.start < masthead[1] else role for t, role in zip(tops, roles)]
    # the article's news, where it has any, says where its undated mentions happened: not a
    # place of an earlier incident told as background ("in 2023 a bombing in Peshawar killed 80")
    news_spans = [(m.sent_start, m.sent_end) for m in findings.mentions if m.timing != "earlier"] or event_spans
    doc_best = _in_chain_country(_best_in_document(doc, res, roles, news_spans, focus, masthead,
                                                   _lede_sentence(doc, findings)), res)
    main = _main_country(res)
    parts = city_parts(tops)
    outlet_town = _outlet_town(findings.document, res, focus, gazetteer, known, masthead)
    home = _outlet_home(known, focus) if outlet_town is None else None
    anchor = home
    if outlet_town is not None and any(res[outlet_town].entry.geonameid == k.geonameid for k in known):
        anchor = outlet_town  # a known outlet's home that the text names too
    if fp is not None and anchor is not None and _in_dateline(res[fp], findings) \
            and _far_from_outlet(fp, anchor, res, True, parts):
        # "HOMEWOOD (KDKA) -": a station's dateline without a state is a place of its own market,
        # not a small namesake in another state; the namesake is read as a part of its home town,
        # whether the text names that town ("... in Homewood. Pittsburgh police said") or not;
        # a town read from the web address alone ("sentinelandenterprise") is no such anchor
        fp, focus = None, replace(focus, place=None)
    chosen: set[int] = set()
    mentions = []
    for m in findings.mentions:
        i = _best_in_sentence(m, res, roles, main)
        rule = "geo.event.sentence"
        words = held = None  # the event place's own words, where another place of the text holds it
        if i is not None and (held := _in_named_province(i, m, res, roles)) is not None:
            words, i = res[i].toponym.text, held
        if i is None:
            i, rule = doc_best, "geo.event.document"
        if i is not None and (j := _qualified_after(i, res, roles, doc_text(doc))) is not None:
            i = j
        if fp is None and (i is None or _specificity(res[i]) == 0) and (
                loc := _organisation_place(doc, gazetteer, i is not None and res[i].entry.iso2)) \
                and not _far_from_home_location(loc, home):
            # "a rally outside the Lahore Press Club": the city in a named institution
            # beats a bare country or no place at all
            m = _with_location(m, loc, _sentence_of(doc, loc.start))
            mentions.append(m)
            continue
        elif _narrower(res, i, doc_best):
            # "violence in an Uttar Pradesh jail ... took place in Kannauj": the town
            i, rule = doc_best, "geo.event.sentence+document"
        if fp is None and i is not None and _part_elsewhere(i, res, focus, parts) and (
                loc := _unnamed_focus_location(doc.text, focus)) is not None:
            # "the Austin neighborhood" of a report that cites Chicago's police: Chicago
            m = _with_location(m, loc, _sentence_of(doc, loc.start))
            mentions.append(m)
            continue
        if fp is None and i is not None and focus.place is not None and focus.strength >= STRONG_FOCUS \
                and _contradicts(i, focus.place, res, rule == "geo.event.sentence", parts) \
                and (loc := _unnamed_focus_location(doc.text, focus)) is not None \
                and not (masthead is not None and masthead[0] <= loc.start < masthead[1]):
            # "Little Company of Mary" (Turkmenistan's Mary) in a report whose police are
            # Chicago's, a city the text names only as theirs: the place the article is filed
            # from (never a masthead's town: the outlet's home)
            m = _with_location(m, loc, _sentence_of(doc, loc.start))
            mentions.append(m)
            continue
        if fp is None and i is not None and outlet_town is not None \
                and (_far_from_outlet(i, outlet_town, res, rule == "geo.event.sentence", parts)
                     or _lone_abroad(i, res[outlet_town].entry, res)):
            # "Lawndale" (California) in a Chicago paper's report that names Chicago: a part of
            # the outlet's city that the gazetteer lacks, not a small town two thousand km away
            chosen.add(outlet_town)
            town = res[outlet_town]
            m = _with_location(m, _focus_location(town, True), _sentence_of(doc, town.toponym.start))
            mentions.append(m)
            continue
        if fp is None and i is not None and home is not None \
                and (_far_from_outlet(i, home, res, rule == "geo.event.sentence", parts) or _lone_abroad(i, home, res)):
            # "Homewood" (Alabama) in a Pittsburgh station's report that never names Pittsburgh:
            # a part of the outlet's city that the gazetteer lacks
            top = res[i].toponym
            m = _with_location(m, _home_location(top.text, top.start, top.end, home), _sentence_of(doc, top.start))
            mentions.append(m)
            continue
        if fp is not None and rule == "geo.event.document" and _across_the_dateline(i, fp, res, findings):
            i = None  # "KANSAS CITY, Mo. -- A girl was shot Sunday": not the Kansas City, Kan., of another shooting
        # "in Yemen's southwestern Taiz province" backs the title's Taiz city that stands for it
        backed = rule == "geo.event.sentence+document" and _province_named_in(m.sent_start, res[i].entry, res)
        if fp is not None and (i is None or not backed and _unsupported(i, fp, res, rule == "geo.event.sentence", parts)
                               or _narrower(res, i, fp)):
            if (t := _county_town(fp, res, masthead)) is not None:
                i, rule = t, "geo.event.county-town"
            else:
                chosen.add(fp)
                # a place of the document's, not of the sentence, that the dateline replaces: the
                # sentence names none of its own (see assemble's grouping)
                m = _with_location(m, _focus_location(res[fp], i is not None, rule == "geo.event.document"),
                                   _sentence_of(doc, res[fp].toponym.start))
                mentions.append(m)
                continue
        if i is not None and (t := _county_town(i, res, masthead)) is not None:
            i, rule = t, "geo.event.county-town"
        if i is not None:
            chosen.add(i)
            loc = _named_province(to_location(res[i], rule), i, res, gazetteer)
            if words is not None and i == held:
                loc = replace(loc, text=words)
            if res[i].entry.feature_code.startswith("PCL"):
                loc = _in_outlet_home(_within_country(loc, doc_text(doc), gazetteer), home, res)
            unplaced, m = m, _with_location(m, loc, _sentence_of(doc, loc.start))
            if rule == "geo.event.sentence" and words is None:
                for j in _listed_towns(i, res):
                    chosen.add(j)
                    mentions.append(m)
                    # the list's figure is told once for all its towns: it stays with the first
                    m = _with_location(replace(unplaced, counts=()), _named_province(to_location(res[j], rule), j, res,
                                                                                   gazetteer), m.sentence)
        elif (loc := _unnamed_focus_location(doc_text(doc), focus) or _actor_country_location(m, gazetteer)
              or _demonym_location(res) or _cue_country_location(doc_text(doc), gazetteer)) is not None:
            loc = _in_outlet_home(_within_country(loc, doc_text(doc), gazetteer), home, res)
            m = _with_location(m, loc, _sentence_of(doc, loc.start))
        elif home is not None:
            # a known local outlet's report that names no town, no country ("on the East Side",
            # "on Main Street"): its newsroom's home town, where its reports come from
            loc = _home_location(m.trigger.text, m.trigger.start, m.trigger.end, home)
            m = _with_location(m, loc, _sentence_of(doc, loc.start))
        mentions.append(m)
    findings.mentions = [_at_province_seat(m, gazetteer) for m in mentions]
    if not chosen and doc_best is not None:
        chosen.add(doc_best)
    findings.places = _place_mentions(res, roles, chosen)
    findings.location = _document_location(res, findings.places)
    return findings


def _without_stray_namesakes(res: list[Resolved]) -> list[Resolved]:
    """The places of a text less the namesakes abroad that no other word of it supports: in a
    text that names two places or more of one country, a town or a unit of another country
    that the text names nothing else of (not the country, not its people, not another of its
    places) is a place the gazetteer lacks, not an event abroad. "in Los Cedros community,
    El Tambo municipality, Cauca department" (Colombia) is no Los Cedros of Mexico, "in
    Barung locality of Mai Municipality (Ilam district), Nepal" no Baringo of Kenya. A capital
    stays ("talks in Doha"), and so does every place of a text with no such main country."""
    names: dict[str, set[str]] = {}
    for r in res:
        if r.entry is not None and r.entry.iso2:
            names.setdefault(r.entry.iso2, set()).add(fold(r.toponym.text))
    if not any(len(v) >= 2 for v in names.values()):
        return res
    out = list(res)
    for i, r in enumerate(res):
        e = r.entry
        if e is None or r.toponym.label == "NORP" or e.feature_code.startswith("PCL") \
                or e.feature_code == "PPLC" or len(names.get(e.iso2, ())) != 1:
            continue
        out[i] = replace(r, entry=None, rule=r.rule + "+geo.resolve.stray")
    return out


def _at_province_seat(m: Mention, gazetteer) -> Mention:
    """An event placed in a province only stands at the province's seat (its most populous
    town), as ACLED and GTD code a province-level event, rather than at the middle of the
    province's towns, which may lie in open country far from any of them."""
    loc = m.location
    if gazetteer is None or loc is None or loc.geo_precision != 3 or not loc.geonameid:
        return m
    unit = gazetteer.by_geonameid(loc.geonameid) if hasattr(gazetteer, "seat") else None
    town = gazetteer.seat(unit) if unit is not None and unit.feature_code == "ADM1" else None
    if town is None:
        return m
    return replace(m, location=replace(loc, latitude=town.latitude, longitude=town.longitude))


def _county_town(i: int, res: list[Resolved], masthead: tuple[int, int] | None) -> int | None:
    """The one town the text names inside the county chosen as the event's place ("killed in
    Beaufort County ... deputies were called to a home in Pinetown"): a report names the county
    of its sheriff or coroner first and the town where it happened later. None when the place
    is no county, or the text names no town in it or several. The town's sentence need not tell
    of the event ("Deputies were called to a home in Pinetown"); a masthead's town is the outlet's."""
    county = res[i].entry
    if county is None or county.feature_code != "ADM2":
        return None
    a2 = fold(county.name)
    towns = {j: r.entry for j, r in enumerate(res) if r.entry is not None and r.entry.feature_class == "P"
             and r.entry.iso2 == county.iso2 and fold(r.entry.admin2 or "") == a2
             and r.toponym.qualifier_of is None  # "(Kayokwe, Mwaro)": a larger place's name
             and not (masthead is not None and masthead[0] <= r.toponym.start < masthead[1])}
    # the county's own province first; a town in a namesake county of another ("Beaufort County"
    # of a report that names Pinetown, N.C.) tells which county the text meant
    own = {j: e for j, e in towns.items() if fold(e.admin1 or "") == fold(county.admin1 or "")}
    towns = own or towns
    if len({(e.geonameid, e.name) for e in towns.values()}) != 1:
        return None
    return min(towns)


def _outlet_town(document, res: list[Resolved], focus: Focus, gazetteer, known: tuple,
                 masthead: tuple[int, int] | None = None) -> int | None:
    """The first mention of a town the outlet's web address names (see ``outlet_home``) that
    the text names too and resolves there: the article says itself it is the outlet's city's.
    The masthead's own mention of its town ("... - WMC Action News 5 - Memphis, Tennessee") is
    the outlet speaking, not the text."""
    if gazetteer is None:
        return None
    outlet = outlet_places(document.url, gazetteer) + known
    towns = {e.geonameid for e in outlet_home(outlet, focus.country)
             if e.feature_class == "P"}
    skip = masthead or (0, 0)
    return next((i for i, r in enumerate(res) if r.entry is not None and r.toponym.label != "NORP"
                 and r.entry.geonameid in towns and not skip[0] <= r.toponym.start < skip[1]), None)


def _outlet_home(known: tuple, focus: Focus):
    """The home town of the known local outlet that publishes or credits the report (``known``:
    the document's :func:`_known_outlets`), in the article's country; None when it names none
    or a whole state."""
    return next((e for e in known if e.feature_class == "P"
                 and (not focus.country or e.iso2 == focus.country)), None)


def _across_the_dateline(i: int | None, fp: int, res: list[Resolved], findings: DocFindings) -> bool:
    """Is place i, the article's place for a mention whose sentence names none, in another
    province of the dateline's country than the dateline's own place ("KANSAS CITY, Mo.")?
    The dateline tells where the report's news happened; a place in another province named
    further down is another incident's ("a boy was shot in Kansas City, Kan., on Friday"),
    or where someone came from. A national capital's dateline says nothing of the kind."""
    if i is None or not _in_dateline(res[fp], findings):
        return False
    e, f = res[i].entry, res[fp].entry
    if e is None or f is None or e.iso2 != f.iso2 or f.feature_code == "PPLC":
        return False
    f_admin1 = f.admin1 or (f.name if f.feature_code == "ADM1" else None)
    return bool(e.admin1 and f_admin1) and e.admin1 != f_admin1


def _in_dateline(r: Resolved, findings: DocFindings) -> bool:
    """Is the place written in the article's dateline ("HOMEWOOD (KDKA) -")?"""
    st = getattr(findings, "structure", None)
    d = st.dateline_place if st is not None else None
    return d is not None and d.start <= r.toponym.start < d.end


def _home_location(text: str, start: int, end: int, home) -> Location:
    """The outlet's home town as the event's place, at geo_precision 2, its evidence the words
    read as a part or a sign of it."""
    top = Toponym(text, start, end, start, end, 0, 0, "GPE", rule="geo.outlet")
    loc = to_location(Resolved(top, home, 0.4, 1, "geo.resolve.outlet-home"), "geo.event.outlet-home")
    return replace(loc, geo_precision=2, confidence=0.4)


def _in_outlet_home(loc: Location, home, res: list[Resolved]) -> Location:
    """A local outlet's report placed in its country only ("the 4300 block of", "U.S. Attorney"):
    the outlet's home town, where a local newsroom's reports come from, unless the text names
    another province of that country ("a Delaware father" of a Philadelphia station's report)."""
    if home is None or loc.admin1 or loc.geo_precision < 3 or loc.iso3 != home.iso3:
        return loc
    if any(r.entry is not None and r.entry.feature_code == "ADM1" and r.entry.iso2 == home.iso2
           and r.entry.name != home.admin1 for r in res):
        return loc
    return _home_location(loc.text, loc.start, loc.end, home)


def _far_from_home_location(loc: Location, home) -> bool:
    """Is a city a named institution opens ("Watch Mobile Video", "Naples Community Hospital")
    outside the province and the area of the local outlet's home town?"""
    from ..gazetteer import distance_km

    if home is None or loc.latitude is None:
        return False
    same = loc.iso3 == home.iso3 and loc.admin1 == home.admin1
    return not same and distance_km(loc.latitude, loc.longitude, home.latitude, home.longitude) > OUTLET_KM


def _far_from_outlet(i: int, town, res: list[Resolved], sentence: bool, parts: frozenset[str]) -> bool:
    """Is place i a small town or district far from the outlet's city (the index of its mention,
    or its entry), in another province, that nothing in its sentence backs (see
    :func:`_contradicts`)? A city abroad counts as small: "Bordeaux" of a Nashville station."""
    from ..gazetteer import distance_km

    e, f = res[i].entry, res[town].entry if isinstance(town, int) else town
    if i == town or e is None or (e.population >= PROMINENT and e.iso2 == f.iso2) \
            or not (e.feature_class == "P" or e.feature_code == "ADM2"):
        return False
    far = distance_km(e.latitude, e.longitude, f.latitude, f.longitude) > OUTLET_KM
    return far and _contradicts(i, f, res, sentence, parts)


def _lone_abroad(i: int, home, res: list[Resolved]) -> bool:
    """Is place i abroad for a local outlet's report, and the text's only word for anything
    in that country? A US station's report that writes "Pounds Turkey Farm", "the West Bank"
    of New Orleans or a witness named Michael names no other place of Turkey, Palestine or
    the Isle of Man; a report of a shooting abroad names its country's towns or its people."""
    e = res[i].entry
    if e is None or e.iso2 == home.iso2:
        return False
    return sum(1 for r in res if r.entry is not None and r.entry.iso2 == e.iso2) == 1


def _document_location(res: list[Resolved], places: list[PlaceMention]) -> Location | None:
    """Where the article's event happened as a whole (the first event place that resolved),
    as a Location built the same way as a mention's: the place of an event whose own
    sentences give none."""
    place = next((p for p in places if p.role == "event" and p.entry is not None), None)
    if place is None:
        return None
    return next(to_location(r, place.rule) for r in res if r.toponym.start == place.start and r.entry is place.entry)


def _place_mentions(res: list[Resolved], roles: list[str], chosen: set[int]) -> list[PlaceMention]:
    tops = [r.toponym for r in res]
    heads = {_chain_head(i, tops) for i in chosen}
    out = []
    for i, r in enumerate(res):
        role = roles[i]
        if i in chosen or _chain_head(i, tops) in heads:
            role = "event"
        elif role == "event":
            role = "other"  # an event preposition, but not where this article's event happened
        out.append(PlaceMention(text=r.toponym.text, start=r.toponym.start, end=r.toponym.end,
                                entry=r.entry, confidence=r.confidence, role=role,
                                candidates=r.candidates, rule=f"{r.rule}+{r.toponym.rule}"))
    # the chosen place first: assemble falls back to the first "event" place
    return sorted(out, key=lambda p: (p.role != "event" or not any(
        res[i].toponym.start == p.start for i in chosen), p.start))
