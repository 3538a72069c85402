"""Writes ``benchmarks/data/nonconflict_news.jsonl``: ordinary news with no conflict event.

The texts are composed for eventwire from sentence banks written by hand for
this file (no text copied from any publication): sports, business, weather,
science, culture, technology, health and local-government reports, each 8-14
sentences, with the metaphors such news uses ("attack", "shot", "clash",
"battle", "rally", "strike", "killer", "bombed") so that a relevance filter
is tested on them. Placed in the public domain (CC0 1.0). Deterministic:

    python benchmarks/make_nonconflict.py            # 400 texts
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "nonconflict_news.jsonl"

FILL = {
    "team": ["Rovers", "United", "the Hawks", "City", "the Mariners", "Athletic", "the Falcons", "Wanderers",
             "the Comets", "Albion", "the Panthers", "Rangers", "the Otters", "the Lynx"],
    "player": ["Marta Silva", "Jon Eriksen", "Kofi Mensah", "Lena Hartmann", "Diego Ruiz", "Aiko Tanaka",
               "Sam O'Neill", "Priya Nair", "Tomasz Nowak", "Grace Mbeki", "Luca Bianchi", "Ines Duarte"],
    "city": ["Leeds", "Porto", "Denver", "Osaka", "Lyon", "Melbourne", "Toronto", "Bergen", "Cork", "Austin",
             "Seville", "Wellington", "Gdansk", "Nagoya", "Halifax"],
    "company": ["Northwind Foods", "Altamira Energy", "Brightline Software", "Kestrel Motors", "Harbor Bank",
                "Solace Pharma", "Quill Media", "Ridgeway Retail", "Tessera Chips", "Bluewater Airlines"],
    "person": ["Anna Keller", "Mark Osei", "Hannah Brooks", "Ravi Patel", "Claire Dubois", "Omar Haddad",
               "Julia Novak", "Peter Lang", "Sofia Rossi", "Ken Watanabe"],
    "n": [str(n) for n in (2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 17, 21, 23, 28, 35, 42)],
    "pct": ["1.2", "2.5", "3.1", "4.8", "0.7", "6.3", "12", "15", "0.4", "9.6"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "March", "April", "June", "August", "October", "November"],
}

BANKS = {
    "sports": [
        "{team} beat {team2} {n}-1 on {day}, their third win in a row.",
        "{player} scored twice in the second half as {team} came from behind.",
        "The visitors' attack looked sharp from the opening whistle.",
        "{player} fired a low shot into the far corner after 23 minutes.",
        "It was a bruising clash between two sides chasing the title.",
        "The coach said his team had to battle for every ball.",
        "{player} limped off with a hamstring injury and is doubtful for next week.",
        "The defence held firm despite late pressure from {team2}.",
        "A thunderous strike from outside the box settled the game.",
        "The crowd of {n},000 rallied behind the home side after the break.",
        "{player} missed a penalty but made amends with a header.",
        "The striker was shooting on sight all afternoon.",
        "{team} are now {n} points clear at the top of the table.",
        "In the tennis, {player} rallied from a set down to win in {city}.",
        "The shooting guard made seven three-pointers in the fourth quarter.",
        "Both managers clashed over a disputed offside decision, but shook hands afterwards.",
        "The goalkeeper was injured in a collision and replaced at half-time.",
        "The derby was a fight to the finish, with a winner in stoppage time.",
        "Fans celebrated in the streets of {city} long after the final whistle.",
        "{player} said the team had shot itself in the foot in the first half.",
        "Next up for {team} is a trip to {city} on {day}.",
        "The marathon in {city} drew {n},000 runners despite the heat.",
        "Their power play has been deadly this season, converting {pct} per cent more chances.",
        "The boxer knocked out his opponent in the fifth round to keep his title.",
    ],
    "business": [
        "Shares in {company} rallied {pct} per cent on {day} after quarterly profits beat forecasts.",
        "{company} said revenue rose to {n} billion dollars in the three months to {month}.",
        "Analysts said the price war among supermarkets was squeezing margins.",
        "The board rejected what it called a hostile takeover bid from a rival.",
        "Chief executive {person} said the company would target smaller markets next year.",
        "The new phone has been called a killer product by some reviewers.",
        "Its last film bombed at the box office, losing an estimated {n} million dollars.",
        "Demand for electric cars has seen explosive growth in {city}.",
        "Oil prices shot up after producers agreed to cut output.",
        "The central bank held interest rates at {pct} per cent.",
        "Inflation slowed to {pct} per cent in {month}, official figures showed.",
        "{company} will cut {n}00 jobs as part of a restructuring plan.",
        "Investors fled to safe assets as markets took a beating.",
        "The merger must still be approved by competition regulators.",
        "{person}, the finance director, will step down at the end of {month}.",
        "Retail sales in {city} rose for a {n}th straight month.",
        "The company fired its auditor after a dispute over accounts.",
        "Bond yields climbed as traders bet on further rate rises.",
        "The airline said bookings for the summer were up {pct} per cent.",
        "The start-up raised {n} million dollars from venture investors.",
        "Executives said the plan would be executed over three years.",
        "The housing market in {city} cooled, with prices down {pct} per cent.",
    ],
    "weather": [
        "Heavy rain is expected across {city} on {day}, forecasters said.",
        "A storm brought winds of up to {n}0 kilometres an hour to the coast.",
        "Temperatures will climb to {n} degrees by the weekend.",
        "The weather service issued a flood warning for low-lying districts.",
        "Snow closed several mountain roads near {city} overnight.",
        "Drivers were told to expect delays as fog settled over the motorway.",
        "A heatwave is set to break records across the region in {month}.",
        "Residents were asked to save water after the driest spring in {n} years.",
        "Lightning struck a church spire but no one was hurt.",
        "Power was cut to {n},000 homes when trees fell on lines.",
        "Forecasters said the cold snap would ease by {day}.",
        "The river burst its banks in two places, flooding fields and a car park.",
        "Firefighters pumped water from basements in the old town.",
        "The storm is expected to blow itself out over the sea by {day}.",
        "Farmers welcomed the rain after weeks of drought.",
        "A tornado watch was issued for counties west of {city}.",
        "Hail the size of golf balls damaged cars in {city}.",
        "Ferries were cancelled as waves reached {n} metres.",
    ],
    "science": [
        "Researchers in {city} have demonstrated a battery that charges in {n} minutes.",
        "The study showed that the drug attacks cancer cells while sparing healthy tissue.",
        "Astronomers observed the explosion of a distant star, a supernova {n} million light years away.",
        "The team said the results had to be repeated in larger trials.",
        "Bacteria were killed within hours when exposed to the new coating.",
        "The findings were published in a peer-reviewed journal on {day}.",
        "{person}, who led the research, said the target was a cheaper vaccine.",
        "The rocket launch was postponed because of high winds.",
        "The probe will reach the outer planets in {n} years.",
        "Engineers fired the engine for {n} seconds in a ground test.",
        "Scientists mapped the genome of a rare orchid.",
        "The experiment ran for {n} months at a laboratory near {city}.",
        "The immune system mounts an attack on the virus within days.",
        "A demonstration of the device drew engineers from {n} countries.",
        "The telescope captured the clearest image yet of the galaxy.",
        "Volunteers took part in a trial of the new diet.",
        "The mission will study ice on the moon's south pole.",
        "Data from the satellite show the glacier retreating {n} metres a year.",
    ],
    "culture": [
        "The festival opened in {city} on {day} with a concert in the park.",
        "Critics praised the new production of the opera at the national theatre.",
        "{person}'s debut novel has been shortlisted for a literary prize.",
        "The museum's exhibition of early photographs runs until {month}.",
        "The band's new album shot to the top of the charts.",
        "Tickets for the tour sold out in {n} minutes.",
        "The director said the film was a battle to finish on budget.",
        "The gallery reopened after a {n}-month renovation.",
        "The actor won best performance for playing a chess champion.",
        "A crowd of {n},000 gathered for the open-air screening.",
        "The choir will perform in {city} cathedral in {month}.",
        "Her memoir, a bestseller, will be adapted for television.",
        "The comedy is a riot from start to finish, one reviewer wrote.",
        "The orchestra marked its {n}th anniversary with a gala.",
        "The library is collecting old recipes from local families.",
        "Dancers rehearsed for weeks for the premiere.",
        "The painting sold at auction for {n} million dollars.",
        "The writer said the book was about her grandmother's farm.",
    ],
    "technology": [
        "{company} unveiled a laptop with a battery that lasts {n} hours.",
        "The update fixes a bug that drained phones overnight.",
        "The app has been downloaded {n} million times since its launch.",
        "Engineers said the chip would be {pct} times faster than the last one.",
        "The company said it would target small businesses with the new service.",
        "Users complained about slow speeds after the outage on {day}.",
        "The social network launched a feature for sharing long videos.",
        "Regulators opened an inquiry into the company's data practices.",
        "The search engine's new assistant answers questions in {n} languages.",
        "The robot can sort parcels twice as fast as a person.",
        "Security researchers found a flaw that could let hackers read messages.",
        "The firm shot down reports that it planned to sell the unit.",
        "The game's launch was a hit, with {n} million players in a week.",
        "Streaming now accounts for {pct} per cent of music sales.",
        "The tablet goes on sale in {city} in {month}.",
        "A software glitch delayed flights for two hours.",
    ],
    "health": [
        "Hospitals in {city} reported fewer flu cases than last winter.",
        "The health ministry recommended a booster for people over {n}0.",
        "Doctors said regular walking cuts the risk of heart disease.",
        "The clinic will offer free eye tests in {month}.",
        "A new ward for children opened at the general hospital.",
        "Waiting times for surgery fell by {pct} per cent.",
        "Nurses were praised for their work during the busy season.",
        "The vaccine was shown to be safe in a trial of {n},000 adults.",
        "Health officials urged people to drink water in the heat.",
        "The charity trains volunteers in first aid.",
        "Sugar taxes have cut soft drink sales, a study found.",
        "The minister opened a medical school in {city}.",
        "The drug was approved for use in adults with asthma.",
        "Researchers said sleep helps the brain clear waste.",
    ],
    "local": [
        "The city council voted {n} to 3 to build a new library in {city}.",
        "Residents will be able to comment on the plans until {month}.",
        "The mayor, {person}, said the budget would fund more buses.",
        "Roadworks on the high street will last until {month}.",
        "The school board approved a new timetable for the autumn.",
        "A new cycle lane opened along the river on {day}.",
        "The farmers' market will move to the square next week.",
        "Volunteers planted {n}00 trees in the park.",
        "Councillors debated parking charges for three hours.",
        "The swimming pool will close for repairs in {month}.",
        "Bin collections will change after the holiday weekend.",
        "The bridge reopened after a {n}-month repair.",
        "The town's oldest resident celebrated her 104th birthday.",
        "A new bakery has opened in the old post office.",
        "Students from {city} won a national robotics contest.",
        "The council said council tax would rise by {pct} per cent.",
        "Campaigners want a zebra crossing near the primary school.",
    ],
}

TITLES = {
    "sports": ["{team} edge {team2} in thriller", "{player} inspires comeback", "Late strike settles derby",
               "{team} keep title hopes alive"],
    "business": ["{company} profits beat forecasts", "Markets rally on rate hopes", "{company} to cut jobs",
                 "Inflation slows in {month}"],
    "weather": ["Storm warning for {city}", "Heatwave to break records", "Floods close roads near {city}"],
    "science": ["New battery charges in minutes", "Astronomers see distant explosion", "Trial shows drug promise"],
    "culture": ["Festival opens in {city}", "Album tops charts", "Opera wins praise"],
    "technology": ["{company} unveils new laptop", "App update fixes battery bug", "Outage hits users"],
    "health": ["Flu cases fall in {city}", "New children's ward opens", "Vaccine trial reports results"],
    "local": ["Council backs new library", "Cycle lane opens", "Parking charges debated"],
}


def _fill(template: str, rnd: random.Random) -> str:
    values = {k: rnd.choice(v) for k, v in FILL.items()}
    values["team2"] = rnd.choice([t for t in FILL["team"] if t != values["team"]])
    return template.format(**values)


def make(n: int = 400, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    topics = sorted(BANKS)
    rows = []
    for i in range(n):
        topic = topics[i % len(topics)]
        bank = BANKS[topic]
        k = min(len(bank), rnd.randint(8, 14))
        sentences = [_fill(s, rnd) for s in rnd.sample(bank, k)]
        paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        rows.append({"id": f"nonconflict-{i:04d}", "topic": topic, "title": _fill(rnd.choice(TITLES[topic]), rnd),
                     "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": "\n\n".join(paragraphs)})
    return rows


def main(argv: list[str] | None = None) -> int:
    n = int((argv or sys.argv[1:] or ["400"])[0])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in make(n):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{n} texts -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
