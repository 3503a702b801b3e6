"""Nouns that name a kind of answer: a person, a body, a place, a time, a sum or a measure.

"which *company* built it?" wants a company, "what *year*" a year, "how many *people*" a count of
people; the question types (``qtypes``) route on these words, and a kind noun the article never
uses is no word the question misses (``questions``).
"""
from __future__ import annotations

import re

PERSON_NOUNS = (r"(?:president|presidents|person|people|official|officials|leader|leaders|senator|senators|"
                r"congressman|lawmaker|lawmakers|minister|politician|politicians|diplomat|secretary|man|woman|"
                r"mayor|governor|spokesman|spokeswoman|spokesperson|envoy|chief|director|commissioner|expert|"
                r"scientist|executive|ceo|head|member|members|boss|chair|founder|owner|manager|captain|commander|"
                r"rector|inspector|investigator|negotiator|teacher|doctor|nurse|pilot|driver|rider|coach|player|"
                r"judge|prosecutor|girl|boy|child|passenger|student|resident|victim|suspect|worker)")
PERSON_WORD = re.compile(rf"^(?:{PERSON_NOUNS}|[a-z]+(?:man|woman|ist|ian)s?|guy|guys|analyst|lawyer|officer)$")


# The titles of whoever runs an organization: "who heads X?" is answered by its chief executive.
TOP_TITLES = ("head leader lead chief ceo chief executive president chairman chair chairwoman director boss "
              "manager general manager managing director")
GENERIC_TOP_TITLES = "boss head leader chief"


def names_person(words: str) -> bool:
    """Whether ``words`` speak of a person ("the US envoy", "the analyst", "the guy leading it"),
    not a thing ("the drug being recalled", "the new plant")."""
    return any(PERSON_WORD.match(w) for w in words.split())


def kind_noun(word: str) -> bool:
    """Whether ``word``, as the noun of "which <noun>", names the kind of answer wanted (a body, a
    place, a person, a date, a sum) rather than what the question is about."""
    return (word in AGENT_NOUNS or word in PLACE_NOUNS or word in TIME_NOUNS or word in AMOUNT_NOUNS
            or bool(PERSON_WORD.match(word)))


AGENT_NOUNS = {"company", "companies", "firm", "firms", "group", "groups", "organization", "organisation",
               "organizations", "union", "unions", "department", "agency", "agencies", "team", "teams", "party",
               "parties", "newspaper", "paper", "outlet", "outlets", "media", "body", "bodies", "institution",
               "ministry", "committee", "council", "government", "governments", "side", "sides", "contractor",
               "supplier", "bank", "banks", "airline", "network", "station", "office", "court", "alliance",
               "bloc", "delegation", "delegations", "administration", "nation", "nations", "countries", "country",
               "state", "states", "regulator", "regulators", "authority", "authorities", "watchdog", "commission",
               "board", "manufacturer", "maker", "carmaker", "automaker", "insurer", "lender", "operator", "utility",
               "retailer", "broadcaster", "charity", "university", "school", "hospital", "club"}
PLACE_NOUNS = {"city", "cities", "place", "places", "town", "towns", "venue", "location", "locations", "region",
               "regions", "street", "river", "area", "areas", "province", "neighborhood", "neighbourhood",
               "district", "island", "capital", "site", "port", "county", "village", "villages", "airport"}
# Nouns that name one kind of sum ("revenue" is not a fine): the article has to say it.
SPECIFIC_AMOUNTS = frozenset({"revenue", "salary", "wage", "profit", "deficit", "surplus", "debt", "turnout",
                              "tariff", "dividend", "earnings", "income", "inflation", "unemployment", "valuation",
                              "premium", "odds", "yield"})
TIME_NOUNS = frozenset({"year", "years", "day", "days", "date", "dates", "month", "time", "weekday", "week", "season",
                        "deadline", "deadlines", "hours"})  # "what hours", "opening hours": from when to when
# In a question with no question word, these nouns ask when ("per day" or "the next few days" do not).
TERSE_TIMES = frozenset({"deadline", "deadlines", "date", "dates", "year", "weekday", "hours"})
AMOUNT_NOUNS = {"cap", "limit", "ceiling", "quota", "target", "threshold", "share", "percentage", "proportion",
                "portion", "fraction", "percent", "amount", "sum", "price", "cost", "margin", "turnout", "tally",
                "majority", "deficit", "surplus", "fine", "penalty", "salary", "wage", "revenue", "profit", "loss",
                "toll", "figure", "total", "rate", "budget", "fee", "value", "size", "number", "level",
                "altitude", "height", "depth", "length", "distance", "speed", "weight", "temperature", "elevation",
                "width", "yield", "inflation", "unemployment", "tariff", "dividend", "capacity",
                "earnings", "income", "debt", "money", "load", "multiple", "ratio", "valuation", "estimate",
                "estimates", "reading", "readings", "odds", "premium", "cut", "peak",
                "record", "age"}  # measures, asked as "how high" is ("captain's age?" as "how old")
