"""The reader: the short answer of the asked kind, a verbatim span of the sentence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core import gates
from bot.core.factbase import FactBase
from bot.core.hits import hits_in
from bot.core.loader import load_knowledge
from bot.core.questions import analyze
from bot.core.reader import _local, read, read_all, read_text, sentence_of
from bot.core.retrieve import retrieve
from bot.core.typed import ANOTHER_SPEAKER
from tests.conftest import SEEDS

ARTICLE = "\n".join([
    'Title: Harbor town reopens its bridge',
    'Date: 2025-10-14',
    '---',
    ('The Harbor Bridge in Port Elling reopened to traffic on Tuesday (October 14) after an 18-month '
     "renovation that cost 240 million dollars, the city's transport department said."),
    ('Mayor Linda Okafor cut the ribbon at a ceremony attended by about 2,000 residents. She called the '
     'project "the most important investment in our waterfront in a generation."'),
    ('The bridge, built in 1931, had been closed since April 2024, when inspectors found corrosion in '
     'three of its main support cables.'),
    ('Engineers from Calder & Reece, a firm based in Glasgow, replaced all twelve cables and widened the '
     'deck.'),
    ('Maria Santos, who owns a bakery on Quay Street, said her sales had fallen by nearly half during the '
     'closure.'),
    ('City council member Thomas Greer (Independent) called for an audit, saying the project ran four '
     'months late.'),
    ('The renovation was paid for mainly by a federal grant, the remaining 60 million dollars coming from '
     'city bonds.'),
    'U.S. special envoy Mark Delaney met Russian President Vladimir Putin in the Kremlin on Tuesday.',
    ('The Maritime Safety Board (MSB) will lead the inquiry into the Tern-4 ferry, which had made 14 Tern-4 '
     'crossings a day while the bridge was closed.'),
    ('The first ferry of the day leaves at 06:15 local time. The board\'s chair, Dr. Ana Ruiz, said Harbor Lines '
     'would wait for the review.'),
    'A new ferry would take between 30 and 36 months to build, the board said.',
    'The ferry union secured one concession: an extra 60 million dollars for training.',
    'Harbor Lines carried 900 passengers a day during the closure, while Tern Ferries carried 650.',
    'The ferry timetable was cut from 48 sailings to 30 during the works.',
    ('Repairs ran between March and August, because the old hull had to be rebuilt plate by plate with steel '
     'from Wales.'),
    'It was the first failure in 27 Tern-4 crossings since the ferry entered service in 2019.',
    'The operator halted sailings at Port Elling on Monday and shifted them to a quay in Glasgow.',
    'The council reduced the grant to $5 million, throwing out $2 million of the original request.',
    'Councillor Ana Diaz described the Elling talks as a step forward but warned that tolls would rise.',
    'Tom Reyes, head of the Ferry Workers Union, which represents about 1,200 crew members, called the cuts reckless.',
    'The board said on Friday, October 10, that a sensor on the bridge recorded a fault at 2:40 p.m. on Monday.',
    'Mayor Linda Okafor met Tom Reyes on Wednesday to discuss the cuts.',
    'Engineer Sam Holt of Elling Port Authority, which represents 40 Local 318 dockers, inspected the quay.',
    'The crews trained with officials of the Harbor Safety Council at a yard in Elling Bay.',
    'Councillor Ana Diaz spoke with Tom Reyes by phone on Friday, Harbor Lines said.',
    'A lawsuit was filed in the U.S. District Court for the Southern District of Ohio on behalf of riders.',
    ('Six council members voted against the plan, which aims to cut the deficit from 4.8 percent of revenue '
     'this year to 3.9 percent in 2026.'),
    'Harbor Lines shares rose 3.8 percent to $47.15 on Wednesday.',
    'At least 11 people were killed and more than 4,200 forced from their homes when the storm hit Elling.',
    'Initial damage was estimated at 186 million euros by the city finance office, Okafor said.',
    'The fire broke out on Sunday near a power line owned by Harbor Lines along Forest Road 412, west of Elling Bay.',
    'Harbor Lines chief executive Nora Quinn apologised, officials said. No one was hurt.',
    'The ferry, one of 30 boats in the fleet, was travelling at 41 mph when it hit the quay.',
    'Tern Ferries, based in Elling, Northland, said its managing director, Ola Berg, would resign.',
    'Power should be back by 8 p.m. on Tuesday, but the Eastgate and Millbrook districts stayed dark for a day.',
    ('The ferry was heading from Elling to the port of Sallis Bay when it ran aground near the Ashgrove Road '
     'crossing.'),
    'The ferry crew, a captain and a deckhand, were not hurt.',
    ('Tickets cost 12 dollars per crossing, or about 300 dollars a year for a commuter, and the ferries are '
     'inspected every six months.'),
    ('The yard was financed with a 40 million euro loan from Harbor Lines and 15 million euros from selling the '
     'old quay to Dunmore Homes.'),
    ('The inquiry was rejected because a survey of all 1,240 crossings by inspectors found an average delay of 6.2 '
     'minutes per crossing, which the board called acceptable.'),
    'The count was supervised by the independent auditing firm Brauer & Lind of Elling.',
    '"The ferries will keep running, so the harbour is ours now," said ferry captain Ida Moen.',
    'The board ordered a Phase II survey called HARBOR-SCAN, which began in May.',
    'The council approved the new tolls 7-2 on Monday, a year after rejecting them by 5 votes to 4.',
    ('Fuel costs stood at 3.2 million dollars last year, and the board expects repair costs of 2 million dollars '
     'to 3 million dollars.'),
    'The estimated risk of a collision was about one extra case for every 8,000 crossings.',
    'ELLING, Nov 3 — At the same meeting, the council rejected Tollgate, a scheme put forward by Harbor Lines.',
    ('Tom Reyes, 52, said he had complained to the board twice this year; about 9,000 riders use the ferry, of whom '
     'an estimated 1,200 would qualify for discounts.'),
    'Wreckage of the old ferry sank about 900 metres east of the harbour mouth, the board said.',
    ('Riders will not be allowed back on board before Friday at the earliest, and Harbor Lines could face a fine '
     'of up to 10 percent of its annual turnover.'),
    'The delay of the text alert, which the board blamed on a software fault, angered riders.',
    ('Passes will be sold at harbour kiosks from Monday, January 12, and in ordinary newsagents by March, the '
     'operator said.'),
    'The hybrid ferry, designed by Nordvik Marine and built by Calder & Reece, will enter service in May.',
    'The ferry runs on biodiesel, a cleaner fuel, and Tern Ferries, the smaller operator, hopes to expand in 2026.',
    'Elling Shipyards general manager Rita Dahl said the yard would hire 40 welders.',
    ('A magnitude 4.2 tremor shook Elling at 3 a.m., at a depth of 9 kilometres, and a seven-year-old girl was '
     'trapped for 5 hours, 20 minutes.'),
    'Harbor Lines said on Friday that its deadline for bids was not fixed.',
    '"Two years of data is not a lifetime," said Dr. Ana Ruiz, who chairs the board.',
    'Crews were sent to six precincts on the city\'s east side and to 11 countries, officials said.',
    ('The new depot sits about 4 kilometres north of the town centre; the 30-year-old ferry costs 2 million dollars '
     "a year, roughly 15 percent of the operator's annual budget."),
    'The Elk Fire is the largest in Northland since the 2012 Granite Fire, which burned about 31,000 acres.',
    'Text alerts only reached riders at 1:15 a.m., almost 11 hours after the fire started.',
    'Northland has had just 31 millimetres of rain since the start of September.',
    ('No riders were injured, officials said, although two deckhands were treated for smoke inhalation and later '
     'released from hospital.'),
    'Schools in the Upper Elling Bay district will stay closed on Monday and Tuesday, and the quay will reopen.',
    ('Tern Ferries did not sign the statement backing the fares, which was issued by the other operators, but it '
     'did not block the timetable, officials said.'),
    'The council approved a 9.4-kilometre tram line, the first in 40 years, after a debate of six hours.',
    'The trip from the station, now a 10-minute walk, will take about 35 minutes by bus.',
    ('Ida Moen joined Harbor Lines in 2023 after winning the national sailing title in 2018, when she finished '
     '1 minute 47 seconds ahead.'),
    'A fire at the 275-kilovolt substation in Eastgate cut power to the quay.',
    'Nora Quinn said the 31-year-old transformer had failed.',
    'The leak was first flagged by a harbour technician, Samuel Pruitt, who noticed an unusual reading.',
    ('Quay manager Olga Brandt called the decision "a turning point for the port" and said: "We will hire forty '
     'new crew members before the summer season begins."'),
    'Harbor Lines has hired Dunmore Towage to refloat the old ferry.',
    'Ida Moen, who became harbour master in 2021, announced a three-year freeze on fares.',
    'The union said staffing at Elling Shipyards had fallen from 46 to 29 welders since 2019.',
    'The port authority raised its mooring fee by 12 dollars to 85 dollars a night.',
    'Inspectors set up a 3-kilometre exclusion zone with four checkpoints.',
    'The quay kiosk, a snack bar run by the Okoro family, reopened on Friday, Mayor Linda Okafor said.',
    'The Ferry Workers Union held its protest outside the terminal on Monday.',
    "Kai Lund, Okafor's coach, said the kiosk would open at dawn.",
    'The inquiry put a spotlight on Brill Marine, the Danish firm that built the pontoons.',
    'Mount Brekka in northern Elling erupted on Sunday night.',
    'Ida Falk, head of volcano monitoring at the EVO, said the eruption could go on for weeks.',
    'The Georgian federation said it would pay Lund a bonus of 250,000 crowns.',
    'Karsby, the largest of the villages, was home to around 1,900 of them.',
    'The findings were published in the peer-reviewed journal Astrophysical Letters on Monday.',
    'The moon Brekka-2 is about 2.4 times as wide as Earth.',
    'Astronomers put the red star Tarvos at about 90 light-years from Earth.',
    'The lake water reached about 31 degrees Celsius on Sunday.',
    'The sensor saw a dip at a wavelength of 1.4 microns.',
    'On Thursday the harbour board endorsed a plan to widen the quay, officials said.',
    'The new seawall will rise about 4 metres, a third of its cost paid by the port.',
    'The three-year project cost about 4.2 million dollars.',
    'Chief executive Rosalind Achterberg said the cuts were painful.',
    '"It is our biggest day in a hundred years," said chairman Tobias Rennert, who has led the club since 2019.',
    'The snow load may have reached about 180 kilograms per square metre, roughly 50 percent more than planned.',
    "Two injured deckhands were flown to St. Aldric's Hospital in Wexley on Monday.",
    "Ferrant's lawyer, Anselm Kovacic, said the rider would appeal to the Court of Arbitration for Sport.",
    "Mayor Ingrid Halvorsen of the Green Civic Alliance, who proposed the charge, said traffic had risen.",
    '"Luka is the piece we have been missing," manager Rui Salgueiro said. '
    '"He runs in behind, he presses from the front and he finishes."',
    "Twenty-two schools were shut on Wednesday, and nine remained closed on Thursday.",
    "Doctors treated 41 people with scooter injuries this autumn, up from 16 over the same period last year.",
    "Rosalind Achterberg opened the new harbour office on Friday.",
    "Tom Varga opened the old harbour office on Monday.",
    "Ivan Petrov, secretary of the Security Council, met Army Secretary Thomas Reardon on Monday.",
    "Tomas Reinholt, 54, who farms 12 hectares above the town, lost his crop.",
    "The club's policy with insurer Halvard Mutual covers the damage.",
    "MARENAU, Nov 10 - A hailstorm tore through the Aldervale wine region on Saturday.",
    "The minister, Collins Adebayo-Reid, ordered an inquiry, to be led by retired chief engineer Margaret Hollis.",
    "Two patients left St. Aurelio General Hospital, according to hospital spokeswoman Clara Dunsmore.",
    "Tove Lindqvist runs the bakery on the square. \"Nobody buys bread in a traffic jam,\" she said.",
    "The board certified the results on November 18 and must certify the recount no later than December 12.",
    "Arnold Kessinger brokered the settlement that ended a 2019 strike by ambulance workers.",
    "Turnout was 42.1 percent, up from 35.6 percent in 2021.",
    "Turnout reached 42.3 percent in Elling. That was well above the 31.5 percent recorded in 2017.",
    ("The mayor said she had asked the ministry for army support on Sunday morning, but the request had not been "
     "approved by Sunday evening."),
    ("The line was estimated at 443 million euros in 2022, before higher steel prices and a new bridge pushed up the "
     "cost. Work was forced to stop after the only bidder withdrew."),
    "Greta Holm, 34, a teacher from Ulmenhavn, said she woke to the smell of smoke.",
    ('"We have not seen numbers like this for more than a decade," said Helena Marsh, the health director. '
     "Olaf Brandt has been harbour master for 12 years."),
    "The outbreak is the largest since 2014, when 31 cases were recorded and a ward was shut.",
    '"It is a fair deal that puts children first," said Rosa Delacroix, the union\'s president.',
    ('"My client has lived under a cloud for four years," said Ruth Abernathy-Kale, adding that an appeal would be '
     '"a waste of public money."'),
    ('The minister said universities "must live within their means like everyone else", but he called '
     'the size of the fee rise "difficult to justify to families".'),
    "KESSVIK, Nov 27 - Fire broke out aboard a ferry early on Thursday.",
    "Prosecutors had asked for a sentence of four years and two months for the harbour master.",
    "The inquiry has asked shipyards for their records, and the Brannock Shipyard sent them on Monday.",
    "Olga Brandt, who had partially admitted the error at the hearing, wiped her eyes and left.",
    "In Elling, a barge struck a pontoon on the harbour's northern quay, injuring two deckhands.",
    "The museum cost about 9 million dollars. The Elling Port Agency contributed 6 million dollars and the private "
    "Karsby Foundation for Heritage provided a grant of 2 million dollars.",
    "The quay flooded at 4 a.m. on Tuesday. The last flood this bad hit the harbour in March 1987.",
    "Elling Shipyards will cut roughly 90 jobs. It also plans to close its repair office in Kessvik.",
]) + "\n"


@pytest.fixture(scope="module")
def harbor(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", seeds)
    (seeds / "harbor-2025-10-14.txt").write_text(ARTICLE)
    return load_knowledge(Path("/nonexistent"), seeds)


@pytest.mark.parametrize(("question", "paragraph", "expected"), [
    ("who cut the ribbon?", 2, "Mayor Linda Okafor"),  # the actor right before the verb
    ("who built the pontoons?", 82, "Brill Marine"),  # a name whose apposition did it, "the firm that built"
    ("which volcano erupted?", 83, "Mount Brekka"),  # not Elling, named in a phrase of place
    ("what bonus is georgia paying lund", 85, "bonus of 250,000 crowns"),  # the country for its adjective
    ("whats the biggest village", 86, "Karsby"),  # a name whose apposition is of the noun asked
    ("which journal was it published in", 87, "peer-reviewed journal Astrophysical Letters"),  # the whole name
    ("how big is brekka-2 compared to earth", 88, "about 2.4 times as wide as Earth"),  # a ratio
    ("how hot did the lake get", 90, "about 31 degrees Celsius"),  # a temperature, with its scale
    ("at what wavelength was the dip", 91, "wavelength of 1.4 microns"),  # a decimal is one number
    ("what did the harbour board endorse", 92, "a plan to widen the quay"),  # what follows the verb asked
    ("seawall height?", 93, "about 4 metres"),  # a measure, not "a third"
    ("project cost?", 94, "about 4.2 million dollars"),  # the sum, not "three-year project"
    ("ceo name", 95, "Rosalind Achterberg"),  # not "Chief", the title before her name
    ("how long has rennert led the club?", 96, "since 2019"),  # not "a hundred years"
    ("snow load per square metre?", 97, "about 180 kilograms per square metre"),  # the rate asked, whole
    ("where were the deckhands flown?", 98, "St. Aldric's Hospital in Wexley"),  # a facility is a place
    ("which party is the mayor from?", 100, "Green Civic Alliance"),  # the party's whole name
    ("what did the manager say about the striker?", 101, "Luka is the piece we have been missing"),  # the first
    ("how many schools closed wednesday?", 102, "Twenty-two schools"),  # a day names no one a figure is of
    ("how many scooter injuries were there in the same period last year", 103, "16"),  # the old value
    ("what was turnout in 2021?", 115, "35.6 percent"),  # the old value, of the year asked
    ("why has the cost gone up?", 118, "higher steel prices and a new bridge"),  # the subject of a causing verb
    ("who's greta holm?", 119, "a teacher from Ulmenhavn"),  # past her age
    ("what did the lawyer call an appeal?", 123, "a waste of public money"),  # "an appeal would be “...”"
    ("what did the minister say about the size of the fee rise?", 124, "difficult to justify to families"),  # nearest
    ("how many scooter injuries were there this autumn", 103, "41 people"),
    ("who's the army secretary", 106, "Army Secretary Thomas Reardon"),  # not a secretary of another branch
    ("how many hectares does Reinholt farm", 107, "12 hectares"),  # not his age, right after his name
    ("who's the insurer", 108, "Halvard Mutual"),  # a role a body holds
    ("who wants an audit?", 6, "Thomas Greer (Independent)"),
    ("who did the envoy meet?", 8, "Russian President Vladimir Putin"),  # whom the verb acts on
    ("when was the bridge built?", 3, "1931"),
    ("when did the fire start?", 31, "Sunday"),  # "broke out" is how a fire starts
    ("since when had the bridge been closed?", 3, "April 2024"),
    ("what year was the bridge built?", 3, "1931"),
    ("how long did the renovation take?", 1, "18-month"),
    ("where is Calder & Reece based?", 4, "Glasgow"),
    ("how many cables were replaced?", 4, "all twelve cables"),
    ("how many people attended the ceremony?", 2, "about 2,000 residents"),
    ("how much did the renovation cost?", 1, "240 million dollars"),
    ("how much came from city bonds?", 7, "60 million dollars"),
    ("why was the bridge closed?", 3, "when inspectors found corrosion in three of its main support cables"),
    ("how did the mayor describe the project?", 2, "the most important investment in our waterfront in a generation"),
    ("which company replaced the cables?", 4, "Calder & Reece"),
    ("who is Maria Santos?", 5, "who owns a bakery on Quay Street"),
    ("which department announced the reopening?", 1, "city's transport department"),
    ("which body will lead the inquiry?", 9, "Maritime Safety Board (MSB)"),  # an acronym with its full name
    ("how many crossings did the ferry make a day?", 9, "14"),  # not the 4 of "Tern-4 crossings"
    ("what's the name of the ferry that the board will look into?", 9, "Tern-4"),  # the name beside the thing named
    ("what time does the first ferry leave?", 10, "06:15 local time"),
    ("who chairs the board?", 10, "Dr. Ana Ruiz"),
    ("how long would a new ferry take to build?", 11, "between 30 and 36 months"),
    ("how many passengers did Tern Ferries carry?", 13, "650"),  # the figure that follows the name asked about
    ("how many sailings are there now?", 14, "30"),  # the new value of a change
    ("how many sailings were there before the works?", 14, "48 sailings"),
    ("when did the repairs run?", 15, "between March and August"),
    ("why did the repairs take so long?", 15,
     "because the old hull had to be rebuilt plate by plate with steel from Wales"),  # a reason is a whole clause
    ("where were the sailings moved?", 17, "Glasgow"),  # where the verb asked about puts them
    ("how much of the grant was thrown out?", 18, "$2 million"),  # the sum right after the word asked about
    ("who warned that tolls would rise?", 19, "Councillor Ana Diaz"),  # not the street named as a modifier
    ("who called the cuts reckless?", 20, "Tom Reyes"),  # past an apposition that holds a relative clause
    ("what time did the sensor record a fault?", 21, "2:40 p.m. on Monday"),  # a clock time, not the day it was said
    ("how many dockers does the authority represent?", 23, "40"),  # not the number in the name "Local 318"
    ("which town did the crews train in?", 24, "Elling Bay"),  # a place, not the council "of" which
    ("in which court was the lawsuit filed?", 26, "U.S. District Court for the Southern District of Ohio"),
    ("how many council members voted against the plan?", 27, "Six council members"),  # a number opening a sentence
    ("what deficit does the plan aim for?", 27, "3.9 percent"),  # the new value, a few words after the old
    ("harbor lines share price after the news?", 28, "$47.15"),  # a price, not the percent it rose
    ("how many died in the storm?", 29, "11 people"),  # the count the passive verb is said of
    ("who put together the damage estimate?", 30, "the city finance office"),  # by ..., words between
    ("where did the fire break out?", 31, "Forest Road 412"),  # a numbered name, the place along which
    ("who is the ceo of harbor lines?", 32, "Nora Quinn"),  # "chief executive" is CEO
    ("how fast was the ferry going?", 33, "41 mph"),  # a speed, not the 30 boats
    ("who runs tern ferries?", 34, "Ola Berg"),  # whoever is at its top, by any title
    ("when will power be back?", 35, "by 8 p.m. on Tuesday"),  # the word that makes it a deadline
    ("which districts stayed dark?", 35, "Eastgate and Millbrook districts"),  # both names that modify the noun
    ("where was the ferry headed?", 36, "Sallis Bay"),  # where it went to, not where from
    ("near which crossing did the ferry run aground?", 36, "Ashgrove Road crossing"),  # the name and its noun
    ("price per crossing?", 38, "12 dollars"),  # the sum the question's "per" word qualifies
    ("how much is a year of tickets?", 38, "about 300 dollars"),
    ("how often are the ferries inspected?", 38, "every six months"),  # a frequency, not a length of time
    ("how big is the loan?", 39, "40 million euro"),  # the sum named by the very word asked about
    ("why was the inquiry rejected?", 40,  # a long clause is cut after a number's unit, not inside it
     "because a survey of all 1,240 crossings by inspectors found an average delay of 6.2 minutes"),
    ("who supervised the count?", 41, "the independent auditing firm Brauer & Lind"),  # a cut never splits a name
    ("what did the ferry captain say?", 42, "The ferries will keep running, so the harbour is ours now"),  # whole
    ("what was the survey called?", 43, "HARBOR-SCAN"),  # the name it is called, not the "Phase II" before it
    ("what was the council's vote on the new tolls?", 44, "7-2"),  # a vote's tally
    ("what were fuel costs last year?", 45, "3.2 million dollars"),  # the figure a thing stood at
    ("what does the board expect repair costs to be?", 45, "2 million dollars to 3 million dollars"),  # a range
    ("what is the estimated risk of a collision?", 46, "about one extra case for every 8,000 crossings"),  # a rate
    ("which proposal did the council reject?", 47, "Tollgate"),  # the noun absent: what the verb acted on
    ("how many times did Tom Reyes complain?", 48, "twice"),  # not his age
    ("how many riders would qualify for discounts?", 48, "an estimated 1,200"),  # the count that would qualify
    ("where did the wreckage sink?", 49, "about 900 metres east of the harbour mouth"),  # a place by its distance
    ("when can riders go back on board?", 50, "before Friday at the earliest"),  # the limit is part of the date
    ("how big a fine could harbor lines face?", 50, "up to 10 percent of its annual turnover"),  # a share of what
    ("why was the text alert delayed?", 51, "blamed on a software fault"),
    ("when will passes be sold in normal newsagents?", 52, "by March"),  # not across the clause break
    ("which company makes the hybrid ferry?", 53, "Calder & Reece"),  # "built by": who makes it
    ("which fuel does the ferry run on?", 54, "biodiesel"),  # what the noun after the comma describes
    ("which operator hopes to expand?", 54, "Tern Ferries"),
    ("who runs elling shipyards?", 55, "Rita Dahl"),  # a general manager runs it too
    ("how strong was the quake?", 56, "magnitude 4.2"),  # a rating; "quake" is the tremor
    ("how deep was the tremor?", 56, "9 kilometres"),  # "deep" meets "depth"
    ("how long was the girl trapped?", 56, "5 hours, 20 minutes"),  # not her "seven-year"
    ("how long is the tram line?", 67, "9.4-kilometre"),  # of a thing: its length
    ("how long did the debate last?", 67, "six hours"),
    ("how long will the trip from the station take?", 68, "about 35 minutes"),  # what the asked verb takes
    ("what year did ida moen win the sailing title?", 69, "2018"),  # not the year she joined after it
    ("how far ahead did ida moen finish?", 69, "1 minute 47 seconds"),  # one time in two units
    ("what voltage is the substation?", 70, "275-kilovolt"),  # a measure said as a modifier
    ("who flagged the leak?", 72, "Samuel Pruitt"),  # the name the agent's description is of
    ("what did olga brandt call the decision?", 73, "a turning point for the port"),  # the words after "called"
    ("which company got hired?", 74, "Dunmore Towage"),  # the one acted on, not who hired
    ("who got hired by harbor lines?", 74, "Dunmore Towage"),  # so too for who: the one it was done to
    ("which towage company got hired?", 74, "Dunmore Towage"),  # the kind asked names the answer, not the asker
    ("who's the boss of harbor lines?", 32, "Nora Quinn"),  # a boss by any title: its chief executive
    ("how many welders work at elling shipyards now?", 76, "29 welders"),  # beside the name, the new value
    ("what did the port authority raise its mooring fee to?", 77, "85 dollars a night"),  # the sum after "to"
    ("what did the port authority raise its mooring fee by?", 77, "12 dollars"),
    ("how big is the exclusion zone?", 78, "3-kilometre"),  # a size: the measure, not a count
    ("how old is the bridge?", 3, "built in 1931"),  # a thing's age: the year it began
    ("who runs the snack bar?", 79, "the Okoro family"),  # run by them, though the mayor has a title
    ("how far from the town centre is the new depot?", 60, "about 4 kilometres"),  # a distance, not an age
    ("which wine region did the storm hit?", 109, "Aldervale wine region"),  # the kind after a word, not the dateline
    ("who will lead the inquiry?", 110, "Margaret Hollis"),  # after "led by" and her title, not who ordered it
    ("who spoke for the hospital?", 111, "Clara Dunsmore"),  # "according to ..." is no apposition of the hospital
    ("who said nobody buys bread in a traffic jam?", 112, "Tove Lindqvist"),  # "she said": not "Nobody"
    ("deadline to certify the recount?", 113, "no later than December 12"),  # what must be done by, not was done
    ("what share of the operator's budget does the ferry cost?", 60,
     "roughly 15 percent of the operator's annual budget"),  # a share, though "budget" speaks of money
    ("what sentence did prosecutors want?", 126, "sentence of four years and two months"),  # the whole measure
    ("which shipyard sent its records?", 127, "Brannock Shipyard"),  # "has asked" is a verb, no modifier
    ("how much did the karsby foundation give?", 130, "2 million dollars"),  # "and" before a new subject parts clauses
])
def test_typed_spans(harbor: FactBase, question: str, paragraph: int, expected: str) -> None:
    q = analyze(question, harbor)
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == paragraph
               and not e.is_entity]
    answers = [r.answer for e in entries for r in read(q, e, harbor) if r.source == "typed"]
    assert expected in answers, (q.want, answers)
    paragraph_text = harbor.articles["harbor-2025-10-14"].paragraphs[paragraph - 1]
    assert all(a is not None and a.rstrip("…") in paragraph_text for a in answers)  # verbatim, never re-inflected


def test_a_person_the_article_gives_another_role_does_not_hold_the_one_asked(harbor: FactBase) -> None:
    q = analyze("who is the harbour master?", harbor)
    for paragraph, name, held in ((104, "Rosalind Achterberg", False), (105, "Tom Varga", True)):  # a chief; no role
        entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == paragraph]
        answers = [r.answer for e in entries for r in read(q, e, harbor) if r.source == "typed"]
        assert (name in answers) is held, (paragraph, answers)


def test_a_curated_answer_of_the_asked_type_is_taken_as_written(base: FactBase) -> None:
    q = analyze("who set the deadline?", base)
    entry = base.entry("thanksgiving-deadline")
    assert entry is not None
    readings = read(q, entry, base)
    assert [r.answer for r in readings] == ["President Trump"] and readings[0].source == "curated"


def test_open_questions_also_read_the_sentence_of_a_curated_fact(base: FactBase) -> None:
    q = analyze("what are the stronger guarantees meant to prevent?", base)
    entry = base.entry("security-guarantees")
    assert entry is not None
    answers = [r.answer for r in read(q, entry, base)]
    assert len(answers) == 2 and any("future attacks" in (a or "") for a in answers)


def test_a_curated_who_the_question_names_by_role_is_not_the_one_asked_for(base: FactBase) -> None:
    # The curated who of Rounds's press conference is Rounds: asked whom "the Republican senator"
    # quoted, the sentence is read for the one he quoted.
    entry = base.entry("rounds-press-conference")
    assert entry is not None
    answers = [r.answer for r in read(analyze("whom did the republican senator quote?", base), entry, base)]
    assert answers == ["Pompeo"]


def test_a_curated_who_the_question_names_is_the_reporter_and_the_sentence_is_read(base: FactBase) -> None:
    # The curated who of Vindman's claim is Vindman; asked what he thinks, the actor is in the sentence.
    entry = next(e for e in base.entries if "drafted by Putin" in e.fact.evidence and not e.is_entity)
    answers = [r.answer for r in read(analyze("according to vindman, who drafted the plan?", base), entry, base)]
    assert "Putin" in answers
    plain = [r.answer for r in read(analyze("who believes putin drafted the plan?", base), entry, base)]
    assert plain and "Vindman" in (plain[0] or "")  # a curated who the question does not name answers alone
    # ... and so is one the question words by role: the members who said it are not who submitted it
    entry = next(e for e in base.entries if "Russia had submitted" in e.fact.evidence and not e.is_entity)
    q = analyze("some congress members say who actually submitted the plan?", base)
    assert [r.answer for r in read(q, entry, base)] == ["Russia"]


def test_answers_never_end_on_a_dangling_word(harbor: FactBase) -> None:
    for question in ("who cut the", "what did the mayor do", "where", "how many of the", "the bridge was"):
        q = analyze(question, harbor)
        for e in harbor.entries[-30:]:
            for r in read(q, e, harbor):
                assert r.answer is None or r.answer.split()[-1].lower() not in ("the", "of", "a", "to", "and")


def test_a_kind_of_answer_the_article_never_names_is_not_a_missing_word(harbor: FactBase) -> None:
    # "body" is the kind of answer wanted; the article names the board, never "a body".
    q = analyze("which body will lead the inquiry?", harbor)
    assert q.terms and not any(t.startswith("bod") for t in q.terms)
    assert "inquiri" in " ".join(q.terms) or any(t.startswith("inquir") for t in q.terms)


def test_a_role_holder_is_less_sure_when_the_name_asked_about_sits_elsewhere(harbor: FactBase) -> None:
    # The board's chair is not the head of Harbor Lines, named in the same sentence.
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 10
                 and "chair" in e.fact.evidence and not e.is_entity)
    chair = [r for r in read(analyze("who chairs the board?", harbor), entry, harbor) if r.source == "typed"]
    head = [r for r in read(analyze("who heads harbor lines?", harbor), entry, harbor) if r.source == "typed"]
    assert chair and chair[0].typed == 1.0
    assert all(r.typed < chair[0].typed for r in head)


@pytest.mark.parametrize(("question", "paragraph", "expected"), [
    ("what did the ferry union secure?", 12, "an extra 60 million dollars for training"),  # what the colon announces
    ("what did inspectors find in the main support cables?", 3, "corrosion"),  # not the phrase the question has
    ("what was hit on the northern quay?", 129, "a pontoon"),  # a participle that is its verb's bare form
])
def test_what_the_verb_acts_on(harbor: FactBase, question: str, paragraph: int, expected: str) -> None:
    q = analyze(question, harbor)
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == paragraph
               and not e.is_entity]
    assert expected in [r.answer for e in entries for r in read(q, e, harbor)]


def test_a_quotation_is_less_sure_when_the_sentence_names_another_speaker(harbor: FactBase) -> None:
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 5
                 and "sales" in e.fact.evidence and not e.is_entity)
    own = [r for r in read(analyze("what did Maria Santos say about her sales?", harbor), entry, harbor)
           if r.source == "typed"]
    other = [r for r in read(analyze("what did Thomas Greer say about the sales?", harbor), entry, harbor)
             if r.source == "typed"]
    assert own and other and other[0].typed < own[0].typed
    assert other[0].typed == pytest.approx(own[0].typed * ANOTHER_SPEAKER)  # less sure, not ruled out


def _sentence(harbor: FactBase, paragraph: int):  # type: ignore[no-untyped-def]
    return next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == paragraph
                and not e.is_entity)


def test_whom_someone_named_by_role_met_is_not_that_someone(harbor: FactBase) -> None:
    q = analyze("who did the head of the ferry workers union meet?", harbor)
    answers = [r.answer for r in read(q, _sentence(harbor, 22), harbor) if r.source == "typed"]
    assert "Tom Reyes" not in answers and "Mayor Linda Okafor" in answers, answers


def test_whom_someone_met_when_the_sentence_words_the_verb_otherwise(harbor: FactBase) -> None:
    q = analyze("who did the councillor call on Friday?", harbor)  # "spoke with", not "called"
    answers = [r.answer for r in read(q, _sentence(harbor, 25), harbor) if r.source == "typed"]
    assert answers == ["Tom Reyes"], answers


def test_what_was_said_before_said_is_not_read_after_it(harbor: FactBase) -> None:
    q = analyze("what did the officials say?", harbor)
    assert not [r for r in read(q, _sentence(harbor, 32), harbor) if r.source == "typed"]  # not ". No one was hurt"


def test_a_yes_no_question_is_decided_by_the_clause_that_says_something(harbor: FactBase) -> None:
    q = analyze("was the ferry crew injured?", harbor)
    assert [r.answer for r in read(q, _sentence(harbor, 37), harbor)] == ["were not hurt"]


def test_a_yes_no_question_is_decided_by_the_clause_naming_what_it_is_about(harbor: FactBase) -> None:
    q = analyze("did tern ferries carry passengers during the closure?", harbor)
    answers = [r.answer for r in read(q, _sentence(harbor, 13), harbor)]
    assert answers and "Tern Ferries" in (answers[0] or ""), answers


@pytest.mark.parametrize(("question", "paragraph", "expected"), [
    # the clause naming the question's subject, from the subject when the clause is long
    ("did any deckhands get hurt?", 64,
     "two deckhands were treated for smoke inhalation and later released from hospital"),
    ("are schools open on monday?", 65, "will stay closed on Monday and Tuesday"),  # from the verb
    ("did tern ferries block the timetable?", 66, "it did not block the timetable"),  # "it" names Tern Ferries
    ("has the army been approved to help?", 117, "the request had not been approved by Sunday evening"),  # the verb
    ("did olga brandt admit the error?", 128, "who had partially admitted the error at the hearing"),  # "who" names her
])
def test_the_deciding_clause_of_a_yes_no_question(harbor: FactBase, question: str, paragraph: int,
                                                   expected: str) -> None:
    q = analyze(question, harbor)
    assert expected in [r.answer for r in read(q, _sentence(harbor, paragraph), harbor)]


def test_the_subject_of_a_yes_no_question_decides_only_where_something_asked_is_said(harbor: FactBase) -> None:
    # "Crews are also angry" names the crews but says nothing of a consultation
    q = analyze("were the crews consulted before the vote?", harbor)
    text = "Crews are also angry. Tom Reyes said the union had not been consulted before the vote."
    assert read_text(q, _sentence(harbor, 1), text, harbor).answer == \
        "Tom Reyes said the union had not been consulted before the vote"


def test_how_long_is_not_answered_by_a_day(harbor: FactBase) -> None:
    q = analyze("how long did the mayor meet Tom Reyes?", harbor)
    assert not [r for r in read(q, _sentence(harbor, 22), harbor) if r.source == "typed"]  # when, not how long
    soon = analyze("how soon did the mayor meet Tom Reyes?", harbor)
    assert "Wednesday" in [r.answer for r in read(soon, _sentence(harbor, 22), harbor)]


def test_a_year_before_the_article_is_less_sure_for_what_is_still_ahead(harbor: FactBase) -> None:
    sentence = _sentence(harbor, 114)
    ahead = [r for r in read(analyze("when does the strike end?", harbor), sentence, harbor) if r.answer == "2019"]
    past = [r for r in read(analyze("when did the strike end?", harbor), sentence, harbor) if r.answer == "2019"]
    assert ahead and past and ahead[0].typed < past[0].typed  # the article is of 2025


def test_a_sentence_without_the_year_asked_is_less_sure(harbor: FactBase) -> None:
    q = analyze("what was turnout in 2017?", harbor)
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 116
               and not e.is_entity]
    sure = {r.answer: r.typed for e in entries for r in read(q, e, harbor) if r.source == "typed"}
    assert sure["31.5 percent"] > sure["42.3 percent"]


def test_a_sentence_without_the_place_a_count_is_asked_in_is_less_sure(harbor: FactBase) -> None:
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 132
               and not e.is_entity]

    def sure(question: str) -> float:
        q = analyze(question, harbor)
        return max(r.typed for e in entries for r in read(q, e, harbor) if r.answer == "roughly 90 jobs")

    assert sure("how many jobs are being cut in kessvik?") < sure("how many jobs are being cut?")


def test_how_long_someone_has_held_a_role_is_said_of_the_role(harbor: FactBase) -> None:
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 120
               and not e.is_entity]
    marsh = analyze("how long has Marsh been the health director?", harbor)
    brandt = analyze("how long has Brandt been harbour master?", harbor)
    decade = [r for e in entries for r in read(marsh, e, harbor) if r.answer == "more than a decade"]
    years = [r for e in entries for r in read(brandt, e, harbor) if r.answer == "12 years"]
    assert decade and years and decade[0].typed < 0.5 <= years[0].typed  # a decade of cases, not of her job


def test_the_last_time_something_this_bad_happened_is_an_earlier_year(harbor: FactBase) -> None:
    question = analyze("when was the last flood this bad?", harbor)
    readings = {r.answer: r.typed for e in harbor.entries if e.article_id == "harbor-2025-10-14"
                and e.fact.paragraph == 131 and not e.is_entity for r in read(question, e, harbor)}
    assert readings["March 1987"] > readings["4 a.m. on Tuesday"]  # not the date of this flood


def test_what_happened_in_an_earlier_year_is_less_sure_for_now(harbor: FactBase) -> None:
    sentence = _sentence(harbor, 121)
    now = read(analyze("was a ward shut this time?", harbor), sentence, harbor)
    ever = read(analyze("was a ward shut?", harbor), sentence, harbor)
    assert now and ever and now[0].typed < ever[0].typed  # shut in 2014; the article is of 2025


def test_a_speaker_named_by_the_role_asked_is_the_one_asked_about(harbor: FactBase) -> None:
    sentence = _sentence(harbor, 122)
    quoted = [r for r in read(analyze("what did the union boss say?", harbor), sentence, harbor) if r.source == "typed"]
    assert quoted and quoted[0].answer.startswith("It is a fair deal") and quoted[0].typed == 1.0


def test_the_dateline_is_a_weak_answer_to_where_something_happened(harbor: FactBase) -> None:
    readings = read(analyze("where on the ferry did the fire break out?", harbor), _sentence(harbor, 125), harbor)
    assert [(r.answer, r.typed < 0.5) for r in readings if r.source == "typed"] == [("KESSVIK", True)]


def test_a_model_name_is_no_place(harbor: FactBase) -> None:
    q = analyze("where did the ferry enter service?", harbor)
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 16]
    assert entries and "Tern-4" not in [r.answer for e in entries for r in read(q, e, harbor)]  # "in 27 Tern-4 ..."


def test_who_someone_is_does_not_answer_what_they_said(harbor: FactBase) -> None:
    entity = next(e for e in harbor.entries if e.is_entity and "Okafor" in e.fact.evidence)
    assert read(analyze("what did the mayor say?", harbor), entity, harbor) == []
    assert read(analyze("who is the mayor?", harbor), entity, harbor)  # it answers who she is


def test_a_number_in_digits_may_be_in_the_paragraph_in_words(harbor: FactBase) -> None:
    q = analyze("which firm replaced the 12 cables?", harbor)  # "replaced all twelve cables"
    candidates, _ = retrieve(q, harbor, full=True)
    fourth = [c for c in candidates if c.entry.article_id == "harbor-2025-10-14" and c.entry.fact.paragraph == 4]
    assert any(gates.eligible(q, c, r) for c in fourth for r in read(q, c.entry, harbor))


def test_a_reading_weighs_the_words_asked_about_beside_it_only(harbor: FactBase) -> None:
    text = next(t for t in harbor.articles["harbor-2025-10-14"].paragraphs if t.startswith("The council reduced"))
    q = analyze("how much of the original request got thrown out?", harbor)
    hits = hits_in(q, text, harbor)
    two, five = text.index("$2 million"), text.index("$5 million")
    beside = _local(q, text, (two, two + len("$2 million")), hits, harbor)
    assert beside == pytest.approx(sum({text[h.start:h.end].lower(): h.weight for h in hits}.values()))
    assert 0 < _local(q, text, (five, five + len("$5 million")), hits, harbor) < beside  # "request" is far


def test_an_organization_or_a_person_is_no_place(harbor: FactBase) -> None:
    q = analyze("where was the union protest?", harbor)
    entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == 80]
    answers = [r.answer for e in entries for r in read(q, e, harbor)]
    assert answers and "Ferry Workers Union" not in answers


def test_what_a_reading_is_less_sure_of(harbor: FactBase) -> None:
    def typed(question: str, paragraph: int) -> list[tuple[str | None, float]]:
        q = analyze(question, harbor)
        entries = [e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and e.fact.paragraph == paragraph
                   and not e.is_entity]
        return [(r.answer, r.typed) for e in entries for r in read(q, e, harbor) if r.source == "typed"]

    # the day something was said is not the deadline's, unless the question asks when it was said
    assert all(strength < 1 for _, strength in typed("when is the deadline for bids?", 57))
    assert any(strength == 1 for _, strength in typed("when did harbor lines say the deadline was not fixed?", 57))
    # "two years of data" measures the data, not how long she has chaired
    assert all(strength < 1 for _, strength in typed("how long has ana ruiz chaired the board?", 58))
    # no fragment ending on a possessive, and no non-place for "which countries"
    assert not any(a and a.endswith(("city's", "city'")) for a, _ in typed("which six precincts got crews?", 59))
    assert not typed("which 11 countries got crews?", 59)
    assert not typed("which 11 countries did the crews come from?", 59)  # read as who, still no non-place
    # a relative clause tells about the name it follows, not the one asked about
    assert typed("how many acres has the Elk Fire burned?", 61) == [("about 31,000 acres", 0.5)]
    assert typed("how many acres did the Granite Fire burn?", 61) == [("about 31,000 acres", 1.0)]
    # a time told relative to what was asked is another event's; a since-date is when a state began
    assert all(strength < 1 for _, strength in typed("what time did the fire start?", 62))
    assert any(strength == 1 for _, strength in typed("what time did the alerts reach riders?", 62))
    assert typed("when will it rain?", 63) == [("since the start of September", 0.5)]
    # an age not beside the name asked about is another's
    assert all(strength < 1 for _, strength in typed("how old is Nora Quinn?", 71))
    assert typed("how old is Tom Reyes?", 48) == [("52", 1.0)]  # "Tom Reyes, 52,": his age, beside his name
    assert typed("tom reyes' age?", 48) == [("52", 1.0)]  # as chat asks how old
    # "a three-year freeze" lasts three years; it is not how long she has been harbour master
    assert all(strength < 1 for _, strength in typed("how long has ida moen been harbour master?", 75))
    assert any(strength == 1 for _, strength in typed("how long will the freeze on fares last?", 75))


@pytest.mark.parametrize("text", ["who set the deadline?", "what did zelensky say?", "where were the talks held?",
                                  "when did they meet?", "how many points does the plan have?"])
def test_reading_several_facts_at_once_reads_each_as_alone(base: FactBase, text: str) -> None:
    """``read_all`` reads a sentence several facts share once; the answers are those of ``read``."""
    q = analyze(text, base)
    entries = list(base.entries)
    shared = {sentence_of(e, base) for e in entries}
    assert len(shared) < len(entries)  # not vacuous: facts do share sentences
    assert read_all(q, entries, base) == [read(q, e, base) for e in entries]


def test_someone_named_by_a_role_of_someone_named_is_that_role_s_holder(harbor: FactBase) -> None:
    q = analyze("who's okafor's coach", harbor)  # not who Okafor is
    assert (q.want, q.qtype) == ("holder", "who_role")
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and "Lund" in e.fact.evidence
                 and not e.is_entity)
    assert [r.answer for r in read(q, entry, harbor) if r.source == "typed"][:1] == ["Kai Lund"]


def test_a_natural_feature_asked_about_is_a_place_not_an_organization(harbor: FactBase) -> None:
    q = analyze("which volcano erupted?", harbor)
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and "EVO" in e.fact.evidence
                 and not e.is_entity)
    assert all("EVO" not in (r.answer or "") or r.typed < 0.6 for r in read(q, entry, harbor))


def test_a_country_asked_about_is_its_adjective_in_the_article(harbor: FactBase) -> None:
    assert "georgian" in analyze("what bonus is georgia paying lund", harbor).terms
    assert "georgia" not in analyze("what bonus is georgia paying lund", harbor).terms


def test_a_distance_from_somewhere_else_is_a_weak_answer(harbor: FactBase) -> None:
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and "light-years" in e.fact.evidence
                 and not e.is_entity)
    near = read(analyze("how far is tarvos from earth", harbor), entry, harbor)[0]
    far = read(analyze("how far is tarvos from its moon", harbor), entry, harbor)[0]
    assert near.answer == far.answer == "about 90 light-years"
    assert far.typed < near.typed


def test_which_body_is_not_answered_by_a_person(harbor: FactBase) -> None:
    entry = next(e for e in harbor.entries if e.article_id == "harbor-2025-10-14" and "Kovacic" in e.fact.evidence
                 and not e.is_entity)
    answers = [r.answer for r in read(analyze("which court is he appealing to?", harbor), entry, harbor)]
    assert answers == ["Court of Arbitration for Sport"]  # not the lawyer who said so


def test_which_country_or_volcano_is_answered_by_a_place_name_or_not_at_all(harbor: FactBase) -> None:
    q = analyze("which volcano erupted?", harbor)
    entry = _sentence(harbor, 1)
    named = read_text(q, entry, "Mount Caldrenna in northern Veskaria erupted for a third day on Tuesday.", harbor)
    assert named.answer == "Mount Caldrenna"
    expert = "Dr. Helga Marrin, head of volcano monitoring at the VMGO, said the eruption could go on for weeks."
    assert read_text(q, entry, expert, harbor).answer is None  # neither the expert nor what follows "volcano"


@pytest.mark.parametrize(("text", "expected"), [
    ("Tomas Reyland, 52, said the unit had been inspected in March.", "52"),
    ("The 41-year-old Reyland was treated for heatstroke.", "41-year-old"),
    ("Reyland said about a fifth of the staff had been inspected by 2019.", None),  # no age: no typed answer
])
def test_how_old_is_answered_by_an_age_or_not_at_all(harbor: FactBase, text: str, expected: str | None) -> None:
    q = analyze("how old is Reyland?", harbor)
    assert "old" not in " ".join(q.terms) or "old" in harbor.idf  # the adjective frames it, when never written
    reading = read_text(q, _sentence(harbor, 1), text, harbor)
    assert (reading.answer if reading.source == "typed" else None) == expected  # else a clause, weakly


_HOURS = "The council will hold about 12 hours of debate a year, compared with 16 hours under the current schedule."
_BALLOT = "General secretary Declan Moorcroft said the ballot would open on December 8 and close on January 12."


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # a name before a preposition is no modifier: the court, not the one appealing to it
    ("which court is he appealing to?", "Ferrant's lawyer, Anselm Kovacic, said the rider would appeal to the Court "
     "of Arbitration for Sport in Lausanne and has 21 days to file.", "Court of Arbitration for Sport"),
    # a place name keeps the kind of place it names
    ("where was the leopard found?", "The leopard was found at about 9:20 p.m. beneath a garden shed in the "
     "Larkfield allotments, police said.", "Larkfield allotments"),
    # where someone is from is where they came from
    ("where's kesang from?", "Kesang arrived in Brenmouth from Vasterby Zoo in Sweden in 2022 as part of a breeding "
     "programme.", "Vasterby Zoo"),
    # which neighbouring city: the one the sentence calls neighbouring
    ("which neighbouring city banned rental scooters?", "Marrowick is not the first city to act: neighbouring "
     "Eastbridge banned rental scooters outright in 2023.", "Eastbridge"),
    # a verb after "and" begins its own clause
    ("ballot closes when", _BALLOT, "January 12"),
    ("when does the ballot open?", _BALLOT, "December 8"),
    # how hot is a measure, not a share
    ("how hot did it get at the peak?", "The temperature peaked at 38.6 degrees shortly after 1 p.m., with humidity "
     "at the harbour at 71 percent.", "38.6 degrees"),
    # who said the words asked about: the speaker of that quotation, not of an earlier verb of saying
    ("who said they were one storm from losing the harbour?", 'Greenline Trust warned that the pontoons were too low. '
     '"We are one storm from losing the harbour," said Dr. Priya Castellan, who chairs the trust.',
     "Dr. Priya Castellan"),
    # the value compared with is the one before, unless the question asks about the current one
    ("how many hours of debate will the council hold a year under the new plan?", _HOURS, "about 12 hours"),
    ("how many hours of debate does the council hold under the current schedule?", _HOURS, "16 hours"),
    # the share that does what is asked; the value now, not the one a change started from
    ("what share of parents oppose the change?", "Of 1,126 families who answered, 47 percent backed the change, "
     "44 percent opposed it and 9 percent were undecided.", "44 percent"),
    ("what was inflation in october?", "Consumer prices rose 4.6 percent in the year to October, up from 4.1 percent "
     "in September.", "4.6 percent"),
    # how a time bounds the event, with how closely
    ("when was power fully back on?", "The last customers had power back shortly after 6 p.m. on Thursday.",
     "shortly after 6 p.m. on Thursday"),
    ("when will the cool change reach the city?", "Forecasters expect a cool change to reach the city late on "
     "Saturday.", "late on Saturday"),
    # a clock time ending the sentence keeps its abbreviation's point
    ("when may residents water their gardens?", "Residents may water gardens only between 6 a.m. and 8 a.m.",
     "6 a.m. and 8 a.m."),
    # the bare count that does what was asked, not the count of the noun asked about
    ("how many members voted yes?", "Of the 18,406 members who cast ballots, 11,238 voted in favour of the move and "
     "7,012 voted against.", "11,238"),
    # a facility in a town is where, with its town; not the town alone
    ("where will the deckhands stay until the seawall is finished?", "The deckhands would stay at St. Aldric's "
     "Hospital in Wexley until the new seawall is finished.", "St. Aldric's Hospital in Wexley"),
    # a description that repeats the question describes the name before it, which is the answer
    ("biggest harbour in the region?", "The storm hit Elling, the region's largest harbour, hardest.", "Elling"),
    # a place named with its kinds of place: the river's catchment, not the river
    ("where does the harbour water come from?", "Water for the harbour is drawn from the Tarrow river catchment, "
     "officials said.", "Tarrow river catchment"),
    # a temperature is in degrees, not an age
    ("what was the highest body temperature?", "The highest body temperature was that of a 41-year-old man, who "
     "was later flown to hospital at 42.1 degrees.", "42.1 degrees"),
    # a telephone number is one number
    ("hotline number?", "Worried parents can call the hotline on 0800 555 0192 from Monday.", "0800 555 0192"),
    ("how many people got hurt?", "Of the 14 people recovered, nine were injured, three of them seriously.", "nine"),
    ("how many people had to leave their homes?", "At least 11 people were killed and more than 4,200 forced from "
     "their homes after the river burst its banks.", "more than 4,200"),
    # how long something stays as it is: until when
    ("how long will the centres stay open?", "The cooling centres will stay open from 8 a.m. to 10 p.m. until at "
     "least Saturday.", "until at least Saturday"),
])
def test_the_answer_a_sentence_gives(harbor: FactBase, question: str, sentence: str, expected: str) -> None:
    assert read_text(analyze(question, harbor), _sentence(harbor, 1), sentence, harbor).answer == expected


def test_the_next_meeting_is_dated_not_a_vague_next_year(harbor: FactBase) -> None:
    q = analyze("when's the next board meeting?", harbor)
    text = "The board meets again on December 18, and officials expect the next increase early next year."
    assert read_text(q, _sentence(harbor, 1), text, harbor).answer == "December 18"
    alone = read_text(q, _sentence(harbor, 1), "Officials expect the next increase next year.", harbor)
    assert alone.answer != "next year" or alone.typed < 1  # vague, so less sure


@pytest.mark.parametrize(("question", "text", "expected"), [
    # countries, not a university they work at
    ("which countries were the team members from?", "Ingrid Vasquez-Holm, an astrophysicist at the University of "
     "Caldwell, led a team of nine.", None),
    ("which countries were the team members from?", "The leaders of Britain, France and Germany held a video call "
     "with the team on Monday.", "Britain, France and Germany"),
    # a country, not an airport nor a distance from somewhere
    ("what country is the volcano in?", "Flights at Brannock International Airport, about 140 kilometres south of the "
     "volcano, were halted.", None),
    ("what country is the volcano in?", "The volcano erupted in Veskaria, near Brannock International Airport.",
     "Veskaria"),
])
def test_a_country_asked_for_is_answered_by_a_country_or_not_at_all(harbor: FactBase, question: str, text: str,
                                                                     expected: str | None) -> None:
    reading = read_text(analyze(question, harbor), _sentence(harbor, 1), text, harbor)
    assert (reading.answer if reading.source == "typed" else None) == expected


def test_a_refund_is_a_sum_not_a_count_of_tickets(harbor: FactBase) -> None:
    q = analyze("how much will the partial refund be?", harbor)
    reading = read_text(q, _sentence(harbor, 1), "Holders of the 18,700 season tickets get a partial refund.", harbor)
    assert reading.source != "typed" or reading.typed < 0.5  # a count where a sum is asked: barely


def test_a_sum_is_as_sure_an_answer_to_what_share_or_rate_as_to_how_much_money(harbor: FactBase) -> None:
    for question, text, expected in [
            ("what share of the schedule will the planes cover?",
             "The chartered planes will cover about 60 percent of the normal schedule.", "about 60 percent"),
            ("what was inflation in october?", "Consumer prices rose 4.6 percent in the year to October.",
             "4.6 percent")]:
        reading = read_text(analyze(question, harbor), _sentence(harbor, 1), text, harbor)
        assert (reading.answer, reading.typed) == (expected, 1.0)


@pytest.mark.parametrize(("question", "expected"), [
    ("how much will the park pay the city?", "around 1.2 million euros a year"),  # the rate is part of the sum
    ("how much will the park pay the city a year?", "around 1.2 million euros"),  # unless asked with it
    ("how much will the park pay per year?", "around 1.2 million euros"),
])
def test_a_sum_is_told_with_its_rate_unless_the_question_names_it(harbor: FactBase, question: str,
                                                                   expected: str) -> None:
    text = "The park will pay the city around 1.2 million euros a year in rent, the council said."
    assert read_text(analyze(question, harbor), _sentence(harbor, 1), text, harbor).answer == expected


def test_the_noun_asked_about_is_not_a_verb_of_its_stem(harbor: FactBase) -> None:
    text = "Prices in the capital have risen 11 percent since 2023, and the union wants a 9 percent pay rise."
    reading = read_text(analyze("what pay rise does the union want?", harbor), _sentence(harbor, 1), text, harbor)
    assert reading.answer == "9 percent pay rise"


def test_what_someone_called_it_is_also_what_they_dismissed_it_as(harbor: FactBase) -> None:
    text = ("Kremlin spokesman Viktor Sedykh said the plan \"does not suit us at all\" and dismissed it as "
            "\"completely unconstructive\".")
    reading = read_text(analyze("what did the kremlin spokesman call the plan?", harbor), _sentence(harbor, 1), text,
                        harbor)
    assert reading.answer == "completely unconstructive"


def test_an_answer_does_not_open_on_the_word_that_links_its_clause(harbor: FactBase) -> None:
    text = "Thousands lined the streets on Sunday, and police said no incidents were reported."
    reading = read_text(analyze("were there any incidents?", harbor), _sentence(harbor, 1), text, harbor)
    assert reading.answer is not None and "no incidents" in reading.answer
    assert not reading.answer.startswith(("and ", "but "))


def test_a_fee_per_trip_is_no_question_for_a_rate(harbor: FactBase) -> None:
    text = "The city charges a fee of 12 cents per trip, which brought in about 310,000 euros last year."
    per = "how much did the city make from the per-trip fee last year?"
    assert read_text(analyze(per, harbor), _sentence(harbor, 1), text, harbor).answer == "about 310,000 euros"
    fee = "how much is the fee per trip?"
    assert read_text(analyze(fee, harbor), _sentence(harbor, 1), text, harbor).answer == "12 cents"


def test_a_place_the_sentence_does_not_call_what_was_asked_is_less_sure_not_ruled_out(harbor: FactBase) -> None:
    from bot.core.places import UNCALLED_PLACE

    text = "The plant will be built in Clarksville, the company said."
    town = read_text(analyze("which town will the plant be built in?", harbor), _sentence(harbor, 1), text, harbor)
    where = read_text(analyze("where will the plant be built?", harbor), _sentence(harbor, 1), text, harbor)
    assert town.answer == where.answer == "Clarksville"
    assert town.typed == pytest.approx(where.typed * UNCALLED_PLACE)


def test_a_number_not_counting_the_noun_asked_about_is_less_sure(harbor: FactBase) -> None:
    from bot.core.figures import UNNAMED_COUNT

    text = "The operator hired 40 to carry stranded passengers to the coast."
    reading = read_text(analyze("how many buses did the operator hire?", harbor), _sentence(harbor, 1), text, harbor)
    assert (reading.answer, reading.typed) == ("40", UNNAMED_COUNT)
