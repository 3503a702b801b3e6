"""When: the date, year, time or duration a question asks for, as a span of the sentence.

One finder (``when``) for the time kinds of answer: a year, a clock time, a duration or a
frequency, a length when "how long" is asked of a thing, else a date; less sure when the date is
another event's (the day something was said, a time told relative to what was asked, the start
of a state given by "since").
"""
from __future__ import annotations

import re

from bot.core import changes, spans
from bot.core.actors import Found
from bot.core.clauseends import clause_after
from bot.core.factbase import FactBase
from bot.core.hits import Hit, closest, distance, fresh
from bot.core.questions import Question
from bot.core.spans import Span

# "when is the next rate meeting?" is not answered by a vague "next year" (said of something else)
_NEXT_ASKED = re.compile(r"\bnext (?!(?:year|week|month|day|weekend|time)\b)[a-z]+")
_VAGUE = re.compile(r"(?:next|this|last) (?:year|week|month|weekend)|(?:in )?the coming (?:days|weeks)")


def when(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The span of ``text`` that says when (or how long, or what year) for ``question``, with its
    strength (see ``typed``)."""
    found = fresh(question, text, list(spans.dates(text)), base)
    if question.want == "year":
        years = [s for s in found if spans.YEAR.search(text[s[0]:s[1]])]
        # "joined in 2023 after winning the title in 2018": what the question asks was done in 2018
        years = [s for s in years if not _relative_to_asked(text, s, hits)] or years
        nearest = closest(years, hits, text)
        return (nearest, 1.0) if nearest else ((found[0], 0.4) if found else None)
    if question.want == "duration":
        return _how_long(question, text, hits, base, found)
    if question.focus_word in ("time", "hour", "hours"):  # "what time did it start?": a clock time, if there is one
        found = [s for s in found if spans.CLOCK.search(text[s[0]:s[1]])] or found
    anchor = re.search(r"\b(since|until|till|by|before|after|from)\b", question.normalized)
    if anchor:
        marked = [s for s in found if re.search(rf"\b{anchor.group(1)}\s*$", text[:s[0]])]
        if marked:
            return marked[0], 1.0  # "since when ...?": "April 2024", the question has the "since"
        clause = re.search(rf"\b{anchor.group(1)}\s+", text)
        if clause and not found:
            return clause_after(text, clause.end(), 8), 0.7
    # "who had served since June 2023, announced ... on Thursday": a since-date is when a state began,
    # not when the thing asked about happened.
    began = [s for s in found if re.search(r"\bsince\s+$", text[:s[0]])]
    found = [s for s in found if s not in began] or found
    # "Pompeo stated on Sunday that this deadline is not set in stone": the day it was said is not
    # the deadline's, unless the question asks when something was said.
    said = [s for s in found if _SAID_ON.search(text[max(0, s[0] - 40):s[0]])]
    if said and question.words.isdisjoint(_SAYING):
        found = [s for s in found if s not in said] or found
    next_asked = bool(_NEXT_ASKED.search(question.normalized))
    if next_asked:  # "when is the next rate meeting?": its date, not a "next year" said of something else
        found = [s for s in found if not _VAGUE.fullmatch(text[s[0]:s[1]])] or found
    # "deadline to certify?" in a paragraph that does not say "deadline": the date something must be
    # done by ("no later than December 12"), not the day something was done ("certified on November 18")
    unnamed_deadline = bool(question.words & _DEADLINE) and not re.search(r"\bdeadlines?\b", text, re.IGNORECASE)
    if unnamed_deadline:
        found = [s for s in found if _BOUND.search(text, max(0, s[0] - 24), s[0])] or found
    nearest = closest(found, hits, text)
    if nearest is None:
        return None
    strength = 1.0 if distance(nearest, hits) < 60 else 0.6
    if unnamed_deadline and not _BOUND.search(text, max(0, nearest[0] - 24), nearest[0]):
        strength *= 0.5
    if next_asked and _VAGUE.fullmatch(text[nearest[0]:nearest[1]]):
        strength *= 0.5
    if nearest in began or _relative_to_asked(text, nearest, hits):
        strength *= 0.5
    return _marked(text, nearest), strength * (0.5 if nearest in said and question.words.isdisjoint(_SAYING) else 1)


def _how_long(question: Question, text: str, hits: list[Hit], base: FactBase, found: list[Span]) -> Found:
    """A duration (or a frequency for "how often", a length for "how long is" a thing); else, for
    "how soon", a date of ``found``."""
    if spans.LENGTH_ASKED.match(question.normalized):  # "how long is the new tram line?": "9.4-kilometre"
        # a length said of a word asked about: "a 9.4-kilometre tram line", "the bridge, 1.2 km long"
        length = [(m.start(), m.end()) for m in spans.LENGTH.finditer(text)
                  if any(not h.entity and (re.fullmatch(r"[\w\s-]{1,20}", text[m.end():h.start]) or
                                           (m.group(0).endswith("long") and 0 < m.start() - h.end < 30))
                         for h in hits)]
        if length:
            return closest(length, hits, text), 1.0  # type: ignore[return-value]
    if spans.HOW_OFTEN.search(question.normalized):
        often = closest(fresh(question, text, list(spans.frequencies(text)), base), hits, text)
        return (often, 1.0) if often else None
    if _ONGOING_ASKED.match(question.normalized):
        # "how long has the chairman been in charge?": "led the club since 2019", not "a hundred years"
        since = [m.span() for m in _SINCE.finditer(text)
                 if any(not h.entity and 0 <= m.start() - h.end < _SINCE_CHARS for h in hits)]
        if since:
            return closest(since, hits, text), 1.0  # type: ignore[return-value]
    lengths = fresh(question, text, list(spans.durations(text)), base)
    if lengths:
        # "two years of data" measures the data: how long something lasted only failing another,
        # unless the data is what the question asks about ("how many hours of instruction?")
        lasting = [s for s in lengths if not (of := re.match(r"\s+of\s+([a-z]+)", text[s[1]:])) or
                   set(base.lexicon.terms(of.group(1))) & set(question.terms)]
        # "a three-year freeze" is how long the freeze lasts, not what was asked ("how long has she
        # been rector?"), unless the question names the freeze
        lasting = [s for s in lasting if not _ATTRIBUTE.fullmatch(text[s[0]:s[1]]) or
                   not (after := re.match(r"\s+([a-z]+)", text[s[1]:])) or
                   set(base.lexicon.terms(after.group(1))) & set(question.terms)]
        lasting = changes.as_asked(question, text, lasting)  # "1,068 hours, compared with 1,080"
        # "took about five years", "will take about 35 minutes": what the asked verb took, if said
        taken = [s for s in lasting if any(not h.entity and _TOOK_GAP.fullmatch(text[h.end:s[0]]) for h in hits)]
        lasting = taken or lasting
        nearest = closest(lasting or lengths, hits, text)
        strength = 1.0 if lasting else 0.5
        if spans.TENURE_ASKED.match(question.normalized) and nearest is not None and \
                not _HELD_FOR.search(text, max(0, nearest[0] - 24), nearest[0]) and \
                not _HELD_AS.match(text, nearest[1]):
            strength *= UNHELD_TENURE  # "how long has Marsh been director?" is not "for more than a decade" of cases
        return nearest, strength  # type: ignore[return-value]
    # "how long will the centres stay open?": "until at least Saturday" says how long
    until = [(m.start(), s[1]) for s in found if (m := _UNTIL.search(text, max(0, s[0] - 24), s[0]))]
    if until:
        return until[0], 0.8
    if spans.HOW_LONG_LASTED.search(question.normalized):
        return None  # "how long was the meeting?" is not answered by the day it was held
    return (found[0], 0.5) if found else None  # "how soon ...?": by a date


# "how long has she been director?" is told "has been director for 12 years" or "a 12-year tenure":
# another duration in the sentence (a decade of cases, a four-year deal) is less sure by this much
_HELD_FOR = re.compile(r"\b(?:been|served|worked|led|run|chaired|held|as|in (?:the )?(?:job|post|role|office|charge))"
                       r"(?: \w+){0,3}? for\s+(?:about |more than |nearly |almost |over |some )?$")
_HELD_AS = re.compile(r"[- ](?:tenure|stint|career|reign|spell)\b|"
                      r"\s+(?:as|in charge|in office|in the (?:job|post|role))\b")
UNHELD_TENURE = 0.4
_UNTIL = re.compile(r"\b(?:until|till|through)\s+(?:at least\s+|at the earliest\s+)?$")
_ONGOING_ASKED = re.compile(r"^how long (?:has|have|had)\b")
_SINCE = re.compile(r"\bsince (?:(?:early|late|mid-)\s?)?(?:[A-Z][a-z]+ )?(?:1[89]|20)\d\d\b")
_SINCE_CHARS = 30  # the start right after the words asked about ("has led the club since 2019")


def _relative_to_asked(text: str, span: Span, hits: list[Hit]) -> bool:
    """"alerts reached residents at 1:15 a.m., almost 11 hours after the fire started" (asked when
    the fire started): the time of something else, told relative to what the question asks about,
    every word asked about coming after "after", "before", "since" or "until"."""
    content = [h for h in hits if not h.entity]
    if not content or any(h.start < span[0] for h in content):
        return False  # "text-message alerts reached residents at 1:15 a.m.": the time of what was asked
    marker = re.compile(r"\b(?:after|before|since|until)\b").search(text, span[1], content[0].start)
    return marker is not None


_ATTRIBUTE = re.compile(r"(?:\w+[- ])?\w+-(?:year|month|week|day|hour|minute)")
_TOOK_GAP = re.compile(r"\s+(?:for\s+)?")
_SAID_ON = re.compile(r"\b(?:said|says|stated|states|told (?:\w+\s+){0,2}?|announced|reported|added|wrote|confirmed|"
                      r"declared|posted|tweeted)\s+(?:on\s+|late\s+|early\s+)?$")
_SAYING = frozenset("say says said saying state stated tell told announce announced announcement report reported "
                    "write wrote post posted tweet tweeted confirm confirmed declare declared statement speak spoke "
                    "talk talked comment commented".split())


_MARKER = re.compile(r"\b(?:(?:(?:shortly|just|soon|long|well|only|not) )?(?:by|until|till|before|after|since|within|"
                     r"no later than)|(?:late|early) on|late|early)\s+$", re.IGNORECASE)


_DEADLINE = frozenset({"deadline", "deadlines"})
_BOUND = re.compile(r"\b(?:by|until|till|before|no later than)\s+$", re.IGNORECASE)


def _marked(text: str, span: Span) -> Span:
    """A date with the words that say how it bounds the event: "by 8 p.m. on Tuesday" is a deadline,
    "shortly after Thanksgiving" not the day itself, "late on Saturday" not all of it."""
    before = max(0, span[0] - 24)
    m = _MARKER.search(text, before, span[0])
    return (m.start(), span[1]) if m else span
