"""Score every fact of the base against a question.

The score mixes four signals, each in [0, 1]:

* coverage: the IDF-weighted share of the question's content terms that the fact knows.
  Words the base never uses weigh most, which is what makes "the deadline for the
  quarterly report" fall short although it shares "deadline".
* phrasing: the best weighted overlap with one of the fact's question phrasings.
* entities: the share of the entities the question names that the fact is about.
* type: whether the fact has a short answer for this type of question.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot.core.factbase import Entry, FactBase
from bot.core.questions import ANSWER_CHAIN, Question

W_COVERAGE, W_PHRASING, W_ENTITY, W_TYPE = 0.45, 0.25, 0.15, 0.15


@dataclass(frozen=True)
class Match:
    """A scored fact and the short-answer slot chosen for the question type."""

    entry: Entry
    score: float
    slot: str | None


def _weighted_overlap(question: Question, terms: frozenset[str] | tuple[str, ...], base: FactBase) -> float:
    total = sum(base.weight(t) for t in question.terms)
    if not total:
        return 0.0
    return sum(base.weight(t) for t in question.terms if t in terms) / total


def _phrasing(question: Question, entry: Entry, base: FactBase) -> float:
    q = set(question.terms)
    best = 0.0
    for phr in entry.phrasings:
        p = set(phr)
        union = sum(base.weight(t) for t in q | p)
        if union:
            best = max(best, sum(base.weight(t) for t in q & p) / union)
    return best


def _slot(question: Question, entry: Entry) -> tuple[str | None, float]:
    chain = ANSWER_CHAIN[question.qtype]
    for rank, key in enumerate(chain):
        if key in entry.fact.answers:
            return key, 1.0 if rank == 0 else 0.7
    return None, 0.0


def score(question: Question, entry: Entry, base: FactBase) -> Match:
    """Score one entry; see the module docstring for the signals."""
    coverage = _weighted_overlap(question, entry.terms, base)
    phrasing = _phrasing(question, entry, base)
    entity = len(question.entities & entry.entity_ids) / len(question.entities) if question.entities else 0.5
    if question.subject:
        # "who is X" / "what did X say": X must be what the fact is about, or who speaks.
        about = question.subject & (entry.entity_ids if question.qtype != "quote" else
                                    ({entry.fact.speaker} if entry.fact.speaker else set()) | entry.entity_ids)
        entity = 1.0 if about else 0.0
        if question.qtype == "quote" and entry.fact.speaker in question.subject:
            entity = 1.0
        elif question.qtype == "quote":
            entity *= 0.5
    slot, type_fit = _slot(question, entry)
    if question.qtype == "who_is" and entry.is_entity and question.subject & entry.entity_ids:
        type_fit = 1.0
    elif question.qtype == "who_is" and entry.is_entity:
        type_fit = 0.0
    total = W_COVERAGE * coverage + W_PHRASING * phrasing + W_ENTITY * entity + W_TYPE * type_fit
    if slot is None:
        total *= 0.6
    # A question most of whose meaning the base does not know is not answered, however
    # well one of its words matches.
    if coverage < 0.6:
        total *= coverage / 0.6
    return Match(entry, round(min(total, 1.0), 4), slot)


def rank(question: Question, base: FactBase, limit: int = 5) -> list[Match]:
    """The best-scoring entries, best first (ties keep the fact base order)."""
    if not question.terms:
        return []
    matches = [score(question, e, base) for e in base.entries]
    matches.sort(key=lambda m: -m.score)
    return matches[:limit]
