"""What a question asks about in a sentence, and the spans near it.

The reader's building blocks: the words of a sentence that the question asked about (``Hit``),
how much of an answer only repeats the question (``echo``), and the names of a sentence that
could answer, nearest first by what was asked.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.core import proper, spans
from bot.core.factbase import FactBase
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import content_words, normalize, stem

LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s*&\s*)$")
_PARTY_AFTER = re.compile(r"\s*\([A-Z][\w ]{1,30}\)")


class Hit(NamedTuple):  # a tuple: made for every asked word of every sentence read
    start: int
    end: int
    weight: float
    entity: bool
    verb: bool = False  # the word is the question's verb


def hits_in(question: Question, text: str, base: FactBase) -> list[Hit]:
    """Words of ``text`` whose terms the question asked about (entity names marked)."""
    asked = set(question.terms)
    words, index = base.lexicon.words_of(text), base.lexicon.word_index(text)
    out = []
    # Only the words that have an asked term, in text order.
    for i in sorted({i for t in asked for i in index.get(t, ())}):
        start, end, terms = words[i]
        shared = [t for t in terms if t in asked]
        if len(shared) == 1:  # most words: one term
            t = shared[0]
            out.append(Hit(start, end, base.weight(t), t in question.alias_terms, t in question.verb_terms))
            continue
        out.append(Hit(start, end, max(base.weight(t) for t in shared), all(t in question.alias_terms for t in shared),
                       bool(question.verb_terms & set(shared))))
    return out


def echo(question: Question, answer: str, base: FactBase) -> float:
    """The share of the answer's content words (stemmed, synonyms not folded) the question has."""
    words = answer_stems(answer)
    if not words:
        return 1.0
    return len(words & question.stems) / len(words)


@lru_cache(maxsize=65536)  # answers are spans of the facts: the same texts again and again
def answer_stems(answer: str) -> frozenset[str]:
    """The stems of the content words of ``answer`` (synonyms not folded)."""
    return frozenset(stem(w) for w in content_words(normalize(answer)))


def content_hits(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if not h.entity]


def anchor_hit(hits: list[Hit]) -> Hit | None:
    """The word the question hinges on: its verb when the text has it ("who *led* the team"),
    else its rarest content word in the text (the first of equals)."""
    content = content_hits(hits)
    verbs = [h for h in content if h.verb]
    if verbs:
        return verbs[0]
    return max(content, key=lambda h: (h.weight, -h.start)) if content else None


def distance(span: Span, hits: list[Hit]) -> int:
    near = content_hits(hits) or hits
    if not near:
        return 10_000
    return min(gap(span, h) for h in near)


def fresh(question: Question, text: str, found: list[Span], base: FactBase) -> list[Span]:
    """Spans that tell the asker something: not only words of the question."""
    return [s for s in found if text[s[0]:s[1]].strip() and echo(question, text[s[0]:s[1]], base) < 0.75]


def gap(span: Span, h: Hit) -> int:
    return 0 if h.start >= span[0] and h.end <= span[1] else min(abs(h.start - span[1]), abs(span[0] - h.end))


# How words asked about pull a span toward them in ``closest``: a word's pull (its weight, times
# VERB_PULL for the question's verb and ENTITY_PULL for a name it mentions) halves NEAR_CHARS
# characters away. Checked on the labelled sets in tests/data: over a grid of 60 settings the right
# readings moved by at most 3 of 1,108, so the values stay as first set.
VERB_PULL = 1.5
ENTITY_PULL = 0.5
NEAR_CHARS = 15
CLAUSE_CHARS = 30


def closest(found: list[Span], hits: list[Hit], text: str | None = None) -> Span | None:
    """The span closest to what was asked: each asked word pulls by its weight, the nearer the more
    ("allow 800,000" wins over "600,000 troops" when "allow" is the rarer word asked about). Given
    the text, a word pulls across a clause break (", and", ";") as if ``CLAUSE_CHARS`` farther: "in
    hospital pharmacies from January 12, and in ordinary pharmacies by March" answers "when in
    ordinary pharmacies?" with March."""
    if not found:
        return None
    if not hits:
        return found[0]

    # The question's verb pulls most, the names it mentions least.
    pulls = [(h.start, h.end, h.weight * (VERB_PULL if h.verb else ENTITY_PULL if h.entity else 1.0)) for h in hits]
    breaks = _clause_breaks(text) if text is not None and len(found) > 1 else ()
    # "open on December 8 and close on January 12": the verb asked about after "and" begins its own
    # clause, which says what is done when ("close"), not the clause before it
    after_and = {h.start for h in hits if h.verb and _AND_BEFORE.search(text, max(0, h.start - 6), h.start)} \
        if text is not None and len(found) > 1 else set()

    def strength(s: Span) -> tuple[float, int]:  # ``gap`` inlined: spans x hits calls
        a, b = s
        total = 0.0
        for start, end, p in pulls:
            far = 0 if start >= a and end <= b else min(abs(start - b), abs(a - end))
            if breaks and far:
                lo, hi = (b, start) if start >= b else (end, a)
                far += CLAUSE_CHARS * sum(1 for x in breaks if lo <= x < hi)
            if start in after_and and b <= start:
                far += CLAUSE_CHARS
            total += p / (1 + far / NEAR_CHARS)
        return total, -a

    return max(found, key=strength)


_AND_BEFORE = re.compile(r"\band\s+$")
# A clause ends before ", and", ";" or a dash, and before an "and" that brings in a new named
# subject ("The agency contributed 3.1 million and the private Lindqvist Foundation provided 1.1 million").
_CLAUSE_BREAK = re.compile(r"[;—]|,\s+(?:and|but|while|whereas|or)\b|\band\s+(?=(?:the\s+)?(?:[a-z-]+\s+)?[A-Z][a-z])")


@lru_cache(maxsize=32768)  # the facts' sentences, again and again
def _clause_breaks(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _CLAUSE_BREAK.finditer(text))


def merge_lists(text: str, found: list[Span]) -> list[Span]:
    """"Britain, France and Germany": names joined by commas or "and" are one answer; a name
    followed by "(Party)" keeps it."""
    return list(_merged(text, tuple(found)))


@lru_cache(maxsize=65536)
def _merged(text: str, found: tuple[Span, ...]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in found:
        if out and LIST_GAP.match(text[out[-1][1]:s[0]]):
            out[-1] = (out[-1][0], s[1])
        else:
            out.append(s)
    merged = []
    for s in out:
        m = _PARTY_AFTER.match(text[s[1]:])
        merged.append((s[0], s[1] + m.end()) if m else s)
    return tuple(merged)


def answer_names(question: Question, text: str, base: FactBase, kinds: tuple[str, ...] = ("org", "name", "person",
                                                                                      "place")) -> list[Span]:
    return merge_lists(text, fresh(question, text, list(_names_of_kinds(text, kinds)), base))


@lru_cache(maxsize=65536)
def _names_of_kinds(text: str, kinds: tuple[str, ...]) -> tuple[Span, ...]:
    return tuple(s for s in proper.names(text) if proper.name_kind(text, s) in kinds
                 and not spans.DATE.fullmatch(text[s[0]:s[1]]))  # "Thanksgiving" names a day, not who set it
