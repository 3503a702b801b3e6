"""Retrieval: the facts most likely to hold the answer, with the signals the decider weighs.

Lexical and fast. A question's content terms (stemmed, synonyms folded) are weighted by IDF
over the base; only the terms the base knows rank facts (as in BM25, a word no fact uses
cannot tell facts apart), and the share of the question the base does not know at all is
left to the decider. Each fact is scored on what it covers of the question (``scoring``),
and the best ``KEEP`` go on to the reader; in a large base numpy narrows the candidates
first (``narrow``).
"""
from __future__ import annotations

import re

from bot.core import spans
from bot.core.factbase import FactBase
from bot.core.narrow import narrow
from bot.core.questions import Question
from bot.core.scoring import Candidate, Weights, score, weigh

KEEP = 5
KEEP_WITHIN = 0.5  # of the best retrieval score
KIND_WITHIN = 0.3  # a fact telling the kind asked ("what time": a clock time), when none of the best does
# Above this many entries the candidates are narrowed with numpy before they are scored.
NARROW_ABOVE = 250


def retrieve(question: Question, base: FactBase, keep: int = KEEP,
             full: bool = False) -> tuple[list[Candidate], Weights]:
    """The ``keep`` best candidates, best first (ties keep the fact base order), and the weights.

    Only entries sharing a known term with the question, or about an entity it names, can
    cover any of it; in a large base only the best-covering of those are scored (``narrow``);
    ``full=True`` scores every one.
    """
    w = weigh(question, base)
    if not w.known:
        return [], w
    ids = {eid for ids in question.alias_terms.values() for eid in ids}
    small = full or len(base.entries) <= NARROW_ABOVE
    indices = base.candidates(w.known, ids) if small else narrow(question, w, base)
    scored = [score(question, base.entries[i], w) for i in indices]
    scored.sort(key=lambda c: -c.rank_score)
    if len(scored) > keep and scored[keep - 1].rank_score == scored[keep].rank_score:
        scored = _ties_with_the_asked_kind_first(question, scored, keep)
    # Far behind the best, a fact is not read: it has never been the right answer in our sets.
    floor = KEEP_WITHIN * scored[0].rank_score if scored else 0.0
    kept = [c for c in scored[:keep] if c.rank_score >= floor]
    if len(kept) == keep and len({c.entry.article_id for c in kept}) == 1:
        # All from one article ("how many jobs?" meets the seed's curated "what is his job?"
        # phrasings first): the best of another article takes the last place.
        other = next((c for c in scored[keep:] if c.entry.article_id != kept[0].entry.article_id and
                      c.rank_score >= floor), None)
        if other is not None:
            kept[-1] = other
    kind = _asked_kind(question)
    if kind is not None and kept and not any(kind.search(c.entry.fact.evidence) for c in kept):
        # "what time did the board vote?": none of the best tells a time of day, so the best fact
        # that does, if not too far behind, takes the last place ("The vote came at about 10:40 p.m.").
        told = next((c for c in scored[len(kept):] if c.rank_score >= KIND_WITHIN * scored[0].rank_score
                     and kind.search(c.entry.fact.evidence)), None)
        if told is not None:
            kept = [*kept[:keep - 1], told]
    return kept, w


def _asked_kind(question: Question) -> re.Pattern[str] | None:
    """What a fact must hold to answer at all, where the question asks a kind spans can tell: a
    clock time for "what time", a year for "what year", a stretch of time for "how long"."""
    if question.want == "date" and (question.focus_word in ("time", "hour") or "what time" in question.normalized):
        return spans.CLOCK
    if question.want == "year":
        return spans.YEAR
    if question.want == "duration" and question.normalized.startswith("how long"):
        return spans.DURATION  # "how long did the talks go on?": "The talks lasted almost five hours"
    return None


def _ties_with_the_asked_kind_first(question: Question, scored: list[Candidate], keep: int) -> list[Candidate]:
    """``scored`` with the candidates tied at the ``keep``-th place reordered: for "how old", those
    whose sentence tells an age first (the order is otherwise the fact base's): "how old is
    Whitfield?" meets every sentence naming her alike, and "Whitfield, 46, has ..." may come sixth."""
    if not question.normalized.startswith("how old"):
        return scored
    tie = scored[keep - 1].rank_score
    start = next(i for i, c in enumerate(scored) if c.rank_score == tie)
    end = next((i for i in range(start, len(scored)) if scored[i].rank_score != tie), len(scored))
    block = sorted(scored[start:end], key=lambda c: not spans.AGE.search(c.entry.fact.evidence))
    return scored[:start] + block + scored[end:]
