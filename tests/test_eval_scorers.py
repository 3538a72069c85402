"""The eval scorers on hand-made gold rows and hand-made events."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.errors import GoldFormatError
from eventwire.eval import aggregate, detect_format, macro_f1, read_gold, score_row, system_count
from eventwire.eval._report import per_label
from eventwire.eval._normalise import (actor_key, actors_match, admin1_key, admin1_match, countries_match,
                                       distance_km)
from eventwire.records import Actor, Count, Event, Evidence, Location


def _count(kind, low, best=None, high=None):
    return Count(kind=kind, low=low, best=best, high=high, text="", start=0, end=0)


def _event(**kw):
    base = dict(event_id="e1", doc_ids=("d1",), event_type="Battles", sub_event_type="Armed clash")
    base.update(kw)
    return Event(**base)


LAHORE = Location(name="Lahore", country="Pakistan", iso3="PAK", admin1="Punjab",
                  latitude=31.55, longitude=74.34, geo_precision=1)

ACLED_GOLD = {"event_type": "Battles", "sub_event_type": "Armed clash",
              "actor1": "Military Forces of Pakistan (2018-)", "actor2": None,
              "country": "Pakistan", "iso3": "PAK", "admin1": "Punjab Province",
              "latitude": 31.60, "longitude": 74.30, "geo_precision": 1,
              "event_date": "2020-05-02", "fatalities": 3}


def test_acled_row_all_right():
    event = _event(actor1=Actor("Military Forces of Pakistan", "state forces"), location=LAHORE,
                   event_date=dt.date(2020, 5, 2), fatalities=_count("fatalities", 3, 3, 3))
    checks = score_row("acled", ACLED_GOLD, event).checks
    assert all(checks[k] for k in ("event_type", "sub_event_type", "actor1", "actor2", "fatalities_exact",
                                   "fatalities_within1", "date", "country", "admin1", "within_25km",
                                   "within_50km", "geo_precision")), checks


def test_acled_row_wrong_fields():
    event = _event(sub_event_type="Attack", actor2=Actor("Civilians (Pakistan)", "civilians"),
                   event_date=dt.date(2020, 5, 1), fatalities=_count("fatalities", 4))
    checks = score_row("acled", ACLED_GOLD, event).checks
    assert checks["event_type"] and not checks["sub_event_type"]
    assert not checks["actor1"] and not checks["actor2"]  # gold has no actor2
    assert checks["actor2_named"] is None
    assert not checks["fatalities_exact"] and checks["fatalities_within1"]
    assert not checks["date"] and not checks["country"] and not checks["within_161km"]


def test_no_event_is_wrong_everywhere_scored():
    checks = score_row("acled", ACLED_GOLD, None).checks
    assert {v for v in checks.values() if v is not None} == {False}


def test_legacy_types_map_to_the_old_family():
    gold = {"event_type": "Violence Against Civilians", "actor1": "X", "fatalities": 0}
    event = _event(event_type="Violence against civilians", sub_event_type="Attack")
    assert score_row("acled-legacy", gold, event).checks["event_type"]
    gold = {"event_type": "Riots/Protests", "actor1": "X", "fatalities": 0}
    assert score_row("acled-legacy", gold, _event(event_type="Riots", sub_event_type="Mob violence")).checks["event_type"]
    assert not score_row("acled-legacy", gold, _event()).checks["event_type"]


def test_gtd_counts_leave_out_null_gold():
    gold = {"attacktype1": "Bombing/Explosion", "gname": "Unknown", "nkill": 2, "nwound": None,
            "nhostkid": None, "event_date": "2021-01-10", "country": "Afghanistan", "provstate": "Ghazni",
            "latitude": None, "longitude": None}
    event = _event(codes={"gtd_attack_type": "Bombing/Explosion"}, fatalities=_count("fatalities", 2, None, 5),
                   injured=_count("injured", 7))
    checks = score_row("gtd", gold, event).checks
    assert checks["attack_type"] and checks["gname"] and checks["nkill_exact"]
    assert checks["nwound_exact"] is None and checks["nhostkid_exact"] is None
    assert checks["within_25km"] is None


def test_malformed_gold_numbers_are_not_scored():
    gold = {"attacktype1": "Armed Assault", "nkill": "n/a", "nwound": "2", "latitude": "x", "longitude": 3}
    checks = score_row("gtd", gold, _event(injured=_count("injured", 2))).checks
    assert checks["nkill_exact"] is None and checks["nwound_exact"] and checks["within_25km"] is None


def test_gtd_gname():
    gold = {"attacktype1": "Armed Assault", "gname": "Taliban"}
    assert not score_row("gtd", gold, _event()).checks["gname"]
    assert score_row("gtd", gold, _event(actor1=Actor("Taliban", "rebel group"))).checks["gname"]
    unknown = {"attacktype1": "Armed Assault", "gname": "Unknown"}
    assert score_row("gtd", unknown, _event(actor1=Actor("Unidentified Armed Group (Iraq)", "political militia"))).checks["gname"]
    assert not score_row("gtd", unknown, _event(actor1=Actor("Taliban", "rebel group"))).checks["gname"]


def test_system_count_prefers_best_then_low():
    assert system_count(None) == 0
    assert system_count(_count("fatalities", 2, 3)) == 3
    assert system_count(_count("fatalities", 2)) == 2
    assert system_count(_count("fatalities", None, None, 9)) == 0


def test_macro_f1():
    assert macro_f1([("a", "a"), ("b", "b")]) == 1.0
    # a: tp1 fn1 -> 2/3; b: fp1 -> 0
    assert macro_f1([("a", "a"), ("a", "b")]) == pytest.approx((2 / 3 + 0) / 2)
    # no event is a miss, not a class
    assert macro_f1([("a", None), ("a", "a")]) == pytest.approx(2 / 3)
    assert macro_f1([]) is None
    stats = per_label([("a", "a"), ("a", "b"), ("b", None)])
    assert stats["a"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "support": 2}
    assert stats["b"]["precision"] == 0.0 and stats["b"]["support"] == 1


def test_aggregate_counts_only_scored_rows():
    rows = [score_row("gtd", {"attacktype1": "Armed Assault", "nkill": None}, None),
            score_row("gtd", {"attacktype1": "Armed Assault", "nkill": 0},
                      _event(codes={"gtd_attack_type": "Armed Assault"}))]
    metrics = aggregate(rows, no_event=1)
    assert metrics["attack_type"].n == 2 and metrics["attack_type"].value == 0.5
    assert metrics["nkill_exact"].n == 1 and metrics["nkill_exact"].value == 1.0
    assert metrics["no_event"].value == 0.5
    assert "attack_type_macro_f1" in metrics


def test_normalisers():
    assert actor_key("CPI(M): Communist Party of India (Marxist)") == "communist party of india marxist"
    assert actor_key("Military Forces of Yemen (2016-) Supreme Political Council") == \
        "military forces of yemen supreme political council"
    assert actors_match(None, None) and not actors_match("Taliban", None)
    assert admin1_key("Khyber Pakhtunkhwa Province") == admin1_key("Khyber Pakhtunkhwa")
    assert admin1_key("Ñuble Region") == "nuble"
    assert admin1_match("Sindh Province", "Sindh", "PAK") and not admin1_match("Punjab", "Sindh", "PAK")
    assert not admin1_match("Sindh", None)
    assert countries_match("Iran", "Iran, Islamic Republic of")
    assert not countries_match("India", "Pakistan")
    assert countries_match("Pakistan", None, "PAK", "PAK") and not countries_match(None, "Pakistan")
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_gold_formats_and_bad_lines(tmp_path):
    acled = {"id": "a1", "source": "acled", "text": "t", "published": "2020-01-01",
             "gold": {"event_type": "Riots", "sub_event_type": "Mob violence"}}
    path = _write(tmp_path / "g.jsonl", [acled, acled | {"id": "a2"}])
    with path.open("a") as fh:
        fh.write("{not json\n")
    gold = read_gold(path)
    assert gold.format == "acled" and len(gold.rows) == 2 and gold.skipped == 1
    assert len(read_gold(path, limit=1).rows) == 1
    assert detect_format({"gold": {"event_type": "Riots/Protests"}, "source": "acled"}) == "acled-legacy"
    assert detect_format({"gold": {"attacktype1": "Hijacking"}, "source": "gtd"}) == "gtd"
    assert detect_format({"text": "", "toponyms": []}) == "geo"
    with pytest.raises(GoldFormatError):
        read_gold(_write(tmp_path / "bad.jsonl", [{"id": "x", "text": "t", "gold": {}, "source": "news"}]))
    with pytest.raises(GoldFormatError):
        read_gold(tmp_path / "missing.jsonl")


def test_render_errors_prints_gold_text_verbatim():
    from rich.console import Console

    from eventwire.eval import FileReport, render_errors

    report = FileReport("g.jsonl", "acled", rows=1, errors=[
        {"id": "r1", "field": "event_type", "gold": "Protests", "system": "no event",
         "text": "Crowds gathered [size=no report] in the square."}])
    console = Console(record=True, width=120)
    render_errors(report, console)
    shown = console.export_text()
    assert "[size=no report]" in shown and "gold: Protests" in shown and "system: no event" in shown


def test_halves_are_fixed_disjoint_and_keep_incidents_together(tmp_path):
    from eventwire.eval import read_gold
    from eventwire.eval._split import half_of

    rows = [{"id": f"gtd-{i}", "source": "gtd", "text": "t", "gold": {"attacktype1": "Armed Assault"}}
            for i in range(40)]
    path = _write(tmp_path / "g.jsonl", rows)
    tune = {r.id for r in read_gold(path, half="tune").rows}
    check = {r.id for r in read_gold(path, half="check").rows}
    assert tune and check and not tune & check and len(tune | check) == 40
    assert half_of({"id": "a", "incident_key": "9"}) == half_of({"id": "b", "incident_key": "9"})
    with pytest.raises(GoldFormatError):
        read_gold(path, half="train")


SPRINGFIELD = Location(name="St. Louis", country="United States", iso3="USA", admin1="Missouri",
                       latitude=38.63, longitude=-90.20, geo_precision=1)
GVC_GOLD = {"event_date": "2016-05-07", "country": "United States", "admin1": "Missouri",
            "location": "Saint Louis", "location_alt": "Jennings", "latitude": 38.62, "longitude": -90.19,
            "killed": 1, "injured": 2}


def test_gvc_article_scored_against_its_incident():
    from eventwire.eval._news import score_gvc

    event = _event(event_type="Violence against civilians", sub_event_type="Attack", location=SPRINGFIELD,
                   event_date=dt.date(2016, 5, 8), fatalities=_count("fatalities", 1, 1, 1),
                   injured=_count("injured", 3))
    score = score_gvc(GVC_GOLD, [event], "2016-05-09")
    checks = score.checks
    assert checks["killed_exact"] and not checks["injured_exact"] and checks["injured_within1"]
    assert not checks["date"] and checks["date_within1"]
    assert checks["admin1"] and checks["city"] and checks["within_25km"]  # "St." is "Saint"
    assert score.tallies["old_event"] == (0, 1)
    elsewhere = _event(location=Location(name="Kansas City", country="United States", iso3="USA",
                                         admin1="Missouri"), event_date=dt.date(2016, 1, 2))
    score = score_gvc(GVC_GOLD | {"injured": None}, [elsewhere], "2016-05-09")
    assert not score.checks["city"] and score.checks["admin1"] and score.checks["injured_exact"] is None
    assert score.tallies["old_event"] == (1, 1)  # dated over 60 days before publication
    assert score_gvc(GVC_GOLD, [event], None).tallies == {}
    nothing = score_gvc(GVC_GOLD, [], "2016-05-09").checks
    assert {v for v in nothing.values() if v is not None} == {False}


def test_gvc_report_with_no_event_is_scored_on_the_incident_it_follows_up():
    from eventwire.eval._news import score_gvc

    incident = _event(location=SPRINGFIELD, event_date=dt.date(2016, 5, 7), fatalities=_count("fatalities", 1, 1, 1),
                      injured=_count("injured", 2, 2, 2))
    score = score_gvc(GVC_GOLD, [], "2016-09-30", follow_ups=[incident])
    assert score.checks["killed_exact"] and score.checks["admin1"] and score.checks["date"]
    assert score.tallies["old_event"] == (0, 1)  # a follow-up is no event: nothing old is reported
    news = _event(location=Location(name="Kansas City", country="United States", iso3="USA", admin1="Missouri"))
    assert not score_gvc(GVC_GOLD, [news], "2016-09-30", follow_ups=[incident]).checks["city"]  # events first


def _muc_template(kind, perps=(), optional=False):
    return {"incident_type": kind, "perp_org": [list(p) for p in perps], "optional": optional}


def test_muc4_relevance_types_and_perpetrators():
    from eventwire.eval._news import finish_muc4, muc_type, score_muc4

    gold = {"relevant": True, "templates": [
        _muc_template("bombing", [("farabundo marti national liberation front", "fmln")]),
        _muc_template("kidnapping", [("shining path",)]),
        _muc_template("arson", optional=True)]}
    bomb = _event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  actor1=Actor("FMLN: Farabundo Marti National Liberation Front", "rebel group", text="the fmln"))
    clash = _event(sub_event_type="Armed clash", actor1=Actor("Military Forces of Peru", "state forces"))
    assert muc_type(bomb) == "bombing" and muc_type(clash) is None
    assert muc_type(_event(codes={"gtd_attack_type": "Hostage Taking (Kidnapping)"})) == "kidnapping"
    score = score_muc4(gold, [bomb, clash])
    assert score.checks["relevance_recall"] and score.checks["relevance_precision"]
    assert score.checks["relevance_precision"] is True
    assert not score.checks["event_count_exact"] and not score.checks["event_count_within1"]  # 1 of 3
    assert score.tallies["incident_type_recall"] == (1, 2)  # the optional arson is not scored
    assert score.tallies["incident_type_precision"] == (1, 1)
    assert score_muc4(gold, [_event(event_type="Violence against civilians", sub_event_type="Attack"), bomb]
                      ).tallies["incident_type_precision"] == (1, 2)  # no template is an attack
    assert score.tallies["perp_org"] == (1, 2) and score.tallies["events_per_relevant_doc"] == (2, 1)
    either = {"relevant": True, "templates": [_muc_template("bombing / attack")]}
    attack = _event(event_type="Violence against civilians", sub_event_type="Attack")
    assert score_muc4(either, [attack]).tallies["incident_type_recall"] == (1, 1)
    quiet = {"relevant": False, "templates": []}
    assert score_muc4(quiet, []).checks == {"relevance_precision": None, "relevance_recall": None,
                                            "relevance_any_precision": None, "relevance_any_recall": None}
    wrong = score_muc4(quiet, [clash]).checks
    assert wrong["relevance_any_precision"] is False and wrong["relevance_precision"] is None
    metrics = finish_muc4(aggregate([score, score_muc4(quiet, [clash]), score_muc4(gold, [])], no_event=1))
    assert metrics["relevance_any_precision"].value == 0.5 and metrics["relevance_any_recall"].value == 0.5
    assert metrics["relevance_any_f1"].value == pytest.approx(0.5)
    assert metrics["relevance_precision"].value == 1.0 and metrics["relevance_f1"].value == pytest.approx(2 / 3)
    assert metrics["incident_type_recall"].n == 4 and metrics["incident_type_recall"].value == 0.25


def test_muc4_an_arson_told_within_an_attack_is_its_own_type():
    from eventwire.eval._news import muc_type, muc_types, score_muc4

    def attack(rule, types=("Armed Assault", "Facility/Infrastructure Attack")):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", "gtd.armed:cue_firearm(shot)"),
                    Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", rule))
        return _event(event_type="Violence against civilians", sub_event_type="Attack",
                      codes={"gtd_attack_type": types[0], "gtd_attack_types": list(types)}, evidence=evidence)

    burned = attack("gtd.facility/infrastructure:cue_arson(set fire)")
    assert muc_types(burned) == {"attack", "arson"}
    # GTD's facility attack holds sabotage and demolition too: MUC's arson needs fire
    assert muc_types(attack("gtd.facility/infrastructure:cue_arson(destroyed)")) == {"attack"}
    # a burning the event's first GTD type names, under an attack's class
    alone = _event(event_type="Violence against civilians", sub_event_type="Attack",
                   codes={"gtd_attack_type": "Facility/Infrastructure Attack"},
                   evidence=(Evidence("gtd_attack_type", "d1", 0, 1, "x", "s",
                                      "gtd.facility/infrastructure:cue_arson(burned)"),))
    assert muc_types(alone) == {"attack", "arson"}
    assert muc_types(_event(sub_event_type="Armed clash", actor1=Actor("Military Forces of Peru", "state forces"),
                            codes=burned.codes, evidence=burned.evidence)) == set()  # outside MUC's scope
    gold = {"relevant": True, "templates": [_muc_template("attack"), _muc_template("arson")]}
    assert score_muc4(gold, [burned]).tallies["incident_type_recall"] == (2, 2)
    # damage that no fire did is MUC's catch-all ATTACK, not an ARSON
    def damage(rule):
        return _event(event_type="Strategic developments", sub_event_type="Looting/property destruction",
                      codes={"gtd_attack_type": "Facility/Infrastructure Attack"},
                      evidence=(Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", rule),))
    assert muc_type(damage("gtd.facility/infrastructure:cue_arson(destroyed)")) == "attack"
    assert muc_type(damage("gtd.facility/infrastructure:looting(burned)")) == "arson"


def test_muc4_a_shooting_told_within_a_bombing_is_an_attack_of_its_own():
    from eventwire.eval._news import muc_types

    def bombing(*mentions):
        evidence = tuple(Evidence("event_type", "d1", 0, 1, "x", sentence, rule) for sentence, rule in mentions)
        return _event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      codes={"gtd_attack_type": "Bombing/Explosion"}, evidence=evidence)

    blast = ("a bomb went off outside the ministry at dawn.", "lex:explosion(bomb)")
    assert muc_types(bombing(blast)) == {"bombing"}
    # gunmen who shot someone in a sentence of their own: a second category
    assert muc_types(bombing(blast, ("hours later two men on a motorcycle shot a magistrate near his office.",
                                     "lex:violence(shot)+target:civilians"))) == {"bombing", "attack"}
    assert muc_types(bombing(blast, ("the union leader was murdered in his car the same night.",
                                     "lex:violence(murdered)+target:civilians"))) == {"bombing", "attack"}
    # the bomb's own victims, or a shooting that only points back, add nothing
    assert muc_types(bombing(blast, ("the explosion shot glass across the street and killed a guard.",
                                     "lex:violence(shot)+default:civilians"))) == {"bombing"}
    assert muc_types(bombing(blast, ("police said the shooting was not linked to it.",
                                     "lex:violence(shooting)+default:civilians+anaphor"))) == {"bombing"}


def test_muc4_a_kidnapping_of_someone_within_an_attack_is_its_own_type():
    from eventwire.eval._news import muc_types

    def attack(sentence):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", sentence, "gtd.armed:cue_firearm(shot)"),
                    Evidence("gtd_attack_type", "d1", 0, 1, "x", sentence, "gtd.hostage:abduction(kidnapping)"))
        return _event(event_type="Violence against civilians", sub_event_type="Attack",
                      codes={"gtd_attack_type": "Armed Assault",
                             "gtd_attack_types": ["Armed Assault", "Hostage Taking (Kidnapping)"]}, evidence=evidence)

    assert muc_types(attack("gunmen shot the driver during the kidnapping of two engineers.")) == {"attack", "kidnapping"}
    assert muc_types(attack("the kidnapping and murder of the three students were condemned.")) == {
        "attack", "kidnapping"}
    # the bare noun names a kind of crime, no act done to anyone
    assert muc_types(attack("the judge, who handled kidnapping cases, was shot dead.")) == {"attack"}


def test_muc4_a_theft_or_a_burning_told_within_an_attack_is_its_own_type():
    from eventwire.eval._news import muc_types

    def attack(sentence):
        return _event(event_type="Violence against civilians", sub_event_type="Attack",
                      codes={"gtd_attack_type": "Armed Assault"},
                      evidence=(Evidence("event_type", "d1", 0, 1, "x", sentence, "lex:violence(attacked)"),))

    assert muc_types(attack("the gunmen attacked the cooperative's office and robbed its safe.")) == {"attack", "robbery"}
    assert muc_types(attack("rebels attacked the hacienda, killed the foreman and stole two trucks.")) == {"attack", "robbery"}
    assert muc_types(attack("the rebels attacked the bus; the driver's stolen car was found later.")) == {"attack"}
    assert muc_types(attack("the rebels attacked the farm, where a robber had hidden.")) == {"attack"}
    # a burning told in the attack's sentence is an ARSON of its own; people burned to death, or gunfire, are not
    assert muc_types(attack("rebels attacked the village, set the school on fire and shot two farmers.")) == {
        "attack", "arson"}
    assert muc_types(attack("the gunmen attacked the depot and torched three buses.")) == {"attack", "arson"}
    assert muc_types(attack("the attackers trapped the guards, who burned to death in their hut.")) == {"attack"}
    assert muc_types(attack("the rebels attacked the post and opened fire on the guards.")) == {"attack"}
    # outside MUC's scope, no robbery either
    looting = _event(event_type="Riots", sub_event_type="Mob violence",
                     evidence=(Evidence("event_type", "d1", 0, 1, "x", "a crowd looted the market.", "lex:looting(looted)"),))
    assert muc_types(looting) == set()


def test_muc4_sabotage_told_within_a_bombing_is_its_own_attack():
    from eventwire.eval._news import muc_types

    def bombing(sentence):
        return _event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      codes={"gtd_attack_type": "Bombing/Explosion"},
                      evidence=(Evidence("event_type", "d1", 0, 1, "x", sentence, "lex:explosion(bombs)"),))

    assert muc_types(bombing("bombs went off across the city and the rebels stepped up their sabotage of the "
                             "power lines.")) == {"bombing", "attack"}
    assert muc_types(bombing("two bombs exploded before dawn, and a blackout left the capital dark.")) == {
        "bombing", "attack"}
    assert muc_types(bombing("two bombs exploded before dawn outside the power company's offices.")) == {"bombing"}


def test_muc4_gunfire_told_within_a_bombing_is_its_own_attack():
    from eventwire.eval._news import muc_types

    def bombing(rule):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", "gtd.bombing/explosion:explosion(bomb)"),
                    Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", rule))
        return _event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      codes={"gtd_attack_type": "Bombing/Explosion",
                             "gtd_attack_types": ["Bombing/Explosion", "Armed Assault"]}, evidence=evidence)

    # "the rebels set off a bomb at the post and opened fire on the guards": two MUC templates
    assert muc_types(bombing("gtd.armed:cue_firearm(opened fire)")) == {"bombing", "attack"}
    # "the bomb killed three passers-by": the toll is the bombing's own, no attack of its own
    assert muc_types(bombing("gtd.armed:violence(killed)+casualties")) == {"bombing"}


def test_muc4_sabotage_told_beside_a_bombing_is_its_own_attack():
    from eventwire.eval._news import muc_types

    def bombing(sentence, rule="gtd.facility/infrastructure:cue_arson(destroyed)", actor1=None):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", "gtd.bombing/explosion:explosion(blew up)"),
                    Evidence("gtd_attack_type", "d1", 0, 1, "destroyed", sentence, rule))
        return _event(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                      actor1=actor1, codes={"gtd_attack_type": "Bombing/Explosion",
                                            "gtd_attack_types": ["Bombing/Explosion", "Facility/Infrastructure Attack"]},
                      evidence=evidence)

    # "the rebels blew up a bus ... the rebels destroyed eight power pylons": a BOMBING and an ATTACK
    assert muc_types(bombing("overnight the rebels destroyed eight power pylons in the east.")) == {"bombing", "attack"}
    # the damage the blast did is the bombing's own outcome
    assert muc_types(bombing("the guerrillas' car bomb destroyed two shops.")) == {"bombing"}
    # told of the thing damaged, or with no one who did it
    assert muc_types(bombing("a pylon was destroyed near the dam, the rebels said.")) == {"bombing"}
    assert muc_types(bombing("three shops were closed and a kiosk destroyed.")) == {"bombing"}
    # the event's own first actor names the doers
    front = Actor("Popular Front", "rebel group", text="the popular front")
    assert muc_types(bombing("the popular front destroyed a bridge on the coast road.", actor1=front)) == {
        "bombing", "attack"}


def test_muc4_an_attack_on_police_read_as_a_clash_is_an_attack():
    from eventwire.eval._news import muc_type

    army = Actor("Military Forces of Peru", "state forces")
    rebels = Actor("Red Dawn", "rebel group", text="red dawn")

    def clash(sentence, rule="lex:violence(attacked)+target:armed", actor1=rebels):
        return _event(sub_event_type="Armed clash", actor1=actor1, actor2=army,
                      evidence=(Evidence("event_type", "d1", 0, 1, "attacked", sentence, rule),))

    # a one-sided attack on a government target: MUC's ATTACK, though the army is a party
    assert muc_type(clash("red dawn commandos attacked the army barracks and the police station.")) == "attack"
    # a battle, or an attack on the army alone, stays outside MUC's scope
    assert muc_type(clash("rebels and police fought for hours.", rule="lex:clash(fought)")) is None
    assert muc_type(clash("red dawn commandos attacked the army barracks in the north.")) is None
    # troops that attack are no armed group's attack
    assert muc_type(clash("troops attacked a rebel camp near the police post.", actor1=army)) is None


def test_muc4_an_attack_on_police_told_after_the_fighting_is_an_attack():
    from eventwire.eval._news import muc_type

    army = Actor("Military Forces of Peru", "state forces")
    rebels = Actor("Red Dawn", "rebel group", text="red dawn")
    combing = Evidence("event_type", "d1", 0, 1, "operation",
                       "army units are combing the hills north of the town.", "lex:clash(operation)")

    def clash(sentence, rule):
        told = Evidence("event_type", "d1", 60, 61, "attacked", sentence, rule)
        return _event(sub_event_type="Armed clash", actor1=rebels, actor2=army, evidence=(combing, told))

    # the report opens on the fighting and tells the attack that began it further down
    assert muc_type(clash("at dawn the rebels attacked the police post on the river bridge.",
                          "lex:violence(attacked)+target:armed")) == "attack"
    # a mention that points back names no target of its own
    assert muc_type(clash("the mayor condemned the attack, which left the police post in ruins.",
                          "lex:violence(attack)+target:armed+anaphor")) is None
    # an attack on the army alone stays a battle
    assert muc_type(clash("at dawn the rebels attacked an army column on the river road.",
                          "lex:violence(attacked)+target:armed")) is None


def test_muc4_a_device_gone_off_within_an_attack_is_its_own_bombing():
    from eventwire.eval._news import muc_types

    def attack(rule):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", "gtd.armed:cue_firearm(gunmen)"),
                    Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", rule))
        return _event(event_type="Violence against civilians", sub_event_type="Attack",
                      codes={"gtd_attack_type": "Armed Assault",
                             "gtd_attack_types": ["Armed Assault", "Bombing/Explosion"]}, evidence=evidence)

    # "gunmen opened fire on the bus, and a car bomb blew up as the police arrived": two templates
    assert muc_types(attack("gtd.bombing/explosion:explosion(blew up)")) == {"attack", "bombing"}
    # mortar fire is MUC's ATTACK; plural blasts and an air raid's words tell of no one device
    assert muc_types(attack("gtd.bombing/explosion:shelling(mortar)")) == {"attack"}
    assert muc_types(attack("gtd.bombing/explosion:explosion(explosions)")) == {"attack"}
    assert muc_types(attack("gtd.bombing/explosion:explosion(bombed)")) == {"attack"}
    # "explosives" names the substance of one charge ("hurt by explosives left in the office"), not blasts counted
    assert muc_types(attack("gtd.bombing/explosion:explosion(explosives)")) == {"attack", "bombing"}
    assert muc_types(attack("gtd.bombing/explosion:explosion(bombs)")) == {"attack"}


def test_muc4_an_assassination_an_arrest_story_tells_of_is_an_attack():
    from eventwire.eval._news import muc_type, muc_types

    def arrest(rule):
        evidence = (Evidence("gtd_attack_type", "d1", 0, 1, "x", "s", rule),)
        return _event(event_type="Strategic developments", sub_event_type="Arrests",
                      codes={"gtd_attack_type": "Assassination"}, evidence=evidence)

    # "police arrested four men for the assassination of the senator on 3 may"
    told = arrest("gtd.assassination:cue_assassination(assassination)")
    assert muc_type(told) == "attack" and muc_types(told) == {"attack"}
    # a GTD assassination read from a toll of a prominent victim names no assassination
    assert muc_type(arrest("gtd.assassination:violence(killed)+target:prominent")) is None


def test_muc4_events_placed_in_the_country_of_the_incidents():
    from eventwire.eval._news import score_muc4

    salvador = Location(name="San Salvador", country="El Salvador", iso3="SLV")
    ponce = Location(name="Ponce", country="Puerto Rico", iso3="PRI")  # the colonel's name read as a town
    gold = {"relevant": True, "templates": [dict(_muc_template("attack"), location_country="EL SALVADOR")]}
    attack = dict(event_type="Violence against civilians", sub_event_type="Attack")
    events = [_event(location=salvador, **attack), _event(location=ponce, **attack), _event(**attack),
              _event(location=ponce)]  # the last is a battle, outside MUC's scope: not counted
    assert score_muc4(gold, events).tallies["location_country"] == (1, 3)
    assert "location_country" not in score_muc4({"relevant": False, "templates": []}, events).tallies
    assert "location_country" not in score_muc4({"relevant": True, "templates": [_muc_template("attack")]},
                                                events).tallies  # the key names no country


def test_muc4_scope_leaves_out_what_muc_does_not_code():
    from eventwire.eval._news import muc_type, score_muc4

    army = Actor("Military Forces of El Salvador", "state forces")
    police = Actor("Police Forces of Colombia", "state forces")
    rebels = Actor("FMLN: Farabundo Marti Front for National Liberation", "rebel group")
    shelled_barracks = _event(event_type="Explosions/Remote violence",
                              sub_event_type="Shelling/artillery/missile attack", actor1=rebels, actor2=army)
    police_ambushed = _event(event_type="Battles", sub_event_type="Armed clash", actor1=rebels, actor2=police,
                             codes={"gtd_attack_type": "Armed Assault"})
    army_battle = _event(event_type="Battles", sub_event_type="Armed clash", actor1=army, actor2=rebels,
                         codes={"gtd_attack_type": "Armed Assault"})
    arrest = _event(event_type="Strategic developments", sub_event_type="Arrests", actor1=police,
                    codes={"gtd_attack_type": "Assassination"})
    assert muc_type(army_battle) is None and muc_type(arrest) is None
    assert muc_type(shelled_barracks) == "attack"  # an attack's class, not its target read from the text, decides
    assert muc_type(police_ambushed) == "attack"  # a government target, coded by MUC
    grenades_too = _event(event_type="Battles", sub_event_type="Armed clash", actor1=rebels, actor2=police,
                          codes={"gtd_attack_type": "Bombing/Explosion"})
    shot_dead = _event(event_type="Violence against civilians", sub_event_type="Attack",
                       codes={"gtd_attack_type": "Facility/Infrastructure Attack"})
    taken = _event(event_type="Violence against civilians", sub_event_type="Attack",
                   codes={"gtd_attack_type": "Hostage Taking (Kidnapping)"})
    # an armed attack is MUC's ATTACK whatever explosive or damage GTD's precedence reads beside it
    assert muc_type(grenades_too) == "attack" and muc_type(shot_dead) == "attack"
    assert muc_type(taken) == "kidnapping"
    doubtful = {"relevant": True, "templates": [_muc_template("attack", optional=True)]}
    assert score_muc4(doubtful, []).checks.get("relevance_recall") is None  # every template optional
    threat = dict(_muc_template("attack", perps=[["fmln"]]), stage_of_execution="THREATENED")
    threatened = {"relevant": True, "templates": [threat]}
    assert score_muc4(threatened, []).checks.get("relevance_recall") is None  # a threat is no event
    assert score_muc4(threatened, []).tallies["incident_type_recall"] == (0, 0)
    mixed = {"relevant": True, "templates": [threat, _muc_template("bombing")]}
    assert score_muc4(mixed, []).checks["relevance_recall"] is False
    assert score_muc4(mixed, []).tallies["incident_type_recall"] == (0, 1)
    quiet = {"relevant": False, "templates": []}
    assert score_muc4(quiet, [army_battle, arrest]).checks["relevance_precision"] is None


def test_muc4_perpetrator_named_two_ways_is_one_actor():
    from eventwire.eval._news import score_muc4

    def perp_found(words, actor):
        gold = {"relevant": True, "templates": [_muc_template("attack", [(words,)])]}
        event = _event(event_type="Violence against civilians", sub_event_type="Attack", actor1=actor)
        return score_muc4(gold, [event]).tallies["perp_org"] == (1, 1)

    salvador_army = Actor("Military Forces of El Salvador", "state forces", text="soldiers")
    assert perp_found("the salvadoran army", salvador_army)  # a dictionary alias of the coded name
    assert perp_found("salvadoran armed forces", salvador_army)
    assert perp_found("the army", salvador_army)  # a state force with no country named: any country's
    assert perp_found("3d infantry brigade", salvador_army)
    assert perp_found("colombian police", Actor("Police Forces of Colombia", "state forces", text="agents"))
    assert not perp_found("the guatemalan army", salvador_army)  # another country's army
    assert not perp_found("national police", salvador_army)  # another force
    assert not perp_found("fmln", salvador_army)
    assert not perp_found("the army", Actor("Unidentified Armed Group (El Salvador)", "political militia"))


def test_news_formats_are_detected_and_read_with_titles(tmp_path):
    from eventwire.eval._gold import profile_of

    gvc = {"id": "gvc-1", "source": "gvc", "title": "Man shot", "text": "t", "published": "2016-05-09",
           "incident_key": "7", "gold": {"killed": 1}}
    muc = {"id": "muc4-1", "source": "muc4", "text": "t", "published": None,
           "gold": {"relevant": False, "templates": []}}
    assert detect_format(gvc) == "gvc" and detect_format(muc) == "muc4"
    assert read_gold(_write(tmp_path / "gvc.jsonl", [gvc])).rows[0].title == "Man shot"
    assert read_gold(_write(tmp_path / "muc.jsonl", [muc])).format == "muc4"
    assert profile_of("gtd") == profile_of("acled-legacy") == "notes"
    assert profile_of("gvc") == profile_of("muc4") == "news"


def _harm(sentence: str) -> Evidence:
    return Evidence(field="fatalities", doc_id="d1", start=0, end=1, text="killed", sentence=sentence,
                    rule="counts.fatalities.passive.number")


def test_muc4_an_attack_on_a_post_that_killed_civilians_is_coded():
    from eventwire.eval._news import muc_type

    army = Actor("Military Forces of El Salvador", "state forces")
    rebels = Actor("FMLN: Farabundo Marti Front for National Liberation", "rebel group")
    children = _harm("the attack on the national guard headquarters, in which two children were killed")
    soldiers = _harm("the attack on the garrison, in which two soldiers and a guerrilla were killed")
    struck = _event(actor1=rebels, actor2=army, evidence=(children,))
    battle = _event(actor1=rebels, actor2=army, evidence=(soldiers,))
    unknown = _event(actor1=rebels, codes={"gtd_attack_type": "Unknown"})
    assert muc_type(struck) == "attack"  # MUC codes the civilians as the attack's human targets
    assert muc_type(battle) is None and muc_type(unknown) is None
    # a person named by a family is a civilian struck within the fighting
    kin = _harm("the consul's daughter was wounded by a stray bullet during the fighting downtown")
    assert muc_type(_event(actor1=rebels, actor2=army, evidence=(kin,))) == "attack"


def test_muc4_a_clash_told_only_as_fighting_is_a_battle():
    from eventwire.eval._news import muc_type

    residents = Actor("Civilians (Peru)", "civilians")
    rebels = Actor("Sendero Luminoso", "rebel group")

    def clash(*mentions):
        return _event(actor1=rebels, actor2=residents, codes={"gtd_attack_type": "Armed Assault"}, evidence=tuple(
            Evidence("event_type", "d1", 0, 1, "x", sentence, rule) for sentence, rule in mentions))

    fighting = ("heavy fighting continued near the bus terminal through the night.", "lex:clash(fighting)")
    offensive = ("the offensive spread to the northern districts of the city.", "lex:clash(offensive)")
    # no act done to a target and no one hurt: a battle, however its parties were read
    assert muc_type(clash(fighting, offensive)) is None
    # an ambush of police is an attack on a government target
    assert muc_type(clash(("a police patrol was ambushed on the road to the airport.", "lex:clash(ambushed)"))) \
        == "attack"
    # someone shot within it, or an act told in words of its own, is an attack MUC codes
    assert muc_type(clash(("a nurse was shot in the leg during the shootout.", "lex:clash(shootout)"))) == "attack"
    assert muc_type(clash(fighting, ("the rebels attacked the town hall at dawn.",
                                     "lex:violence(attacked)+target:property"))) == "attack"


def test_muc4_a_murder_told_within_the_fighting_is_an_attack():
    from eventwire.eval._news import muc_type

    army = Actor("Military Forces of El Salvador", "state forces")
    rebels = Actor("FMLN: Farabundo Marti Front for National Liberation", "rebel group")

    def clash(*mentions):
        return _event(actor1=army, actor2=rebels, evidence=tuple(
            Evidence("event_type", "d1", 0, 1, "x", sentence, rule) for sentence, rule in mentions))

    fighting = ("troops drove the rebels out of the market district after two hours of fighting.",
                "lex:clash(fighting)")
    murder = ("in the eastern suburb the rebels shot dead a night watchman and murdered the owner of a bakery.",
              "lex:violence(murdered)+default:civilians")
    pointing_back = ("the army blamed the rebels for the murder.", "lex:violence(murder)+default:civilians+anaphor")
    assert muc_type(clash(fighting, murder)) == "attack"  # the unarmed killed within a battle
    assert muc_type(clash(fighting)) is None
    assert muc_type(clash(fighting, pointing_back)) is None  # "the murder" points back at an act told before


def test_muc4_state_forces_killing_drug_traffickers_is_outside_scope():
    from eventwire.eval._news import muc_type

    police = Actor("Police Forces of Peru", "state forces")
    cartel = Actor("Medellín Cartel", "political militia")
    rebels = Actor("Red Dawn", "rebel group")
    dead = Count(kind="fatalities", low=3, best=3, high=3, text="three drug traffickers were killed", start=0,
                 end=1, victims="drug traffickers")
    raid = _event(event_type="Violence against civilians", sub_event_type="Attack", actor1=police,
                  codes={"gtd_attack_type": "Armed Assault"})
    assert muc_type(raid) == "attack"
    assert muc_type(_event(event_type="Violence against civilians", sub_event_type="Attack", actor1=police,
                           fatalities=dead, codes={"gtd_attack_type": "Armed Assault"})) is None
    assert muc_type(_event(actor1=police, actor2=cartel, codes={"gtd_attack_type": "Armed Assault"})) is None
    # a cartel's own attack stays an incident MUC codes
    assert muc_type(_event(event_type="Violence against civilians", sub_event_type="Attack", actor1=cartel,
                           fatalities=dead, codes={"gtd_attack_type": "Armed Assault"})) == "attack"
    assert muc_type(_event(actor1=rebels, actor2=police, codes={"gtd_attack_type": "Armed Assault"})) == "attack"


def test_a_wire_story_is_read_with_its_dateline(tmp_path):
    from eventwire.eval._run import _text

    muc = {"id": "m1", "source": "muc4", "text": "guerrillas attacked the town hall today.",
           "published": "1990-01-03", "dateline": "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS)",
           "gold": {"relevant": True, "templates": []}}
    bare = muc | {"id": "m2", "dateline": None}
    rows = read_gold(_write(tmp_path / "m.jsonl", [muc, bare])).rows
    # the dateline opens the story, in the case of its lower-cased body
    assert _text(rows[0]) == "san salvador, 3 jan 90 (radio venceremos) -- guerrillas attacked the town hall today."
    assert _text(rows[1]) == muc["text"]


def test_muc4_blasts_with_no_weapon_named_take_their_gtd_type():
    from eventwire.eval._news import muc_type

    def shelling(rule):
        return _event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                      codes={"gtd_attack_type": "Bombing/Explosion"},
                      evidence=(Evidence("event_type", "d1", 0, 10, "explosions", "", rule),))
    # "eight explosions were heard": no mortar named, the explosion of a device is MUC's BOMBING
    assert muc_type(shelling("lex:explosion(explosions)+plural_explosions")) == "bombing"
    assert muc_type(shelling("lex:shelling(mortar)")) == "attack"  # mortar fire is MUC's ATTACK


def test_muc4_blasts_only_heard_are_the_sound_of_fighting():
    from eventwire.eval._news import muc_type

    def heard(sentence, **kw):
        return _event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                      codes={"gtd_attack_type": "Bombing/Explosion"},
                      evidence=(Evidence("event_type", "d1", 0, 10, "explosions", sentence,
                                         "lex:explosion(explosions)+plural_explosions"),), **kw)
    # no device, no target, no victim: the noise of a battle in the city, which MUC leaves out
    assert muc_type(heard("loud explosions and heavy gunfire could be heard across the capital tonight.")) is None
    # blasts reported with their victims are an incident
    assert muc_type(heard("residents heard two explosions near the market, which wounded five people.",
                          injured=_count("injured", 5))) == "bombing"
    # blasts told without a hearing verb keep their GTD type
    assert muc_type(heard("three explosions rocked the city centre tonight.")) == "bombing"


def test_a_news_rows_url_reaches_the_document(tmp_path):
    from eventwire.eval._run import _documents

    row = {"id": "gvc-1", "source": "gvc", "incident_key": "1", "title": "Man shot", "text": "A man was shot.",
           "published": "2016-01-02", "url": "http://web.archive.org/web/2016/http://www.toledoblade.com/a",
           "gold": {"admin1": "Ohio"}}
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold.rows[0].url == row["url"]
    (document,) = _documents(gold.rows, str(path), "news", set())
    assert document.url == row["url"]


def test_muc4_people_shot_within_a_riot_are_an_attack():
    from eventwire.eval._news import muc_type

    rioters = Actor("Rioters (Chile)", "rioters")

    def crowd(sub_event_type, gtd):
        return _event(event_type="Riots" if sub_event_type != "Protest with intervention" else "Protests",
                      sub_event_type=sub_event_type, actor1=rioters,
                      codes={"gtd_attack_type": gtd} if gtd else {})

    # "two men in a car fired on the marching students and drove away"
    assert muc_type(crowd("Protest with intervention", "Armed Assault")) == "attack"
    # "the union leader was killed on 1 august by a band of extremists"
    assert muc_type(crowd("Mob violence", "Assassination")) == "attack"
    # stones and a burned tyre at a roadblock: a riot, which MUC leaves out
    assert muc_type(crowd("Violent demonstration", None)) is None
    assert muc_type(crowd("Violent demonstration", "Facility/Infrastructure Attack")) is None
    # force against protesters is classed apart and stays out
    assert muc_type(crowd("Excessive force against protesters", "Armed Assault")) is None


def test_muc4_an_attack_made_with_explosives_is_a_bombing():
    from eventwire.eval._news import muc_type, muc_types

    def attack(sentence, gtd_rule, rule="lex:violence(attack)+target:civilians"):
        evidence = (Evidence("event_type", "d1", 0, 1, "attack", sentence, rule),
                    Evidence("gtd_attack_type", "d1", 0, 1, "x", sentence, gtd_rule))
        return _event(event_type="Violence against civilians", sub_event_type="Attack",
                      codes={"gtd_attack_type": "Bombing/Explosion"}, evidence=evidence)

    # "a dynamite attack on the union hall": the device is the attack's weapon
    dynamite = attack("rebels carried out a dynamite attack on the union hall in the port.",
                      "gtd.bombing/explosion:explosion(dynamite)")
    assert muc_type(dynamite) == "bombing" and muc_types(dynamite) == {"bombing"}
    assert muc_type(attack("the governor called it an attack with powerful explosives.",
                           "gtd.bombing/explosion:explosion(explosives)")) == "bombing"
    # a device in a sentence that names no attack, or an air force's bombing, leaves it an attack
    assert muc_type(attack("gunmen shot the driver; a bomb was later found in the station.",
                           "gtd.bombing/explosion:explosion(bomb)",
                           rule="lex:violence(shot)+target:civilians")) == "attack"
    assert muc_type(attack("the army bombed the village in an attack at dawn.",
                           "gtd.bombing/explosion:explosion(bombed)")) == "attack"
    # a mention that points back tells no weapon of its own
    assert muc_type(attack("the dynamite attack was condemned by the bishops.",
                           "gtd.bombing/explosion:explosion(dynamite)",
                           rule="lex:violence(attack)+target:civilians+anaphor")) == "attack"


def test_gvc_city_compared_without_a_leading_article():
    from eventwire.eval._news import same_city

    bronx = _event(location=Location(name="The Bronx", country="United States", iso3="USA", admin1="New York"))
    gold = {"location": "Bronx", "location_alt": None}
    assert same_city(gold, bronx)
    # an article is dropped only at the start of the name
    assert not same_city({"location": "Dalles", "location_alt": None},
                         _event(location=Location(name="Dallas", country="United States", iso3="USA",
                                                  admin1="Texas")))


def test_the_place_is_named_as_the_source_names_it():
    from eventwire.eval._score import location_name_check

    def at(name, text=None):
        return _event(location=Location(name=name, country="Pakistan", iso3="PAK", text=text or name))

    assert location_name_check("Udero Lal", at("Udero Lal"))
    assert location_name_check("Karachi - North Nazimabad", at("North Nazimabad"))
    assert location_name_check("Karachi-North Nazimabad", at("Karachi"))
    assert not location_name_check("Matiari", at("Hyderabad"))
    assert location_name_check("Unknown", at("Hyderabad")) is None and location_name_check(None, at("X")) is None
    assert location_name_check("Matiari", None) is False


def test_muc4_civilians_seized_by_troops_are_a_kidnapping():
    from eventwire.eval._news import muc_type, muc_types

    def seized(sentence, rule="lex:capture(captured)+object:people", sub="Arrests", event_type="Strategic developments"):
        return _event(event_type=event_type, sub_event_type=sub,
                      evidence=(Evidence("event_type", "d1", 0, 1, "x", sentence, rule),))

    # troops took villagers away: MUC keys a kidnapping, not an arrest
    assert muc_type(seized("a patrol captured four farmers at the market and drove them off.")) == "kidnapping"
    # fighters or suspects captured, or an arrest told as one, stay outside MUC's scope
    assert muc_type(seized("the rebels say they captured six soldiers near the bridge.")) is None
    assert muc_type(seized("police captured two suspects after the robbery.")) is None
    assert muc_type(seized("a patrol arrested four farmers at the market.", rule="lex:arrest(arrested)")) is None
    # told within a raid: the raid's type and a kidnapping of its own
    raid = _event(event_type="Violence against civilians", sub_event_type="Attack",
                  evidence=(Evidence("event_type", "d1", 0, 1, "x", "troops fired on the hamlet.", "lex:violence(fired)"),
                            Evidence("event_type", "d1", 0, 1, "x", "they captured three students and took them away.",
                                     "lex:capture(captured)+object:people")))
    assert muc_types(raid) == {"attack", "kidnapping"}


def test_muc4_an_attack_whose_object_is_the_police_is_an_attack_in_any_class():
    from eventwire.eval._news import muc_type

    police = Actor("Police Forces of Peru", "state forces")
    army = Actor("Military Forces of Peru", "state forces")
    rebels = Actor("Red Dawn", "rebel group", text="red dawn")

    def told(sub_event_type, sentence, actor1=rebels, actor2=army, rule="lex:violence(attacked)+target:armed"):
        taken = Evidence("event_type", "d1", 0, 1, "seized", "red dawn units seized the coast road at dawn.",
                         "lex:capture(seized)+agent:non-state")
        act = Evidence("event_type", "d1", 50, 51, "attacked", sentence, rule)
        return _event(sub_event_type=sub_event_type, actor1=actor1, actor2=actor2, evidence=(taken, act))

    # a town or a road taken, and a police car attacked on the way: the attack is MUC's ATTACK
    assert muc_type(told("Non-state actor overtakes territory",
                         "on the way the rebels attacked a police van and burned it.")) == "attack"
    # a clash whose parties were read as two state forces, with an attack on the police in it
    assert muc_type(told("Armed clash", "an attack against the municipal police began at nine.",
                         actor1=police, rule="lex:violence(attack)+target:armed")) == "attack"
    # the police only near the target, or only the attackers, or a mention that points back: no attack
    assert muc_type(told("Armed clash", "the soldiers attacked a rebel camp beside the police post.",
                         actor1=army, actor2=rebels)) is None
    assert muc_type(told("Government regains territory", "police units attacked a rebel camp at dawn.",
                         actor1=police, actor2=rebels)) is None
    assert muc_type(told("Non-state actor overtakes territory", "the attack on the police van was condemned.",
                         rule="lex:violence(attack)+target:armed+anaphor")) is None
    # a crowd that attacks the police is a riot, which MUC leaves out
    assert muc_type(told("Violent demonstration", "strikers attacked a police van with stones.",
                         actor1=Actor("Rioters (Peru)", "rioters"))) is None


def test_muc4_a_clash_between_police_and_looters_is_a_riot():
    from eventwire.eval._news import muc_type

    police = Actor("Police Forces of Argentina", "state forces")
    crowd = Actor("Civilians (Argentina)", "civilians")

    def clash(sentence, sub_event_type="Armed clash"):
        return _event(sub_event_type=sub_event_type, actor1=police, actor2=crowd,
                      codes={"gtd_attack_type": "Armed Assault"},
                      evidence=(Evidence("event_type", "d1", 0, 1, "clash", sentence, "lex:clash(clash)"),))

    # people killed where the police met a crowd that was looting shops: a riot, not terrorism
    assert muc_type(clash("three people died in a clash between the police and residents looting food shops.")) is None
    assert muc_type(clash("shots were exchanged by policemen and bands of looters near the market.")) is None
    # the same clash with no looting named stays an incident MUC codes
    assert muc_type(clash("three civilians died in a clash between the police and gunmen.")) == "attack"


def test_muc4_inmates_in_revolt_are_a_prison_riot():
    from eventwire.eval._news import muc_type

    inmates = Actor("Civilians (Bolivia)", "civilians", text="the inmates")
    guards = Actor("Police Forces of Bolivia", "state forces", text="the guards")

    def seized(sentence):
        return _event(event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance",
                      actor1=inmates, actor2=guards, codes={"gtd_attack_type": "Hostage Taking (Kidnapping)"},
                      evidence=(Evidence("event_type", "d1", 0, 1, "hostage", sentence, "lex:abduction(hostage)"),))

    # a mutiny in a jail that holds guards hostage: common crime, not terrorism
    assert muc_type(seized("the mutinous inmates are still holding six guards hostage in the east wing.")) is None
    assert muc_type(seized("after the uprising the prisoners took two warders hostage.")) is None
    # captured fighters and riot police name no revolt of inmates
    assert muc_type(seized("the rebels took the prisoners of war hostage after the uprising.")) == "kidnapping"
    assert muc_type(seized("riot police freed the prisoners the gang had taken hostage.")) == "kidnapping"


def test_muc4_people_seized_told_within_an_attack_are_a_kidnapping():
    from eventwire.eval._news import muc_types

    rebels = Actor("Red Dawn", "rebel group", text="red dawn")

    def attack(sentence):
        return _event(event_type="Violence against civilians", sub_event_type="Attack", actor1=rebels,
                      codes={"gtd_attack_type": "Armed Assault"},
                      evidence=(Evidence("event_type", "d1", 0, 1, "shot", sentence, "lex:violence(shot)"),))

    assert muc_types(attack("the rebels shot two farmers and abducted the farm's owner.")) == {"attack", "kidnapping"}
    assert muc_types(attack("gunmen shot at the bus; nine passengers are being held hostage in the hills.")) == {
        "attack", "kidnapping"}
    # the noun naming a kind of crime is no seizure told
    assert muc_types(attack("the judge, who handled several kidnapping cases, was shot dead.")) == {"attack"}


def test_muc4_a_weapon_used_on_civilians_within_a_battle_is_an_attack():
    from eventwire.eval._news import muc_type

    army = Actor("Military Forces of Guatemala", "state forces")
    rebels = Actor("Red Dawn", "rebel group")
    fighting = ("troops and rebels fought for the ridge all night.", "lex:clash(fought)")

    def battle(*mentions):
        return _event(actor1=army, actor2=rebels, codes={"gtd_attack_type": "Bombing/Explosion"}, evidence=tuple(
            Evidence("event_type", "d1", 0, 1, "x", sentence, rule) for sentence, rule in mentions))

    strafed = ("the air force bombed the hamlet below the ridge, where only civilians lived.", "lex:explosion(bombed)")
    assert muc_type(battle(fighting, strafed)) == "attack"
    # the battle alone, or a bombing of the rebels' lines, stays out of MUC's scope
    assert muc_type(battle(fighting)) is None
    assert muc_type(battle(fighting, ("the air force bombed the rebel trenches on the ridge.",
                                      "lex:explosion(bombed)"))) is None
    # a mention that points back tells no target of its own
    assert muc_type(battle(fighting, ("civilians fled after the bombing.", "lex:explosion(bombing)+anaphor"))) is None
