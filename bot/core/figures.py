"""The figures a sentence gives: how many and how much (counts of the noun asked about, sums,
shares, ratings, how many times, ages, measures). The value a change "from X to Y" leaves is
in ``changes``; the figure a thing stood at, and a vote's tally, in ``things``.

Like the other finders (``typed``), each returns a span of the text and how surely it is the
figure asked for.
"""
from __future__ import annotations

import re

from bot.core import proper, spans
from bot.core.actors import Found
from bot.core.changes import as_asked, new_value
from bot.core.counts import counts
from bot.core.factbase import FactBase
from bot.core.hits import Hit, anchor_hit, closest, echo, fresh
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import stem

__all__ = ["number"]

# Nouns of "what share / percentage ..." that ask for a percent, not a sum.
_SHARE_WORDS = frozenset({"percentage", "percent", "share", "proportion", "fraction", "rate"})
# How near the figure must follow the name asked about ("Finland with 85"), in characters.
_BESIDE_CHARS = 60
_ACTED_CHARS = 12  # a sum right after the word asked about: "throwing out $3.9 million"
# How sure the nearest number is when the question counts a noun the sentence does not count by
# ("how many buses?": "hired 40 to carry passengers"): at 0.5, 25 of 37 such readings in our sets
# were right and none answered; at 0.65, four more right answers and one more wrong.
UNNAMED_COUNT = 0.65

# Words of a question that ask for money rather than a count (not wages, revenue or tariffs: often
# asked as a percent, "how fast have wages grown?").
_MONEY_WORDS = frozenset({"cost", "pay", "price", "worth", "spend", "fund", "loan", "money", "budget", "fee", "bill",
                          "salary", "invest", "raise", "dollar", "euro", "pound", "grant", "bond", "estimat",
                          "refund", "fin", "bonus", "ransom", "deposit", "subsidy", "rent"})

# A question ending on the preposition of its answer ("raised it to?", "cut by?") asks for the sum after it.
_STRANDED = re.compile(r"\b(to|by|from)$")


def number(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The count, sum or measure the question asks for, with the rate it is told at ("8.5 million
    euros a year") unless the question already names that rate ("how much a month?": "85,000 euros")."""
    found = _number(question, text, hits, base)
    if found is None or isinstance(found[0], str):
        return found
    (start, end), strength = found[0], found[1]
    rate = spans.RATE.search(text, start, end)
    unit = _RATE_UNIT.search(text, rate.start(), end) if rate is not None and rate.end() == end else None
    if rate is not None and unit is not None and stem(unit.group(1).lower()) in question.stems:
        return (start, rate.start()), strength
    return found


# A telephone number is one number, its groups apart ("0800 555 0192", "+44 20 7946 0958").
_PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ -])?\(?0?\d{2,4}\)?(?:[ -]\d{2,4}){2,3}(?![\w.,]?\d)")
_DIALLED = frozenset("phone telephone hotline helpline call dial number".split())
# "the highest body temperature?": degrees, not "a 41-year-old man" (an age is a measure too)
_HEAT_WORDS = frozenset({"temperature", "temperatures"})
_DEGREES = re.compile(r"\bdegrees?\b|°")
_RATE_UNIT = re.compile(r"\b(?:a|an|per|each|every)\s+(?:square\s+|cubic\s+)?([a-z]+)$")


def _number(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    if question.normalized.startswith("how old") or question.focus_word == "age":
        return _age(question, text, hits)
    if question.words & _DIALLED and (dialled := [m.span() for m in _PHONE.finditer(text)]):
        return closest(dialled, hits, text), 1.0  # type: ignore[return-value]  # "hotline number?": "0800 555 0192"
    # "how far (away) is it?" asks for a distance: no sum of money, and in its units
    measured = question.normalized.startswith("how far") and bool(spans.MEASURE_ASKED.match(question.normalized))
    if _COMPARED_ASKED.search(question.normalized) and (ratios := [m.span() for m in _RATIO.finditer(text)]):
        return closest(ratios, hits, text), 1.0  # type: ignore[return-value]  # "2.4 times as wide as Earth"
    if _STRENGTH_ASKED.match(question.normalized):  # "how strong was the quake?": "magnitude 6.4"
        rated = closest(list(spans.ratings(text)), hits, text)
        if rated is not None:
            return rated, 1.0
    measure_noun = question.focus_word in _MEASURE_NOUNS  # "ash height?": a measure, not "a third"
    # "how hot did it get?": "38.6 degrees", not the humidity's "71 percent"
    measure_asked = measured or measure_noun or bool(spans.MEASURE_ASKED.match(question.normalized))
    money = fresh(question, text, list(spans.amounts(text)), base) \
        if question.want == "amount" and not measure_asked else []
    if money and (stranded := _STRANDED.search(question.normalized)):
        # "what did they raise the rate to?": the sum after "to", not the "by a quarter" of the rise
        marked = [s for s in money if re.search(rf"\b{stranded.group(1)}\s+$", text[max(0, s[0] - 12):s[0]])]
        if marked:
            return closest(marked, hits, text), 1.0  # type: ignore[return-value]
    # "snow load per square metre?": "180 kilograms per square metre" (a "per-trip fee" is a fee)
    if re.search(r"\bper\s", question.text.lower()):
        per_unit = [w for w, _ in counts(text) if " per " in text[w[0]:w[1]]]
        if per_unit:
            return closest(per_unit, hits, text), 1.0  # type: ignore[return-value]
    qualified = [s for s in money if any(_qualifies(question, text, s, h) for h in hits)]
    if len(qualified) == 1:  # "price per dose?": "1,180 crowns per dose", not "14,160 crowns a year"
        return new_value(question, text, qualified[0]), 1.0
    if question.focus_word == "times":  # "how many times did he complain?": "twice", not his age
        often = closest(list(spans.times(text)), hits, text)
        return (often, 1.0) if often else None
    counted = counts(text)
    beside = _beside_named(question, text, counted, hits, base)
    if beside is not None:
        return beside, 1.0
    # "of whom an estimated 42,000 would qualify", "11,238 voted in favour": the count that does what
    # the question asks
    doing = [whole for whole, noun in counted if noun is None and any(_does(text, whole, h) for h in hits)]
    if doing:
        return (closest(doing, hits, text) if len(doing) > 1 else doing[0]), 1.0  # type: ignore[return-value]
    if question.focus and not (money and _priced(question)):  # ("project cost?": the sum, not "three-year")
        # The count of the noun asked about; of two ("from 28 points to a 19-point draft"), the one
        # nearer the other words asked about ("the revised draft").
        of_focus = [whole for whole, noun in counted if noun and question.focus in
                    base.lexicon.terms(text[noun[0]:noun[1]]) and echo(question, text[whole[0]:whole[1]], base) < 1]
        if of_focus:
            chosen = closest(as_asked(question, text, of_focus), hits, text)
            return (new_value(question, text, chosen), 1.0) if chosen else None
        for m in _ORDINAL.finditer(text):  # "the ninth large-scale attack": how many so far
            if question.focus in {t for w in m.group(0).split() for t in base.lexicon.terms(w)}:
                return (m.start(), m.end()), 0.8
    priced = _priced(question)
    if question.focus_word in _SHARE_WORDS and (not priced or question.normalized.startswith(("what share",
                                                                                             "what proportion"))):
        # ("what share of the budget ...?": a share, though "budget" speaks of money)
        money = [s for s in money if spans.SHARE_TOLD.search(text[s[0]:s[1]])]
    elif priced:  # "the share price": "$47.15", not the "3.8 percent" it rose
        money = [s for s in money if spans.CURRENCY.search(text[s[0]:s[1]])] or money
    anchor = anchor_hit(hits)
    # "47 percent backed it, 44 percent opposed it": the share that does what the question asks
    doing_sum = [s for s in money if anchor is not None and anchor.start > s[1] and
                 (not text[s[1]:anchor.start].strip() or _DOING_GAP.fullmatch(text[s[1]:anchor.start]))]
    if doing_sum:
        return doing_sum[-1], 1.0
    now = as_asked(question, text, money)  # ("4.6 percent in the year to October, up from 4.1 percent")
    acted = [s for s in now if anchor is not None and 0 <= s[0] - anchor.end < _ACTED_CHARS]
    if acted:  # "throwing out $3.9 million" for "how much was thrown out?"; "cut from 4.8 to 3.9 percent": 3.9
        return new_value(question, text, acted[0]), 1.0
    if money:  # (as sure for "how much compensation?" as for "how much money?": 26 of 28 right at 0.7)
        return closest(now, hits, text), 1.0  # type: ignore
    found = as_asked(question, text, fresh(question, text, [w for w, _ in counted], base))
    if question.focus:
        found = [s for s in found if not spans.YEAR.search(text[s[0]:s[1]])]
    if spans.MEASURE_ASKED.match(question.normalized) or measure_noun:
        # "how fast was it going?": "41 mph", not "30 trains"; "ash height?": "11 kilometres", not "a third"
        unit = spans.DISTANCE if measured else _DEGREES if question.focus_word in _HEAT_WORDS else spans.MEASURE
        found = [s for s in found if unit.search(text[s[0]:s[1]])] or found
        if measured and (origin := _FROM_ASKED.search(question.normalized)):
            # "how far is it from its star?" is not "112 light-years from Earth"
            asked = set(base.lexicon.terms(origin.group(1)))
            same = [s for s in found if not (origin_after := _FROM_AFTER.match(text, s[1])) or
                    asked & set(base.lexicon.terms(origin_after.group(1)))]
            if not same:
                distant = closest(found, hits, text)
                return (distant, 0.3) if distant else None
            found = same
    elif _SIZE_ASKED.match(question.normalized):  # "how big is the zone?": "3-kilometre", not "four checkpoints"
        sized = [s for s in found if spans.MEASURE.search(text[s[0]:s[1]])]
        size = closest(sized, hits, text)
        if size is not None:
            attributive = _ATTRIBUTIVE.match(text, size[0])  # "a 3-kilometre protection zone": "3-kilometre"
            return ((size[0], attributive.end()) if attributive else size), 1.0
    nearest = closest(found, hits, text)
    if anchor is not None:
        # "At least 11 people were killed and more than 4,200 forced from their homes": the count the
        # passive verb asked about is said of comes right before it.
        subject = [s for s in found if _PASSIVE_GAP.fullmatch(text[s[1]:anchor.start])]
        nearest = subject[-1] if subject else nearest
    if nearest is None:
        return None
    if priced:
        return nearest, 0.3  # a count where a sum was asked
    return nearest, UNNAMED_COUNT if question.focus else 0.8


_AGE_BEFORE = re.compile(r"\s+(?:[a-z]+\s+)?")  # "the 41-year-old Reyland", "a 52-year-old engineer, Reyland"
_AGE_AFTER = re.compile(r",\s*(?:(?:a|an|the)\s+)?")  # "Reyland, 52," "Reyland, a 52-year-old engineer"
# How old a thing is, by the year it began ("the building, which dates from 1911"); a person's
# age is written as ``spans.AGE`` has it (not another number of the sentence, a share, a sum).
_DATES_FROM = re.compile(r"\b(?:dates|dating|dated) (?:back )?(?:from|to)(?: the)? (?:1[5-9]|20)\d\d\b|"
                         r"\b(?:built|founded|established|erected|constructed|opened) in (?:1[5-9]|20)\d\d\b")


def _age(question: Question, text: str, hits: list[Hit]) -> Found:
    """"How old ...?": an age, the one beside the name asked about when the question names someone
    ("Reyland, 52," or "the 52-year-old Reyland", not "the 31-year-old transformer" Nora Quinn spoke
    of); how old a thing is, by the year it began; else nothing."""
    ages = [m.span() for m in spans.AGE.finditer(text)]
    named = [h for h in hits if h.entity]
    if ages and named:
        by_name = [s for s in ages if any(_AGE_BEFORE.fullmatch(text[s[1]:h.start]) or
                                          _AGE_AFTER.fullmatch(text[h.end:s[0]]) for h in named)]
        if not by_name:
            other = closest(ages, hits, text)
            return (other, 0.4) if other else None
        ages = by_name
    if ages:
        return closest(ages, hits, text), 1.0  # type: ignore[return-value]
    since = _DATES_FROM.search(text)
    return (since.span(), 0.8) if since else None


_ATTRIBUTIVE = re.compile(r"(?:about |around |roughly |nearly |some )?\d[\d.,]*-[a-z]+\b(?=\s+[a-z])")
# "how big is it compared to Earth?", "how many times heavier?": a ratio, "2.4 times as wide as Earth"
_COMPARED_ASKED = re.compile(r"^how \w+\b.*\b(?:compared (?:to|with)|relative to|than)\b|^how many times \w+er\b")
_RATIO = re.compile(r"\b(?:about |roughly |nearly |some |almost )?\d[\d.]*\s+times\s+(?:as\s+\w+\s+as|\w+er\s+than|"
                    r"more\s+\w+\s+than|the\s+\w+\s+of)\s+(?:the\s+)?[\w’'-]+")
_FROM_ASKED = re.compile(r"\bfrom (?:its |the |their |his |her )?([a-z][\w-]+)")
_FROM_AFTER = re.compile(r"\s+(?:away )?from\s+(?:its |the |their |his |her )?([A-Za-z][\w-]+)")
_SIZE_ASKED = re.compile(r"^how (?:big|large|small)\b")  # a measure if the sentence gives one (else a sum, a count)
_PER = re.compile(r"\s+(?:per|a|an|each|every)\s+")


def _qualifies(question: Question, text: str, amount: Span, hit: Hit) -> bool:
    """A word of the question says what the sum is per ("1,180 crowns per dose", "14,160 crowns a
    year") or, the very word asked, what it is ("a 160 million euro loan"; "a 14 percent pay rise"
    is not the "payment")."""
    if hit.entity:
        return False
    if amount[0] <= hit.start < amount[1]:  # the span holds its rate: "14,160 crowns a year"
        rate = spans.RATE.search(text, amount[0], amount[1])
        return rate is not None and rate.start() < hit.start
    gap = text[amount[1]:hit.start]
    return bool(_PER.fullmatch(gap)) or (gap == " " and text[hit.start:hit.end].lower() in question.words)


_STRENGTH_ASKED = re.compile(r"^(?:how (?:strong|powerful|big|bad|intense|severe)|"
                             r"what (?:magnitude|category|strength))\b")
_PAST = re.compile(r"[a-z]{3,}ed")


def _does(text: str, count: Span, hit: Hit) -> bool:
    """The word asked about is what the bare count does or has done to it: "42,000 would qualify",
    "11,238 voted", "nine were injured" (of "the 14 people recovered")."""
    gap = text[count[1]:hit.start]
    acted = hit.verb or bool(_PAST.fullmatch(text, hit.start, hit.end))
    return not hit.entity and (bool(_DOING_GAP.fullmatch(gap)) or (gap == " " and acted) or
                               (acted and bool(_PASSIVE_GAP.fullmatch(gap))))

_DOING_GAP = re.compile(r"\s+(?:would|will|could|can|may|might|should|must|did|do|does|have|has|had)\s+")


_PASSIVE_GAP = re.compile(r"(?:\s+[a-z]+)?\s+(?:were|was|are|is|have been|has been|had been|will be|would be)\s+")


def _priced(question: Question) -> bool:
    """The question asks for a sum of money ("how much did it cost?", "the share price")."""
    return bool(_MONEY_WORDS & set(question.terms) or question.words & {"price", "prices", "priced"})


# Capitalized, but days and months name no one a figure is said of ("22 schools were shut on
# Wednesday, and nine remained closed on Thursday": nine is not Wednesday's figure).
_CALENDAR_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                            "june july august september october november december".split())


_AGE_APPOSED = re.compile(r",\s*\d{1,3},")


def _beside_named(question: Question, text: str, counted: tuple[tuple[Span, Span | None], ...], hits: list[Hit],
                  base: FactBase) -> Span | None:
    """In a list of who got how much ("Germany ... 120 monitors, followed by Finland with 85";
    "Whitfield ... 48.6 percent, while Oyelaran received ... 47.8 percent"), the figure that
    follows the one the question names, with no other name between."""
    named = [h for h in hits if h.entity or (h.start > 0 and text[h.start].isupper() and  # a name, known or not
                                             text[h.start:h.end].lower() not in _CALENDAR_WORDS)]
    if not named or len(named) == len(hits):
        return None
    if question.want == "amount":
        pool = list(spans.amounts(text))
        if _priced(question):
            pool = [s for s in pool if spans.CURRENCY.search(text[s[0]:s[1]])] or pool
        elif question.focus_word in _SHARE_WORDS:
            pool = [s for s in pool if re.search(r"percent|per cent|%", text[s[0]:s[1]])]
    else:
        pool = [w for w, noun in counted if noun is None or question.focus in base.lexicon.terms(text[noun[0]:noun[1]])]
    pool = as_asked(question, text, pool)  # "had fallen from 46 to 29 operators": 29, unless before is asked
    if len(pool) < 2:
        return None  # one figure: nothing to choose between
    after = [(s[0] - h.end, s) for s in pool for h in named
             if 0 <= s[0] - h.end < _BESIDE_CHARS and not proper.names(text[h.end:s[0]]) and
             not _AGE_APPOSED.match(text, h.end)]  # "Tomas Reinholt, 54, who farms 12 hectares": his age
    return min(after)[1] if after else None

_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"\d+(?:st|nd|rd|th))(?:[- ][a-z]+){1,3}")

# Nouns of a measure asked tersely ("ash height?"): a number with its unit, not a share.
_MEASURE_NOUNS = frozenset("height depth width length weight speed distance temperature altitude elevation".split())
