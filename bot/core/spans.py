"""Typed spans of a sentence: dates, durations, amounts, tallies, quotations, and the patterns of
numbers, dates and measures the other finders read (counts: ``counts``; reasons: ``reasons``;
where a clause ends: ``clauseends``; names: ``proper``).

Every finder returns ``(start, end)`` character offsets into the text it was given, so that a
short answer cut from them is always a verbatim span of the source. Rules only: news English
is regular enough in how it writes dates, sums and names; no model is loaded.
"""
from __future__ import annotations

import re
from functools import lru_cache

Span = tuple[int, int]

MONTHS = ("January February March April May June July August September October November December").split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTH = "|".join(MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
_DAY = "|".join(DAYS)
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
                "dozen dozens").split()
# (singular too, as a modifier: "a 40 million euro loan")
CURRENCY_WORDS = ("dollars?|euros?|pounds?|yuan|rubles?|roubles?|francs?|hryvnias?|crowns?|kronor|kroner|krona|krone|"
                  "pesos?|rupees?|rand|yen|lira|zloty|shekels?|dinars?|dirhams?|riyals?|forints?")
# A number in digits or words ("28", "1,100", "twenty-one", "a dozen", "hundreds of"; capitalized
# too: "Six coalition lawmakers broke ranks" opens a sentence).
NUMBER_RE = rf"(?:(?:[Tt]ens of |[Hh]undreds of )?(?:[Dd]ozens|[Hh]undreds|[Tt]housands|[Mm]illions) of|" \
            rf"\d[\d,.]*\d|\d|(?:{'|'.join(NUMBER_WORDS + [w.capitalize() for w in NUMBER_WORDS])})" \
            rf"(?:[- ](?:{'|'.join(NUMBER_WORDS)}))?|a dozen|a few|several)"
_APPROX = r"(?:(?:(?:about|around|roughly|nearly|almost|some|at least|up to) minus|" \
          r"about|around|roughly|nearly|almost|some|more than|less than|fewer than|over|under|at least|minus|" \
          r"up to|only|just|all|another|an estimated|a total of|a further|an additional|" \
          rf"between {NUMBER_RE}(?: [a-z]+)? and|(?<!from )(?<![\d.,])(?!(?:19|20)\d\d\b){NUMBER_RE} to)\s+)?"
# "between 30 and 36 months", "by 8 to 12 percent": a range is one answer (not "from 8 to 12", a change,
# nor "from 93 percent in 2014 to 84 percent", a year)

DATE = re.compile(
    rf"\b(?:(?:{_DAY})\s*\((?:{MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?\)"
    rf"|(?:[A-Z][a-z]+ Day\s*)?\((?:{MONTH})\s+\d{{1,2}}(?:,\s*(?:{_DAY}))?\)"
    rf"|between (?:{MONTH})(?:\s+\d{{4}})? and (?:{MONTH})(?:\s+\d{{4}})?"
    rf"|(?:(?:{_DAY}),?\s+)?(?:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{MONTH})(?:\s+\d{{4}})?"
    rf"|(?:(?:early|mid|late|the end of|the start of|the beginning of|the middle of|end of|mid-)\s*)?"
    rf"(?:{MONTH})(?:\s+(?:1[5-9]|20)\d{{2}})?"
    rf"|(?:next|last|this|early|late|coming)\s+(?:spring|summer|autumn|fall|winter|week|weekend|month|year)"
    rf"|(?:the\s+)?(?:end|start|beginning|middle) of (?:the )?(?:year|month|week|decade)"
    rf"|(?:(?:early|mid|late|the end of|the start of)\s*-?\s*)?(?:the\s+)?(?:first|second|third|fourth|final|last) "
    rf"(?:quarter|half) of (?:(?:1[5-9]|20)\d{{2}}|(?:next|this|the) year)"
    rf"|(?:early|mid|late)-(?:1[5-9]|20)\d{{2}}"
    rf"|(?:1[5-9]|20)\d{{2}}s?"
    rf"|(?:{_DAY})(?:s|\s+(?:morning|afternoon|evening|night))?"
    rf"|[A-Z][a-z]+ (?:Day|Eve)|Thanksgiving|Christmas|Easter"
    rf"|tomorrow|yesterday|today|tonight|overnight"
    rf"|(?:(?:less|more) than\s+)?{NUMBER_RE}\s+(?:hours?|days?|weeks?|months?|years?|minutes?)\s+"
    rf"(?:later|earlier|ago|after\b[^,.;]{{0,40}})"
    rf"|the (?:coming|next|past|previous) (?:few )?(?:days|weeks|months|hours)"
    rf"|within {NUMBER_RE}(?: to {NUMBER_RE})? (?:hours|days|weeks|months|years)"
    rf"|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+(?:to|and|until)\s+\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?)?|midday|noon|midnight"
    rf"|[0-2]?\d:[0-5]\d(?:\s+(?:local time|GMT|UTC|CET|EST|ET))?)\b\)?")
# "how long did it last?" (not "how long has he been envoy?", which "since March 2025" answers).
HOW_LONG_LASTED = re.compile(r"\bhow (?:long|many|much)\b(?! (?:has|have|had)\b)")
# How long someone has held a role or place ("how long has she been director?", not "been waiting").
TENURE_ASKED = re.compile(r"^how long (?:has|have|had) .+ (?:been(?! \w+ing\b)|served|worked|led|run|chaired|held)\b")
# "How long is it?" of a thing is its length: "a 9.4-kilometre tram line", "the bridge, 1.2 km long",
# "a 23-page ruling".
# (not "how long is it supposed to last?": a duration)
NOT_LASTING = r"(?!.*\b(?:last|lasts|take|takes|run|runs|go on|stay|remain)\b)"
LENGTH_ASKED = re.compile(rf"^how long (?:is|was|are|were|will (?:the|it|they))\b{NOT_LASTING}")
LENGTH = re.compile(r"\b\d[\d,.]*[- ]?(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|foot|pages?)\b"
                    r"(?:[- ]long\b)?")
# "how high / fast / old ...?" asks for a measure, answered in its units.
# Not "big": often a sum; not "how far has demand fallen?": a change.
MEASURE_ASKED = re.compile(r"^how (?:high|tall|deep|wide|long|heavy|old|fast|hot|cold|warm|"
                           r"far (?:away|apart|out|off|from|is|was|are|were|will|would))\b")
DISTANCE = re.compile(r"\b(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|yards?|feet|foot|light-years?)\b")
MEASURE = re.compile(r"\b(?:metres?|meters?|m|km|kilomet(?:re|er)s?|miles?|feet|foot|ft|inches|cm|centimet(?:re|er)s?|"
                     r"millimet(?:re|er)s?|mm|tonnes?|tons?|kg|kilograms?|pounds|lbs?|acres?|hectares?|square|"
                     r"storeys?|stories|floors|years? old|aged?|mph|km/h|kph|knots|miles per hour|"
                     r"kilometres per hour|degrees(?: Celsius| Fahrenheit| C| F)?|light-years?)\b|"
                     r"\b\d+-(?:year|acre|hectare|metre|meter|kilomet(?:re|er)|km|mile|foot)\b")
CURRENCY = re.compile(rf"[$€£¥]|\b(?:{CURRENCY_WORDS})\b")
CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\b\d{1,2}:\d\d\b|\b(?:noon|midnight)\b", re.IGNORECASE)
YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_SMALL_NUMBERS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                  "sixteen|seventeen|eighteen|nineteen|twenty")
# A vote's tally: "8-3", "voted 5–2", "by 31 votes to 14", "by nine votes to four", "voted 26 to 25"
# (not a season "2028-29" nor a range "10-15 percent").
TALLY = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?![-–]?\d|\s*(?:percent|per cent|%|years?|hours?|days?|months?))"
                   rf"|\b(?:\d{{1,3}}|{_SMALL_NUMBERS}) votes? to (?:\d{{1,3}}|{_SMALL_NUMBERS})\b"
                   rf"|(?:(?<=\bvoted )|(?<=\bvoting ))"
                   rf"(?:\d{{1,3}}|{_SMALL_NUMBERS}) to (?:\d{{1,3}}|{_SMALL_NUMBERS})\b")
# How an age is written: "the 52-year-old", "aged 52", "52 years old", "Reyland, 52,".
AGE = re.compile(rf"\b(?:\d{{1,3}}|{'|'.join(NUMBER_WORDS)})-year-old\b|\baged \d{{1,3}}\b|"
                 r"\b\d{1,3} years old\b|(?<=, )\d{1,3}(?=,)|\bage of \d{1,3}\b", re.IGNORECASE)
# How strength is rated: "a magnitude 6.4 earthquake", "a 5.1-magnitude tremor", "a Category 4 hurricane".
RATING = re.compile(r"\b(?:[Mm]agnitude[- ]\d+(?:\.\d+)?|\d+(?:\.\d+)?[- ]magnitude|[Cc]ategory[- ]\d\b|"
                   r"\d+(?:\.\d+)? on the Richter scale)")
# How many times: "once", "twice", "three times".
TIMES = re.compile(rf"\b(?:once|twice|thrice|{NUMBER_RE} times|(?:on )?{NUMBER_RE} (?:separate )?occasions|"
                   rf"{NUMBER_RE} rounds)\b")
# "how often ...?" asks for a frequency: "every six months", "twice a week", "once-a-month", "daily".
HOW_OFTEN = re.compile(r"^how (?:often|frequently)\b")
_PERIOD = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|season)"
FREQUENCY = re.compile(
    rf"\b(?:every|each)\s+(?:other\s+|(?:{NUMBER_RE})\s+)?{_PERIOD}s?\b"
    rf"|\b(?:once|twice|(?:{NUMBER_RE})\s+times)(?:[- ]an?[- ]|\s+(?:per|every|each)\s+){_PERIOD}\b"
    rf"|\b(?:hourly|nightly|daily|weekly|fortnightly|monthly|quarterly|yearly|annually|biannually)\b")
DURATION = re.compile(
    rf"\b{_APPROX}(?:{NUMBER_RE}|an?|half an?)[- ]"
    rf"(?:(?:more|additional|extra|further|full|straight|consecutive|school|working|business|trading|calendar) )?"
    rf"(?:and[- ]a[- ]half[- ])?(?:hours?|days?|weeks?|months?|years?|"
    rf"decades?|minutes?|seconds?|nights?)(?: (?:long|later|earlier|ago|behind schedule|late))?\b(?!-old)"
    rf"(?:,? (?:and )?{NUMBER_RE} (?:minutes?|seconds?|hours?|days?|months?))?"  # "1 minute 47 seconds"
    rf"|\b(?:a|one|two|three|several) decades?\b|\bovernight\b")
# A share told as a ratio of people or things: "one in three growers", "1 in 20".
ONE_IN = r"(?:one|two|three|\d{1,2}) in (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?![\d,.])"
SHARE_TOLD = re.compile(rf"percent|per cent|%|half|third|quarter|\b{ONE_IN}")
MONEY = re.compile(
    rf"{_APPROX}(?:(?:US|C|A)?[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k)\b)?"
    rf"|\b{NUMBER_RE}\s?(?:million|billion|trillion)?\s?(?:{CURRENCY_WORDS})\b"
    rf"|\b{NUMBER_RE}\s?(?:percent|per cent|percentage points?)\b|\b\d[\d.]*\s?%"
    rf"|\b(?:(?:nearly|almost|more than|about|roughly) )?"
    rf"(?:half|a third|a quarter|a fifth|a tenth|two thirds|three quarters|{ONE_IN})\b)")
# Not the 4 of "Kestrel-4" (a name), nor a number inside another.
_NOT_COUNTED = r"(?!(?:and|or|to|in|on|at|by|over|from|for|with|after|before|during|since|until|than|as)\b)"
COUNT = re.compile(rf"(?<![\w$€£.,:])(?<![A-Za-z]-)({_APPROX}{NUMBER_RE})\b"
                   rf"(?:[- ]{_NOT_COUNTED}([a-z][a-z-]*)"
                   rf"(?: {_NOT_COUNTED}[a-z][a-z-]*){{0,2}})?")
QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"|‘[^’]{3,}’(?!\w)|(?<!\w)'[^']{3,}'(?!\w)")
# A place given by its distance from another: "about 900 kilometres east of the launch site".
RELATIVE_PLACE = re.compile(
    rf"\b{_APPROX}\d[\d,.]*\s?(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|yards?)\s+"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?|up(?:stream|river)|down(?:stream|river)|off(?:shore)?|"
    r"outside|from|inland|away from)\s+(?:of\s+)?(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?"
    r"(?=[,.;]|\s+(?:in|on|at|inside|where|which|and|after|before|when)\b|$)")


def _all(pattern: re.Pattern[str], text: str) -> tuple[Span, ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())


@lru_cache(maxsize=32768)
def dates(text: str) -> tuple[Span, ...]:
    """Dates and times; a time and the day after it are one ("11 a.m. on Thursday")."""
    out: list[Span] = []
    for s in _all(DATE, text):
        if not text[s[0]:s[1]].strip(" ()"):
            continue
        if out and re.fullmatch(r"\.?\s*(?:on|,)?\s*", text[out[-1][1]:s[0]]) and re.search(
                r"(?:\d\s*[ap]\.?m\.?|midday|noon|midnight)$", text[out[-1][0]:out[-1][1]]):
            out[-1] = (out[-1][0], s[1])
        elif out and text[out[-1][1]:s[0]] == " and " and text[max(0, out[-1][0] - 8):out[-1][0]] == "between ":
            out[-1] = (out[-1][0] - 8, s[1])  # "between March 11 and June 2" is one time, a span of it
        else:
            out.append(s)
    # "before Wednesday at the earliest": the limit is part of the date
    return tuple((a, b + m.end()) if (m := _AT_THE_EARLIEST.match(text[b:])) else (a, b) for a, b in out)


_AT_THE_EARLIEST = re.compile(r"\s+at the (?:earliest|latest)\b")


@lru_cache(maxsize=32768)
def durations(text: str) -> tuple[Span, ...]:
    return _all(DURATION, text)


@lru_cache(maxsize=32768)
def frequencies(text: str) -> tuple[Span, ...]:
    return _all(FREQUENCY, text)


@lru_cache(maxsize=32768)
def tallies(text: str) -> tuple[Span, ...]:
    return _all(TALLY, text)


@lru_cache(maxsize=32768)
def ratings(text: str) -> tuple[Span, ...]:
    return _all(RATING, text)


@lru_cache(maxsize=32768)
def times(text: str) -> tuple[Span, ...]:
    return _all(TIMES, text)


@lru_cache(maxsize=32768)
def amounts(text: str) -> tuple[Span, ...]:
    found = [(m.start(), m.end()) for m in MONEY.finditer(text) if text[m.start():m.end()].strip()]
    out: list[Span] = []
    for s in found:
        # "between $60 million and $85 million" is one amount, a range, as is "costs of $45 million to
        # $60 million" (but "from $45 million to $60 million" and "by $12 to $85" are a change, and "a 14
        # percent claim" no sum)
        if out and text[out[-1][1]:s[0]] == " and " and text[max(0, out[-1][0] - 8):out[-1][0]] == "between ":
            out[-1] = (out[-1][0] - 8, s[1])
        elif out and text[out[-1][1]:s[0]] == " to " and not re.search(r"\b(?:from|by)\s+$", text[:out[-1][0]]) and \
                CURRENCY.search(text[out[-1][0]:out[-1][1]]) and CURRENCY.search(text[s[0]:s[1]]):
            out[-1] = (out[-1][0], s[1])
        else:
            out.append(s)
    # "up to 10 percent of its annual turnover": the share with what it is a share of; "8.5 million
    # euros a year": the sum with the rate it is paid at
    return tuple((a, b + m.end()) if _PERCENT_END.search(text[a:b]) and (m := _SHARE_OF.match(text[b:])) else
                 (a, r.end()) if (r := RATE.match(text, b)) else (a, b) for a, b in out)


_PERCENT_END = re.compile(r"(?:percent|per cent|%)$")
_SHARE_OF = re.compile(r" of (?:its|the|their|his|her|a|all)? ?(?:[a-z'’-]+ ){0,2}?(?:turnover|revenues?|sales|income|"
                       r"budget|GDP|gross domestic product|output|market|vote|votes|workforce|staff|population|"
                       r"capacity|profits?|earnings|exports|imports|supply|demand)\b")


# The rate a sum or a quantity is told at, part of its answer: "8.5 million euros a year", "25 cents a
# minute", "1.6 million litres of water a day", "4 parts per million", "A$4,500 for every hectare" (not "a
# year ago", "a day later").
RATE = re.compile(r"(?:\s+of\s+[a-z]+)?\s+(?:(?:a|an|per|each|every)\s+(?:day|night|week|month|year|hour|minute|"
                  r"person|head|capita|household|passenger|resident|customer|pupil|student|worker|employee|visitor|"
                  r"tonne|ton|litre|liter|kilogram|kilo|kilometre|kilometer|mile|unit|vehicle|trip|ride|flight|"
                  r"game|match|season)|per\s+(?:million|billion|thousand|millilitre|milliliter|cubic\s+metre)|"
                  r"(?:per|for every|for each)\s+(?!cent\b)[a-z][a-z-]*)\b"
                  r"(?!\s+(?:ago|earlier|later|before|after|old)\b)")


@lru_cache(maxsize=32768)
def quotes(text: str) -> tuple[Span, ...]:
    """Quotations, without their quotation marks."""
    return tuple((m.start() + 1, m.end() - 1) for m in QUOTE.finditer(text))
