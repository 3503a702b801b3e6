"""Answer shapes and contradicting qualifiers, from the words alone."""
from __future__ import annotations

import pytest

from bot.core import shapes
from bot.core.factbase import FactBase
from bot.core.questions import analyze


@pytest.mark.parametrize(("question", "answer", "expected"), [
    ("who set the deadline?", "President Trump", 1),
    ("who was mayor before the election?", "a Democrat", -1),
    ("the turkish president - who?", "President of Turkey", -1),  # an office, no one's name
    ("where in croatia is the holiday home?", "Austria", -1),  # another country than the one it is in
    ("where in croatian is the holiday home?", "Austria", -1),  # (as a typo fix may leave it)
    ("which country were the casinos in?", "Austria", 1),
    ("what state is the senator from?", "at a press conference in Canada", -1),  # a country is no state
    ("which british leader co-hosted the call?", "British Prime Minister", -1),
    ("who is the democratic congressman?", "US Congressman, Democrat", -1),
    ("who spoke for the us?", "US Secretary of State Pompeo", 1),  # the name after the office's
    ("who called Putin?", "President Erdogan of Turkey", 1),
    ("which party is rounds in?", "US Senator, Republican", 1),  # a party asked: the office and party tell it
    ("who replaced Zelensky?", "Volodymyr Zelensky", -1),
    ("who set the deadline?", "November 27", -1),
    ("who met Trump?", "Zelensky and Trump", 1),
    ("who replaced Lysenko?", "Andriy Lysenko", -1),  # the surname the question gave
    ("who is the mayor of Mansfield?", "Mansfield Mayor Thomas Okafor", 1),  # a title and a place are not the name
    ("what venue in Geneva were the talks at?", "Geneva", -1),
    ("what does the pilots' union want?", "president Conor Hegarty", -1),  # a person is not what is wanted
    ("what noise did the guide hear first?", "Jonas Amrein", -1),  # nor a thing of another kind
    ("which company did the guide call?", "Jonas Amrein", 1),  # a body may be named after someone
    ("whose idea was the deadline?", "President Trump", 0),  # whose: someone's
    ("which bus routes were diverted?", "three bus routes", -1),  # which, not how many
    ("which bus routes were diverted?", "the 14 and 22 routes", 0),
    ("what size stake does the partner get?", "40 percent stake", 0),  # a measure, no count
    ("what does the pilots' union want?", "Hegarty wants a pay rise", 0),
    ("what's the name of the union's president?", "Conor Hegarty", 1),
    ("what river is the plant on?", "Tessaro River", 1),
    ("which state is Vindman from?", "in an interview", -1),
    ("where will the money come from?", "from a reserve fund set aside", 0),  # a source
    ("how many bottles were handed out?", "four sites", -1),
    ("how many protesters were there?", "about 18,000 people", 0),  # people may be the protesters
    ("how many construction workers at the peak?", "212 workers", 1),
    ("how many police were deployed?", "400 police officers", 1),  # the people the compound's head names
    ("how many monitors will the mission have?", "640 observers", 0),  # people called otherwise: cannot tell
    ("how many fans were at the game?", "hundreds of fans", 1),  # a count in words
    ("how many times did she complain?", "twice", 1),
    ("how many stage wins does he have?", "two stage wins", 1),
    ("when is the deadline?", "Thanksgiving Day (November 27)", 1),
    ("when is the deadline?", "the Ukrainian leadership", -1),
    ("what time does the meeting start?", "2019", -1),
    ("what time does the meeting start?", "9 a.m.", 1),
    ("what hours is the cooling centre open?", "Tuesday", -1),  # hours asked: a clock time
    ("cooling centre opening hours?", "8 a.m. to 10 p.m.", 1),
    ("what year did the war start?", "2022", 1),
    ("how many people died?", "11 people", 1),
    ("what's the 2-year bond yield now", "4.92 percent", 1),  # a yield is a percent, though "bond" speaks of money
    ("what was inflation in october", "4.6 percent", 1),
    ("how old is whitfield", "about 300 supporters", -1),  # a count of things is no age
    ("how old is whitfield", "46", 0),  # a bare number may be one
    ("how far apart are the two farms", "about 1.8 kilometres", 1),
    ("how long is the new power line?", "22-kilometre", 1),  # of a thing: its length
    ("how long did the talks last?", "22-kilometre", -1),
    ("how long was the ruling?", "23-page", 1),
    ("how big a raise is the union asking for?", "9 percent", 0),  # a change may be a percent
    ("cost of living rise since 2023?", "11 percent", 1),
    ("how big a jump in percent?", "26 percent", 1),
    ("what was the budget before the cut, in crowns?", "8 percent", -1),
    ("how much has the veltar lost against the dollar this year", "about 9 percent", 0),  # a change
    ("how big was the fire service budget cut", "8 percent", 0),
    ("what majority is needed to ratify?", "a simple majority", 0),  # how large, with no number
    ("how far away is carver springs", "40-minute drive away", 1),  # a distance told in time
    ("how far away is carver springs", "40-minute meeting", -1),
    ("how many have pneumonia", "6-year-old boy", -1),  # an age counts nothing
    ("how many bus drivers does the district employ", "40-minute drive away", -1),  # a number joined to another noun
    ("how many points are in the plan", "28-point plan", 1),
    ("how many people were on the team", "23-member team", 1),
    ("how much did the shares fall on friday", "one-day drop", -1),
    ("how much did they have to put down to appeal?", "22 minutes", -1),  # a stretch of time is no sum
    ("how much time did the players have?", "22 minutes", 1),
    ("what day of the week did the storm hit", "Saturday evening", 1),  # a day by its name
    ("what day of the week did the storm hit", "6:15 p.m. on November 8", -1),
    ("which day did the storm hit", "November 8", 1),
    ("which day did the storm hit", "since September 1998", -1),  # a month is no day
    ("how fast have wages been growing?", "6.2 percent", 1),  # a rate of growth
    ("how fast was the train going?", "6.2 percent", -1),
    ("how many people were on the delegation?", "two days of talks", -1),
    ("how many troops would Ukraine keep?", "600,000", 0),  # a bare number: the words cannot tell
    ("how many troops would Ukraine keep?", "the army", -1),
    ("how much did the bridge cost?", "$48 million", 1),
    ("how much did the bridge cost?", "22 percent", -1),
    ("what deficit target does the budget aim for?", "3.9 percent", 1),  # a target may be a share of a sum
    ("what's the share price now?", "$47.15", 1),  # a share price is a sum
    ("how much per share is the buyer paying?", "$48.50", 1),  # so is a price per share
    ("how much would the 14% claim cost?", "96 million crowns", 1),  # "14%" says which claim, not what is asked
    ("how much pay have nurses lost?", "about a fifth", 0),  # a share of a sum: the words cannot tell
    ("what percentage of the vote did she win?", "51.2 percent", 1),
    ("what percentage of the vote did she win?", "$3 million", -1),
    ("why did the talks stall?", "because of the deadline", 0),
    ("how high did the water climb?", "186 million euros", -1),
    ("how high did the water climb?", "nearly 3.8 metres", 1),
    ("how big is the site?", "1,200-acre parcel", 1),
    ("how big is the site?", "$4.2 billion", -1),  # the size of a thing, not a sum
    ("how big is the charging zone", "18 percent", -1),
    ("how old is the mayor?", "48.6 percent", -1),
    ("how big is the grant?", "$6.5 million", 1),
    ("how big is the aid package?", "€4.2 billion", 1),  # "big" is often a sum
    ("how long did the meeting last?", "about five hours", 1),
    ("how long did the meeting last?", "Tuesday", -1),  # a day is no length
    ("how long has he been envoy?", "March 2025", 0),  # since March 2025: the words cannot tell
    ("how long did the meeting last?", "Monday, November 24", -1),  # a date is when, not how long
    ("what is the name of the private club?", "U.S. Army Secretary Thomas Reardon", -1),  # a person, not a club
    ("what is the name of the envoy?", "Special Envoy Steve Witkoff", 1),
    ("which district is Vindman from?", "US Congressman Eugene Vindman (Democrat)", -1),  # a party names no one
    ("what are the 28 points in the plan?", "the 28-point peace proposal", -1),  # the whole, not its parts
    ("by how much did he win the race?", "two stage wins", -1),  # the wins asked about, counted
    ("how much compensation per passenger?", "up to 250 euros per passenger", 1),  # what it is per is no count
    ("how much do the scooters make?", "about 1,500 of the scooters", -1),
    ("how much farmland will the stadium take up?", "38 hectares of farmland", 1),
    ("how many stages does the race have?", "two stage wins", -1),  # counts wins, not stages
    ("how big are the gashes in the hull?", "two gashes", -1),  # the things asked about, counted: no size
    ("how many planes did they charter?", "11 aircraft", 1),  # a word folding onto the noun asked counts it
    ("how big is the maximum fine?", "up to 4% of their global annual revenue", 0),  # a sum told as a share
    ("how big is the maximum fine?", "4 percent", -1),
    ("what is Jennings' job?", "67", -1),  # an age is no description
    ("which british leader co-hosted the call?", "French President Emmanuel Macron", -1),  # another nation's
    ("which european leader co-hosted the call?", "French President Emmanuel Macron", 1),  # a region holds it
    ("who's the mayor", "Deputy Mayor Sofia Larrain", -1),  # a rank below the role asked
    ("how many of the injured were pedestrians?", "41 riders", 0),  # a whole, where a part is asked
    ("how many of the injured were pedestrians?", "Eleven of them", 1),
    ("how far apart are the two farms", "two poultry farms", -1),  # a distance, not a count
    ("how far apart are the two farms", "about 1.8 kilometres", 1),
    ("who is the deputy mayor", "Deputy Mayor Sofia Larrain", 1),
    ("who's the acting mayor", "Deputy Mayor Sofia Larrain", 1),  # a deputy often acts
    ("where is the shelter?", "Mayor Tanya Brooks", -1),  # a titled person is no place
    ("which salvage company was hired?", "Norcastle Salvage", 1),  # "salvage" is the kind asked, Norcastle new
    ("who operates the airports?", "Veskavia Airports", 1),  # "Airports" says what kind of body, Veskavia which
    ("which day will letters stop?", "Saturdays", 1),  # a weekday, every week
    ("which board members voted for the hike?", "Four board members", -1),  # which, not how many
    ("which neighbourhoods were under the order?", "nearby neighbourhoods", -1),  # which, not what kind
    ("which neighbourhoods were under the order?", "Oakfield and Marsh End", 0),  # names: not ruled out
    ("who is the managers union president?", "Postal Managers' Association", -1),  # the union it names, again
    ("who replaced Lysenko?", "Andriy Lysenko", -1),  # the name the question has
    ("who did ashford pay the record fee for?", "Ashford United", -1),  # "United" is no new name of a club
    ("who is the ceo?", "Chief", -1),  # a title cut from a name names no one
    ("how many people were evacuated?", "about 2,700 residents", 1),  # people counted by who they are
    ("how many people were evacuated?", "five villages", -1),  # not places
    ("how many people were evacuated?", "5,000", 0),  # the words cannot tell
    ("how many people signed the petition?", "12,300 signatures", 1),  # people counted by what they did
    ("how many times did they observe the planet?", "on four occasions", 1),  # times, told as occasions
    ("how many times did they observe the planet?", "four planets", -1),
    ("how many restaurants and cafes have closed?", "at least 120 restaurants", 1),  # one of the nouns asked
    ("how long has Dorothy Aske been council chair?", "about 15 minutes", -1),  # a tenure is not minutes
    ("how long has Dorothy Aske been council chair?", "a night", -1),  # nor a night
    ("how long did the meeting last?", "about 15 minutes", 1),
])
def test_shape(base: FactBase, question: str, answer: str, expected: int) -> None:
    assert shapes.shape(analyze(question, base), answer) == expected


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    ("what was the second-quarter net loss?", "It reported a third-quarter net loss of $612 million.", True),
    ("what was the third-quarter net loss?", "It reported a third-quarter net loss of $612 million.", False),
    ("how many people were injured?", "At least 11 people were killed in the floods.", True),
    ("how many people were hurt?", "Nine people were wounded and 11 were killed.", False),
    ("how many people died?", "At least 11 people were killed.", False),  # no qualifier of a class it lacks
    ("who was named permanent finance minister?", "Pieter Lund was named acting finance minister.", True),
    ("how many homes were damaged?", "The fire destroyed 89 homes.", True),
    ("what happens on Friday?", "The vote is on Thursday.", True),
    ("by what percentage did shares fall?", "Shares fell 2.7 percent on Thursday.", False),
    ("what did he say?", "He spoke on Thursday.", False),
    ("how strong was the earthquake?", "A magnitude 5.1 aftershock hit on Tuesday.", True),
    ("how strong was the quake?", "The magnitude 6.4 earthquake struck at night.", False),
    ("who was ceo before the current chief executive?", "Chief Executive Sarah Whelan said sorry.", True),
    ("who was coach before Vellic?", "Vellic replaced Marek Hollund in March 2023.", False),
    ("who's the mayor now?", "A jury acquitted former mayor Tobias Wrenfield on Friday.", True),
    ("who's the mayor now?", "Lena Ostrowski, who succeeded Wrenfield, is the mayor.", False),
    ("who is the mayor?", "A jury acquitted former mayor Tobias Wrenfield on Friday.", False),  # not asked as now
])
def test_contrast(base: FactBase, question: str, sentence: str, expected: bool) -> None:
    assert shapes.contrast(analyze(question, base), sentence) is expected


def test_a_month_the_paragraph_lacks_is_a_contrast(base: FactBase) -> None:
    question = analyze("how much did the shares rise in August?", base)
    assert shapes.contrast(question, "Shares rose 3.8 percent.", frozenset({"share", "rose", "octob"}))
    assert not shapes.contrast(question, "Shares rose 3.8 percent.", frozenset({"share", "rose", "august"}))


def test_a_company_named_for_its_trade_is_new_by_its_own_name_not_the_trade_word() -> None:
    from bot.core.shapes import _new_name

    assert _new_name(frozenset("which utility cut the power".split()), "Tallow Ridge Power") == 1
    assert _new_name(frozenset("which regulator did bristlecone file with".split()), "Bristlecone Electric") == -1


def test_a_share_or_a_sum_is_no_answer_to_a_quantity_asked_in_its_unit(base: FactBase) -> None:
    q = analyze("what's the total capacity of the reservoirs in megalitres?", base)
    assert shapes.shape(q, "61 percent of capacity") == -1
    assert shapes.shape(q, "about 48,000 megalitres") >= 0
    # a unit something is told per is no unit asked: "how much per hectare?" asks a sum
    assert shapes.shape(analyze("how much do growers get per hectare?", base), "A$4,500") >= 0
