"""Retrieval: the facts most likely to hold the answer, with the signals the decider weighs.

Lexical and fast. A question's content terms (stemmed, synonyms folded) are weighted by IDF
over the base; only the terms the base knows rank facts (as in BM25, a word no fact uses
cannot tell facts apart), and the share of the question the base does not know at all is
left to the decider. Each fact is scored on

* ``own``: the share of the question's known weight its own text covers (sentence, answers,
  keywords, the names of its entities, and its best curated phrasing);
* ``context``: the same over its paragraph, the article title and its people's roles;
* ``phrasing``: the best similarity to one of its curated question phrasings;
* ``entity``: the share of the entities the question names that the fact or paragraph names;

and ranked by ``RANK_WEIGHTS`` over them; the best ``KEEP`` go on to the reader.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.core.factbase import Entry, FactBase
from bot.core.questions import ANSWER_CHAIN, Question

#: How retrieval ranks candidates (own coverage, context coverage, phrasing, entities). Only the
#: order matters: the decider, not this sum, says whether an answer is good enough.
RANK_WEIGHTS = (0.45, 0.25, 0.2, 0.1)
KEEP = 5
KEEP_WITHIN = 0.5  # of the best retrieval score
# Above this many entries the candidates are narrowed with numpy before they are scored.
NARROW_ABOVE = 250
NARROW_TO = 12
COMMON_SHARE = 0.4


@dataclass(frozen=True)
class Weights:
    """The question's term weights, computed once per question."""

    known: dict[str, float]  # terms the base uses -> IDF
    total: float  # weight of the known terms
    unknown_share: float  # share of the whole question's weight the base does not know
    unknown_top: float = 0.0  # the weight share of the heaviest word the base does not know


@dataclass(frozen=True)
class Candidate:
    """A retrieved fact and its retrieval signals, each in [0, 1]."""

    entry: Entry
    own: float
    context: float
    phrasing: float
    entity: float
    rank_score: float


def weigh(question: Question, base: FactBase) -> Weights:
    of = {t: base.weight(t) for t in question.terms}
    known = {t: v for t, v in of.items() if t in base.idf}
    everything = sum(of.values())
    total = sum(known.values())
    top = max((v for t, v in of.items() if t not in known), default=0.0)
    return Weights(known, total, (everything - total) / everything if everything else 1.0,
                   top / everything if everything else 1.0)


def _covered(w: Weights, question: Question, terms: frozenset[str], about: frozenset[str]) -> float:
    # A word is covered when the text uses it, or when it is part of how the question named an
    # entity the fact is about ("the Polish PM" covers every fact about Tusk).
    if not w.total:
        return 0.0
    got = sum(v for t, v in w.known.items() if t in terms or (question.alias_terms.get(t, frozenset()) & about))
    return got / w.total


def _same_type(a: str, b: str) -> bool:
    groups = ({"what", "which", "quote"}, {"who", "who_is", "who_role"})
    return a in (b, "any") or any(a in g and b in g for g in groups)


def _phrasings(w: Weights, question: Question, entry: Entry, stated: frozenset[str]) -> tuple[float, float]:
    """Over the curated phrasings: the best coverage of what the fact states plus one phrasing
    (the union of all of them would favour facts with many phrasings over a distilled sentence
    that says the same thing), and the best similarity to one phrasing: the weighted Jaccard of
    the terms blended with rapidfuzz's token-sort ratio (which still sees word forms and leftover
    typos). A phrasing of another question type counts half for similarity: "how could the war
    end?" resembles "when will the war end?", but the fact's answer to that is a date."""
    known = w.known
    asked = known.keys()
    stated_weight = sum(known[t] for t in stated)
    own, best = stated_weight, 0.0
    for terms, weight, qtype, text in zip(entry.phrasings, entry.phrasing_weights, entry.phrasing_types,
                                          entry.phrasing_texts, strict=True):
        common = terms & asked
        if not common:
            continue
        shared = sum(known[t] for t in common)
        own = max(own, stated_weight + sum(known[t] for t in common - stated))
        jaccard = shared / (w.total + weight - shared)
        if 0.7 * jaccard + 0.3 <= best:
            continue
        similarity = 0.7 * jaccard + 0.3 * fuzz.ratio(question.sorted_words, text) / 100
        best = max(best, similarity if _same_type(qtype, question.qtype) else similarity / 2)
    return own, best


def entity_presence(question: Question, entry: Entry) -> float:
    """The share of the entities the question names that the fact or its paragraph names."""
    if not question.mentions:
        return 1.0
    present = sum(1 for terms, ids in question.mentions
                  if ids & entry.context_entities or (terms and terms <= entry.context))
    return present / len(question.mentions)


def score(question: Question, entry: Entry, w: Weights) -> Candidate:
    if not w.total:
        return Candidate(entry, 0.0, 0.0, 0.0, 0.0, 0.0)
    about = entry.entity_ids
    stated = frozenset(t for t in w.known if t in entry.content or question.alias_terms.get(t, frozenset()) & about)
    if entry.fact.distilled and len(entry.phrasings) <= 1:  # a distilled fact with no taught phrasing
        own, sim = sum(w.known[t] for t in stated), 0.0
    else:
        own, sim = _phrasings(w, question, entry, stated)
    own /= w.total
    context = 1.0 if own >= 1.0 else max(own, _covered(w, question, entry.context, entry.context_entities))
    entity = entity_presence(question, entry)
    a, b, c, d = RANK_WEIGHTS
    return Candidate(entry, own, context, sim, entity, a * own + b * context + c * sim + d * entity)


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
    # Far behind the best, a fact is not read: it has never been the right answer in our sets.
    floor = KEEP_WITHIN * scored[0].rank_score if scored else 0.0
    return [c for c in scored[:keep] if c.rank_score >= floor], w


def narrow(question: Question, w: Weights, base: FactBase, keep: int = NARROW_TO) -> list[int]:
    """The entries that cover the most of the question's weight, cheaply.

    Coverage is summed over the postings in one vectorized pass (a word the question used to
    name an entity counts for every entry about that entity, as in ``_covered``); with
    estimates of the phrasing and entity signals it ranks the entries, and the ``keep`` best
    remain. ``tests/core/test_retrieve.py`` checks the answers stay those of the full ranking.
    """
    vectors = base.vectors
    n = vectors.size
    # Words in more than a tenth of the base add about the same to every entry: the rarer ones
    # choose the candidates, the common ones are then added to those candidates only, unless
    # they carry much of the question (an entry with only them could still win).
    terms = [(t, v, tuple(sorted(question.alias_terms.get(t, ())))) for t, v in w.known.items()]
    hits = {t: vectors.covering(t, e) for t, _, e in terms}
    rare = [(t, v, e) for t, v, e in terms if len(hits[t]) <= n // 10]
    common = [(t, v, e) for t, v, e in terms if len(hits[t]) > n // 10]
    if not rare or sum(v for _, v, _ in common) > COMMON_SHARE * w.total:
        # Every word counts for every entry it covers; the common ones as masks (cheaper than
        # their long postings).
        acc = np.zeros(n)
        for t, v, _ in rare:
            acc[hits[t]] += v
        for t, v, e in common:
            acc += v * vectors.covering_mask(t, e)
        common = []
    else:
        weights = np.repeat(np.fromiter((v for _, v, _ in rare), dtype=float, count=len(rare)),
                            [len(hits[t]) for t, _, _ in rare])
        ids = np.concatenate([hits[t] for t, _, _ in rare])
        acc = np.bincount(ids, weights=weights, minlength=n).astype(np.float64)
    nonzero = np.count_nonzero(acc)
    if nonzero < keep and common:  # too few: let the common words bring candidates too
        for t, v, e in common:
            acc += v * vectors.covering_mask(t, e)
        common, nonzero = [], np.count_nonzero(acc)
    top_cover = acc.max()
    if top_cover <= 0:
        return []
    # Below half the best coverage an entry cannot overtake the best-covering ones (coverage
    # dominates the score); the rest are ranked on the estimate below.
    idx = np.flatnonzero(acc >= 0.5 * top_cover) if nonzero > 8 * keep else np.flatnonzero(acc)
    if len(idx) <= keep:
        return [int(i) for i in idx]
    covered = acc[idx]
    for t, v, e in common:
        covered = covered + v * vectors.covering_mask(t, e)[idx]
    # Coverage, plus the phrasing overlap it implies (for a curated fact with several phrasings
    # the bound Jaccard <= coverage, so that curated facts are never crowded out), plus entities
    # and whether the fact has a curated answer of the asked type.
    several = vectors.several_phrasings[idx]
    about = np.full(len(idx), 0.5)
    if question.entities:
        about = np.zeros(len(idx))
        for eid in question.entities:
            about += vectors.about_mask(eid)[idx] / len(question.entities)
    slot = np.zeros(len(idx))
    first = ANSWER_CHAIN[question.qtype][0]
    if first in vectors.has_slot:
        slot[vectors.has_slot[first][idx] & several] = 1.0
    a, _, c, d = RANK_WEIGHTS
    ranked = (a * covered / w.total + c * np.where(several, covered / w.total, 0.0) + d * about + 0.05 * slot
              - idx * (1e-9 / n))  # earlier entries win ties
    top = idx[np.argpartition(-ranked, keep)[:keep]]
    return sorted(int(i) for i in top)
