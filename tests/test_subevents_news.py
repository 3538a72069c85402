"""ACLED sub-event types on sentences of news (not coded notes), written for these tests."""
import collections
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
    # "riot police" are police, not a riot
    ('Protest with intervention', 'Riot police fired tear gas at students marching to parliament.'),
    # protesters occupying a square protest; they take no territory
    ('Peaceful protest', 'Protesters occupied the main square of the capital for a third day, demanding the resignation of the president.'),
    # batons and live ammunition: more than dispersal
    ('Excessive force against protesters', 'Soldiers beat demonstrators with batons and fired live ammunition at the crowd, killing two.'),
    # a place made a base
    ('Headquarters or base established', 'Jihadists have turned the abandoned school into their headquarters, villagers said.'),
    ('Government regains territory', 'Ethiopian federal forces said they had taken back the town of Shewa Robit from the rebels.'),
    ('Non-state actor overtakes territory', 'Rebels took over the mining town after soldiers fled, residents said.'),
    # a phrasal verb with its object between its words
    ('Government regains territory', 'Soldiers drove the insurgents out of the town on Wednesday, the army said.'),
    # people seized by an armed group are abducted; by the police, arrested
    ('Abduction/forced disappearance', 'Bandits seized 30 schoolchildren from their dormitory on Friday night.'),
    ('Peaceful protest', 'Thousands of people took to the streets of the capital on Friday to protest against the new tax.'),
    # demonstrators who turn violent riot; they are no mob
    ('Violent demonstration', 'Demonstrators attacked a police post and burned a car during a march against the mayor.'),
    # "explosives" is a charge's material, not many blasts at a front
    ('Remote explosive/landmine/IED', "A car packed with explosives blew up outside the governor's office, wounding six people."),
    # an arson attack that hurts no one destroys property
    ('Looting/property destruction', 'Militants carried out an arson attack on a garment factory overnight, causing heavy damage.'),
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



def test_a_car_taken_is_no_hijacking():
    """ "took his car": a robbery beside the shooting, not the hijacking of a vehicle."""
    doc = Document(id="car", text="A man was shot dead on Friday night after two robbers took his car, police said.",
                   published=dt.date(2024, 5, 6))
    (result,) = Pipeline.default().pipe([doc])
    assert result.events and all(e.sub_event_type != "Abduction/forced disappearance" for e in result.events)


# More sentences of news, phrased as reports phrase them rather than as the lexicon names the
# classes ("took back", "set up camp", "reached a deal", "an explosives vest"), with ACLED's
# sub-event type of each. The set is scored as a whole (weighted F1, as sub-event type
# classification is reported): some still fail, and the floor keeps the figure from falling.
PHRASINGS = [
    ('Chemical weapon', 'Residents of the besieged enclave reported a strong smell of chlorine after helicopters dropped canisters on Tuesday night.'),
    ('Chemical weapon', 'The watchdog concluded that toxic gas had been used in the attack on the village, which killed 43 people.'),
    ('Chemical weapon', 'Rebels accused government forces of firing shells loaded with poison gas at their positions south of the city.'),
    ('Chemical weapon', 'Dozens of people were treated for breathing difficulties after a suspected gas attack on the town.'),
    ('Headquarters or base established', 'Jihadists have turned the abandoned school into their headquarters, villagers said.'),
    ('Headquarters or base established', 'The militia opened a new recruitment office and base in the market town last week.'),
    ('Headquarters or base established', 'Rebel fighters occupied the old army barracks and made it their command post.'),
    ('Government regains territory', 'Soldiers drove the insurgents out of the town on Wednesday and raised the national flag over the district office.'),
    ('Government regains territory', 'Ethiopian federal forces said they had taken back the town of Shewa Robit from the rebels.'),
    ('Government regains territory', 'Loyalist troops liberated three villages held by the militants for two years, the defence ministry said.'),
    ('Government regains territory', 'The army reclaimed the strategic hilltop after militants fled overnight.'),
    ('Non-state actor overtakes territory', 'Jihadist fighters have taken over the town of Boni after the army pulled out.'),
    ('Non-state actor overtakes territory', 'The rebels said they now control the airport and the main road into the city.'),
    ('Non-state actor overtakes territory', 'Gunmen loyal to the separatists stormed and occupied the regional government building.'),
    ('Non-state actor overtakes territory', 'The insurgents seized control of the district centre after a two-day battle with security forces.'),
    ('Excessive force against protesters', 'Soldiers fired into a crowd of demonstrators in the capital, killing at least seven, a rights group said.'),
    ('Excessive force against protesters', 'A protester died after being shot in the head by police during a rally against the election result.'),
    ('Excessive force against protesters', 'Security forces beat peaceful marchers with batons and fired live rounds, wounding 30 people.'),
    ('Excessive force against protesters', 'Police killed two students who were demonstrating against fee increases outside the university.'),
    ('Agreement', 'Leaders of the two clans agreed on Sunday to end hostilities and return stolen cattle.'),
    ('Agreement', 'The warring parties reached a deal to open humanitarian corridors in the besieged city.'),
    ('Agreement', 'Government negotiators and the rebel movement signed a peace accord in Juba on Monday.'),
    ('Agreement', 'The militia agreed to hand over its weapons under a deal brokered by the United Nations.'),
    ('Peaceful protest', 'Hundreds of farmers rallied outside the governor\'s office on Tuesday demanding compensation for their land.'),
    ('Peaceful protest', 'Supporters of the opposition leader held a peaceful march through the city centre.'),
    ('Protest with intervention', 'Police detained at least 40 people at an unauthorised rally in the capital on Sunday.'),
    ('Protest with intervention', 'Riot police used water cannon to break up a demonstration by opposition supporters.'),
    ('Violent demonstration', 'Rioters smashed shop windows and set cars alight after the verdict was announced.'),
    ('Violent demonstration', 'Demonstrators hurled petrol bombs at police during clashes in the city centre.'),
    ('Mob violence', 'An angry crowd beat a suspected thief to death in the market on Friday.'),
    ('Mob violence', 'Residents set upon two men accused of witchcraft and burned them alive.'),
    ('Armed clash', 'Fighting broke out between the army and rebels near the border town, leaving dozens dead.'),
    ('Armed clash', 'Two rival armed groups exchanged fire for several hours in the district on Monday.'),
    ('Attack', 'Gunmen opened fire on worshippers at a mosque, killing nine people.'),
    ('Attack', 'Militants stormed a village and hacked 14 residents to death overnight.'),
    ('Abduction/forced disappearance', 'Bandits seized 30 schoolchildren from their dormitory in a night raid.'),
    ('Abduction/forced disappearance', 'Security agents took the journalist from his home and his whereabouts remain unknown.'),
    ('Sexual violence', 'Fighters sexually assaulted women fleeing the town, aid workers said.'),
    ('Shelling/artillery/missile attack', 'Artillery shells hit a residential area of the city, killing three civilians.'),
    ('Shelling/artillery/missile attack', 'A missile struck an apartment block in the city overnight, killing 12 people.'),
    ('Air/drone strike', 'Fighter jets bombed a rebel training camp in the north of the country.'),
    ('Air/drone strike', 'An unmanned aerial vehicle hit a car carrying militant commanders near the border.'),
    ('Suicide bomb', 'A woman detonated an explosives vest in a crowded market, killing 20 people.'),
    ('Remote explosive/landmine/IED', 'An improvised explosive device went off beside a police convoy, wounding four officers.'),
    ('Grenade', 'Attackers threw a hand grenade at a bus station, injuring 11 people.'),
    ('Arrests', 'Security forces detained a senior opposition figure at his home on Tuesday.'),
    ('Looting/property destruction', 'Armed men ransacked and looted the health centre in the village.'),
    ('Disrupted weapons use', 'Bomb disposal experts defused an explosive device found near the stadium.'),
    ('Disrupted weapons use', 'Soldiers intercepted a truck loaded with rockets and ammunition at a checkpoint.'),
    ('Change to group/activity', 'The rebel group announced that it was suspending its armed struggle.'),
    ('Non-violent transfer of territory', 'Rebel forces withdrew from the town, leaving it to government troops without a fight.'),
    ('Other', 'The government declared a state of emergency in three provinces.'),
    ('Chemical weapon', 'Medics said at least 18 people choked to death after bombs releasing a yellowish gas fell on the neighbourhood.'),
    ('Chemical weapon', 'Inspectors found that sarin was used in the strike on the rebel-held town in April.'),
    ('Chemical weapon', 'The opposition said regime aircraft had dropped chlorine bombs on the village of Kafr Zita.'),
    ('Headquarters or base established', 'The armed group has set up camp in the forest reserve and is collecting taxes from farmers.'),
    ('Headquarters or base established', 'Insurgents established a new stronghold in the mountains east of the provincial capital.'),
    ('Headquarters or base established', 'The militants turned a hospital into a military base, residents told the agency.'),
    ('Government regains territory', 'Government forces pushed the rebels out of the town after heavy fighting on Saturday.'),
    ('Government regains territory', 'The military took back control of the border post from the insurgents, the army spokesman said.'),
    ('Government regains territory', 'Troops have cleared the militants from the last villages they held in the valley.'),
    ('Government regains territory', 'Army units recovered the town of Kidal, which rebels had held since 2012.'),
    ('Non-state actor overtakes territory', 'Rebels took over the mining town after soldiers fled, residents said.'),
    ('Non-state actor overtakes territory', 'The militants occupied several villages along the main road, displacing thousands.'),
    ('Non-state actor overtakes territory', 'Fighters of the armed group captured the military post after a short battle.'),
    ('Non-state actor overtakes territory', 'The rebel coalition said it had taken the town of Kamituga without a fight.'),
    ('Excessive force against protesters', 'Police shot and killed a teenage boy during protests over the price of bread.'),
    ('Excessive force against protesters', 'Security forces used live ammunition against demonstrators, killing four and wounding dozens.'),
    ('Excessive force against protesters', 'Soldiers killed three people when they fired on a crowd protesting against the curfew.'),
    ('Agreement', 'The government and the armed movement agreed to a ceasefire starting at midnight.'),
    ('Agreement', 'Community leaders and militia commanders signed a pact to stop the revenge killings.'),
    ('Agreement', 'The two sides struck a deal to exchange the bodies of fighters killed in the clashes.'),
    ('Agreement', 'Rival factions reached an agreement on sharing control of the port, mediators said.'),
    ('Peaceful protest', 'Nurses marched to the health ministry on Wednesday to demand better pay.'),
    ('Protest with intervention', 'Police dispersed a crowd of traders who were protesting against new taxes.'),
    ('Protest with intervention', 'Officers broke up a sit-in by students and arrested 12 of them.'),
    ('Violent demonstration', 'Protesters torched tyres and pelted police with rocks in the eastern suburb.'),
    ('Violent demonstration', 'Youths rampaged through the town centre, looting shops and burning vehicles, during a protest.'),
    ('Mob violence', 'A crowd lynched a man suspected of kidnapping a child in the village.'),
    ('Mob violence', 'Villagers beat two suspected cattle rustlers to death on Sunday.'),
    ('Armed clash', 'Troops and militants fought a gun battle that lasted several hours near the town.'),
    ('Attack', 'Unknown assailants shot dead a local councillor as he left a mosque.'),
    ('Abduction/forced disappearance', 'Gunmen snatched an aid worker from his car on the road to the camp.'),
    ('Abduction/forced disappearance', 'Armed men took away 12 villagers during a raid and are holding them for ransom.'),
    ('Sexual violence', 'Several girls were raped by members of the militia during the raid, a local official said.'),
    ('Shelling/artillery/missile attack', 'Mortar rounds landed near a school, wounding three children.'),
    ('Air/drone strike', 'Airstrikes hit a convoy of pickups carrying fighters on the desert highway.'),
    ('Air/drone strike', 'An armed drone targeted a vehicle near the town, killing two men.'),
    ('Suicide bomb', 'A bomber wearing a suicide vest blew himself up outside the police academy.'),
    ('Remote explosive/landmine/IED', 'A bomb planted on the roadside exploded as an army truck passed.'),
    ('Grenade', 'A grenade thrown into a police post wounded two officers.'),
    ('Arrests', 'Police detained 23 people suspected of links to the banned group.'),
    ('Looting/property destruction', 'Gunmen burned dozens of homes in the village after residents fled.'),
    ('Disrupted weapons use', 'Soldiers discovered and destroyed a bomb-making workshop in the forest.'),
    ('Change to group/activity', 'Hundreds of fighters from the armed group surrendered to the army and handed in their weapons.'),
    ('Non-violent transfer of territory', 'The peacekeepers handed over the base to the national army on Friday.'),
]
PHRASINGS_F1_FLOOR = 0.84  # 0.863 now (0.662 before the phrasal rules were written)


# A further set written before the rules for PHRASINGS and kept out of their writing: 0.844
# before them, 0.868 after; two later rules (protesters who riot, "explosives" as a material)
# were found on it.
LATER_PHRASINGS = [
    ('Chemical weapon', 'Witnesses said a chlorine-filled barrel bomb hit a residential building, leaving families gasping for air.'),
    ('Chemical weapon', 'The rebels were accused of firing mortar shells containing mustard gas at army positions.'),
    ('Headquarters or base established', 'The armed group has established a base in the abandoned police station on the edge of the town.'),
    ('Headquarters or base established', 'Militants set up a camp near the border crossing, from where they launch raids into the district.'),
    ('Government regains territory', 'The army announced it had regained full control of the city after days of fighting with separatists.'),
    ('Government regains territory', 'Government troops have retaken two towns from rebels in the north-east of the country.'),
    ('Government regains territory', 'Security forces took back the village from the militants on Saturday after a four-hour gun battle.'),
    ('Non-state actor overtakes territory', 'The jihadists overran an army base in the region, seizing weapons and vehicles.'),
    ('Non-state actor overtakes territory', 'Rebel fighters took control of the regional capital on Sunday, a spokesman for the group said.'),
    ('Non-state actor overtakes territory', 'The militia seized the airport after the soldiers guarding it withdrew.'),
    ('Excessive force against protesters', 'Police fired live bullets at demonstrators protesting against the coup, killing three, medics said.'),
    ('Excessive force against protesters', 'Two protesters were shot dead by soldiers during a demonstration in the northern city.'),
    ('Excessive force against protesters', 'Security forces opened fire on a crowd of protesters, wounding at least 20 people.'),
    ('Agreement', 'The government and the armed group signed a ceasefire deal on Tuesday after months of talks.'),
    ('Agreement', 'Both sides agreed to a prisoner exchange brokered by the Red Cross.'),
    ('Agreement', 'The rival clans signed a peace agreement in the presence of the regional governor.'),
    ('Peaceful protest', 'Hundreds of women gathered in front of the parliament building to demand justice for victims of violence.'),
    ('Peaceful protest', 'Workers at the textile factory went on strike over unpaid wages.'),
    ('Protest with intervention', 'Police fired rubber bullets to disperse protesters who had blocked the main highway.'),
    ('Protest with intervention', 'Dozens of demonstrators were arrested as police broke up a rally against the president.'),
    ('Violent demonstration', 'Protesters set fire to a police station and attacked government offices in the town.'),
    ('Violent demonstration', 'Demonstrators clashed with police, throwing stones and burning tyres.'),
    ('Mob violence', 'A mob attacked a man suspected of theft and beat him to death in the market.'),
    ('Mob violence', 'Angry residents torched the house of a man accused of killing a child.'),
    ('Armed clash', 'Heavy fighting between government forces and rebels killed dozens on both sides.'),
    ('Armed clash', 'Militants attacked an army checkpoint, sparking a gun battle in which four soldiers died.'),
    ('Attack', 'Gunmen killed five farmers working in their fields on Tuesday.'),
    ('Attack', 'Assailants stabbed a journalist to death outside his home.'),
    ('Abduction/forced disappearance', 'Unknown gunmen kidnapped a local businessman and demanded a ransom.'),
    ('Abduction/forced disappearance', 'An activist has been missing since he was taken by men in plain clothes on Monday.'),
    ('Sexual violence', 'A girl was gang-raped by soldiers at a checkpoint, her family said.'),
    ('Shelling/artillery/missile attack', 'Rockets fired by militants landed in a residential area, wounding five.'),
    ('Air/drone strike', 'Air strikes by the coalition killed 12 civilians in a village on Monday.'),
    ('Suicide bomb', 'A suicide car bomb exploded at the gates of the military base, killing eight soldiers.'),
    ('Remote explosive/landmine/IED', 'A motorcycle rigged with explosives blew up near a busy market, killing four.'),
    ('Grenade', 'Suspected rebels lobbed a grenade at a police patrol, injuring three officers.'),
    ('Arrests', 'Police arrested 40 opposition supporters ahead of a planned rally.'),
    ('Looting/property destruction', 'Fighters looted shops and burned houses as they withdrew from the town.'),
    ('Disrupted weapons use', 'Police found and defused a bomb hidden under a car near the court.'),
    ('Change to group/activity', 'A faction of the armed group announced that it had split from its leadership.'),
    ('Non-violent transfer of territory', 'The rebels withdrew from the city under the terms of the agreement, handing it over to the army.'),
]
LATER_PHRASINGS_F1_FLOOR = 0.90  # 0.925 now


# A third set, written after the rules above, whose misses led to the rules of RULE_CASES below.
THIRD_PHRASINGS = [
    ('Chemical weapon', 'Medical workers in the besieged enclave said more than 30 people, many of them children, were treated for breathing difficulties after helicopters dropped canisters that released a yellowish gas.'),
    ('Chemical weapon', 'The opposition said government aircraft had used toxic gas on a rebel-held village in Idlib province on Tuesday, killing four people.'),
    ('Chemical weapon', 'Inspectors are investigating reports that mustard agent was used in shelling of the northern town last week.'),
    ('Headquarters or base established', 'Residents said hundreds of fighters arrived in the village on Friday and turned the local school into their headquarters.'),
    ('Headquarters or base established', 'Boko Haram insurgents have set up camps on islands in Lake Chad, from which they launch raids, a military source said.'),
    ('Headquarters or base established', 'The militia opened a new recruitment office and base in the market town, according to local elders.'),
    ('Government regains territory', 'Afghan commandos pushed the Taliban out of the district centre on Wednesday after two days of fighting, the defence ministry said.'),
    ('Government regains territory', 'The Syrian army and its allies took back several villages in the southern countryside of Aleppo from rebel factions, state media reported.'),
    ('Government regains territory', 'Nigerian troops have liberated the town of Damasak from Boko Haram, a military spokesman said on Monday.'),
    ('Non-state actor overtakes territory', 'Al-Shabaab fighters took over the town of Leego on Sunday hours after African Union troops pulled out, residents said.'),
    ('Non-state actor overtakes territory', 'Islamic State militants have seized control of large parts of the city of Ramadi, raising their black flags over government buildings.'),
    ('Non-state actor overtakes territory', 'Jihadists overran an army post near the border with Niger and now hold the surrounding villages, local sources said.'),
    ('Excessive force against protesters', 'Witnesses said soldiers opened fire with live rounds as thousands of demonstrators marched towards the presidential palace, killing at least seven.'),
    ('Excessive force against protesters', 'A 17-year-old student was shot dead by police during a protest over fuel prices in the northern city, his family said.'),
    ('Excessive force against protesters', 'Riot police beat peaceful marchers with batons and fired on the crowd, leaving dozens wounded, according to a rights group.'),
    ('Agreement', 'Leaders of the two clans signed a reconciliation accord on Thursday, agreeing to end a land dispute that has claimed dozens of lives.'),
    ('Agreement', 'The armed group and government negotiators reached a deal in Nairobi to exchange prisoners and open humanitarian corridors.'),
    ('Agreement', 'After mediation by the elders, the two communities agreed to a ceasefire and the return of stolen cattle.'),
    ('Peaceful protest', "Hundreds of women gathered outside the governor's office on Wednesday to demand the release of their abducted daughters."),
    ('Peaceful protest', 'Farmers blocked a highway with their tractors for several hours in protest at new taxes, before dispersing peacefully.'),
    ('Peaceful protest', 'Opposition supporters held a rally in the capital on Sunday calling for the resignation of the prime minister.'),
    ('Protest with intervention', 'Police used water cannon and tear gas against several thousand people who tried to march on parliament.'),
    ('Protest with intervention', 'Security forces detained around 50 protesters in the city centre as they chanted slogans against the military government.'),
    ('Violent demonstration', 'Rioters looted shops and set cars ablaze in the city centre after the announcement of the election results.'),
    ('Violent demonstration', 'Students protesting the killing of a classmate pelted police with stones and burned a government vehicle.'),
    ('Mob violence', 'A crowd of residents beat two suspected thieves to death and set their bodies on fire, police said.'),
    ('Mob violence', 'Youths armed with sticks and machetes attacked Muslim traders in the market, injuring several, after rumours of a kidnapping.'),
    ('Armed clash', 'Fighting broke out between the army and fighters of the Arakan Army in Paletwa township, with casualties on both sides.'),
    ('Armed clash', 'Two rival armed groups exchanged fire for hours near the oil field, leaving at least nine fighters dead.'),
    ('Attack', 'Unidentified gunmen on motorbikes opened fire on worshippers leaving a mosque, killing six people.'),
    ('Attack', 'Armed men stormed the village at dawn, killing 14 residents and burning homes, survivors said.'),
    ('Abduction/forced disappearance', 'Gunmen seized 17 aid workers travelling in a convoy in the northeast, officials said, and their whereabouts remain unknown.'),
    ('Abduction/forced disappearance', 'Bandits abducted more than 80 students from a boarding school in the early hours of Friday.'),
    ('Sexual violence', 'At least 20 women were sexually assaulted by armed men during an attack on the displacement camp, the UN said.'),
    ('Shelling/artillery/missile attack', 'Mortar rounds fired by insurgents struck a crowded market, killing three and wounding 11.'),
    ('Shelling/artillery/missile attack', 'Government artillery pounded rebel positions on the outskirts of the city throughout the night.'),
    ('Air/drone strike', 'An air raid by Saudi-led coalition jets hit a wedding party in Hajjah, killing more than 20 people.'),
    ('Air/drone strike', 'A US drone fired missiles at a vehicle carrying suspected militants, killing all four on board.'),
    ('Suicide bomb', 'A bomber wearing an explosive vest detonated himself among mourners at a funeral, killing 18.'),
    ('Remote explosive/landmine/IED', 'An improvised explosive device planted on the roadside exploded as a police convoy passed, wounding five officers.'),
    ('Grenade', 'Attackers threw a hand grenade into the crowd at a political rally, injuring 12 people.'),
    ('Arrests', 'Security forces detained a senior opposition leader at his home in the early hours of Saturday, his party said.'),
    ('Looting/property destruction', 'Armed men ransacked the health centre and made off with medical supplies, staff said.'),
    ('Disrupted weapons use', 'Bomb disposal experts defused an explosive device found near the entrance of the church.'),
    ('Change to group/activity', 'The rebel group announced it would lay down its arms and enter the political process.'),
    ('Non-violent transfer of territory', 'Government troops handed control of the town to the rebels without a fight as part of a local deal.'),
    ('Other', 'Unknown men set up an illegal checkpoint on the highway and demanded money from drivers.'),
    ('Chemical weapon', 'A monitoring group said at least 11 people suffocated after a chlorine-filled barrel bomb hit a residential building in the town late on Sunday.'),
    ('Chemical weapon', 'Rescue workers said they found victims with foam at the mouth and constricted pupils, signs of exposure to a nerve agent, after the strike.'),
    ('Chemical weapon', 'Kurdish officials accused the militants of firing shells loaded with toxic chemicals at their positions near the front line.'),
    ('Headquarters or base established', 'Witnesses said the insurgents had moved into an abandoned police station and were using it as a base for operations in the area.'),
    ('Headquarters or base established', 'The armed group has established a permanent presence in the forest reserve, building a camp with dozens of huts, local officials said.'),
    ('Headquarters or base established', 'Fighters loyal to the commander set up a command centre in a hotel on the edge of the city, according to residents.'),
    ('Government regains territory', 'Ethiopian federal forces recaptured the town of Shewa Robit from rebel fighters on Saturday, the government communication service said.'),
    ('Government regains territory', 'The military announced that its troops had cleared militants from three villages in the district and restored government control.'),
    ('Government regains territory', 'Soldiers backed by air power wrested back control of the strategic hilltop from the insurgents after heavy fighting.'),
    ('Non-state actor overtakes territory', 'Rebels of the M23 movement captured the mining town of Rubaya after soldiers fled, a local administrator said on Thursday.'),
    ('Non-state actor overtakes territory', 'Militants loyal to the Islamic State took over several villages in the province overnight and hoisted their flag over the market.'),
    ('Non-state actor overtakes territory', 'Gunmen from the armed group seized the district police headquarters and now control the main road, residents said.'),
    ('Excessive force against protesters', 'At least three people were killed when security forces fired on protesters who had gathered outside the electoral commission on Monday.'),
    ('Excessive force against protesters', 'A rights group said police used live ammunition against students protesting exam fees, killing one and wounding four.'),
    ('Excessive force against protesters', 'Soldiers shot dead a young man taking part in a demonstration against the junta in the southern town, his relatives said.'),
    ('Agreement', 'The government and the armed movement signed a peace agreement on Tuesday in the capital, committing both sides to disarmament talks.'),
    ('Agreement', 'Community leaders from both sides agreed to a truce after a week of deadly clashes over water points, the district commissioner said.'),
    ('Agreement', 'The two factions concluded a prisoner exchange on Friday, with each releasing 40 detainees under the supervision of the Red Cross.'),
    ('Peaceful protest', 'Hundreds of nurses took to the streets of the capital on Tuesday demanding better pay and working conditions.'),
    ('Peaceful protest', 'Relatives of missing soldiers staged a demonstration in front of the defence ministry, holding photographs of their loved ones.'),
    ('Peaceful protest', 'Shopkeepers in the old city closed their shutters and marched to the municipal office to protest against a new tax.'),
    ('Protest with intervention', 'Riot police used batons and tear gas to break up a protest by opposition supporters in the city centre on Saturday.'),
    ('Protest with intervention', 'Police arrested more than 30 people as they tried to hold a vigil in the main square, organisers said.'),
    ('Violent demonstration', 'Protesters angered by power cuts set fire to an electricity company office and hurled rocks at police on Wednesday.'),
    ('Violent demonstration', 'Demonstrators smashed windows of government buildings and clashed with security forces in the capital after the vote.'),
    ('Mob violence', 'A mob stormed a police station and dragged out a suspect accused of blasphemy before beating him to death.'),
    ('Mob violence', 'Villagers attacked a group of herders with clubs and machetes, killing two and wounding several others, police said.'),
    ('Armed clash', 'Government troops and militants fought for several hours in the hills north of the town, leaving at least 12 combatants dead.'),
    ('Armed clash', 'Al-Shabaab fighters attacked a military base in the region, sparking a gunfight with soldiers that lasted into the night.'),
    ('Attack', 'Gunmen burst into a church during Sunday mass and opened fire on the congregation, killing 22 worshippers.'),
    ('Attack', 'A local councillor was shot dead by unknown assailants on motorcycles as he left his home on Tuesday morning.'),
    ('Abduction/forced disappearance', 'Armed men kidnapped a Catholic priest and two seminarians from the parish on Saturday night, the diocese said.'),
    ('Abduction/forced disappearance', 'A journalist critical of the government has not been seen since security agents took him from his office last week, his family said.'),
    ('Sexual violence', 'Several women and girls were raped by fighters who entered the village, according to a local health worker.'),
    ('Shelling/artillery/missile attack', 'Rockets fired from rebel-held areas struck a neighbourhood of the city, killing two children, state media said.'),
    ('Shelling/artillery/missile attack', 'Heavy artillery fire hit the outskirts of the town overnight, damaging several homes, residents said.'),
    ('Air/drone strike', 'Military jets bombed a market in the rebel-held village on Monday, killing at least 30 people, witnesses said.'),
    ('Air/drone strike', 'A drone attack on a vehicle killed a senior commander of the group and his driver, security sources said.'),
    ('Suicide bomb', 'A suicide attacker rammed an explosives-laden car into the gate of the army camp, killing seven soldiers.'),
    ('Remote explosive/landmine/IED', 'A bomb hidden in a parked motorcycle exploded near a bus station, wounding 14 people, police said.'),
    ('Remote explosive/landmine/IED', 'Two children were killed when they stepped on a landmine while herding goats near the border.'),
    ('Grenade', 'An assailant threw a grenade at a police post in the market, wounding two officers and a passer-by.'),
    ('Arrests', 'Police detained 12 members of the opposition party in dawn raids on their homes, their lawyers said.'),
    ('Looting/property destruction', 'Militants set fire to dozens of homes and a health clinic in the village before fleeing, residents said.'),
    ('Disrupted weapons use', 'Soldiers discovered and destroyed a cache of explosives and detonators in a hideout in the forest.'),
    ('Disrupted weapons use', 'A bomb squad safely detonated an explosive device that had been planted under a bridge, police said.'),
    ('Change to group/activity', 'More than 200 fighters of the armed group surrendered to the army with their weapons, a military spokesman said.'),
    ('Non-violent transfer of territory', 'Government forces withdrew from the town on Tuesday and rebel fighters moved in without resistance, residents said.'),
    ('Other', 'Authorities imposed a curfew in the city after days of tension between the two communities.'),
]
THIRD_PHRASINGS_F1_FLOOR = 0.88  # 0.914 now


# A fourth set, written before the rules of RULE_CASES were tried on it and not used to make them:
# its F1 went 0.870 -> 0.893 with them.
UNSEEN_PHRASINGS = [
    ('Chemical weapon', 'Doctors at a field hospital said they treated 25 patients for choking and burning eyes after government helicopters dropped chlorine on the neighbourhood.'),
    ('Chemical weapon', 'The watchdog concluded that sarin was used in the attack on the village, which killed dozens of civilians as they slept.'),
    ('Headquarters or base established', 'Jihadist fighters have set up a base in the abandoned mine and are using it to store weapons, security officials said.'),
    ('Headquarters or base established', 'The rebel movement has opened an office in the captured town and appointed its own administrator, residents said.'),
    ('Government regains territory', 'The army said on Sunday that it had retaken the border town of Kurmuk from the rebels after a three-day offensive.'),
    ('Government regains territory', 'Security forces regained control of the prison after militants briefly held it overnight, the interior ministry said.'),
    ('Non-state actor overtakes territory', 'Fighters of the armed coalition captured the regional capital on Friday after government troops abandoned their positions.'),
    ('Non-state actor overtakes territory', 'Tribal militiamen seized an oil field in the desert and halted production, a company official said.'),
    ('Excessive force against protesters', 'Security forces killed at least four people when they opened fire on a crowd protesting the arrest of a religious leader, witnesses said.'),
    ('Excessive force against protesters', 'Police fired live bullets at demonstrators in the port city on Friday, wounding at least 15, a hospital official said.'),
    ('Agreement', 'The warring parties signed a deal on Wednesday under which the rebels will withdraw from the port and the government will release detainees.'),
    ('Agreement', 'Elders from the two villages brokered a peace accord that ended months of reprisal killings, local officials said.'),
    ('Peaceful protest', 'Thousands of teachers marched to parliament on Thursday to demand the payment of salary arrears, chanting and waving placards.'),
    ('Peaceful protest', 'Residents staged a sit-in on the main road to protest against frequent water shortages in the district.'),
    ('Protest with intervention', 'Police fired tear gas and rubber bullets to disperse hundreds of opposition supporters who gathered in defiance of a ban.'),
    ('Protest with intervention', 'Security forces broke up a demonstration by unemployed graduates outside the governorate and detained several of them.'),
    ('Violent demonstration', 'Angry youths burned tyres, blocked roads and stoned passing vehicles after a man died in police custody.'),
    ('Violent demonstration', 'Rioters torched a police post and looted shops during protests over rising bread prices, officials said.'),
    ('Mob violence', 'A crowd lynched a man suspected of witchcraft in the village on Saturday, police said.'),
    ('Mob violence', 'Cattle herders and farmers attacked each other with machetes and sticks in a dispute over land, leaving three dead.'),
    ('Armed clash', 'Soldiers and rebels fought a gun battle near the frontier town for most of the day, the army said, without giving casualty figures.'),
    ('Armed clash', 'Two factions of the rebel movement clashed in the northern district, killing at least 11 fighters, local sources said.'),
    ('Attack', 'Gunmen shot dead a tribal elder and his two sons in their home late on Wednesday, police said.'),
    ('Attack', 'Militants attacked a displacement camp overnight, killing 19 civilians, most of them women and children.'),
    ('Abduction/forced disappearance', 'Kidnappers seized a bus carrying 30 passengers on the highway and took them into the forest, police said.'),
    ('Abduction/forced disappearance', 'Masked gunmen abducted a local radio journalist outside his home on Monday evening, his colleagues said.'),
    ('Sexual violence', 'Soldiers raped at least a dozen women during a search operation in the village, a human rights group said.'),
    ('Shelling/artillery/missile attack', 'Rebel mortar fire hit a school in the government-held town on Tuesday, wounding six pupils.'),
    ('Shelling/artillery/missile attack', 'A ballistic missile struck an apartment block in the city overnight, killing nine residents, officials said.'),
    ('Air/drone strike', 'Fighter jets carried out air strikes on rebel positions in the mountains on Sunday, the air force said.'),
    ('Air/drone strike', 'A drone struck a car on the outskirts of the town, killing two men believed to be militants, officials said.'),
    ('Suicide bomb', 'A suicide bomber struck a crowded mosque during Friday prayers, killing at least 40 worshippers, police said.'),
    ('Suicide bomb', 'A woman wearing a suicide vest blew herself up at a checkpoint outside the city, killing two soldiers.'),
    ('Remote explosive/landmine/IED', 'A roadside bomb hit an army convoy in the province on Thursday, killing four soldiers, the military said.'),
    ('Remote explosive/landmine/IED', 'A magnetic bomb attached to a car exploded in the capital, killing a government official, police said.'),
    ('Grenade', 'Unidentified men threw a grenade into a bar on Saturday night, injuring seven customers, police said.'),
    ('Arrests', 'Police arrested a prominent opposition politician at his home on charges of inciting violence, his lawyer said.'),
    ('Arrests', 'Security forces detained 25 suspected members of the militant group in raids across the province, a spokesman said.'),
    ('Looting/property destruction', 'Fighters looted livestock and burned granaries in several villages, leaving families without food, residents said.'),
    ('Looting/property destruction', 'Unknown attackers set fire to a polling station overnight, destroying ballot boxes and election materials.'),
    ('Disrupted weapons use', 'Police defused a car bomb parked outside a government building in the city centre, officials said.'),
    ('Disrupted weapons use', 'Troops seized rocket launchers, rifles and ammunition during a search of a militant hideout, the army said.'),
    ('Change to group/activity', 'Hundreds of militants laid down their arms and surrendered to the authorities under an amnesty programme.'),
    ('Non-violent transfer of territory', 'United Nations peacekeepers handed over their base in the town to the national army as part of their withdrawal.'),
    ('Other', 'The authorities imposed a state of emergency in the region after a week of unrest.'),
]
UNSEEN_PHRASINGS_F1_FLOOR = 0.86  # 0.893 now

# A fifth set, two news sentences per ACLED sub-event type, written and committed before
# eventwire was run on it.
FIFTH_PHRASINGS = [
    ('Armed clash', 'KADUNA, Nigeria - Troops and bandits exchanged fire for several hours near a forest in Kajuru district on Tuesday, leaving three soldiers and at least ten bandits dead, a military source said.'),
    ('Armed clash', 'Fighting broke out overnight between two rival militias in the southern suburbs of the capital, with residents reporting heavy machine-gun fire until dawn.'),
    ('Government regains territory', 'The army said on Sunday its troops had driven insurgents out of the town of Mueda after two days of fighting and raised the national flag over the district office.'),
    ('Government regains territory', 'Government forces retook control of a strategic hilltop village that rebels had held since March, the defence ministry announced.'),
    ('Non-state actor overtakes territory', 'Rebel fighters seized the border town of Kiwanja on Thursday after the army withdrew, residents and a UN source said.'),
    ('Non-state actor overtakes territory', 'Jihadists took over the rural commune and hoisted their black flag above the town hall, local officials told AFP.'),
    ('Chemical weapon', 'Medics said dozens of people were treated for breathing difficulties and burning eyes after shells releasing a yellow gas landed in the rebel-held district.'),
    ('Chemical weapon', 'Ukraine accused Russian troops of dropping grenades filled with tear gas on its trenches near the front line, which is banned under the chemical weapons convention.'),
    ('Air/drone strike', 'A drone strike hit a car travelling on a desert road in Marib province on Monday, killing the three men inside, tribal sources said.'),
    ('Air/drone strike', 'Warplanes bombed a market in the rebel-held town, killing at least 18 civilians, according to a local monitoring group.'),
    ('Suicide bomb', 'A bomber detonated his explosive vest among worshippers leaving a mosque after evening prayers in the city, killing nine, police said.'),
    ('Suicide bomb', 'An attacker drove a car packed with explosives into the gate of an army base and blew it up, killing four soldiers.'),
    ('Shelling/artillery/missile attack', 'Artillery shells slammed into a residential block in the frontline city overnight, wounding six people, the regional governor said.'),
    ('Shelling/artillery/missile attack', 'Militants fired several mortar rounds at the airport, damaging a hangar but causing no casualties, officials said.'),
    ('Remote explosive/landmine/IED', 'A landmine exploded under a minibus carrying farmers on a rural road, killing five passengers, local authorities said.'),
    ('Remote explosive/landmine/IED', 'An improvised explosive device hidden in a parked motorcycle went off outside a police station, wounding two officers.'),
    ('Grenade', 'An unknown assailant lobbed a hand grenade into a crowded bus terminal on Friday evening, injuring 11 people, police said.'),
    ('Grenade', 'Two men on a motorbike hurled a grenade at the house of a local politician, damaging the gate, officials said.'),
    ('Sexual violence', 'Armed men raped at least a dozen women as they collected firewood outside a displacement camp, aid workers said.'),
    ('Sexual violence', 'Soldiers sexually assaulted two girls during a search operation in the village, a local rights group alleged.'),
    ('Attack', 'Gunmen stormed a farming village before dawn and shot dead 14 residents, most of them women and children, a local official said.'),
    ('Attack', 'A journalist was stabbed to death outside his home in the capital late on Wednesday by unidentified attackers, his newspaper said.'),
    ('Abduction/forced disappearance', 'Armed men seized 20 passengers from a bus on the highway and took them into the forest, police said on Sunday.'),
    ('Abduction/forced disappearance', 'A rights activist has not been seen since men in plain clothes bundled him into a car outside his office last week, his family said.'),
    ('Peaceful protest', 'Thousands of nurses marched through the capital on Tuesday to demand higher wages and better working conditions.'),
    ('Peaceful protest', 'Residents staged a sit-in outside the district office to protest against frequent power cuts.'),
    ('Protest with intervention', 'Police detained dozens of demonstrators who had gathered outside parliament to protest against a new media law.'),
    ('Protest with intervention', 'Security forces fired tear gas to disperse students marching towards the presidential palace, witnesses said.'),
    ('Excessive force against protesters', 'Soldiers opened fire on villagers protesting against a mining project, killing two of them, witnesses said.'),
    ('Excessive force against protesters', 'Police shot dead a teenager as they broke up a rally against fuel price rises in the port city.'),
    ('Violent demonstration', 'Angry youths torched a police station and blocked roads with burning tyres after a man died in custody.'),
    ('Violent demonstration', 'Protesters threw stones at riot police and set cars on fire in the city centre during a march against the election results.'),
    ('Mob violence', 'A mob beat to death a man accused of stealing a motorcycle in the market, police said.'),
    ('Mob violence', 'Villagers armed with sticks and machetes attacked two men they suspected of witchcraft, killing one of them.'),
    ('Agreement', 'The government and the rebel alliance signed a ceasefire agreement in the capital on Saturday after a week of talks.'),
    ('Agreement', 'The two warring clans agreed to a truce and an exchange of prisoners after mediation by elders.'),
    ('Arrests', 'Police arrested 14 people suspected of planning attacks on churches during raids in the north of the country.'),
    ('Arrests', 'Security forces detained a senior opposition leader at the airport as he returned from abroad, his party said.'),
    ('Change to group/activity', 'Two armed factions announced their merger into a single movement under a new name on Monday.'),
    ('Change to group/activity', 'About 300 fighters of the militia handed in their weapons and joined a government demobilisation programme.'),
    ('Disrupted weapons use', 'Bomb disposal experts defused an explosive device found under a bridge on the main highway, police said.'),
    ('Disrupted weapons use', 'Troops intercepted a truck carrying rocket-propelled grenades and ammunition at a checkpoint near the border.'),
    ('Headquarters or base established', 'Militants have set up a command post in a school in the village after the army pulled out, residents said.'),
    ('Headquarters or base established', 'The armed group established a new base on an island in the lake, from where it launches raids, local officials said.'),
    ('Looting/property destruction', 'Gunmen looted shops and set fire to dozens of houses in the village before fleeing, residents said.'),
    ('Looting/property destruction', 'Unidentified men vandalised and torched a mobile phone mast on the outskirts of the town overnight.'),
    ('Non-violent transfer of territory', 'The rebels handed over control of the town to a regional peacekeeping force without a fight on Wednesday.'),
    ('Non-violent transfer of territory', 'Government troops withdrew from the border crossing and rebel fighters moved in without resistance, officials said.'),
    ('Other', 'The military government declared a curfew across the capital from 9 p.m. to 6 a.m. after a week of unrest.'),
    ('Other', 'The authorities shut down the internet in the province ahead of planned demonstrations, a monitoring group said.'),
]
FIFTH_PHRASINGS_F1_FLOOR = 0.80  # 0.848 at its first measure, 0.856 now


def _weighted_f1(pairs) -> float:
    """Support-weighted F1 over the gold labels of (gold, predicted) pairs."""
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    for gold, got in pairs:
        if gold == got:
            tp[gold] += 1
        else:
            fn[gold] += 1
            fp[got] += 1
    support = collections.Counter(gold for gold, _ in pairs)

    def f1(label):
        found, wanted = tp[label] + fp[label], tp[label] + fn[label]
        p, r = (tp[label] / found if found else 0.0), (tp[label] / wanted if wanted else 0.0)
        return 2 * p * r / (p + r) if p + r else 0.0
    return sum(f1(label) * n for label, n in support.items()) / len(pairs)


def test_weighted_f1_helper():
    assert _weighted_f1([("a", "a"), ("b", "b")]) == 1.0
    assert _weighted_f1([("a", "b"), ("b", "a")]) == 0.0
    assert round(_weighted_f1([("a", "a"), ("a", None), ("b", "b")]), 3) == round(2 / 3 * 2 / 3 + 1 / 3, 3)  # a: P 1, R 1/2


@pytest.mark.parametrize("cases, floor", [(PHRASINGS, PHRASINGS_F1_FLOOR), (LATER_PHRASINGS, LATER_PHRASINGS_F1_FLOOR),
                                          (THIRD_PHRASINGS, THIRD_PHRASINGS_F1_FLOOR),
                                          (UNSEEN_PHRASINGS, UNSEEN_PHRASINGS_F1_FLOOR),
                                          (FIFTH_PHRASINGS, FIFTH_PHRASINGS_F1_FLOOR)],
                         ids=["phrasings", "later_phrasings", "third_phrasings", "unseen_phrasings", "fifth_phrasings"])
def test_sub_event_types_of_news_phrasings(cases, floor):
    docs = [Document(id=str(i), text=t, published=dt.date(2024, 5, 6)) for i, (_, t) in enumerate(cases)]
    found = {r.document.id: r.events for r in Pipeline.default().pipe(docs)}
    pairs = [(want, found[str(i)][0].sub_event_type if found[str(i)] else None)
             for i, (want, _) in enumerate(cases)]
    assert _weighted_f1(pairs) >= floor, [p for p in pairs if p[0] != p[1]]


def _sub_events(texts) -> list:
    docs = [Document(id=str(i), text=t, published=dt.date(2024, 5, 6)) for i, t in enumerate(texts)]
    return [[e.sub_event_type for e in r.events] for r in Pipeline.default().pipe(docs)]


# One report per rule of news language, each with the sub-event type it must give first.
RULE_CASES = [
    # an attack at a funeral is news, not the funeral of a past incident
    ("Suicide bomb", "A bomber in an explosives vest blew himself up among mourners at a burial in the village, killing 12."),
    # a crowd that breaks up of itself met no intervention
    ("Peaceful protest", "Hundreds of pensioners rallied outside the finance ministry for two hours before dispersing peacefully."),
    # troops firing as marchers advance, a killing told with no killer when police fired on protesters
    ("Excessive force against protesters", "Troops opened fire as crowds of demonstrators marched towards the governor's office, killing four."),
    ("Excessive force against protesters", "Two people died when riot police fired on protesters outside the stadium on Friday."),
    ("Excessive force against protesters", "Police used live rounds against workers protesting unpaid wages, killing one of them."),
    ("Excessive force against protesters", "Police beat marchers with batons and fired on the crowd in the main square, wounding 30."),
    # a deal to swap prisoners, a handover of a town, laying down arms
    ("Agreement", "Negotiators for the rebels and the government reached a deal on Friday to free all detainees."),
    ("Agreement", "The militia and the army exchanged prisoners at a bridge outside the town on Tuesday."),
    ("Non-violent transfer of territory", "The militia handed control of the airport to the army on Monday, officials said."),
    ("Change to group/activity", "About 150 fighters of the armed group laid down their weapons at a ceremony in the provincial capital."),
    # a bomb squad that sets off a bomb has made it safe
    ("Disrupted weapons use", "A bomb squad blew up a device left outside the bank after clearing the street."),
    ("Disrupted weapons use", "Army bomb disposal experts safely detonated a mortar round found in a field."),
    # arrests at a vigil, a base named as such, a nerve or blister agent
    ("Protest with intervention", "Police detained 14 people as they gathered for a candlelight vigil outside the embassy."),
    ("Headquarters or base established", "The militants have turned the village clinic into a command centre, residents said."),
    ("Headquarters or base established", "The gunmen occupied a disused factory and have used it as a base for raids on the road."),
    ("Chemical weapon", "Investigators found traces of mustard agent in soil samples taken where the shells landed."),
    # arrests told with the protest they broke up: its time, or what the arrested were doing
    ("Protest with intervention", "More than 40 farmers were detained when they tried to block the highway near the capital."),
    ("Protest with intervention", "Hundreds of teachers who attempted to march on the ministry were arrested on Monday."),
    # a death in or after an exchange of fire with police is a clash, not an attack
    ("Armed clash", "A suspected robber was shot dead after exchanging fire with officers in the northern suburb."),
    # police action told in the next sentence: the protest met an intervention
    ("Protest with intervention", "Some 300 farmers protested outside the district office on Monday over land seizures. Police intervened and dispersed them."),
    ("Protest with intervention", "Shop owners marched through the old town on Tuesday against new taxes. The police arrested 12 of them."),
    ("Peaceful protest", "Nurses marched to the health ministry on Monday to demand better pay. Police said the march passed off peacefully."),
    # an abduction in which people were killed is an attack; one with no further violence stays
    ("Attack", "Gunmen raided the hamlet overnight, killing seven farmers and abducting 20 others."),
    ("Abduction/forced disappearance", "Gunmen raided the hamlet overnight and abducted 20 farmers."),
    # the weapon of another act told in the same sentence on another day leaves this one's class
    ("Remote explosive/landmine/IED", "A landmine killed two herders near the border post on Friday, and rebels fired mortars at the garrison on Saturday."),
    # a headline's bare person noun before a harm verb with no object is the victim
    ("Attack", "Man shot and killed outside nightclub; police search for gunman"),
]


@pytest.mark.parametrize("want, text", RULE_CASES, ids=[f"{i}-{w}" for i, (w, _) in enumerate(RULE_CASES)])
def test_sub_event_rules_of_news_language(want, text):
    (found,) = _sub_events([text])
    assert found and found[0] == want, found


def test_police_action_beside_no_protest_makes_no_protest():
    (found,) = _sub_events(["Gunmen shot dead a shopkeeper in the market on Monday. Police intervened and arrested two suspects."])
    assert "Protest with intervention" not in found and "Peaceful protest" not in found, found
