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

import numpy as np
from rapidfuzz import fuzz

from bot.core.factbase import SOFT_TERMS, Entry, FactBase
from bot.core.questions import ANSWER_CHAIN, Question

W_COVERAGE, W_PHRASING, W_ENTITY, W_TYPE = 0.45, 0.25, 0.15, 0.15


@dataclass(frozen=True)
class Match:
    """A scored fact and the short-answer slot chosen for the question type."""

    entry: Entry
    score: float
    slot: str | None
    coverage: float = 0.0


@dataclass(frozen=True)
class _Weights:
    """The question's term weights, computed once per question."""

    of: dict[str, float]
    total: float


def _coverage(w: _Weights, question: Question, entry: Entry) -> float:
    # A word is covered when the fact uses it, or when it is part of how the question named
    # an entity the fact is about ("the Polish PM" covers every fact about Tusk).
    covered = sum(v for t, v in w.of.items()
                  if t in entry.terms or question.alias_terms.get(t, "") in entry.entity_ids)
    return covered / w.total if w.total else 0.0


def _phrasing(w: _Weights, question: Question, entry: Entry) -> float:
    # Per phrasing: the weighted Jaccard of the terms (shared weight over the weight of the
    # union) blended with rapidfuzz's token-sort ratio of the normalized texts, which still
    # sees near-misses the terms do not (word forms, leftover typos). Best phrasing wins. A
    # phrasing of another question type counts half: "how could the war end?" resembles
    # "when will the war end?", but the fact's "when" answer is the date of something else.
    best = 0.0
    for terms, weight, qtype, text in zip(entry.phrasings, entry.phrasing_weights, entry.phrasing_types,
                                          entry.phrasing_texts, strict=True):
        shared = sum(v for t, v in w.of.items() if t in terms)
        if shared:
            jaccard = shared / (w.total + weight - shared)
            if 0.7 * jaccard + 0.3 <= best:
                continue  # cannot beat the best so far, whatever the fuzzy ratio
            similarity = 0.7 * jaccard + 0.3 * fuzz.ratio(question.sorted_words, text) / 100  # token-sort ratio
            best = max(best, similarity if _same_type(qtype, question.qtype) else similarity / 2)
    return best


def _same_type(a: str, b: str) -> bool:
    groups = ({"what", "which", "quote"}, {"who", "who_is"})
    return a in (b, "any") or any(a in g and b in g for g in groups)


def _slot(question: Question, entry: Entry) -> tuple[str | None, float]:
    chain = ANSWER_CHAIN[question.qtype]
    for rank, key in enumerate(chain):
        if key in entry.fact.answers:
            return key, 1.0 if rank == 0 else 0.7
    return None, 0.0


def weigh(question: Question, base: FactBase) -> _Weights:
    of = {t: base.weight(t) for t in question.terms}
    return _Weights(of, sum(of.values()))


def _entity_fit(question: Question, entry: Entry) -> float:
    if question.subject and question.qtype != "yes_no":  # a yes/no subject is checked by _subject_fit
        # "who is X" / "what did X say": X must be what the fact is about; for a quotation, who speaks.
        if question.qtype == "quote" and entry.fact.speaker in question.subject:
            return 1.0
        about = bool(question.subject & entry.entity_ids)
        return (0.5 if about else 0.0) if question.qtype == "quote" else float(about)
    if question.entities:
        return len(question.entities & entry.entity_ids) / len(question.entities)
    return 0.5


def _type_fit(question: Question, entry: Entry) -> tuple[str | None, float]:
    slot, fit = _slot(question, entry)
    if not entry.is_entity:
        return slot, fit
    # An entity's who-is entry answers "who is X?", "who is the <role>?" and "what is X's role?".
    if question.qtype == "who_role" or (question.qtype == "who_is" and question.subject & entry.entity_ids):
        return slot, 1.0
    if question.qtype not in ("what", "which"):
        return None, 0.0
    return slot, fit


def score(question: Question, entry: Entry, w: _Weights, base: FactBase) -> Match:
    """Score one entry; see the module docstring for the signals."""
    coverage = _coverage(w, question, entry)
    slot, type_fit = _type_fit(question, entry)
    total = (W_COVERAGE * coverage + W_PHRASING * _phrasing(w, question, entry)
             + W_ENTITY * _entity_fit(question, entry) + W_TYPE * type_fit)
    if slot is None:
        total *= 0.6
    total *= _subject_fit(question, entry, base) * _specificity(question, coverage) * _slot_topic(w, question, entry)
    # A question most of whose meaning the base does not know is not answered, however
    # well one of its words matches.
    if coverage < 0.6:
        total *= coverage / 0.6
    return Match(entry, round(min(total, 1.0), 4), slot, coverage)


def _slot_topic(w: _Weights, question: Question, entry: Entry) -> float:
    """"When will the war end?" is not answered by the date of the grain deal: when a fact has
    questions of this type and none of them shares a word with the question, its answer of this
    type is about something else."""
    same = [terms for terms, qtype in zip(entry.phrasings, entry.phrasing_types, strict=True)
            if qtype == question.qtype and qtype in ("when", "where", "how_many", "who", "why")]
    if same and not any(t in terms for terms in same for t in w.of):
        return 0.6
    return 1.0


def _subject_fit(question: Question, entry: Entry, base: FactBase) -> float:
    """"Is Russia a NATO member?" is not answered by "Turkey is a NATO member"."""
    if question.qtype != "yes_no" or not question.subject or not entry.fact.entities:
        return 1.0
    main = entry.fact.entities[0]
    if main in question.entities:
        return 1.0
    kinds = {base.entities[e].kind for e in question.subject if e in base.entities}
    return 0.4 if base.entities[main].kind in kinds else 1.0


def _specificity(question: Question, coverage: float) -> float:
    """A question that names only one entity ("where is Zelensky now?") or, asking who holds a
    role, names a role the entity does not hold ("the prime minister of Japan") is not answered."""
    if question.qtype == "who_role" and coverage < 0.99:
        return 0.5
    if question.qtype in ("who_is", "quote", "what", "which") or len(question.entities) >= 2:
        return 1.0  # naming two entities ("Is Turkey in NATO?") relates them: that is specific
    own = [t for t in question.terms if t not in question.alias_terms and t not in SOFT_TERMS]
    return 0.6 if not own else 1.0


# Above this many entries only the NARROW_TO entries with the most question weight are scored.
NARROW_ABOVE = 250
NARROW_TO = 12
COMMON_SHARE = 0.4


def narrow(question: Question, w: _Weights, base: FactBase, keep: int = NARROW_TO) -> list[int]:
    """The entries that cover the most of the question's weight, cheaply.

    Coverage dominates the score, so the best answers are among the entries covering the most
    of the question. It is summed over the postings in one vectorized pass (a word the question
    used to name an entity counts for every entry about that entity, as in ``_coverage``) and,
    with estimates of the other signals, ranks the entries; the ``keep`` best remain.
    ``tests/core/test_matcher.py`` checks that the answers stay those of the full ranking.
    """
    vectors = base.vectors
    n = vectors.size
    # Words in more than a tenth of the base add about the same to every entry: the rarer ones
    # choose the candidates, the common ones are then added to those candidates only, unless
    # they carry much of the question (an entry with only them could still win).
    terms = [(t, v, question.alias_terms.get(t)) for t, v in w.of.items()]
    hits = {t: vectors.covering(t, e) for t, _, e in terms}
    rare = [(t, v) for t, v, _ in terms if len(hits[t]) <= n // 10]
    common = [(t, v, e) for t, v, e in terms if len(hits[t]) > n // 10]
    if not rare or sum(v for _, v, _ in common) > COMMON_SHARE * w.total:
        rare, common = [(t, v) for t, v, _ in terms], []
    weights = np.repeat(np.fromiter((v for _, v in rare), dtype=float, count=len(rare)),
                        [len(hits[t]) for t, _ in rare])
    ids = np.concatenate([hits[t] for t, _ in rare])
    acc = np.bincount(ids, weights=weights, minlength=n).astype(float) if len(ids) else np.zeros(n)
    idx = np.flatnonzero(acc)
    if len(idx) < keep and common:  # too few: let the common words bring candidates too
        for t, v, e in common:
            acc += v * vectors.covering_mask(t, e)
        idx, common = np.flatnonzero(acc), []
    if len(idx) <= keep:
        return [int(i) for i in idx]
    covered = acc[idx]
    for t, v, e in common:
        covered = covered + v * vectors.covering_mask(t, e)[idx]
    if len(idx) > 8 * keep:
        # Below 0.6 of the question a fact's score is scaled down by its coverage (see ``score``):
        # entries far below the best-covering ones cannot overtake them.
        close = covered >= 0.6 * covered.max()
        idx, covered = idx[close], covered[close]
        if len(idx) <= keep:
            return [int(i) for i in idx]
    # Coverage, plus the phrasing overlap it implies (an entry with one phrasing, a distilled
    # sentence: its Jaccard if it holds every covered word; with several, the bound Jaccard <=
    # coverage, so that curated facts are never crowded out), plus the entity and type signals.
    several, single = vectors.several_phrasings[idx], vectors.single_phrasing_weight[idx]
    shared = np.minimum(covered, single)
    jaccard = np.where(several, covered / w.total, shared / np.maximum(w.total + single - shared, 1e-9))
    about = np.full(len(idx), 0.5)
    if question.entities:
        about_all = np.zeros(n)
        for eid in question.entities:
            about_all[vectors.about(eid)] += 1.0 / len(question.entities)
        about = about_all[idx]
    type_fit = np.zeros(len(idx))
    first, *rest = ANSWER_CHAIN[question.qtype]
    for key in rest:
        if key in vectors.has_slot:
            type_fit[vectors.has_slot[key][idx]] = 0.7
    if first in vectors.has_slot:
        type_fit[vectors.has_slot[first][idx]] = 1.0
    ranked = (W_COVERAGE * covered / w.total + W_PHRASING * 0.7 * jaccard + W_ENTITY * about + W_TYPE * type_fit
              - idx * (1e-9 / n))  # earlier entries win ties
    top = idx[np.argpartition(-ranked, keep)[:keep]]
    return sorted(int(i) for i in top)


def rank(question: Question, base: FactBase, limit: int = 5, full: bool = False) -> list[Match]:
    """The best-scoring entries, best first (ties keep the fact base order).

    An entry sharing no term with the question has coverage 0 and so scores 0: only entries
    with a shared term are scored, and in a large base only the best-covering (see ``narrow``);
    ``full=True`` scores every candidate.
    """
    if not question.terms:
        return []
    w = weigh(question, base)
    if full or len(base.entries) <= NARROW_ABOVE:
        indices = base.candidates(question.terms, set(question.alias_terms.values()))
    else:
        indices = narrow(question, w, base)
    matches = [score(question, base.entries[i], w, base) for i in indices]
    matches.sort(key=lambda m: -m.score)
    return matches[:limit]
