"""Joining events from different articles into incidents.

Blocking first (same country, dates within the follow-up window), then a
weighted score over date, place, actors, event class and words, with vetoes
(two events of one article are never one incident; places too far apart).
Each event joins the incident holding its best-matching event, so every link
keeps the event it matched, the score and the reasons.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from typing import Collection, Iterable

from ..records import Event
from . import _features as F
from ._config import LinkConfig, key_days, load_config

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Link:
    """Why ``event_id`` belongs to its incident."""

    event_id: str
    linked_to: str | None  # the member it matched best; None for the incident's first event
    score: float
    reasons: dict


@dataclass(slots=True)
class Incident:
    incident_id: str
    events: list[Event] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)  # incidents merged in, and the report that showed it
    # reports that follow the incident up without an event of their own (an arrest, a revised toll),
    # each with the link that joined it (``attach_follow_ups``): read by ``reconcile``, never members
    follow_ups: list[tuple[Event, Link]] = field(default_factory=list)

    @property
    def doc_ids(self) -> set[str]:
        return {d for ev in self.events for d in ev.doc_ids}


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float
    linked: bool
    reasons: dict


def incident_id_for(event: Event) -> str:
    return "inc-" + hashlib.sha1(event.event_id.encode("utf-8")).hexdigest()[:16]


_WORDS_CACHE: dict[int, tuple[Event, frozenset[str]]] = {}


def _words(event: Event) -> frozenset[str]:
    # Keyed by identity (records hold dicts, so they do not hash); the entry keeps
    # the event alive so its id cannot be reused while cached.
    hit = _WORDS_CACHE.get(id(event))
    if hit is not None and hit[0] is event:
        return hit[1]
    if len(_WORDS_CACHE) > 50_000:
        _WORDS_CACHE.clear()
    words = F.content_words(event)
    _WORDS_CACHE[id(event)] = (event, words)
    return words


def with_identities(events: list[Event], text: str) -> list[Event]:
    """One article's events with their particulars (``with_identity``): the article's lead
    event (the most confident) gets those of the whole text, the others, often incidents
    the article mentions in passing, those of their own sentences."""
    if not events:
        return []
    lead = max(range(len(events)), key=lambda i: _lead_rank(events[i]))
    return [with_identity(ev, text if i == lead else None) for i, ev in enumerate(events)]


def with_identity(event: Event, text: str | None) -> Event:
    """The event with its report's particulars (names, small places, ages) read from the
    article's whole text (or, without one, its evidence sentences) and kept in
    ``codes["identity"]``, so linking can use them later."""
    ident = F.identity(event, text)
    return replace(event, codes={**event.codes, "identity": {
        "names": sorted(ident.names), "surnames": sorted(ident.surnames), "places": sorted(ident.places),
        "ages": sorted(ident.ages)}})


_IDENTITY_CACHE: dict[int, tuple[Event, F.Identity]] = {}


def _identity(event: Event) -> F.Identity:
    hit = _IDENTITY_CACHE.get(id(event))
    if hit is not None and hit[0] is event:
        return hit[1]
    if len(_IDENTITY_CACHE) > 50_000:
        _IDENTITY_CACHE.clear()
    stored = event.codes.get("identity")
    if isinstance(stored, dict):
        ident = F.Identity(*(frozenset(stored.get(k) or ()) for k in ("names", "surnames", "places", "ages")))
    else:
        ident = F.identity(event)
    _IDENTITY_CACHE[id(event)] = (event, ident)
    return ident


def identity_keys_of(event: Event) -> frozenset[str]:
    """The event's blocking keys (``_features.identity_keys``) from its stored particulars."""
    return F.identity_keys(_identity(event))


def compare(a: Event, b: Event, cfg: LinkConfig | None = None) -> Comparison:
    """Score one pair of events and decide whether they are one incident.

    Two kinds of evidence decide. The particulars two reports share (the same
    people named, the same street or neighbourhood, the same ages) identify an
    incident even when the coded date or place disagree, as they do when a
    follow-up is dated by its own news or a place is resolved wrongly; the
    stronger the disagreement, the more particulars are needed. Without shared
    particulars, reports close in date and place link on the weighted agreement
    of date, place, actors, event class and wording.
    """
    cfg = cfg or load_config()
    if set(a.doc_ids) & set(b.doc_ids):
        return Comparison(0.0, False, {"veto": "same article: assemble kept them apart"})
    gap = F.date_gap(a, b)
    if gap is None or gap > key_days(cfg):
        return Comparison(0.0, False, {"veto": f"date gap {gap} days"})
    ident, shared = F.identity_score(_identity(a), _identity(b))
    ca, cb = F.country_key(a), F.country_key(b)
    crossed = _crossed(a, b, cfg)
    if (ca != cb or ca is None) and crossed is None:
        # A coded country can be a place name misread ("Chester" in England, "Charlotte" in
        # Canada): reports coded in different countries are one incident only when they share
        # several particulars (two people named in both, or a person and the street), never on
        # date, place and wording.
        # A report whose country is not known names no place the gazetteer knows: it contradicts no
        # place, so fewer particulars suffice (a street both name within the date window).
        needed = cfg.unknown_country_identity if None in (ca, cb) else cfg.country_identity
        # a report placed only in a country (no province, often a word read as a country: "Turkey")
        # contradicts the other's country no more than another province does
        if cfg.country_only_apart and any(x.location and not x.location.admin1 for x in (a, b)):
            needed = min(needed, cfg.apart_identity)
        return _apart(ident, shared, gap, f"country {ca} / {cb}", needed, cfg)
    place, place_why = F.place_score(a, b, cfg) if ca == cb and ca is not None else (None, "")
    named = None  # the town one report names of the other's, when that sets the coded places aside
    if place is None and crossed is not None:
        # one report names the other's town: the coded places disagree because one is misread
        named, place, place_why = crossed[0], cfg.named_score, crossed[1]
    if place is None:  # different provinces, or too far apart
        return _apart(ident, shared, gap, place_why, cfg.apart_identity, cfg)
    # Names of people and small places identify an incident; a family name or an age alone may be chance.
    keyed = any(k in shared for k in ("names", "places"))
    actor, actor_why = F.actor_score(a, b)
    parts = {"date": F.date_score(gap, cfg), "place": place, "actor": actor,
             "event_class": F.class_score(a, b), "text": F.text_score(_words(a), _words(b), cfg.concept_weight)}
    # A feature neither report gives (actors unnamed) is left out, not counted against.
    known = {k: v for k, v in parts.items() if v is not None}
    w = cfg.weights
    score = sum(w[k] * v for k, v in known.items()) / sum(w[k] for k in known)
    if gap <= cfg.same_window_days:
        # A person named in both identifies the incident; ages and place names are shared by
        # chance too, so alone they identify it only where the coded places agree.
        # Where one report names the other's town, a street or small place both name (other than
        # that town) ties the two as closely as a precise place would.
        own_places = "places" in shared and (named is None or any(
            F.place_name_key(p) != F.place_name_key(named) for p in shared["places"]))
        weak_ok = ("names" in shared or (place >= cfg.age_place and named is None) or ident >= cfg.apart_identity
                   or (named is not None and own_places) or (cfg.street_links and _street(shared)))
        linked = (ident >= cfg.min_identity and weak_ok) or (score >= cfg.link_score and parts["text"] >= cfg.min_text)
        # The same town and day, the same kind of event and the same toll: one incident told
        # twice, even when the two reports share no name or wording.
        # Reports that each name people, none of them the same, are of different incidents.
        linked = linked or (gap <= cfg.toll_days and (place >= cfg.age_place or named is not None)
                            and _same_toll(a, b, parts, cfg))
    elif gap <= cfg.followup_days:
        # a follow-up: enough particulars, or one with the same named armed group doing the same
        linked = keyed and (ident >= cfg.followup_identity or (
            ident >= cfg.min_identity and parts["event_class"] == 1.0 and F.same_named_group(a, b)))
        # or the same town and the same large toll: a mass shooting's later reports
        linked = linked or (cfg.followup_toll_days is not None and gap <= cfg.followup_toll_days
                            and place >= cfg.age_place and parts["event_class"] >= 0.5
                            and cfg.large_toll is not None and F.toll(a) >= cfg.large_toll and F.same_counts(a, b))
    else:
        linked = keyed and ident >= _beyond_window(gap, cfg.followup_identity, cfg)
    reasons = {k: (None if v is None else round(v, 3)) for k, v in parts.items()}
    reasons.update(identity=ident, shared=shared, date_gap_days=gap, place_why=place_why, actor_why=actor_why,
                   followup=gap > cfg.same_window_days)
    return Comparison(round(min(1.0, score + 0.5 * ident), 4), linked, reasons)


def _street(shared: dict) -> bool:
    """Two reports name one street (``_features.place_key``: "street ...")."""
    return any(p.startswith("street ") for p in shared.get("places", ()))


def _crossed(a: Event, b: Event, cfg: LinkConfig) -> tuple[str, str] | None:
    """Why the coded places of ``a`` and ``b`` may be set aside: one report names the other's
    town (``_features.names_place_of``): (the town, why); ``None`` when neither does (or
    ``named_score`` is unset)."""
    if cfg.named_score is None:
        return None
    for x, y in ((a, b), (b, a)):
        name = F.names_place_of(x, y)
        if name:
            return name, f"{x.event_id} names {name}"
    return None


def _beyond_window(gap: int, needed: float, cfg: LinkConfig) -> float:
    """The particulars two reports dated beyond the window must share: ``needed``, and beyond the
    long follow-up window (a trial years on, or one report's date misread) ``distant_identity``."""
    return max(needed, cfg.distant_identity) if gap > cfg.long_followup_days else needed


def _same_toll(a: Event, b: Event, parts: dict, cfg: LinkConfig) -> bool:
    """The same kind of event and the same toll (``_features.same_counts``), and no different people
    named. A toll of ``large_toll`` killed and injured or more is rare enough in one town and day to
    tell the incident alone: a report of the arrest with the same dead and injured is of it too,
    whoever else the two reports name (a suspect, a witness)."""
    if not F.same_counts(a, b):
        return False
    if cfg.large_toll is not None and F.toll(a) >= cfg.large_toll and parts["event_class"] >= 0.5:
        return True
    return parts["event_class"] >= 0.7 and not F.other_people(_identity(a), _identity(b))


def _apart(ident: float, shared: dict, gap: int, why: str, needed: float, cfg: LinkConfig) -> Comparison:
    """Two reports whose coded places rule each other out link only on the particulars they
    share: names of people or small places (a family name or an age alone may be chance),
    ``needed`` within the date window and ``apart_followup_identity`` (if more) beyond it."""
    keyed = any(k in shared for k in ("names", "places"))
    followup = gap > cfg.same_window_days
    linked = keyed and ident >= (_beyond_window(gap, max(needed, cfg.apart_followup_identity), cfg)
                                 if followup else needed)
    reasons = {"identity": ident, "shared": shared, "date_gap_days": gap, "place_why": why, "followup": followup}
    if not linked:
        reasons["veto"] = why
    return Comparison(round(0.5 * ident, 4), linked, reasons)


def _best(event: Event, incident: Incident, cfg: LinkConfig) -> tuple[Comparison, Event, int] | None:
    """The member ``event`` matches best and how many members it matches, if it belongs with
    the incident at all: it must match at least ``member_share`` of the incident's other
    reports, so one loose match cannot chain unrelated incidents together."""
    if set(event.doc_ids) & incident.doc_ids:
        return None
    best, hits, others = None, 0, 0
    for member in incident.events:
        cmp = compare(event, member, cfg)
        if "same article" in str(cmp.reasons.get("veto", "")):
            continue
        others += 1
        if cmp.linked:
            hits += 1
            if best is None or cmp.score > best[0].score:
                best = (cmp, member)
    if best is None or hits < cfg.member_share * others:
        return None
    return best[0], best[1], hits


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a new event goes: the incident it joins (``None``: a new one), its link,
    the other incidents it also matches strongly enough to show they are one, and
    those it matched as strongly but may not merge (incident id, reason)."""

    incident: Incident | None
    link: Link
    merge: tuple[tuple[Incident, Link], ...] = ()
    declined: tuple[tuple[str, str], ...] = ()


def place(event: Event, incidents: Iterable[Incident], cfg: LinkConfig | None = None,
          leads: Collection[str] | None = None) -> Placement:
    """Where ``event`` belongs among ``incidents``.

    It joins the incident of its best match (at equal scores, the one it matches more
    reports of). With ``leads`` (the ids of events that are their article's lead, ``event``
    among them when it is one), an article's lead event joins an incident holding some
    article's lead before one made only of incidents other articles mention in passing:
    reports arriving one at a time then group as a batch does, where every lead links
    before any passing mention. Another incident it also matches
    at ``merge_score`` or above is the same incident reported apart until now
    (the new report bridges them) only when the two incidents would link to
    each other on their own (``incidents_compatible``): a report that matches
    both in general terms (the same wording, the same province) is no evidence
    that they are one. At most ``max_merges_per_report`` incidents are merged in;
    the others are declined, and each decline is logged with its reason.
    """
    cfg = cfg or load_config()
    found = []
    for incident in incidents:
        hit = _best(event, incident, cfg)
        if hit:
            found.append((hit[0].score, incident.incident_id, incident, hit))
    if not found:
        return Placement(None, Link(event.event_id, None, 1.0, {"seed": True}))
    # the best match; at equal scores, the incident it matches more reports of
    if leads is not None and event.event_id in leads:
        found.sort(key=lambda f: (not any(ev.event_id in leads for ev in f[2].events), -f[0], -f[3][2], f[1]))
    else:
        found.sort(key=lambda f: (-f[0], -f[3][2], f[1]))
    _, _, chosen, (cmp, member, _) = found[0]
    merge, declined = [], []
    for score, _, other, (ocmp, omember, _) in found[1:]:
        if not (score >= cfg.merge_score or ocmp.reasons.get("identity", 0) >= cfg.followup_identity):
            continue
        if len(merge) >= cfg.max_merges_per_report:
            why = f"merge cap: one report merges at most {cfg.max_merges_per_report} incident(s)"
        else:
            why = next(filter(None, (incidents_compatible(kept, other, cfg, event)
                                     for kept in (chosen, *(m for m, _ in merge)))), None)
        if why:
            declined.append((other.incident_id, why))
            log.info("%s matches incidents %s and %s: not merged (%s)", event.event_id, chosen.incident_id,
                     other.incident_id, why)
            continue
        reasons = {**ocmp.reasons, "bridge": event.event_id, "bridged_with": omember.event_id}
        merge.append((other, Link(event.event_id, omember.event_id, ocmp.score, reasons)))
    return Placement(chosen, Link(event.event_id, member.event_id, cmp.score, cmp.reasons), tuple(merge),
                     tuple(declined))


def _names_all(named: frozenset[str], people: frozenset[str]) -> bool:
    """Whether a report naming ``named`` names each of ``people`` (as written or a spelling
    of the same person: ``_features._same_person``)."""
    return all(p in named or any(F._same_person(p, n) for n in named) for p in people)


def _names(incident: Incident) -> frozenset[str]:
    return frozenset().union(*(_identity(ev).names for ev in incident.events))


def incidents_compatible(x: Incident, y: Incident, cfg: LinkConfig | None = None,
                         bridge: Event | None = None) -> str | None:
    """Why incidents ``x`` and ``y`` may not be merged (``None``: they may).

    Two incidents are one only if they would link to each other on their own:
    no article in both; no pair of their reports ruled out (another country or
    province, places too far apart, dates beyond the follow-up window); places
    not clearly different (precise places ``far_km`` or more apart); each names
    people, then at least one in common (different victims named are different
    incidents), unless the report that bridges them (``bridge``) names every person
    either names (the victims of one shooting, each first reported by name apart);
    and some pair of their reports linked, within the date window or, beyond it, on
    shared particulars.
    """
    cfg = cfg or load_config()
    if x.doc_ids & y.doc_ids:
        return "an article reports both: assemble kept them apart"
    nx, ny = _names(x), _names(y)
    if nx and ny and not nx & ny and not (bridge is not None and _names_all(_identity(bridge).names, nx | ny)):
        return f"conflicting particulars: names {sorted(nx)[:3]} / {sorted(ny)[:3]}"
    linked = False
    for a in x.events:
        for b in y.events:
            c = compare(a, b, cfg)
            if "veto" in c.reasons:
                return f"{a.event_id} / {b.event_id}: {c.reasons['veto']}"
            if c.reasons.get("place") == 0.0 and str(c.reasons.get("place_why", "")).endswith("km apart"):
                return f"{a.event_id} / {b.event_id}: places {c.reasons['place_why']}"
            window = not c.reasons.get("followup") or c.reasons.get("identity", 0) >= cfg.followup_identity
            linked = linked or (c.linked and window)
    return None if linked else "no report of one links to a report of the other"


def assign(event: Event, incidents: Iterable[Incident], cfg: LinkConfig | None = None) -> tuple[Incident | None, Link]:
    """The incident ``event`` joins (``None``: it starts a new one) and the link."""
    placed = place(event, incidents, cfg)
    return placed.incident, placed.link


def merge_into(target: Incident, other: Incident, bridge: Link | None = None) -> None:
    """Move ``other``'s events and links into ``target`` (``other`` is left empty)."""
    target.events.extend(other.events)
    target.links.extend(other.links)
    if bridge is not None:
        target.merges.append({"merged": other.incident_id, "by": bridge.event_id,
                              "linked_to": bridge.linked_to, "score": bridge.score, "reasons": bridge.reasons})
    other.events, other.links = [], []


def _order(event: Event):
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}.get(event.date_precision, 4)
    return (event.event_date is None, event.event_date or 0, rank, event.event_id)


def lead_first(events: Iterable[Event]) -> list[Event]:
    """Events in linking order: each article's lead event (its most confident, the one
    the article is about) before the incidents articles mention in passing, each group by
    date. An article's events never share an incident, so a passing mention placed first
    would keep the article's own report out of the incident it reports."""
    events = list(events)
    lead: dict[tuple, Event] = {}
    for ev in events:
        key = tuple(ev.doc_ids)
        if key not in lead or _lead_rank(ev) > _lead_rank(lead[key]):
            lead[key] = ev
    leads = {id(ev) for ev in lead.values()}
    return sorted(events, key=lambda ev: (id(ev) not in leads, *_order(ev)))


def _lead_rank(event: Event) -> tuple:
    return (event.confidence, len(event.evidence))


class Blocker:
    """The blocking index of a batch: which earlier events a new one is compared with.

    Two reports are compared only when they are in one country and within the date
    window in the same province (or one whose province is not known), or when they
    share a particular (a person's name, a street or small place) within the long
    follow-up window, whatever their coded countries, or when one names the town the other is
    coded in within the date window (``named_keys_of``). These are the only pairs
    ``compare`` can link (reports dated apart or coded in different provinces or
    countries link on shared particulars alone), so each report is compared with the
    reports of a few weeks of its province and the few that name its people, not with
    the whole store.
    """

    def __init__(self, cfg: LinkConfig) -> None:
        self.cfg = cfg
        self.by_day: dict[tuple, list[Event]] = {}
        self.by_key: dict[str, list[Event]] = {}
        self.loose: dict[str, list[Event]] = {}  # imprecise dates: few, scanned in full
        # by (key, day): the towns events are coded in and the places they name (``named_keys_of``)
        self.by_town: dict[tuple, list[Event]] = {}

    def add(self, event: Event) -> None:
        if event.event_date is None:
            return
        for key in identity_keys_of(event):
            self.by_key.setdefault(key, []).append(event)
        for key in toll_keys_of(event, self.cfg):
            self.by_key.setdefault(key, []).append(event)
        if self.cfg.named_score is not None:
            for key in named_keys_of(event):
                self.by_town.setdefault((key, event.event_date.toordinal()), []).append(event)
        country = F.country_key(event)
        if country is None:
            return
        if F.date_slack(event):
            self.loose.setdefault(country, []).append(event)
        else:
            self.by_day.setdefault((country, event.event_date.toordinal()), []).append(event)

    def candidates(self, event: Event) -> list[Event]:
        """The earlier events ``blocked_together`` with ``event``, found through the index."""
        if event.event_date is None:
            return []
        cfg, day, country = self.cfg, event.event_date.toordinal(), F.country_key(event)
        out: dict[int, Event] = {}
        if country is not None:
            span = cfg.same_window_days + F.date_slack(event)
            for d in range(day - span, day + span + 1):
                for m in self.by_day.get((country, d), ()):
                    if _in_window(event, m, cfg):
                        out[id(m)] = m
            for m in self.loose.get(country, ()):
                if _in_window(event, m, cfg):
                    out[id(m)] = m
        for key in identity_keys_of(event):
            for m in self.by_key.get(key, ()):
                if id(m) not in out and _gap(event, m) <= key_days(cfg):
                    out[id(m)] = m
        for key in toll_keys_of(event, cfg):
            for m in self.by_key.get(key, ()):
                if _same_toll_later(event, m, cfg):
                    out.setdefault(id(m), m)
        if cfg.named_score is not None:  # one report names the other's town, within the date window
            span = cfg.same_window_days + F.date_slack(event)
            for key in crossing_keys_of(event):
                for d in range(day - span, day + span + 1):
                    for m in self.by_town.get((key, d), ()):
                        if _crossing(event, m, cfg):
                            out.setdefault(id(m), m)
        return list(out.values())


def blocked_together(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """Whether linking compares ``a`` and ``b`` at all (the blocking, as one rule: ``Blocker``
    finds these pairs through its index, the store through its tables): one country and
    province within the date window (``_in_window``), a particular both name within
    the long follow-up window, or, within the date window, one naming the town the other
    is coded in (``_crossing``)."""
    if _in_window(a, b, cfg) or _crossing(a, b, cfg) or _same_toll_later(a, b, cfg):
        return True
    return _gap(a, b) <= key_days(cfg) and bool(identity_keys_of(a) & identity_keys_of(b))


def _same_toll_later(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """One country and province, within ``followup_toll_days``, and the same large toll."""
    return (cfg.followup_toll_days is not None and _gap(a, b) <= cfg.followup_toll_days
            and F.country_key(a) is not None and F.country_key(a) == F.country_key(b) and _same_province(a, b)
            and bool(toll_keys_of(a, cfg) & toll_keys_of(b, cfg)))


def _crossing(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """Within the date window, one report names the town the other is coded in (whatever
    their coded provinces and countries: ``_features.names_place_of``)."""
    return (cfg.named_score is not None and _gap(a, b) <= cfg.same_window_days
            and bool(crossing_keys_of(a) & named_keys_of(b)))


def _in_window(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """One country, the same province (``_same_province``), and dates within the window
    (less the slack an imprecise date allows)."""
    country = F.country_key(a)
    return (country is not None and country == F.country_key(b) and _gap(a, b) <= cfg.same_window_days
            and _same_province(a, b))


def _coded_town(event: Event) -> str | None:
    """The name key of the town or district an event is coded in (none for a province or country)."""
    loc = event.location
    if loc is None or not loc.name or loc.geo_precision >= 3:
        return None
    return F.place_name_key(loc.name) or None


def toll_keys_of(event: Event, cfg: LinkConfig) -> frozenset[str]:
    """The event's key for reports of the same large toll (``k:killed/injured``, ``large_toll`` or
    more hurt), by which a mass shooting's later reports are compared with it (``_same_toll_later``)."""
    if cfg.followup_toll_days is None or cfg.large_toll is None or F.toll(event) < cfg.large_toll:
        return frozenset()
    killed, injured = (c.best if c is not None else None for c in (event.fatalities, event.injured))
    return frozenset({f"k:{'-' if killed is None else killed}/{'-' if injured is None else injured}"})


def named_keys_of(event: Event) -> frozenset[str]:
    """The event's keys for reports naming each other's town: ``t:`` the town it is coded in,
    ``m:`` each place its report names (``Blocker``; the store's ``event_keys``)."""
    own = _coded_town(event)
    return frozenset([*((f"t:{own}",) if own else ()), *(f"m:{n}" for n in F.named_places(event))])


def crossing_keys_of(event: Event) -> frozenset[str]:
    """The keys of the events ``event`` is to be compared with across coded places: those coded
    in a town it names, and those that name the town it is coded in."""
    own = _coded_town(event)
    return frozenset([*((f"m:{own}",) if own else ()), *(f"t:{n}" for n in F.named_places(event))])


def _gap(a: Event, b: Event) -> int:
    gap = F.date_gap(a, b)
    return 10**9 if gap is None else gap


def _same_province(a: Event, b: Event) -> bool:
    """Same province, one not known, or a town of the same name (``_features.homonyms``)."""
    x = a.location.admin1 if a.location else None
    y = b.location.admin1 if b.location else None
    return not x or not y or x.strip().lower() == y.strip().lower() or F.homonyms(a.location, b.location)


def link_events(events: Iterable[Event], cfg: LinkConfig | None = None,
                incidents: list[Incident] | None = None) -> list[Incident]:
    """Group events into incidents (adding to ``incidents`` when given).

    Events are blocked (``Blocker``): each is compared only with the incidents
    holding an event of its province and weeks, or one that shares a particular,
    so the cost grows with the events of one province and season, not all events.
    """
    cfg = cfg or load_config()
    incidents = list(incidents or [])
    blocker, owner = Blocker(cfg), {}
    for inc in incidents:
        for ev in inc.events:
            blocker.add(ev)
            owner[id(ev)] = inc
    for event in lead_first(events):
        near = {id(owner[id(m)]): owner[id(m)] for m in blocker.candidates(event)}
        placed = place(event, sorted(near.values(), key=lambda i: i.incident_id), cfg)
        target = placed.incident
        if target is None:
            target = Incident(incident_id_for(event))
            incidents.append(target)
        target.events.append(event)
        target.links.append(placed.link)
        owner[id(event)] = target
        for other, bridge in placed.merge:
            for ev in other.events:
                owner[id(ev)] = target
            merge_into(target, other, bridge)
        blocker.add(event)
    _consolidate([inc for inc in incidents if inc.events], blocker, owner, cfg)
    return [inc for inc in incidents if inc.events]


def _consolidate(block: list[Incident], blocker: Blocker, owner: dict, cfg: LinkConfig) -> None:
    """Merge incidents that the order of arrival kept apart: two incidents whose reports
    match at ``member_share`` or more of their pairs (and rule none out) are one.
    Reports arrive in date order, so a report dated early by mistake can start an
    incident of its own before the reports it matches have arrived."""
    changed = True
    while changed:
        changed = False
        for y in block:
            if not y.events:
                continue
            near = {id(owner[id(m)]): owner[id(m)] for e in y.events for m in blocker.candidates(e)}
            for x in sorted(near.values(), key=lambda i: i.incident_id):
                if x is y or not x.events or not y.events or x.doc_ids & y.doc_ids:
                    continue
                results = [compare(a, b, cfg) for a in y.events for b in x.events]
                if any("veto" in r.reasons for r in results):
                    continue
                hits = [r for r in results if r.linked]
                if hits and len(hits) >= cfg.member_share * len(results):
                    best = max(hits, key=lambda r: r.score)
                    for ev in y.events:
                        owner[id(ev)] = x
                    merge_into(x, y, Link("", None, best.score, {**best.reasons, "consolidated": True}))
                    changed = True


def attach_follow_ups(follow_ups: Iterable[Event], incidents: list[Incident],
                      cfg: LinkConfig | None = None) -> list[tuple[Event, Incident | None, Link]]:
    """The incident each follow-up (``assemble.follow_ups``) is about, or None.

    A follow-up is compared with the incidents' events as a new report is (the same
    blocking and thresholds) but only joins: it never starts an incident and never merges
    two. One that matches no report of an incident joins it through the follow-ups already
    joined to it (``place_follow_up``): the trial report that names the man an arrest report
    named, not the victim the shooting's report named. Linking all events first and the
    follow-ups after makes the outcome independent of the order reports arrived in.
    """
    cfg, follow_ups = cfg or load_config(), list(follow_ups)
    blocker, owner = Blocker(cfg), {}
    for inc in incidents:
        for ev in inc.events:
            blocker.add(ev)
            owner[id(ev)] = inc
    out: dict[int, tuple[Event, Incident | None, Link]] = {}
    joined, joined_to, waiting = Blocker(cfg), {}, list(follow_ups)
    while True:  # each round, the follow-ups joined in the last one can be joined through
        still, added = [], []
        for event in waiting:
            near = {id(owner[id(m)]): owner[id(m)] for m in blocker.candidates(event)}
            via: dict[str, tuple[Incident, list[Event]]] = {}
            for m in joined.candidates(event):
                via.setdefault(joined_to[id(m)].incident_id, (joined_to[id(m)], []))[1].append(m)
            incident, link = place_follow_up(event, sorted(near.values(), key=lambda i: i.incident_id),
                                             [via[k] for k in sorted(via)], cfg)
            out[id(event)] = (event, incident, link)
            if incident is None:
                still.append(event)
            else:
                joined_to[id(event)] = incident
                added.append(event)
        if not added or not still:
            break
        for event in added:
            joined.add(event)
        waiting = still
    return [out[id(event)] for event in follow_ups]


def place_follow_up(event: Event, incidents: list[Incident], joined: list[tuple[Incident, list[Event]]],
                    cfg: LinkConfig | None = None) -> tuple[Incident | None, Link]:
    """The incident a follow-up joins (``None``: none yet) and its link: the incident whose
    reports it matches (``place``, ``joins_as_follow_up``), else the incident whose follow-ups
    it matches (``joined``: each incident with follow-ups already joined to it), linked to
    that follow-up (reasons ``via_follow_up``)."""
    cfg = cfg or load_config()
    placed = place(event, incidents, cfg)
    if placed.incident is not None and joins_as_follow_up(placed.link):
        return placed.incident, placed.link
    by_id = {inc.incident_id: inc for inc, _ in joined}
    via = place(event, [Incident(inc.incident_id, list(fus)) for inc, fus in joined if fus], cfg)
    if via.incident is not None and joins_as_follow_up(via.link):
        link = via.link
        return by_id[via.incident.incident_id], Link(link.event_id, link.linked_to, link.score,
                                                    {**link.reasons, "via_follow_up": link.linked_to})
    return None, placed.link


def joins_as_follow_up(link: Link) -> bool:
    """A follow-up is dated by its own report (the day of a trial or an arrest), so a date and
    a place it shares with an incident say nothing: it joins on the particulars it shares
    (a person named, an age, a street)."""
    return link.linked_to is not None and link.reasons.get("identity", 0) > 0
