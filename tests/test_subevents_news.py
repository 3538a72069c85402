"""ACLED sub-event types on sentences of news (not coded notes), written for these tests."""
import datetime as dt

import pytest

from eventwire.pipeline import Pipeline
from eventwire.records import Document

CASES = [
    ('Chemical weapon', 'Syrian government forces dropped barrels filled with chlorine gas on the town of Saraqeb, causing dozens of cases of suffocation, rescuers said.'),
    ('Chemical weapon', 'Activists accused the army of using chemical weapons in an attack on the rebel-held suburb of Douma on Saturday.'),
    ('Chemical weapon', 'Doctors in the city said they treated patients with symptoms of sarin exposure after rockets struck the district overnight.'),
    ('Headquarters or base established', 'Al-Shabaab militants set up a new base in the forests near the village of Bula Haji, residents said.'),
    ('Headquarters or base established', 'Fighters of the Islamic State established a camp on the outskirts of the town after government troops withdrew.'),
    ('Headquarters or base established', 'The rebels have set up checkpoints and a headquarters in the town, locals told reporters.'),
    ('Headquarters or base established', 'Gunmen loyal to a local warlord have established a training camp in the hills above the district.'),
    ('Government regains territory', 'The army said it had recaptured the town of Palmyra from Islamic State fighters on Thursday.'),
    ('Government regains territory', 'Government troops retook control of the key border crossing after a week of fighting with rebels.'),
    ('Government regains territory', 'Iraqi forces regained control of the last districts of western Mosul, the military said.'),
    ('Government regains territory', 'Security forces retook the village from al-Shabaab militants early on Monday, a military officer said.'),
    ('Non-state actor overtakes territory', 'Houthi rebels seized the town of Hazm after government forces withdrew overnight, tribal sources said.'),
    ('Non-state actor overtakes territory', 'Taliban fighters captured the district headquarters of Nad Ali on Tuesday, local officials said.'),
    ('Non-state actor overtakes territory', 'Islamist militants took control of the town of Kidal after clashes with the army.'),
    ('Non-state actor overtakes territory', 'M23 rebels overran the town of Bunagana near the Ugandan border on Monday.'),
    ('Excessive force against protesters', 'Police opened fire on protesters in Khartoum on Thursday, killing at least five people, medics said.'),
    ('Excessive force against protesters', 'Security forces shot dead three demonstrators during a march against the government in the capital, witnesses said.'),
    ('Excessive force against protesters', 'Troops fired live ammunition into a crowd of peaceful protesters in Mandalay, killing two.'),
    ('Excessive force against protesters', 'Two protesters were killed when police fired on a rally demanding the release of political prisoners.'),
    ('Agreement', 'The government and the rebel alliance signed a ceasefire agreement in Doha on Sunday.'),
    ('Agreement', 'The two warring factions agreed to a truce brokered by tribal elders, ending a week of fighting.'),
    ('Agreement', 'Rival militias signed a peace deal in the town hall on Saturday, promising to end clashes over grazing land.'),
    ('Agreement', 'Armed groups released 20 prisoners in an exchange with the government under the terms of a deal reached last week.'),
    ('Peaceful protest', 'Thousands of people marched through the streets of Lagos on Saturday to protest against rising fuel prices.'),
    ('Peaceful protest', 'Teachers staged a sit-in outside the education ministry on Monday demanding unpaid salaries.'),
    ('Protest with intervention', 'Police fired tear gas to disperse hundreds of students protesting tuition fees in Nairobi.'),
    ('Protest with intervention', 'Police arrested dozens of demonstrators who gathered outside parliament without a permit.'),
    ('Violent demonstration', 'Protesters threw stones at police and set fire to tyres in the centre of the city.'),
    ('Violent demonstration', 'Angry demonstrators torched a police station and blocked roads after the death of a local trader.'),
    ('Mob violence', 'A mob lynched a man accused of stealing a motorcycle in the village, police said.'),
    ('Mob violence', 'Villagers armed with machetes attacked a group of herders, injuring four.'),
    ('Armed clash', 'Government troops clashed with rebels near the town of Beni, leaving six fighters dead.'),
    ('Armed clash', 'Militants ambushed an army patrol in the Rajouri district, killing two soldiers.'),
    ('Attack', 'Gunmen shot dead a village chief outside his home in the district on Sunday.'),
    ('Attack', 'Suspected militants killed 12 villagers in an overnight raid on the village, officials said.'),
    ('Abduction/forced disappearance', 'Armed men kidnapped 20 passengers from a bus on the highway, police said.'),
    ('Abduction/forced disappearance', 'Gunmen abducted a priest from his parish residence on Monday night.'),
    ('Sexual violence', 'Soldiers raped several women during a raid on the village, a human rights group said.'),
    ('Shelling/artillery/missile attack', 'Rebels shelled the government-held city, killing four civilians.'),
    ('Shelling/artillery/missile attack', 'A rocket fired from across the border hit a house, wounding two people.'),
    ('Air/drone strike', 'Warplanes struck a market in the rebel-held town, killing 15 people.'),
    ('Air/drone strike', 'A drone strike killed three suspected militants in North Waziristan on Friday.'),
    ('Suicide bomb', 'A suicide bomber blew himself up at a checkpoint, killing four policemen.'),
    ('Remote explosive/landmine/IED', 'A roadside bomb struck a military vehicle, killing three soldiers.'),
    ('Remote explosive/landmine/IED', 'A landmine exploded under a minibus, killing five passengers.'),
    ('Grenade', 'Unknown attackers hurled a grenade into a crowded bar, wounding eight people.'),
    ('Arrests', 'Police arrested 15 suspected members of the separatist group in raids across the province.'),
    ('Looting/property destruction', 'Militants burned down a school and looted shops in the village.'),
    ('Disrupted weapons use', 'Security forces defused a bomb planted near the market.'),
    ('Disrupted weapons use', 'Police seized a large cache of weapons and explosives in a raid on a hideout.'),
    ('Headquarters or base established', 'Troops set up a new military base in the border district.'),
    ('Other', 'Authorities imposed a curfew in the city after the violence.'),
]


@pytest.fixture(scope="module")
def results():
    docs = [Document(id=str(i), text=t, published=dt.date(2024, 5, 6)) for i, (_, t) in enumerate(CASES)]
    return {r.document.id: r.events for r in Pipeline.default().pipe(docs)}


@pytest.mark.parametrize("i", range(len(CASES)), ids=[f"{g}-{i}" for i, (g, _) in enumerate(CASES)])
def test_sub_event_type(results, i):
    want, text = CASES[i]
    events = results[str(i)]
    assert events, text
    assert events[0].sub_event_type == want, text
