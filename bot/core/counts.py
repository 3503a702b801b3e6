"""Counts in a sentence: a number with the words it counts ("about 3,400 workers", "Three of the
hospitalised patients"), with the unit or rate that is part of it ("65 kilometres per hour"), and
not a year, a date's day, a clock time, a name's number or a vote's tally."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core.spans import COUNT, DISTANCE, MEASURE, MONTH, NUMBER_RE, RATE, YEAR, Span, tallies

_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.?m\b|:\d\d)")
# A capitalized word right before a number, not opening the sentence: "Local 318", "Road 412".
_NAMED_NUMBER = re.compile(r"(?<![.!?“\"]\s)(?<!^)(?<=\s)(?!(?:About|Nearly|Almost|Some|Only|Over|Under|Just|All|"
                           r"Another|More|Fewer|At|By|In|On|Of|To|And|The|Top|Around|Roughly)\b)[A-Z][a-z]+ $"
                           # or a road's letters: "the regional road SR 42" (not "a US 28-point plan")
                           r"|(?<![\w-])(?<!^)(?!(?:US|UK|EU|UN) )[A-Z]{2,3} $")


@lru_cache(maxsize=32768)
def counts(text: str) -> tuple[tuple[Span, Span | None], ...]:
    """Numbers with the words after them: (the whole span, the span of the counted words)."""
    out = []
    tallied = tallies(text)
    for m in COUNT.finditer(text):
        number = text[m.start(1):m.end(1)]
        if any(a <= m.start(1) < b for a, b in tallied):
            continue  # "the 5-4 split": a vote or a score, told by ``tallies``
        if YEAR.fullmatch(number.split()[-1]) or re.search(rf"(?:{MONTH})\s*$", text[:m.start()]) or \
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
