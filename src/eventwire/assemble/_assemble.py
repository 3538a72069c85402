"""Merging one article's mentions into events.

ACLED's unit is one date, one place and one pair of actors. Mentions of one
article merge when nothing they state conflicts: no two different dates, no
two different resolved places, no two different named actors in one role.
Counts stated outside any event sentence ("The incident resulted in the
deaths of six...") join the nearest event before them.
"""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from ..extract import DocFindings, classify
from ..extract._cue_tables import group_anaphors
from ..extract._mentions import SEPARATE, TOLD_DAY
from ..extract.actors import CONTEXT_REACH
from ..extract.counts import event_counts, figure
from ..extract.timing import ANCHOR_DAYS, CONTEXT, EARLIER, NEWS_DAYS, anchored
from ..gazetteer import distance_km, fold
from ..geo import SETTLEMENT_WORDS, Resolved, Toponym, names_a_street, to_location
from ..records import COUNT_KINDS, Actor, Count, Event, Evidence, Location, Mention, PlaceMention, Trigger
from ..resources.actors import load_actors


@dataclass(slots=True)
class _Group:
    """Mentions merged so far, with what :func:`_fits` asks of them kept up to date as each
    is added (:meth:`add`): asking the mentions again for every new one made merging grow
    with the square of an article's mentions."""

    mentions: list[Mention] = field(default_factory=list)
    extra_counts: list[Count] = field(default_factory=list)
    # first dated mention (day precision, any precision) among the incidents and among the steps of the case
    _own_dates: list = field(default_factory=lambda: [None, None])
    _step_dates: list = field(default_factory=lambda: [None, None])
    _has_own: bool = False
    _has_news: bool = False  # a mention the article reports as having just happened
    _own_place: Location | None = None  # most confident place of the mentions' own sentences
    _own_part: str = ""  # the part of the article (title, lede, body) that place comes from
    _any_place: Location | None = None  # most confident place of any mention
    _named_by_role: tuple[set[str], set[str]] = field(default_factory=lambda: (set(), set()))
    _kinds: set[str] = field(default_factory=set)
    _types: set[str] = field(default_factory=set)
    _parts: set[str] = field(default_factory=set)  # parts of the article (title, lede) its mentions lie in
    headline_only: bool = True  # every mention so far lies in the headline

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def add(self, m: Mention, part: str = "body") -> None:
        self.mentions.append(m)
        self._parts.add(part)
        step = _dates_the_act_only_alone(m.trigger)
        self._has_own = self._has_own or not step
        self._has_news = self._has_news or m.timing != EARLIER
        if m.date is not None:
            firsts = self._step_dates if step else self._own_dates
            if m.date.precision == "day" and (firsts[0] is None or _told_day(firsts[0]) and not _told_day(m.date)
                                              and m.trigger.event_type in self._types
                                              and 0 < (firsts[0].date - m.date.date).days <= _TOLD_LATER_DAYS):
                firsts[0] = m.date  # the act's own day beats the day it was told (not a step's around it)
            if firsts[1] is None:
                firsts[1] = m.date
        own = _own_location(m)
        if own is not None and (self._own_place is None or own.confidence > self._own_place.confidence
                                or (part == "lede" and self._own_part == "title" and _finer(own, self._own_place))):
            self._own_place, self._own_part = own, part
        loc = m.location
        if loc is not None and (self._any_place is None or loc.confidence > self._any_place.confidence):
            self._any_place = loc
        self._named_by_role[0].update(_named_groups((m.actor1,)))
        self._named_by_role[1].update(_named_groups((m.actor2,)))
        self._kinds.add(m.trigger.sub_event_type)
        self._types.add(m.trigger.event_type)

    def date(self):
        """The first date to the day, else the first coarser one ("earlier this month").

        A step of the case (an arrest) or another development (a release, an agreement) dates
        an incident of violence only when it is all the group is: "a man was arrested Monday in
        Saturday's shooting" is no Monday shooting."""
        day, first = self._own_dates if self._has_own else self._step_dates
        return day if day is not None else first

    def own_location(self) -> Location | None:
        """The most confident place the mentions' own sentences give; None when every place
        is borrowed from the rest of the article."""
        return self._own_place

    def location(self) -> Location | None:
        """The most confident place the mentions' own sentences give, else any (the first
        of equally confident ones). An own place that is only the article's province, standing
        in for a name the gazetteer lacks ("a residence in Pinetown", read as North Carolina),
        gives way to a finer place of the article in that province."""
        own, anywhere = self._own_place, self._any_place
        if own is not None and anywhere is not None and (own.rule or "").startswith("geo.event.focus") \
                and own.geo_precision == 3 and anywhere.geo_precision < 3 and own.admin1 is not None \
                and anywhere.admin1 == own.admin1 and anywhere.country == own.country:
            return anywhere
        return own if own is not None else anywhere

    def named_groups(self) -> set[str]:
        """Named armed groups (from the actor dictionary) of the mentions, in either role."""
        return self._named_by_role[0] | self._named_by_role[1]

    def named_in_role(self, k: int) -> set[str]:
        """Named armed groups of the mentions as actor1 (``k`` 0) or actor2 (``k`` 1)."""
        return self._named_by_role[k]

    def has_kind(self, sub_event_type: str) -> bool:
        return sub_event_type in self._kinds

    def has_type(self, event_type: str) -> bool:
        return event_type in self._types

    def role(self, name: str, unlike=None) -> Actor | None:
        """The first stated actor in a role; a default ("unidentified") only if none is. An
        unnamed one ("Militants kill seven soldiers") gives way to the group a later sentence
        names in that role ("Fighters from ISWAP attacked a base"). ``unlike``: a test of an
        actor that is the other side's ("eight militants, one soldier killed" names the soldier,
        of the forces that did the killing, where actor2 stands), passed over while another is
        stated."""
        found = [a for m in self.mentions if (a := getattr(m, name)) is not None]
        if unlike is not None and not all(unlike(a) for a in found):
            found = [a for a in found if not unlike(a)]
        first = next((a for a in found if not _is_default(a)), found[0] if found else None)
        if first is not None and _is_unidentified(first):
            return next((a for a in found if (a.rule or "").startswith("actors.dictionary")), first)
        return first


# Sub-event types that are a step of the case after an incident when the article
# also reports a violent event: the arrest of a shooting's suspect is not the news.
_CASE_STEPS = ("Arrests",)


def _dates_the_act_only_alone(trigger: Trigger) -> bool:
    """A development around an incident rather than an act of violence or protest: an arrest, a
    release ("the boy was released from the hospital Tuesday", "the sheriff released the names
    Monday"), an agreement. Its date is the development's: it dates the group only when the
    group holds nothing else (see :meth:`_Group.date`). Looting and destruction are acts."""
    return trigger.sub_event_type in _CASE_STEPS or (
        trigger.event_type == "Strategic developments" and trigger.sub_event_type != "Looting/property destruction")


# Locations and actors that a stage filled in by default, not read from the
# mention's own sentence: they never keep two mentions apart.
_BORROWED_PLACE_RULES = ("geo.event.document", "geo.event.actor-country", "geo.event.focus")
_SAME_PLACE_KM = 30.0


def _own_location(m: Mention) -> Location | None:
    loc = m.location
    return None if loc is None or loc.rule in _BORROWED_PLACE_RULES else loc


def _sentence_place(m: Mention) -> Location | None:
    """The place the mention's own sentence names, for telling happenings apart: none where the
    dateline stands in for a place of the rest of the article ("Shops were vandalised" below a
    lede that names the town)."""
    own = _own_location(m)
    return None if own is not None and own.rule == "geo.event.focus-replaces-document" else own


def _finer(new: Location, held: Location) -> bool:
    """A town that lies by a place the group holds only as "near" it: a headline's "outside
    Stockholm" or "in Lyon suburb" over a lede's "in the suburb of Vénissieux"; or a town in the
    province the headline names; or any place of the lede's own words where the headline's
    words named a broader unit and the town came from the rest of the article. The lede's town
    is where it happened."""
    if held.rule == "geo.event.sentence+document" and new.rule == "geo.event.sentence" and new.country == held.country \
            and not (new.geo_precision > held.geo_precision and _by_the_town(new, held)):
        # a headline that names only "India's Manipur", given the article's town, under a lede's
        # district; a lede's county that holds that town or lies by it ("Maryland" shootings at a
        # Bethesda mall told in "Montgomery County") leaves the town
        return True
    if held.geo_precision == 3 and new.geo_precision < 3 and new.country == held.country \
            and held.admin1 is not None and new.admin1 == held.admin1:
        return True  # a headline's "West Bank village" over the lede's "the village of Sinjil"
    return held.geo_precision == 2 and new.geo_precision == 1 and None not in (
        new.latitude, new.longitude, held.latitude, held.longitude) and \
        distance_km(new.latitude, new.longitude, held.latitude, held.longitude) <= _SAME_PLACE_KM


# How far from a county's or district's point a town may lie and still be read as in it
_UNIT_REACH_KM = 60.0


def _by_the_town(unit: Location, town: Location) -> bool:
    """A county or district that holds the town, or whose point lies near it."""
    if unit.admin2 is not None and unit.admin2 == town.admin2:
        return True
    return None not in (unit.latitude, unit.longitude, town.latitude, town.longitude) and \
        distance_km(unit.latitude, unit.longitude, town.latitude, town.longitude) <= _UNIT_REACH_KM


def _claim_of_another(claim, group: _Group, findings: DocFindings) -> bool:
    """The claim follows the telling of another incident, an earlier, a background or a second
    one ("The attack came weeks after a bombing at the railway station killed 26. The BLA said
    it carried out that attack."): it is that incident's, not this event's."""
    ours = {m.sent_start for m in group.mentions}
    before = [m for m in list(findings.mentions) + list(findings.rejected) if m.sent_start <= claim.start]
    last = max(before, key=lambda m: m.sent_start, default=None)
    if last is None or last.sent_start in ours and not _points_back(last):
        return False
    return not any(m is last for m in group.mentions)


def _unnamed_attackers(actor: Actor) -> bool:
    """An unidentified armed group: the attackers as the sentence saw them, or ACLED's default."""
    return _is_unidentified(actor) or _is_default(actor) or actor.name.startswith("Unidentified Armed Group")


def _is_default(actor: Actor) -> bool:
    return (actor.rule or "").startswith("actors.default")


def _is_unidentified(actor: Actor) -> bool:
    """Attackers the sentence names by a generic word ("gunmen", "unknown assailants")."""
    return (actor.rule or "").startswith("actors.generic.unidentified")


def _same_place(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.name == b.name or (a.name and b.name and a.country == b.country and fold(a.name) == fold(b.name)):
        return True  # "Kupwara" the district and "Kupwāra" its headquarters town
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude) and \
            distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _SAME_PLACE_KM:
        return True
    # one inside the other (a town and its district/province)
    return a.country == b.country and (a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1) \
        and (a.geo_precision == 3 or b.geo_precision == 3 or a.admin2 == b.admin2)


def _named_groups(actors) -> set[str]:
    return {a.name for a in actors if a is not None and (a.rule or "").startswith("actors.dictionary")}


# Dates a day apart name one happening seen from both sides of midnight or of the
# report ("late Thursday" / "early Friday"), when the wording says it is the same one.
_NEAR_DAYS = 1


def _within_period(d1, d2) -> bool:
    """A coarse date ("earlier this month", "last week") that holds the other, finer one."""
    for coarse, fine in ((d1, d2), (d2, d1)):
        if coarse.precision == "month" and coarse.date.year == fine.date.year and coarse.date.month == fine.date.month:
            return True
        if coarse.precision == "week" and abs((coarse.date - fine.date).days) <= 3:
            return True
    return False


def _same_happening(group: _Group, m: Mention, d1, d2) -> bool:
    """A mention that points back ("the shooting", "the attack") or names the same kind of
    event a day apart is the group's happening, not a second one."""
    if d1.date is None or d2.date is None:
        return False
    if _within_period(d1, d2):
        return True
    if _told_later(d1, d2) or _told_later(d2, d1):
        return True  # "the army said on Saturday it had retaken the town ... troops entered it on Friday"
    if _dates_the_act_only_alone(m.trigger) and group._has_own and 0 < (d2.date - d1.date).days <= _NEAR_DAYS:
        return True  # "Police arrested 14 people ... on Wednesday" after Tuesday's riot: a step of it
    if "+anaphor" in m.trigger.rule and d2.date < d1.date and _began(m):
        return True  # "the miners, who began the blockade last week": the news's blockade, from its start
    if abs((d1.date - d2.date).days) > _NEAR_DAYS or "+another" in m.trigger.rule:
        return False  # "in the second shooting, ... Tuesday": one more happening, on its own day
    if "+anaphor" in m.trigger.rule:
        return True
    if _found_dead(m.trigger) and (d2.date - d1.date).days == 1:
        return True  # "Residents found the bodies on Thursday morning": the dead of the night before
    # the same kind of act on another day in another town is another event (ACLED's unit): "ambushed
    # a patrol in Segovia on Tuesday ... on Wednesday, soldiers killed three in Remedios"
    return group.has_kind(m.trigger.sub_event_type) and not _two_towns(group.own_location(), _own_location(m))


# How many days before the telling an act told with no day of its own may have been done
_TOLD_LATER_DAYS = 2


def _told_day(d) -> bool:
    return TOLD_DAY in (d.rule or "")


def _told_later(told, act) -> bool:
    """``told`` is the day an act was told ("said on Saturday it had retaken the town") and
    ``act`` a day at most two days before it: the act told may be the one done that day."""
    return _told_day(told) and not _told_day(act) and 0 < (told.date - act.date).days <= _TOLD_LATER_DAYS


def _began(m: Mention) -> bool:
    """The mention tells when its lasting happening began ("who began the blockade last week",
    "the sit-in, which started on Friday"), not a happening of that day."""
    at, end = m.trigger.start - m.sent_start, m.trigger.end - m.sent_start
    return _BEGAN_BEFORE.search(m.sentence[max(0, at - 30):at]) is not None \
        or _BEGAN_AFTER.match(m.sentence[end:end + 30]) is not None


_BEGAN_BEFORE = re.compile(r"\b(?:began|begun|started|launched)\s+(?:the|their|its|a|an)?\s*$", re.I)
_BEGAN_AFTER = re.compile(r"\s*,?\s*(?:which|that)?\s*(?:began|begun|started|had begun|had started|has been going on)\b",
                          re.I)


# Words of the dead found after the act: their finding is no second happening
_THE_DEAD = {"body", "bodies", "corpse", "corpses", "remains"}


def _found_dead(trigger: Trigger) -> bool:
    return trigger.text.lower() in _THE_DEAD


# A headline and its lede tell one happening: "Teenage girl fatally shot inside Arnold
# home" over "a teenage girl was fatally shot Monday at a home in Westmoreland County".
_HEADLINE_AND_LEDE = {"title", "lede"}


def _headline_of(group: _Group, part: str) -> bool:
    """The mention and the group lie one in the headline, the other in the lede."""
    return part in _HEADLINE_AND_LEDE and bool((_HEADLINE_AND_LEDE - {part}) & group._parts)


# An earlier event's date a year or more before the report is another year's happening.
_ANOTHER_YEAR_DAYS = 365


def _another_time(m: Mention, published, told=None) -> bool:
    """The mention's own date places it at another time than the article's undated news: a
    month or a year without a day ("back in May", "in January"), a day a year or more
    before the report, or another day than the one of the report's week that the article
    gives the act itself (``told``: "was fatally shot Saturday evening ... A man was
    wounded at that location on Jan. 6"). A follow-up's lede may leave its incident undated
    and give the day further down ("the shooting on March 9"): that day is the news's."""
    if m.date.precision != "day":
        return True
    if published is None or m.date.date is None:
        return False
    return (published - m.date.date).days >= _ANOTHER_YEAR_DAYS or _told_this_week(told, published) \
        and m.date.date != told.date


def _told_this_week(told, published) -> bool:
    """The article gives the act a day of the week before the report."""
    return told is not None and told.date is not None and told.precision == "day" \
        and 0 <= (published - told.date).days <= NEWS_DAYS


def _fits(group: _Group, m: Mention, part: str = "body", published=None, told=None, headline: bool = False) -> bool:
    """Nothing the mention states conflicts with the group: date, own place, named groups.

    Generic and default actors never split an article's mentions: "security
    forces opened fire" and "the Taliban claimed it" are one event seen from
    both sides. Two different named armed groups with nothing in common are not.
    The places of a headline and of its lede are not compared: a headline names the
    town, the lede often the county or a district, and either may be read as a
    namesake elsewhere; a different date or actor pair still keeps them apart, and a
    headline that names two places tells two happenings (see :func:`_group`).
    An earlier event the article dates at another time (:func:`_another_time`: "two men were
    wounded there in January") does not join its undated news; ``told`` is the day the
    article hangs on the act of violence itself, if any (``DocFindings.act_day``).
    """
    if any(x.trigger.start in m.apart_from or m.trigger.start in x.apart_from for x in group.mentions):
        return False  # its sentence tells it as another act than one of the group's
    d1, d2 = group.date(), m.date
    if d1 is None and d2 is not None and m.timing == EARLIER and group._has_news and _another_time(m, published, told):
        return False  # "another shooting on the same block back in May": not the undated news
    if d1 is not None and d2 is not None and d1.date != d2.date and not _same_happening(group, m, d1, d2):
        return False
    # an act told apart from another in its sentence ("..., and in a separate incident clashes
    # killed four") has no place of its own when the sentence's place is the other act's
    place = group.own_location() if any(x.apart_from for x in group.mentions) else group.location()
    mine = _sentence_place(m)
    # "20 abducted in Katsina" in a headline: the state, as likely as its capital
    if headline and mine is not None and _named_as_its_province(mine):
        mine = replace(mine, geo_precision=3)
    if group.headline_only and place is not None and _named_as_its_province(place):
        place = replace(place, geo_precision=3)
    if not _headline_of(group, part) and not _same_place(place, mine):
        return False
    if _two_towns(group.own_location(), _own_location(m)) and group.has_type(m.trigger.event_type) \
            and not group.has_kind(m.trigger.sub_event_type) and "+anaphor" not in m.trigger.rule:
        # "an air strike on Bint Jbeil ... artillery shelled the outskirts of Kfar Kila": another
        # weapon, another act (an attack beside a clash may be one fight read from both sides)
        return False
    if _seized_after(group, m):
        return True
    return not _other_dyad(group, m)


def _seized_after(group: _Group, m: Mention) -> bool:
    """Weapons found or seized, told with no day or place of their own after an act of the group
    ("... and that weapons and explosives were recovered from the compound"): what the raid
    turned up, whoever the sentence says owned them, not a seizure of its own."""
    return m.trigger.sub_event_type == "Disrupted weapons use" and m.date is None and _sentence_place(m) is None \
        and group._has_own and any(x.trigger.event_type in _VIOLENCE_TYPES for x in group.mentions)


def _named_as_its_province(loc: Location) -> bool:
    """A town that bears its province's name ("Katsina" of Katsina State): a headline's bare
    name may mean either."""
    return loc.geo_precision == 1 and bool(loc.name and loc.admin1) and fold(loc.name) == fold(loc.admin1)


def _town(loc: Location) -> bool:
    """A town or village, or the land near one ("the outskirts of X"), not a district or province."""
    return loc.geo_precision == 1 or loc.geo_precision == 2 and loc.name not in (loc.admin1, loc.admin2)


# Towns further apart than this are two places, though near enough to be read as one
_APART_KM = 5.0


def _two_towns(a: Location | None, b: Location | None) -> bool:
    """Two towns or villages (or the land near them), each named in its own sentence, that lie
    apart: a different kind of act there is another event (ACLED's unit is one place), however
    near the two are."""
    return a is not None and b is not None and _town(a) and _town(b) \
        and (a.geonameid is None or a.geonameid != b.geonameid) and None not in (
            a.latitude, a.longitude, b.latitude, b.longitude) \
        and distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > _APART_KM


def _other_dyad(group: _Group, m: Mention) -> bool:
    """The mention and the group name different named groups, none in common, and in one role
    both name one: "ISWAP attacked" beside "Boko Haram attacked". A group named only as the
    other side ("drones hit a police station" beside "FARC dissidents attacked it") is the same
    happening seen from the target."""
    theirs, mine = group.named_groups(), _named_groups((m.actor1, m.actor2))
    if not (theirs and mine and theirs.isdisjoint(mine)):
        return False
    return any(_named_groups((actor,)) and group.named_in_role(k) for k, actor in enumerate((m.actor1, m.actor2)))


def _headline_places(structure, places) -> int:
    """How many different places the headline names."""
    title = structure.title if structure is not None else None
    if title is None or title.start < 0:
        return 0
    # a demonym ("Israeli settlers") names no place of a happening
    named = [p for p in places if title.start <= p.start and p.end <= title.end and "demonym" not in (p.rule or "")]
    # "Yemen's Taiz", "Taiz, Yemen": a country or a province that holds another place it names
    # says where that place is, and is no second happening's place
    inner = [p.entry for p in named if p.entry is not None]
    return len({p.text.lower() for p in named if not (p.entry is not None and any(
        e is not p.entry and _holds(p.entry, e) for e in inner))})


def _holds(outer, inner) -> bool:
    """A country or a first-level unit that the other place lies in."""
    code = outer.feature_code or ""
    if code.startswith("PCL"):
        return inner.iso2 == outer.iso2 and not (inner.feature_code or "").startswith("PCL")
    return code == "ADM1" and inner.iso2 == outer.iso2 and inner.admin1 == outer.admin1 and inner is not outer


def _group(mentions: list[Mention], structure=None, places=(), published=None, told=None) -> list[_Group]:
    """Mentions in order, each joining the first group it fits (``structure``, the article's
    layout when it has one, says which lie in its headline and lede; ``places``, the places
    the article names; ``told``, the day the article gives the act of violence itself,
    :func:`_act_told`)."""
    groups: list[_Group] = []
    parts = [structure.kind_at(m.sent_start, m.sent_end) if structure is not None else "body" for m in mentions]
    in_title = [p == "title" for p in parts]
    if _headline_places(structure, places) > 1:  # "Gunmen kill 12 in X; 20 abducted in Y": two happenings
        parts = ["body" if p == "title" else p for p in parts]
    last = None
    for m, part, headline in zip(mentions, parts, in_title):
        target = None
        if last is not None and _points_back(m) and _fits(last, m, part, published, told, headline):
            target = last  # "that attack": the incident told just before, not the first that fits
        apart = _told_as_separate(m)  # "Separately, settlers attacked ...": not what was told before
        first = None if target is not None else next((g for g in groups if (g.headline_only or not apart)
                                                      and _fits(g, m, part, published, told, headline)), None)
        if target is None and first is not None and "+anaphor" in m.trigger.rule and _dates_the_act_only_alone(m.trigger):
            # "the detentions" after a march in one city and arrests in another: the arrests, the
            # latest of its word, where they lie in another town than the first that fits (a step
            # such as an arrest; "the shooting" stays with the first that fits, the news)
            latest = next((g for g in reversed(groups) if _of_the_same_word(g, m) and not g.headline_only
                           and _fits(g, m, part, published, told, headline)), None)
            if latest is not None and _two_towns(first.own_location(), latest.own_location()):
                target = latest
        target = target or first
        if target is None:
            target = _Group()
            groups.append(target)
        target.add(m, part)
        target.headline_only = target.headline_only and headline
        last = target
    return groups


def _of_the_same_word(group: _Group, m: Mention) -> bool:
    """The group holds an act of the mention's kind, or one its word names ("detained" for
    "the detentions", though the arrests were read as breaking up a march)."""
    family = m.trigger.rule.split("(", 1)[0]
    return group.has_kind(m.trigger.sub_event_type) or any(g.trigger.rule.split("(", 1)[0] == family
                                                           for g in group.mentions)


def _told_as_separate(m: Mention) -> bool:
    """The sentence opens its act with a marker of another happening ("Separately, settlers
    attacked a village", "In another incident, ..."): the act joins no incident the body told
    before it, only one the headline alone names."""
    return SEPARATE.search(m.sentence, 0, m.trigger.start - m.sent_start) is not None


def _points_back(m: Mention) -> bool:
    """The trigger is a noun after "that" ("said it carried out that attack"): the incident the
    text told last."""
    at = m.trigger.start - m.sent_start
    return m.sentence[max(0, at - 5):at].lower() == "that "


def _attach_orphan_counts(groups: list[_Group], findings: DocFindings, news: bool = True) -> None:
    """Counts stated outside the groups' mentions join the group of the nearest mention before
    them (the first group when none comes before). A count in a
    sentence set aside as context ("three children were killed by stray bullets last year")
    is the background's, not the news's (``news``: the groups are the article's news), and so
    is the toll of an earlier incident at another place that the article does not report in
    full ("In April, a car bomb in Jamundí killed two civilians"): it stays that incident's."""
    in_mentions = {(c.start, c.end) for g in groups for m in g.mentions for c in m.counts}
    elsewhere = {(c.start, c.end): _own_location(m) for m in findings.mentions if m.timing == EARLIER
                 and _own_location(m) is not None for c in m.counts}
    background = [(m.sent_start, m.sent_end) for m in findings.rejected
                  if news and (m.timing == CONTEXT or m.modality in _TALLY_MODALITIES)]
    # the toll of an incident the article dates a year or more back and does not report in
    # full ("More than 60 people were killed during protests in June and July 2024") is its own
    published = findings.document.published
    long_ago = {(c.start, c.end): m.date for m in findings.mentions if news and m.timing == EARLIER
                and _days_before(m.date, published) >= _ANOTHER_YEAR_DAYS for c in m.counts}
    starts = sorted((m.sent_start, i) for i, g in enumerate(groups) for m in g.mentions)
    for c in findings.counts:
        if (c.start, c.end) in in_mentions or any(s <= c.start < e for s, e in background):
            continue
        # the group of the nearest mention before the count ("He later died at the hospital"
        # goes on about the shooting told just before it, not an arrest told first)
        k = bisect.bisect_right(starts, (c.start, len(groups))) - 1
        group = groups[starts[k][1] if k >= 0 else 0]
        if (c.start, c.end) in long_ago and not _same_time(group.date(), long_ago[(c.start, c.end)]):
            continue  # a follow-up's "wounding five in August" stays with its August shooting
        if (c.start, c.end) in elsewhere and not _same_place(group.location(), elsewhere[(c.start, c.end)]):
            continue
        group.extra_counts.append(c)


def _headline_figures_told_apart(groups: list[_Group], findings: DocFindings) -> None:
    """A headline that sums up two happenings ("12 soldiers killed in ambush, army strikes kill
    20 militants") gives each its own figure: a headline figure that the body tells of another
    group (the same kind, the same number) and not of the headline's own is that group's, where
    the body tells the two apart by day or by kind of act and the headline gives its own group
    a figure of that kind that the group's body tells too."""
    title = findings.structure.title if findings.document.profile == "news" else None
    if title is None or title.start < 0 or len(groups) < 2:
        return

    def in_title(m: Mention) -> bool:
        return m.sent_start < title.end and title.start < m.sent_end

    told = [{(c.kind, figure(c)) for m in g.mentions if not in_title(m) for c in m.counts}
            | {(c.kind, figure(c)) for c in g.extra_counts} for g in groups]
    for k, g in enumerate(groups):
        others = set().union(*(t for i, t in enumerate(told) if i != k and _told_apart(g, groups[i])))
        # only beside a figure of the same kind that the headline's own group tells, in the same
        # clause or another ("separatists kill two gendarmes; army says it killed five fighters")
        own = {c.kind for m in g.mentions if in_title(m) for c in m.counts if (c.kind, figure(c)) in told[k]}
        for j, m in enumerate(g.mentions):
            if not in_title(m) or not m.counts:
                continue
            keep = tuple(c for c in m.counts if c.kind not in own or (c.kind, figure(c)) in told[k]
                         or (c.kind, figure(c)) not in others)
            if len(keep) < len(m.counts):
                g.mentions[j] = replace(m, counts=keep)


def _told_apart(a: _Group, b: _Group) -> bool:
    """Two groups the text dates to different days, or whose acts are of different kinds."""
    da, db = a.date(), b.date()
    if da is not None and db is not None and da.date is not None and db.date is not None \
            and da.precision == db.precision == "day" and da.date != db.date:
        return True
    return not a._types & b._types


def _same_time(d1, d2) -> bool:
    """Two dates of which one may hold the other, or the same day."""
    return d1 is not None and d2 is not None and d1.date is not None and d2.date is not None and (
        d1.date == d2.date or _within_period(d1, d2))


def _days_before(when, published) -> int:
    """Days from a mention's date to publication; 0 when either is unknown."""
    if when is None or when.date is None or published is None:
        return 0
    return (published - when.date).days


# Sentences set aside as habitual or a tally over time ("have killed more than 200 in the past
# year") or as a remembrance: their figures are no incident's toll
_TALLY_MODALITIES = ("background", "anniversary")


# A year written out: "in December 2012", "the 2015 Genesee Street shooting", "August 1982:".
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _of_an_earlier_year(count: Count, event_date, findings: DocFindings) -> bool:
    """A figure whose sentence dates it only to years before the event's is another, earlier
    incident's: "In March 2011, nine people were shot dead at the same bar" in a report of a
    2014 shooting, "the 2015 Genesee Street shooting, when three people were shot dead" in one
    of 2017. The event's date is one the text tells: a report of a trial, dated by its
    publication, is about the earlier incident."""
    years = [int(y) for y in _YEAR.findall(findings.sentence_at(count.start))]
    return bool(years) and all(y < event_date.year for y in years)


# Events of crowds, whose cause a report tells with the death that set them off
_CROWD_TYPES = ("Protests", "Riots")
# A clause or phrase of what a crowd answered, just before a count: "set fire to the station after
# a young man died in custody", "marched over the killing of two students", "protested against the
# killing of a student" (a comma ends the phrase: "fired against the crowd, killing two" stays)
_ANSWERING = re.compile(r"\b(?:after|following|over|against)\b[^,;.()]{0,30}$", re.I)


def _what_they_answered(count: Count, findings: DocFindings) -> bool:
    """A death told as what a protest or riot answered, not as its toll: "protesters torched the
    station after a man died in police custody" (ACLED codes the riot with no fatality)."""
    span = findings.sentence_span(count.start)
    return span is not None and _ANSWERING.search(findings.document.text[span[0]:count.start]) is not None


def _fill_country(actor: Actor | None, location: Location | None) -> Actor | None:
    if actor is not None and location is not None and location.country and actor.rule \
            and actor.rule.startswith("actors.dictionary") and actor.country != location.country \
            and (actor.rule.startswith("actors.dictionary.ambiguous")
                 or len(load_actors().candidates(actor.text or "")) > 1):
        # an alias of several countries' groups ("Congolese army") that a country named in its
        # sentence settled ("eastern Congo's", itself a name of two): the event's country decides
        actor = _of_event_country(actor, location.country)
    if actor is None or "{country}" not in actor.name:
        return actor
    country = (location.country if location else None) or actor.country
    name = actor.name.replace("{country}", country) if country else _NO_COUNTRY.sub("", actor.name)
    return replace(actor, name=name, country=country)


def _of_event_country(actor: Actor, country: str) -> Actor:
    """A name the dictionary gives to groups of several countries ("eln" is the National
    Liberation Army of Bolivia, of Colombia and of Peru) that nothing in its sentence told
    apart: the group of the country where the event took place, when exactly one is."""
    actors = load_actors()
    if actor.source_id in actors.entries and country in actors.entries[actor.source_id].countries:
        return actor
    found = [e for e in actors.candidates(actor.text or "") if country in e.countries]
    if len(found) != 1:
        return actor
    entry = found[0]
    return replace(actor, name=entry.name, type=entry.actor_type, inter=entry.inter, country=country,
                   source_id=entry.key, rule=f"{actor.rule}+event_country")


# The placeholder and the words that tie it to the name ("Civilians ({country})", "Police Forces
# of {country}"), dropped when neither the event's place nor the actor gives a country.
_NO_COUNTRY = re.compile(r"\s*(?:\(\{country\}\)|of \{country\}|\{country\})")


def _assoc(actor: Actor | None, location: Location | None) -> tuple[Actor, ...]:
    """Associated actors (a protest's organisers) stated beside the main one."""
    if actor is None:
        return ()
    return tuple(_fill_country(a, location) for a in actor.assoc)


# Reports lead with the event; later sentences are more often context, so a
# trigger's weight falls a little with its sentence's place in the article.
_POSITION_DECAY = 0.04
_POSITION_CAP = 5


def _event_class(group: _Group, findings: DocFindings) -> tuple[Mention, Trigger]:
    """The lead mention and the event's class (``classify.event_class`` over the mentions)."""
    starts = [start for start, _ in findings.sentences]
    weighted = []
    for m in group.mentions:
        k = bisect.bisect_right(starts, m.sent_start) - 1
        t = m.trigger
        weighted.append(replace(t, score=round(t.score - _POSITION_DECAY * min(max(k, 0), _POSITION_CAP), 3)))
    protest = max(weighted, key=lambda t: t.score).event_type == "Protests"
    chosen = classify.event_class(weighted + (_interventions_after(group, findings, starts) if protest else [])) \
        or weighted[0]
    if findings.document.profile == "news" and _dates_the_act_only_alone(chosen):
        chosen = _act_stepped_around(group, weighted) or _act_the_day_before(group, weighted, chosen) or chosen
    lead = next((m for m, w in zip(group.mentions, weighted) if w.start == chosen.start),
                max(group.mentions, key=lambda m: m.trigger.score))
    return lead, chosen


# How many sentences after one of its mentions a sentence of police action on a crowd
# still tells of the same protest ("... marched on parliament. Police intervened.")
_INTERVENTION_REACH = 2


def _interventions_after(group: _Group, findings: DocFindings, starts: list[int]) -> list[Trigger]:
    """The crowd interventions told in the sentences right after the group's mentions
    (``starts``: the offsets of the document's sentences)."""
    if not findings.interventions:
        return []
    told = {bisect.bisect_right(starts, m.sent_start) - 1 for m in group.mentions}
    near = {k + step for k in told for step in range(1, _INTERVENTION_REACH + 1)}
    # "In the city of Medellin, police detained five": police action in another town is that town's
    elsewhere = {bisect.bisect_right(starts, m.sent_start) - 1 for m in findings.mentions
                 if _two_towns(group.own_location(), _sentence_place(m))}
    return [t for t in findings.interventions if bisect.bisect_right(starts, t.start) - 1 in near - elsewhere]


def _act_the_day_before(group: _Group, weighted: list[Trigger], step: Trigger) -> Trigger | None:
    """The best trigger of an act the group dates to the day before its step ("rival supporters
    fought in the town on Sunday ... police arrested 20 people there on Monday"): the arrests
    follow the act, which is the event (see :func:`_same_happening`)."""
    when = next((m.date for m, t in zip(group.mentions, weighted) if t.start == step.start), None)
    if when is None or when.date is None:
        return None
    acts = [t for m, t in zip(group.mentions, weighted) if not _dates_the_act_only_alone(t) and m.date is not None
            and m.date.date is not None and m.date.precision == "day" and 0 < (when.date - m.date.date).days <= _NEAR_DAYS]
    return max(acts, key=lambda t: t.score) if acts else None


def _act_stepped_around(group: _Group, weighted: list[Trigger]) -> Trigger | None:
    """The best trigger of one act of violence done to someone, told with its day ("the
    assassination of senator X on 18 august", "the massacre of six priests carried out on 16
    november"), beside a development around it: an arrest of its suspects, an accord or a
    campaign it set off. The act is what happened; the arrest or the accord is a step around
    it, and ACLED's unit of one actor pair is the act's. Violence named with no victim or no
    day ("several murders", "the attacks") may be talk around the development and leaves it."""
    acts = [t for m, t in zip(group.mentions, weighted)
            if t.event_type in _VIOLENCE_TYPES and (_one_act_of(m) or _act_of_few(m))
            and m.date is not None and m.date.precision == "day"]
    return max(acts, key=lambda t: t.score) if acts else None


def _evidence_at(findings: DocFindings, fieldname: str, start: int, end: int, text: str,
                 rule: str) -> Evidence:
    return Evidence(field=fieldname, doc_id=findings.document.id, start=start, end=end, text=text,
                    sentence=findings.sentence_at(start), rule=rule)


def _claimant(claim, location: Location | None) -> Actor:
    """actor1 from a claim of responsibility, typed from the actor dictionary when it is there."""
    entry = load_actors().lookup(claim.actor, location.country if location else None)
    return Actor(name=entry.name if entry else claim.actor,
                 type=entry.actor_type if entry else "rebel group",
                 inter=entry.inter if entry else 2, text=claim.text, start=claim.start,
                 end=claim.end, source_id=entry.key if entry else None, rule="actor1.from_claim")


def _evidence_for_default(doc_id: str, fieldname: str, rule: str) -> Evidence:
    return Evidence(field=fieldname, doc_id=doc_id, start=0, end=0, text="", sentence="", rule=rule)


def _near(group: _Group):
    """A test of whether an item (claim, statement, place) lies within CONTEXT_REACH of the event's sentences."""
    first = min(m.sent_start for m in group.mentions) - CONTEXT_REACH
    last = max(m.sent_end for m in group.mentions) + CONTEXT_REACH
    return lambda item: first <= item.start and item.end <= last


# Acts that harm no one: the tolls their sentences tell are of other acts
_HARMLESS = frozenset({"Agreement"})


def _abduction_with_deaths(event_class: Trigger, dead: Count | None, group: _Group,
                           counts: list[Count] = ()) -> Trigger:
    """An abduction in which people were killed is an attack: ACLED keeps its abduction class for
    abductions with no further violence reported, and codes one where people died as an Attack
    ("killing 12 residents and abducting 30 others"). The deaths must be told in a sentence of
    the abduction itself ("Gunmen kill seven, abduct priest" over a lede that gives the toll
    again); a toll from another sentence may be another incident's."""
    if event_class.sub_event_type != "Abduction/forced disappearance" or not dead or not dead.best:
        return event_class
    told = [dead] + [c for c in counts if c.kind == "fatalities" and c.best]
    if not any(m.trigger.sub_event_type == event_class.sub_event_type and m.sent_start <= c.start < m.sent_end
               and not _clause_break(m, c) for m in group.mentions for c in told):
        return event_class
    return replace(event_class, sub_event_type="Attack", rule=f"{event_class.rule}+with_deaths")


def _clause_break(mention: Mention, count: Count) -> bool:
    """A semicolon or a full stop stands between the mention's trigger and the count: a headline
    that joins two incidents ("Gunmen kill 12 in Zamfara; 20 abducted in Katsina")."""
    a, b = sorted((mention.trigger.start, count.start))
    between = mention.sentence[a - mention.sent_start:b - mention.sent_start]
    return ";" in between or ". " in between


# "Kairu village", "the village of Kairu", "the town of Tlalchapa": a name the text gives as a
# village's or a town's. A neighbourhood, a suburb or a district is a part of its city, which ACLED
# names (the Frayser neighbourhood of Memphis is coded at Memphis).
# Words for a settlement, and the township (Myanmar's third-level unit, often a village's)
_LOCALITY = "(?:" + "|".join(sorted(SETTLEMENT_WORDS | {"township"})) + ")"
_VILLAGE_AFTER = re.compile(r"\s+" + _LOCALITY + r"\b")
_VILLAGE_BEFORE = re.compile(r"\b" + _LOCALITY + r" of\s+$")
# "Madyan, a tourist town in the Swat valley": an apposition that calls the name a village's or a town's
_VILLAGE_APPOSED = re.compile(r",\s+an?\s+(?:[\w'’-]+\s+){0,3}?" + _LOCALITY + r"\b")
# A sub-district written with a unit word only some countries use, whose name the gazetteer
# knows only abroad ("Santhia upazila"; see geo's unit_word_countries): a unit of the event's
# country the gazetteer lacks, named as a district is (geo-precision 2), where nothing nearer
# than the country was found for the event
_UNIT_WORD_ABROAD = "unit-word-abroad"
_UNIT_AFTER = re.compile(r"\s+[\w-]+\b")


def _at_unknown_village(location: Location | None, group: _Group, findings: DocFindings) -> Location | None:
    """The village an event's own sentence names where the gazetteer does not know it ("stormed
    Mamove village", "in the village of Kairu", "in Madyan, a tourist town"), at the place found
    for the event: the district or town the text puts it in. ACLED names such an event by its
    village, with the coordinates of the nearest place it knows and a geo-precision of 2; so does
    the record, which keeps the units it found. A name the gazetteer resolved, or one written as a proper name with
    "Village" ("Greenwich Village"), stays what it is."""
    if location is None or location.country is None:
        return location
    text = findings.document.text
    spans = [(m.sent_start, m.sent_end) for m in group.mentions]
    bureau = _from_the_bureau(location, findings)
    for p in findings.places:
        # a name the gazetteer knows only abroad ("Kani township in the central Sagaing region",
        # Japan's Kani) is as unknown as one it lacks
        known = p.entry is not None and not (location.iso3 and p.entry.iso3 != location.iso3)
        if known or not any(a <= p.start and p.end <= b for a, b in spans):
            continue
        end = _rest_of_hyphenated(text, p.end)
        if _UNIT_WORD_ABROAD in (p.rule or "") and location.geo_precision >= 3 and _UNIT_AFTER.match(text, end):
            name = text[p.start:end]
            return replace(location, name=name, text=name, start=p.start, end=end,
                           geo_precision=2, rule=f"{location.rule}+unknown_unit")
        if _named_as_village(text, p, end):
            return _village_location(p, end, findings, location, "unknown_village")
        if p.entry is None and (location.rule or "").startswith("geo.event.focus") \
                and _DISTRICT_AFTER.match(text, end) and _same_province_named(p, findings, location):
            # "QUETTA ... in Musakhel district of Balochistan province": a district the gazetteer
            # lacks, in the dateline's province, is where it happened, not the dateline's city
            name = text[p.start:end]
            return replace(location, name=name, text=name, start=p.start, end=end, admin2=name,
                           geo_precision=2, rule=f"{location.rule}+unknown_district")
        if bureau and _PLACED_IN.search(text[max(0, p.start - 8):p.start]) \
                and (country := _country_named(findings, location.iso3)) is not None:
            # "BAMAKO, Feb 12 (Reuters) - ... attacked its camp in Boulkessi": a wire bureau in the
            # capital does not place an act in a town the gazetteer lacks; the country does
            name = text[p.start:end]
            return replace(country, name=name, text=name, start=p.start, end=end, geo_precision=3,
                           confidence=min(country.confidence, 0.3), rule=f"{location.rule}+unknown_place_in_country")
    borrowed = (location.rule or "") == "geo.event.document" or bureau
    if borrowed and any(_THE_LOCALITY.search(m.sentence) for m in group.mentions):
        # "police fought the gang on Sunday to retake the town": the village the article told
        # of before, which the document's place (its province) stands in for
        first = min(m.sent_start for m in group.mentions)
        for p in sorted(findings.places, key=lambda p: -p.start):
            if p.start >= first or p.entry is not None:
                continue
            end = _rest_of_hyphenated(text, p.end)
            if _named_as_village(text, p, end):
                return _village_location(p, end, findings, location, "unknown_village_again")
    return location


# A second-level unit's word after its name ("Musakhel district", "Gwoza local government area")
_DISTRICT_AFTER = re.compile(r"\s+(?:district|tehsil|county|upazila|lga|local government area|sub-district|"
                             r"municipality|prefecture)\b", re.I)


def _same_province_named(p, findings: DocFindings, location: Location) -> bool:
    """The sentence of place ``p`` names the province ``location`` lies in."""
    a, b = findings.sentence_span(p.start) or (p.start, p.end)
    return location.admin1 is not None and any(
        a <= q.start < b and q.entry is not None and q.entry.feature_code == "ADM1" and q.entry.iso3 == location.iso3
        and fold(q.entry.admin1 or q.entry.name) == fold(location.admin1) for q in findings.places)


def _named_as_village(text: str, p, end: int) -> bool:
    """The text calls the name a village's or a town's ("Mamove village", "the town of X",
    "X, a tourist town")."""
    return bool(_VILLAGE_AFTER.match(text, end) or _VILLAGE_BEFORE.search(text[max(0, p.start - 30):p.start])
                or _VILLAGE_APPOSED.match(text, end))


def _village_location(p, end: int, findings: DocFindings, location: Location, why: str) -> Location:
    base = _unit_of_village(p, findings, location) or location
    name = findings.document.text[p.start:end]
    return replace(base, name=name, text=name, start=p.start, end=end,
                   geo_precision=max(2, base.geo_precision), rule=f"{base.rule}+{why}")


# "the town", "the village" with no name: the one the text named before
_THE_LOCALITY = re.compile(r"\bthe " + _LOCALITY + r"\b(?! of\b)", re.I)

# A name the sentence puts the act in: "in Boulkessi", "near Boulkessi", "at Boulkessi".
_PLACED_IN = re.compile(r"\b(?:in|near|at|outside)\s+$")


def _from_the_bureau(location: Location, findings: DocFindings) -> bool:
    """The place is the dateline's, and the dateline is a national capital, where wire services
    keep their bureaus: it tells where the story was filed more than where the act was."""
    if not (location.rule or "").startswith("geo.event.focus") or location.geonameid is None:
        return False
    return any(p.entry is not None and p.entry.geonameid == location.geonameid and p.entry.feature_code == "PPLC"
               for p in findings.places)


def _country_named(findings: DocFindings, iso3: str | None) -> Location | None:
    """The country the text names, as a place, when it is the event's."""
    return next((_location_of(p, "country") for p in findings.places if p.entry is not None
                 and p.entry.iso3 == iso3 and (p.entry.feature_code or "").startswith("PCL")), None)


_WORD_AFTER_HYPHEN = re.compile(r"[^\W\d_][\w'’]*")


def _rest_of_hyphenated(text: str, end: int) -> int:
    """The end of a name that NER cut at a hyphen ("Djongue-" of "Djongue-Ouro", "Bassin" of
    "Bassin-Bleu")."""
    if end < 1:
        return end
    if text[end - 1] != "-":
        m = _WORD_AFTER_HYPHEN.match(text, end + 1) if text[end:end + 1] == "-" else None
        return m.end() if m and text[end + 1:end + 2].isupper() else end
    m = _WORD_AFTER_HYPHEN.match(text, end)
    return m.end() if m else end - 1


# What joins a village to the unit the text puts it in: "Kairu village in the Maru Local
# Government Area", "the village of Kairu, Maru district", "Kairu village near Gusau".
_INTO_UNIT = re.compile(r"\s*(?:village|hamlet|settlement|locality|town)?\s*(?:,|in|of|near|outside)\s+(?:the\s+)?$")


def _unit_of_village(village: PlaceMention, findings: DocFindings, location: Location) -> Location | None:
    """The place the text puts an unknown village in, right after its name, when the gazetteer
    knows it and it lies in the event's country: its coordinates are the village's nearest."""
    text = findings.document.text
    for q in sorted(findings.places, key=lambda p: p.start):
        if q.start <= village.end:
            continue
        if q.start - village.end > 40 or q.entry is None:
            return None
        if q.entry.country != location.country or not _INTO_UNIT.match(text[village.end:q.start]):
            return None
        return _location_of(q, "village_unit")
    return None


def _location_of(place: PlaceMention, why: str) -> Location:
    """A resolved place mention as a Location, its rule ending in ``why``."""
    spot = Toponym(text=place.text, start=place.start, end=place.end, sent_start=place.start, sent_end=place.end,
                   token_start=0, token_end=0, label="GPE")
    return to_location(Resolved(spot, place.entry, place.confidence, place.candidates, place.rule),
                       f"{place.rule}+{why}")


# How far before a told day its place may stand ("in an ambush near Birnin Gwari on Saturday")
_PLACE_BEFORE_DAY = 30


def _place_of_told_day(told, location: Location | None, findings: DocFindings) -> Location | None:
    """The town named right before the day the article gives its incident, for an incident whose
    own sentences name no place: "mourners attended a funeral in Kaduna on Wednesday for five
    soldiers killed in an ambush near Birnin Gwari on Saturday" puts the ambush at Birnin
    Gwari, not at the dateline's Kaduna. A town of the province of the place borrowed, if one
    was: a namesake elsewhere ("East Germantown" in a Philadelphia report) stays unread."""
    text = findings.document.text
    before = [p for p in findings.places if p.entry is not None and p.entry.feature_class == "P"
              and p.end <= told.start and told.start - p.end <= _PLACE_BEFORE_DAY
              and not re.search(r"[.;]", text[p.end:told.start])]
    if not before:
        return None
    found = _location_of(max(before, key=lambda p: p.end), "told_day")
    if location is not None and location.country is not None and (
            found.country != location.country or location.admin1 is not None and found.admin1 != location.admin1):
        return None
    return found


def _build(group: _Group, findings: DocFindings, index: int) -> Event:
    document = findings.document
    lead, event_class = _event_class(group, findings)
    evidence = [e for m in group.mentions for e in m.evidence
                if not (e.field == "event_type" and e.start == event_class.start)]
    date = group.date()
    told = _incident_date(group, findings)
    if _told_instead(told, date, group, findings):
        date = None
    if date is None and (date := told) is not None:
        evidence.append(_evidence_at(findings, "event_date", date.start, date.end, date.text,
                                     f"date.incident_sentence+{date.rule}"))
    if date is None and (date := _first_recent_day(group, findings)) is not None:
        evidence.append(_evidence_at(findings, "event_date", date.start, date.end, date.text,
                                     f"date.first_recent_day+{date.rule}"))
    event_date, precision, relative = None, "unknown", None
    if date is not None:
        event_date, precision = date.date, date.precision
        if date.date is None and date.relative_days is not None:
            relative = f"{date.relative_days:+d} days from publication"
    elif document.published is not None:
        event_date, precision = document.published, "day"
        evidence.append(_evidence_for_default(document.id, "event_date", "date.default.published"))
    location = group.location() or findings.location
    own = group.own_location()
    if date is not None and date is told and (own is None or (own.rule or "").startswith("geo.event.focus")):
        # the sentences name no place, or only the dateline's stands in for one
        location = _place_of_told_day(told, location, findings) or location
    location = _at_unknown_village(location, group, findings)
    actor1 = _victims_first(_named_again(group.role("actor1"), findings), event_class.event_type, findings)
    actor1 = _fill_country(actor1, location)
    same_side = (lambda a: _fill_country(a, location).name == actor1.name) if actor1 is not None else None
    actor2 = _fill_country(group.role("actor2", same_side), location)
    near = _near(group)
    claims = tuple(c for c in findings.claims if near(c) and not _claim_of_another(c, group, findings))
    if claims and (actor1 is None or _unnamed_attackers(actor1)):
        # "gunmen stormed the hotel ... al Shabaab said it carried out the attack": the claimant
        actor1 = _claimant(claims[0], location)
    counts = [c for m in group.mentions for c in m.counts] + group.extra_counts
    if date is not None and event_date is not None:  # a day the text tells, not the publication's
        counts = [c for c in counts if not _of_an_earlier_year(c, event_date, findings)]
    if event_class.event_type in _CROWD_TYPES:
        counts = [c for c in counts if not (c.kind == "fatalities" and _what_they_answered(c, findings))]
    by_kind = event_counts(counts, COUNT_KINDS)
    event_class = _abduction_with_deaths(event_class, by_kind.get("fatalities"), group, counts)
    if event_class.sub_event_type in _HARMLESS:
        # "leaders sign peace pact after deadly clashes": the toll is the fighting's, not the accord's
        by_kind = {k: None if k in ("fatalities", "injured") else c for k, c in by_kind.items()}
    for c in by_kind.values():
        if c is not None and not any(e.field == c.kind and e.start == c.start for e in evidence):
            evidence.append(_evidence_at(findings, c.kind, c.start, c.end, c.text, c.rule))
    for cl in claims:
        evidence.append(_evidence_at(findings, "claims", cl.start, cl.end, cl.text, cl.rule))
    if location is not None and not any(e.field == "location" and e.start == location.start for e in evidence):
        evidence.append(_evidence_at(findings, "location", location.start or 0, location.end or 0,
                                     location.text or location.name, location.rule))
    evidence.insert(0, _evidence_at(findings, "event_type", event_class.start, event_class.end,
                                    event_class.text, event_class.rule))
    codes = {}
    gtd_types = classify.gtd_attack_types_for_event(group.mentions)  # GTD's precedence over mentions
    if gtd_types:
        gtd, gtd_rule, _ = gtd_types[0]
        codes["gtd_attack_type"] = gtd
        evidence = [e for e in evidence if e.field != "gtd_attack_type"]
        evidence.append(_evidence_at(findings, "gtd_attack_type", lead.trigger.start, lead.trigger.end,
                                     lead.trigger.text, gtd_rule or "gtd.precedence"))
        if len(gtd_types) > 1:  # GTD's attacktype2 and 3: further acts of the incident
            codes["gtd_attack_types"] = [t for t, _, _ in gtd_types]
        if len(gtd_types) > 1 or gtd == "Facility/Infrastructure Attack":
            # the words of each act ("destroyed", "set fire"): what kind of damage it was
            for _, rule, m in classify.gtd_attack_type_words(group.mentions, codes.get("gtd_attack_types", [gtd])):
                if rule != gtd_rule:
                    evidence.append(_evidence_at(findings, "gtd_attack_type", m.trigger.start, m.trigger.end,
                                                 m.trigger.text, rule))
    confidence = min(0.99, lead.confidence * (0.6 + 0.1 * min(len(group.mentions), 4))
                     + (0.05 if location else 0) + (0.05 if actor1 else 0))
    digest = hashlib.sha1(f"{document.id}|{index}|{lead.trigger.start}".encode()).hexdigest()[:12]
    return Event(
        event_id=f"{document.id}#{digest}", doc_ids=(document.id,),
        event_type=event_class.event_type, sub_event_type=event_class.sub_event_type,
        event_date=event_date, date_precision=precision, codes=codes,
        actor1=actor1, actor2=actor2, location=location,
        assoc_actor1=_assoc(actor1, location), assoc_actor2=_assoc(actor2, location),
        fatalities=by_kind["fatalities"], injured=by_kind["injured"],
        hostages=by_kind["hostages"], arrested=by_kind["arrested"],
        claims=claims, statements=tuple(filter(near, findings.statements)),
        places=tuple(filter(near, findings.places)),
        evidence=tuple(evidence), confidence=round(confidence, 3), relative_date=relative,
    )


# ACLED inter codes of non-state armed groups: rebels, political militias.
_ARMED_GROUPS = (2, 3)
_THE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _article_group(findings: DocFindings) -> Actor | None:
    """The one non-state armed group (ACLED inter 2 or 3) the article names, if it names one only."""
    named: dict[str, Actor] = {}
    for m in (*findings.mentions, *findings.rejected):
        for a in (m.actor1, m.actor2):
            if a is not None and (a.rule or "").startswith("actors.dictionary") and a.inter in _ARMED_GROUPS:
                named.setdefault(a.name, a)
    # a group named in a sentence that tells no act ("FMLN fighters, the army of the red flag")
    for a in findings.groups:
        named.setdefault(a.name, a)
    # a group that speaks or claims in the article ("the FMLN said") is named there too
    for words in [st.speaker for st in findings.statements] + [c.actor for c in findings.claims]:
        entry = load_actors().lookup(_THE.sub("", words or ""))
        if entry is not None and entry.inter in _ARMED_GROUPS:
            named.setdefault(entry.name, Actor(name=entry.name, type=entry.actor_type, inter=entry.inter,
                                               source_id=entry.key, rule="actors.dictionary.speaker"))
    return next(iter(named.values())) if len(named) == 1 else None


def _named_again(actor: Actor | None, findings: DocFindings) -> Actor | None:
    """An attacker called "the guerrillas" or "the rebels" in a news article that names one
    armed group only is that group: a report names a group once, then by its kind. Coded notes
    name the group whenever they mean it."""
    if actor is None or findings.document.profile != "news" or not actor.text \
            or not _is_unidentified(actor):
        return actor
    if group_anaphors().isdisjoint(actor.text.lower().split()):
        return actor
    group = _article_group(findings)
    if group is None:
        return actor
    return replace(group, text=actor.text, start=actor.start, end=actor.end,
                   rule=f"actor1.named_before+{actor.rule}")


# Event types whose first actor is the attacker, never its victims.
_ATTACKS = ("Violence against civilians", "Explosions/Remote violence")


def _victims_first(actor1: Actor | None, event_type: str, findings: DocFindings) -> Actor | None:
    """Civilians read as the first actor of an attack in a news article are its victims told
    first ("a peasant woman and her four children died when a bomb exploded"): the attacker is
    the one armed group the article names, when it names one only; else no one is named."""
    if actor1 is None or findings.document.profile != "news" or event_type not in _ATTACKS \
            or actor1.type != "civilians" or not (actor1.rule or "").startswith("actors.generic"):
        return actor1
    group = _article_group(findings)
    if group is None:
        return actor1
    return replace(group, rule=f"actor1.article_group+victims:{actor1.rule}")


def _incident_date(group: _Group, findings: DocFindings):
    """The date the article gives elsewhere for when its incident happened ("It happened
    Friday night"), for an undated group of its news; None otherwise.

    A follow-up written months on (an arrest, a plea, a survivor's story) names its incident
    by a day and month with no year ("in the March 9 shooting", "the incident occurred Aug.
    2"): the writer takes the reader to know the case, so the day dates the news however old
    it is. A date with its year ("On July 27, 2015, a man was shot") may be another
    incident's and dates the news only within ``ANCHOR_DAYS``, or within ``_CASE_DAYS`` where
    the article tells no recent day (:func:`_nothing_recent`)."""
    when, published = findings.incident_date, findings.document.published
    if when is None or when.date is None or published is None or all(m.timing == "earlier" for m in group.mentions):
        return None
    age = (published - when.date).days
    if 0 <= age <= ANCHOR_DAYS or (age > ANCHOR_DAYS and _year_left_out(when)):
        return when
    return when if ANCHOR_DAYS < age <= _CASE_DAYS and _nothing_recent(findings) else None


# How long a case runs from its incident to the follow-ups that report it (a trial, a sentencing)
_CASE_DAYS = 730


def _nothing_recent(findings: DocFindings) -> bool:
    """The article tells no day of the week before it (no step of a case, no report's day): a
    follow-up months on (a charge, a sentencing, a lawsuit) that gives its incident's full date
    ("the incident happened the night of March 9, 2018") is dated by it, where the publication
    date would be the day of neither."""
    return findings.first_recent_day is None


# How many days a mention's date may run past the day the article says its incident happened
# and still be a later step of it ("remained in critical condition Thursday", "a police report
# released Monday"), not another incident
_STEP_AFTER_DAYS = 7


# How far a day may lie from a date told by its week ("last week", "a week ago") and still be in that week
_WEEK_REACH = 6


def _told_instead(told, date, group: _Group, findings: DocFindings) -> bool:
    """The article says its incident happened on a day (:func:`_incident_date`: "officers
    responded at about 9 p.m. Tuesday", "the shooting happened Saturday night", "linked the gun
    to the July 14 shooting") that dates it better than the date its mentions carry: a day a
    few days before theirs ("was in critical condition Monday", "an autopsy conducted
    Thursday"), whose day is a later step, or any day where theirs is only a week or a month
    ("last month", "earlier this week"), though not a week counted back from a step ("died
    Saturday, a week after she was wounded": the act's own), and not a day outside the week
    its mentions name ("was shot one week ago", then "Saturday" read as the day of the report,
    whose weekday it shares). A day that dates another kind of
    act of the article (a drone strike told beside "On Monday, a missile strike on Kharkiv
    killed two"), or an act told apart in another place from a group its own day dates ("On
    Saturday, gunmen killed two policemen at a checkpoint in Sadda" below a convoy attacked on
    Tuesday near Bagan), is that act's."""
    if told is None or date is None or told.date is None or date.date is None or told.precision != "day":
        return False
    if any("+another" in m.trigger.rule for m in group.mentions):
        return False  # "in the second shooting, ... Tuesday": its own day, not a later step of the first
    coarse = date.precision != "day" and not (date.rule or "").endswith("dates.span_after")
    if not coarse and not 0 < (date.date - told.date).days <= _STEP_AFTER_DAYS:
        return False
    if date.precision == "week" and abs((told.date - date.date).days) > _WEEK_REACH:
        return False  # "was shot one week ago ... Saturday afternoon": the day is another week's
    own = {id(m) for m in group.mentions}
    return not any(m.date is not None and m.date.date == told.date and (
        not group.has_kind(m.trigger.sub_event_type)
        or not coarse and id(m) not in own and m.trigger.sub_event_type not in _CASE_STEPS and _elsewhere(group, m))
        for m in findings.mentions)


def _elsewhere(group: _Group, m: Mention) -> bool:
    """The mention names a place of its own that is not the group's: another area, or another
    town (a neighbouring municipality) where each is named in its own sentence."""
    place = _own_location(m)
    return place is not None and (not _same_place(group.location(), place)
                                  or _two_towns(group.own_location(), place))


def _first_recent_day(group: _Group, findings: DocFindings):
    """For an undated group of the article's news that no sentence dates either, the earliest
    day of the week before the report that the article tells (``first_recent_day`` of
    extract): the incident came no later than the first step that followed it. It bounds the
    incident's day without naming it: precision week."""
    first = findings.first_recent_day
    if first is None or all(m.timing == "earlier" for m in group.mentions):
        return None
    return replace(first, precision="week")


def _year_left_out(when) -> bool:
    """A day and month written without a year, placed in the year before publication."""
    return (when.rule or "").endswith("year_inferred")


def reported_in_full(group: _Group) -> bool:
    """An earlier event is kept only when the article gives it a day, a place and an outcome.

    A street ("killed a man in the 1500 block of Arlington Avenue on Aug. 1") is such a place:
    a local report gives its incident a street and leaves the town to its dateline."""
    if any(m.timing != "earlier" for m in group.mentions):
        return True
    date = group.date()
    has_day = date is not None and date.precision == "day"
    has_place = any(_own_location(m) is not None or names_a_street(m.sentence) for m in group.mentions)
    has_outcome = any(m.counts for m in group.mentions)
    return has_day and has_place and has_outcome


def _told_as_a_happening(group: _Group) -> bool:
    """The article gives the event a time, a place or an outcome of its own, as a report of
    a happening does. Violence named with none of these ("a regime that murders its
    people", "the attack shows there is an alliance") is more often talk of it in a speech,
    a statement or an analysis: it does not lead the article's events."""
    return bool(group.extra_counts) or any(_has_own_setting(m) for m in group.mentions)


def _has_own_setting(m: Mention) -> bool:
    """The mention's sentence gives it a time, a place or an outcome of its own."""
    return m.date is not None or _own_location(m) is not None or bool(m.counts)


# Event types of violence, which speeches, charges and analyses name without reporting one act.
_VIOLENCE_TYPES = ("Violence against civilians", "Explosions/Remote violence", "Battles")


def _talk_of_violence(group: _Group, findings: DocFindings) -> bool:
    """Violence that a news article names only in its body, with no time, place or outcome of
    its own, and not as one act done to someone: a speech's or a communique's charge ("a
    government that has murdered its people"), a politician's reference ("the attacks killed
    many unarmed civilians"), an analysis. The article's own news is in its opening (title,
    dateline, lede), and an earlier or further act the body reports is told with a time, a
    place, a toll or its victim ("the assassination of the magistrate", "oqueli's
    assassination"); this is none of these, so it is no event. Only the violence's own
    mentions are asked for a time, a place or a toll: politics the words are merged with
    (:func:`_around_an_act`) lends it none, and neither does politics in the opening (a summit's
    accord in the lede of a speech that charges "kidnappings and blind terrorism"): only an act
    of violence or of destruction there makes the body's violence the article's news. Coded
    notes are one event each and keep theirs."""
    if findings.document.profile != "news" or group.extra_counts or any(_around_an_act(m) for m in group.mentions):
        return False
    if _event_class(group, findings)[1].event_type not in _VIOLENCE_TYPES:
        return False
    violence = [m for m in group.mentions if m.trigger.event_type in _VIOLENCE_TYPES]
    if any(_has_own_setting(m) or _one_act_of(m) or _RECENTLY.search(m.sentence) for m in violence):
        return False
    return not any(anchored(m, findings.structure) for m in group.mentions
                   if not _dates_the_act_only_alone(m.trigger) and not _acts_in_the_plural(m))


# A plural noun of acts ("bombings", "massacres", "kidnappings", "explosive devices").
_PLURAL_ACTS = re.compile(r"[a-z]+[^su]s", re.I)


def _acts_in_the_plural(m: Mention) -> bool:
    """The mention names acts in the plural ("the bombings in the cities and the massacres in
    the countryside", "the planting of bombs and the abductions") with no time, place
    or toll of its own: a speech's or a communique's charge of a pattern of violence, even in its
    opening, where a report of a happening tells its act with a setting ("bombs exploded in the
    capital last night")."""
    last = m.trigger.text.rsplit(" ", 1)[-1]
    return m.trigger.event_type in _VIOLENCE_TYPES and bool(_PLURAL_ACTS.fullmatch(last)) and not _has_own_setting(m)


def _around_an_act(m: Mention) -> bool:
    """A mention of what happened around one act: a step of its case ("was placed under
    arrest for the killing") or a crowd in the street. Politics merged with talk of violence
    (an accord signed, a statement released, a party that joined) dates the politics only:
    a speech or a communique names both, and the violence is still no act of its own."""
    return m.trigger.event_type == "Protests" or m.trigger.sub_event_type in _CASE_STEPS


# A time of recency that no date resolves ("a few days ago", "in recent hours"): the words of
# a report of a happening, not of talk about violence.
_RECENTLY = re.compile(r"\b(?:(?:a few|several|some|two|three|\d+) (?:hours|days|nights) ago|"
                       r"in (?:the )?(?:recent|last|past)(?: few)? (?:hours|days|nights)|"
                       r"(?:hours|days|moments|minutes) (?:ago|earlier)|(?:last|early|late) (?:night|evening))\b",
                       re.I)


# A singular act noun with its victim after "of" ("the murder of the candidate") or a
# possessive before it ("oqueli's assassination") names one act done to someone; a plural
# victim ("the murder of students") names a kind of act.
_OF_ONE = re.compile(r"\s+of\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?!(?:one|two|three|four|five|six|seven|eight|"
                     r"nine|ten|several|many|some|all|dozens|hundreds|thousands|people|persons|a|an|the|his|her|their|its)\b)"
                     r"[a-z][\w'’.-]*[^s\W'’]\b(?!['’])", re.I)
_POSSESSOR = re.compile(r"\b[\w-]+(?:'s|’s)\s+$", re.I)


def _one_act_of(m: Mention) -> bool:
    """The trigger is a singular act noun told with its victim or its possessor."""
    word = m.trigger.text.lower()
    if " " in word or word.endswith("s") or not word.isalpha():
        return False
    at, end = m.trigger.start - m.sent_start, m.trigger.end - m.sent_start
    before, after = m.sentence[:at], m.sentence[end:]
    return bool(_POSSESSOR.search(before) or _OF_ONE.match(after))


# A singular act noun told with a few counted victims ("the massacre of six jesuit priests"):
# one act, where "the killing of thousands" tells a toll of many.
_OF_FEW = re.compile(r"\s+of\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"[2-9]|1[0-2])\s+[a-z]", re.I)


def _act_of_few(m: Mention) -> bool:
    """The trigger is a singular act noun told with a few counted victims."""
    word = m.trigger.text.lower()
    if " " in word or word.endswith("s") or not word.isalpha():
        return False
    return bool(_OF_FEW.match(m.sentence[m.trigger.end - m.sent_start:]))


def _main_rank(group: _Group, event: Event, findings: DocFindings) -> tuple:
    """Sort key of the article's main incident: its news before earlier events, a happening
    told with a time, place or outcome before talk of one, what the title or lede reports
    before the rest, violence before a step of the case, then confidence."""
    opening = any(anchored(m, findings.structure) for m in group.mentions)
    news = any(m.timing != "earlier" for m in group.mentions)
    return (not news, not _told_as_a_happening(group), not opening, event.sub_event_type in _CASE_STEPS,
            -event.confidence)


def _act_told(findings: DocFindings):
    """The day the article says its incident happened (``incident_date``) when that day hangs
    on the act of violence itself (``act_day``: "was fatally shot Saturday evening"); None when
    the two differ, as where a wire story times another attack of the day before ("the second
    attack in two days ... on 30 October") while its own was "perpetrated today"."""
    told = findings.incident_date
    return told if told is not None and told == findings.act_day else None


def _layout(findings: DocFindings):
    """The article's layout for a news report; coded notes have no headline."""
    return findings.structure if findings.document.profile == "news" else None


def assemble(findings: DocFindings) -> list[Event]:
    """Events of one document, the article's main incident first (:func:`_main_rank`).

    The article's news, and the earlier events it reports in full
    (:func:`reported_in_full`), less violence the body only talks of
    (:func:`_talk_of_violence`); context never reaches here (extract sets it aside).
    Coded notes keep the most confident first.
    """
    mentions = findings.mentions
    if not mentions:
        return []
    groups = _group(mentions, _layout(findings), findings.places, findings.document.published,
                    _act_told(findings))
    groups = [g for g in groups if reported_in_full(g) and not _talk_of_violence(g, findings)]
    if not groups:
        return []
    _attach_orphan_counts(groups, findings)
    _headline_figures_told_apart(groups, findings)
    events = [_build(g, findings, i) for i, g in enumerate(groups)]
    if findings.document.profile == "notes":
        return sorted(events, key=lambda e: -e.confidence)
    ranked = sorted(zip(groups, events), key=lambda ge: _main_rank(ge[0], ge[1], findings))
    return [day for g, e in ranked for day in _day_by_day(e, g, findings)]


# Words between two days that make one span of them: "on Monday and Tuesday", "from Monday to Wednesday"
_DAYS_JOINED = re.compile(r"\s*(?:and(?: on)?|to|through|until)\s*")
# A part of a day: "last night and early this morning" is one night's fighting, not two days'
_PART_OF_DAY = re.compile(r"\b(?:night|tonight|overnight|evening|morning|dawn|dusk|afternoon|midnight|early|late)\b",
                          re.I)
# The most days one such span is coded as, one event a day
_SPAN_DAYS = 3


def _day_by_day(event: Event, group: _Group, findings: DocFindings) -> list[Event]:
    """An event the text dates to a span of days ("fighting in the town killed dozens on Monday
    and Tuesday"), one event a day: ACLED's unit is a day. The toll told for the span is shared
    out evenly, the rest to the first day. One event otherwise."""
    first = group.date()
    if first is None or first.date is None or first.precision != "day" or event.event_date != first.date \
            or _PART_OF_DAY.search(first.text):
        return [event]
    text = findings.document.text
    last = next((d for d in findings.dates if d.start > first.end and d.precision == "day" and d.date is not None
                 and _DAYS_JOINED.fullmatch(text, first.end, d.start) and not _PART_OF_DAY.search(d.text)
                 and 0 < (d.date - first.date).days <= _SPAN_DAYS - 1), None)
    if last is None:
        return [event]
    days = (last.date - first.date).days + 1

    def share(v: int | None, k: int) -> int | None:
        return None if v is None else v // days + (v % days if k == 0 else 0)

    out = []
    for k in range(days):
        dead = event.fatalities
        if dead is not None:
            dead = replace(dead, low=share(dead.low, k), best=share(dead.best, k), high=share(dead.high, k))
        day_id = event.event_id if k == 0 else \
            f"{findings.document.id}#{hashlib.sha1(f'{event.event_id}|{k}'.encode()).hexdigest()[:12]}"
        out.append(replace(event, event_date=first.date + dt.timedelta(days=k), fatalities=dead, event_id=day_id))
    return out


# Context that is no incident of its own: words of violence used for other things, accidents.
_NOT_AN_INCIDENT = ("figurative", "accident")


def _about_an_incident(m: Mention) -> bool:
    """A context mention that tells of one past incident (a trial, an arrest, a funeral of it),
    not a figure of speech or an accident."""
    cue = m.timing_cue or ""
    kind = cue.split("(", 1)[1] if cue.startswith("the article's opening is context (") else cue
    return m.timing == CONTEXT and m.modality == "asserted" and kind.split(":", 1)[0] not in _NOT_AN_INCIDENT


def follow_ups(findings: DocFindings, events: list[Event] | None = None) -> list[Event]:
    """The past incident a news report without news of its own is about, as a follow-up.

    An arrest, a plea, a trial or a funeral of a past shooting is set aside as context
    (``extract.timing``): it is no event. Its words still name the incident's people, place
    and toll, so the store keeps them to join the report to that incident; a follow-up
    never starts an incident and is never exported as an event. Only a news report that
    yields no event has one, and only one: the lead of its context mentions.
    """
    if events or findings.document.profile != "news":
        return []
    mentions = [m for m in findings.rejected if _about_an_incident(m)]
    if not mentions:
        return []
    groups = _group(sorted(mentions, key=lambda m: m.sent_start), _layout(findings), findings.places,
                    findings.document.published)
    _attach_orphan_counts(groups, findings, news=False)
    built = [(g, _build(g, findings, 1000 + i)) for i, g in enumerate(groups)]
    group, lead = min(built, key=lambda ge: _main_rank(ge[0], ge[1], findings))
    codes = {**lead.codes, "follow_up": {"cue": group.mentions[0].timing_cue}}
    return [replace(lead, codes=codes)]
