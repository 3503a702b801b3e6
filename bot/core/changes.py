"""A figure that changed ("trimmed from 28 points to 20", "42.1 percent, up from 35.6 percent in
2021"): the value the question asks for, the new one unless it asks about before."""
from __future__ import annotations

import re

from bot.core import spans
from bot.core.counts import counts
from bot.core.questions import Question
from bot.core.spans import Span

# A change "from X to Y" (or "Y, up from X", "Y, compared with X", "Y instead of X"): the question
# asks for the value before it only when it says so ("what was the old budget?", "the current
# limit"); otherwise the value now.
_FROM = re.compile(r"\b(?:(?:(?:up|down|rising|falling|rose|fell|trimmed|cut|raised|increased|reduced)\s+)?from|"
                   r"compared (?:with|to)|instead of)\s+(?:about |around |roughly |some |nearly |almost )?$")
_BEFORE_WORDS = frozenset({"before", "previous", "previously", "old", "original", "originally", "earlier", "former",
                           "formerly", "prior", "initial", "initially", "first", "current", "currently",
                           "existing"})


# ... or names a time before the change: "in the same period last year", "back in 2021".
_BEFORE_TIME = re.compile(r"\blast (?:year|time)\b|\ba year (?:ago|earlier|before)\b|\bthe year before\b|\bback in\b")


def _before_asked(question: Question) -> bool:
    return bool(question.words & _BEFORE_WORDS) or bool(_BEFORE_TIME.search(question.normalized))


def as_asked(question: Question, text: str, found: list[Span]) -> list[Span]:
    """Of the numbers in ``found``, the new values of a change, or the old ones when the question
    asks about before (see ``_FROM``); all of them when the text states no change."""
    old = [s for s in found if _FROM.search(text[max(0, s[0] - 40):s[0]])]
    if not old or len(old) == len(found):
        return found
    if _before_asked(question):
        return old
    # "what was turnout in 2021?" of "42.1 percent, up from 35.6 percent in 2021": the year asked
    # is the old value's
    years = spans.YEAR.findall(question.normalized)
    dated = [s for s in old if any(re.match(rf"[^.;\d]{{0,12}}\b{y}\b", text[s[1]:]) for y in years)]
    return dated or [s for s in found if s not in old]


# "from 4.8 percent of gross domestic product this year to 3.9 percent": a few words may come between
_TO_VALUE = re.compile(rf"(?:\s+[^.;,\d]{{1,50}}?)?\s+to\s+(?:an?\s+)?({spans.NUMBER_RE}(?:-[a-z]+)?)")


def new_value(question: Question, text: str, span: Span) -> Span:
    """"trimmed from 28 points to 20": the 20, unless the question asks about before."""
    if _before_asked(question) or not _FROM.search(text[max(0, span[0] - 40):span[0]]):
        return span
    to = _TO_VALUE.match(text, span[1])
    if not to:
        return span
    whole = [s for s in (*spans.amounts(text), *(w for w, _ in counts(text))) if s[0] == to.start(1)]
    return max(whole, key=lambda s: s[1]) if whole else (to.start(1), to.end(1))  # "3.9 percent", not "3.9"
