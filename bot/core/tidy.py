"""The short answer cut from a span: stripped of the punctuation around it and of the word that
links its clause, with no unmatched bracket nor dangling word at its end, and at most so many
words (a longer one ends in "…")."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core.clauses import MAX_WORDS
from bot.core.spans import Span

_DANGLING = frozenset("the a an of in on at to for from with by and or but as its his her their our that which who "
                      "whose this these those is was were are be been has have had will would".split())
# Words that end a whole clause well ("the city is ours now", "turned it down") but dangle after a cut.
_DANGLING_CUT = _DANGLING | frozenset("down up out off away back over here there now then also still just".split())
_FULL_STOP = re.compile(r"[a-z0-9]\.$")
_SENTENCE_END = re.compile(r"^\s*[.!?]\s+")


def tidy(text: str, span: Span, limit: int = MAX_WORDS) -> str:
    return _tidy_piece(text[span[0]:span[1]], limit)


@lru_cache(maxsize=65536)  # spans of the facts: the same pieces again and again
def _tidy_piece(piece: str, limit: int) -> str:
    answer = _SENTENCE_END.sub("", piece).strip(" ,;:—-“”\"‘’")  # (a span from the sentence before's end)
    if (joined := _JOINED.match(answer)) and len(answer.split()) > 2:
        answer = answer[joined.end():]  # "and police said no incidents were reported": the clause, not its link
    if _FULL_STOP.search(answer):
        answer = answer[:-1]  # the sentence's full stop, not an abbreviation's
    if answer.count("(") > answer.count(")"):
        answer = answer.rsplit("(", 1)[0].strip() if not answer.startswith("(") else answer + ")"
    if answer.count(")") > answer.count("("):
        answer = answer.replace(")", "").strip()
    words = answer.split()[:limit + 1]
    dangling = _DANGLING_CUT if len(words) > limit else _DANGLING
    while len(words) > 1 and words[-1].lower().strip(",") in dangling:
        words.pop()  # "the former head of the" reads wrong: end on a content word
    answer = " ".join(words[:limit]).rstrip(",;:")
    if _CLOCK_END.search(answer):
        answer += "."  # "between 6 a.m. and 8 a.m." ends a sentence: its full stop is also the abbreviation's
    return answer + ("…" if len(piece.split()) > limit else "")


_CLOCK_END = re.compile(r"\b[ap]\.m$")
_JOINED = re.compile(r"(?:and|but|or|yet|so)\s+")
