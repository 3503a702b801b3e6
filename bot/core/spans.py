"""Typed spans of a sentence: dates, durations, amounts, counts, quotations, reasons (names: ``proper``).

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
_MONTH = "|".join(MONTHS) + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
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
_APPROX = r"(?:(?:about|around|roughly|nearly|almost|some|more than|less than|fewer than|over|under|at least|minus|" \
          r"up to|only|just|all|another|an estimated|a total of|a further|an additional|" \
          rf"between {NUMBER_RE}(?: [a-z]+)? and|(?<!from ){NUMBER_RE} to)\s+)?"
# "between 30 and 36 months", "by 8 to 12 percent": a range is one answer (not "from 8 to 12", a change)

DATE = re.compile(
    rf"\b(?:(?:{_DAY})\s*\((?:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?\)"
    rf"|(?:[A-Z][a-z]+ Day\s*)?\((?:{_MONTH})\s+\d{{1,2}}(?:,\s*(?:{_DAY}))?\)"
    rf"|between (?:{_MONTH})(?:\s+\d{{4}})? and (?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:(?:{_DAY}),?\s+)?(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?"
    rf"|(?:(?:early|mid|late|the end of|the start of|the beginning of|the middle of|end of|mid-)\s*)?"
    rf"(?:{_MONTH})(?:\s+(?:1[5-9]|20)\d{{2}})?"
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
REASON = re.compile(r"\b(?:because(?: of)?|due to|owing to|as a result of|caused by|thanks to|after|when|"
                    r"blamed (?:\w+ )?on|attributed (?:\w+ )?to|"  # "which Vallejo blamed on a software fault"
                    r"blames|blamed(?! (?:\w+ )?on\b)|reflected|(?:driven|triggered|prompted|fuelled|fueled) by|"
                    r"so that|in order to|to make up for|for fear of|citing|blaming|amid|over concerns?|"
                    r"arguing(?: that)?|saying(?: that)?|claiming(?: that)?|insisting(?: that)?|"
                    r"for(?= \w+ing\b))\b", re.IGNORECASE)  # "criticised the authority for waiting ..."
# Markers that may only tell when, or what someone said: a reason only when no plainer one is there.
WEAK_REASON = re.compile(r"(?:after|when|arguing|saying|claiming|insisting)\b", re.IGNORECASE)
PURPOSE = re.compile(r"\b(?:in order to|so as to|to) (?!be\b|the\b|a\b|an\b|this\b|that\b|its\b|his\b|her\b|their\b)"
                     r"[a-z]+")
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


_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.?m\b|:\d\d)")
# A capitalized word right before a number, not opening the sentence: "Local 318", "Road 412".
_NAMED_NUMBER = re.compile(r"(?<![.!?“\"]\s)(?<!^)(?<=\s)(?!(?:About|Nearly|Almost|Some|Only|Over|Under|Just|All|"
                           r"Another|More|Fewer|At|By|In|On|Of|To|And|The|Top|Around|Roughly)\b)[A-Z][a-z]+ $")


@lru_cache(maxsize=32768)
def counts(text: str) -> tuple[tuple[Span, Span | None], ...]:
    """Numbers with the words after them: (the whole span, the span of the counted words)."""
    out = []
    tallied = tallies(text)
    for m in COUNT.finditer(text):
        number = text[m.start(1):m.end(1)]
        if any(a <= m.start(1) < b for a, b in tallied):
            continue  # "the 5-4 split": a vote or a score, told by ``tallies``
        if YEAR.fullmatch(number.split()[-1]) or re.search(rf"(?:{_MONTH})\s*$", text[:m.start()]) or \
                (number[:1].isdigit() and _NAMED_NUMBER.search(text[:m.start()])) or \
                _CLOCK_AFTER.match(text, m.end(1)):
            continue  # a year, a date's day, a name's number ("AAU Local 318", "Forest Road 412"), "1 p.m."
        end, noun = m.end(), None
        if (of := _OF_THE.match(text, m.end(1))) and (length := _noun_length(of.group(1))):
            end, noun = of.start(1) + length, (of.start(1), of.start(1) + length)  # "Three of the injured"
        elif m.group(2):
            length = _noun_length(text[m.start(2):m.end()])
            end, noun = (m.start(2) + length, (m.start(2), m.start(2) + length)) if length else (m.end(1), None)
        if noun is not None and DISTANCE.search(text, noun[0], noun[1]) and (rate := _PER_TIME.match(text, end)):
            end = rate.end()  # "65 kilometres per hour" is a speed: the rate is part of it
        elif noun is not None and MEASURE.search(text, noun[0], noun[1]) and (rate := _PER_UNIT.match(text, end)):
            end = rate.end()  # "180 kilograms per square metre" is a load: the rate is part of it
        elif noun is not None and _TIME_UNIT.fullmatch(text[noun[0]:noun[1]]) and \
                (more := _SECOND_UNIT.match(text, end)):
            end = more.end()  # "1 minute 47 seconds" is one time
        elif noun is not None and text[noun[0]:noun[1]] in ("degree", "degrees") and \
                (scale := _SCALE.match(text, end)):
            end = scale.end()  # "47 degrees Celsius"
        elif noun is not None and (slash := _SLASH_UNIT.match(text, end)):
            end = slash.end()  # "15 km/h", not "15 km"
        elif noun is not None and (rate := RATE.match(text, end - 3 if text.endswith(" of", 0, end) else end)):
            end = rate.end()  # "1.6 million litres of water a day", "4 parts per million"
        start = m.start()
        if (part := _PART_OF.search(text, max(0, start - 40), start)) is not None:
            start = part.start()  # "two of the 14 steel trusses": how many of them, with what they are of
        out.append(((start, end), noun))
    return tuple(out)


# "Three of the hospitalised patients" (not "one of the most divisive schemes": no count of them)
_OF_THE = re.compile(r" of (?:the|its|their|these|those|his|her) (?!most\b|least\b|best\b|worst\b|[a-z]+est\b)"
                     r"((?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*)")
_SCALE = re.compile(r" (?:Celsius|Fahrenheit|centigrade|C|F)\b")
# The rate a sum or a quantity is told at, part of its answer: "8.5 million euros a year", "25 cents a
# minute", "1.6 million litres of water a day", "4 parts per million", "A$4,500 for every hectare" (not "a
# year ago", "a day later").
RATE = re.compile(r"(?:\s+of\s+[a-z]+)?\s+(?:(?:a|an|per|each|every)\s+(?:day|night|week|month|year|hour|minute|"
                  r"person|head|capita|household|passenger|resident|customer|pupil|student|worker|employee|visitor|"
                  r"tonne|ton|litre|liter|kilogram|kilo|kilometre|kilometer|mile|unit|vehicle|trip|ride|flight|"
                  r"game|match|season)|per\s+(?:million|billion|thousand|millilitre|milliliter|cubic\s+metre)|"
                  r"(?:per|for every|for each)\s+(?!cent\b)[a-z][a-z-]*)\b"
                  r"(?!\s+(?:ago|earlier|later|before|after|old)\b)")
_SLASH_UNIT = re.compile(r"/(?:h|hr|s|sec|min|yr)\b")
_PART_OF = re.compile(rf"(?<![\w$€£.,:])(?:{NUMBER_RE}|none|[Nn]one) of (?:the |its |their |those |these )?"
                      r"(?:[\w-]+['’]s )?$")  # "Thirty-one of the state's 178 districts"
_TIME_UNIT = re.compile(r"(?:hours?|minutes?|seconds?|days?|weeks?|months?|years?)")
_SECOND_UNIT = re.compile(rf",? (?:and )?{NUMBER_RE} (?:minutes?|seconds?|hours?|days?|months?)\b")
_PER_UNIT = re.compile(r"\s+per\s+(?:square\s+|cubic\s+)?(?:met(?:re|er)|kilomet(?:re|er)|foot|feet|mile|hectare|"
                       r"acre|person|head|capita|day|week|month|year|hour)s?\b")
_PER_TIME = re.compile(r"\s+(?:per|an?|each)\s+(?:hour|minute|second)\b")


# Words that end the counted noun phrase: "900 evacuees spent", "25 member states rather", "140
# businesses have already" are 900 evacuees, 25 member states, 140 businesses.
_NOUN_END = frozenset("have has had were was are is be been will would could can may might must did does do "
                      "since rather than once it from with for as who that which the a an its their his her "
                      "there here also still already now then just each per when while where after before "
                      "because if until unless but".split())
_PLURALS = frozenset("people men women children staff police aircraft personnel troops cattle".split())


def _noun_length(words: str) -> int:
    """How many characters of the words after a number are the noun counted."""
    kept, of, head = 0, words.startswith("of "), False  # "all 28 of its turboprop aircraft"
    found = list(re.finditer(r"\S+", words))
    for i, w in enumerate(found):
        word = w.group(0)
        if head and word != "of":
            break  # after the plural noun only "of" goes on: "96 millimetres of rain"
        # only compound modifiers so far ("60 two-person counting teams"): a participle may still modify
        leading = all("-" in f.group(0) or ADVERB.fullmatch(f.group(0)) for f in found[:i])
        if (word in _NOUN_END and not of) or (re.fullmatch(r"[a-z]+(?:ed|ing)", word) and not (
                leading and i + 1 < len(found) and _is_plural(found[i + 1].group(0)))):
            break  # "900 evacuees spent", but "three neighbouring substations", "two injured workers"
        kept = w.end()
        of = of or word == "of"
        # "two police drones", "three staff members": an unmarked plural before a plural noun modifies it
        modifier = word in _PLURALS and i + 1 < len(found) and (after := found[i + 1].group(0)) not in _NOUN_END \
            and after not in _PLURALS and _is_plural(after)
        head = not of and _is_plural(word) and not modifier
    return kept


# an adverb in -ly (not a noun such as "family")
ADVERB = re.compile(r"(?!(?:family|supply|assembly|rally|italy|july|monopoly|anomaly)$)[a-z]{3,}ly")


def _is_plural(word: str) -> bool:
    return word in _PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 3)


@lru_cache(maxsize=32768)
def quotes(text: str) -> tuple[Span, ...]:
    """Quotations, without their quotation marks."""
    return tuple((m.start() + 1, m.end() - 1) for m in QUOTE.finditer(text))


# Where a clause ends: punctuation (not the comma of "1,350", the point of "3.8" or "U.S."), or a word
# that starts another clause.
# (not the colon of "11:40", the points of "p.m." going on ("at 11:40 p.m. on Tuesday") nor that of
# a month before its day ("tabled on Nov. 12"))
_CLAUSE_END = re.compile(r",(?!\d{3})|[;!?—()]|(?<!\d):|:(?!\d\d)|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!Mrs)"
                         r"(?<!\b[ap])\.(?!\d)(?!(?<=[ap]\.m\.)\s+[a-z])"
                         r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)(?!(?<=Sept\.)\s+\d)"
                         r"|\s(?:but|while|which|who|whom|whose|saying|calling|leaving|adding|although|though|"
                         r"because|when|where|after|before|since|until|unless|whereas)\s")


_NUMBER_WORD = re.compile(r"[$€£]?\d[\d,.]*")
_CUT_TAIL = frozenset("& a an the of to in on at by for with from and or but that which who as its their his her"
                      .split())


@lru_cache(maxsize=65536)
def clause_after(text: str, pos: int, max_words: int = 12) -> Span:
    """From ``pos`` to the end of its clause (a comma, a full stop, "and", ...), at most ``max_words``."""
    while pos < len(text) and text[pos] in " ,“\"‘":
        pos += 1
    m = _CLAUSE_END.search(text, pos + 1)
    if m and m.group(0).strip() in ("because", "when", "where", "after", "before", "since", "until") and \
            m.start() - pos < 4:
        m = _CLAUSE_END.search(text, m.end())
    end = m.start() if m else len(text)
    words = list(re.finditer(r"\S+", text[pos:end]))
    if len(words) > max_words:
        keep = max_words
        # A cut never separates a number from its unit ("6.2 | percent") nor ends on "of", "the"...
        if keep < len(words) and _NUMBER_WORD.fullmatch(words[keep - 1].group(0)):
            keep += 1
        limit = keep + 3  # nor a name ("Brauer & | Lind")
        while keep < min(len(words), limit) and words[keep].group(0)[0].isupper() and \
                (words[keep - 1].group(0) == "&" or words[keep - 1].group(0)[0].isupper()):
            keep += 1
        while keep > 1 and words[keep - 1].group(0).lower() in _CUT_TAIL:
            keep -= 1
        end = pos + words[keep - 1].end()
    return pos, end


@lru_cache(maxsize=32768)
def reasons(text: str) -> tuple[Span, ...]:
    """Clauses giving a cause or purpose: "because a shortage of membranes delayed deliveries"."""
    out = []
    for m in REASON.finditer(text):
        out.append((m.start(), clause_after(text, m.end(), 14)[1]))
    for m in PURPOSE.finditer(text):
        if not _MADE_TO.search(text, max(0, m.start() - 60), m.start()) and \
                not _COMPLEMENT_TO.search(text, max(0, m.start() - 40), m.start()):
            out.append((m.start(), clause_after(text, m.end(), 12)[1]))
    return tuple(out)


# "which appeared to shut down early", "plans to appeal": what a verb's infinitive completes is no purpose
_COMPLEMENT_TO = re.compile(r"\b(?:appear|seem|expect|likely|unlikely|going|has|have|had|used|able|unable|due|about|"
                            r"need|want|plan|decide|decided|agree|refuse|fail|tend|tri|try|hope|wish|continu|began|"
                            r"begin|start|set|prepared|ready|willing|allowed|vowed|promised)\w*\s+$", re.IGNORECASE)
# "forcing staff to postpone 12 operations": what a cause made someone do, its effect, no purpose
_MADE_TO = re.compile(r"\b(?:forc|caus|prompt|compell?|oblig)\w*\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
