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

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz

from bot.core import spans
from bot.core.factbase import Entry, FactBase
from bot.core.questions import ANSWER_CHAIN, Question

#: How retrieval ranks candidates (own coverage, context coverage, phrasing, entities). Only the
#: order matters: the decider, not this sum, says whether an answer is good enough.
RANK_WEIGHTS = (0.45, 0.25, 0.2, 0.1)
KEEP = 5
KEEP_WITHIN = 0.5  # of the best retrieval score
KIND_WITHIN = 0.3  # a fact telling the kind asked ("what time": a clock time), when none of the best does
# Above this many entries the candidates are narrowed with numpy before they are scored.
NARROW_ABOVE = 250
NARROW_TO = 12
UNKNOWN_VERB = 0.5  # the share of its weight a verb the base never uses keeps (see ``weigh``)
# The share of its weight a light verb keeps ("get", "come": ``questions.LIGHT_VERBS``); in tests/data,
# 0.6 -> 0.2 -> 0 answer 1,511 -> 1,519 -> 1,522 of 2,947 right (0 would let "who took it" lose its verb).
LIGHT_VERB = 0.2
COMMON_SHARE = 0.4


@dataclass(frozen=True)
class Weights:
    """The question's term weights, computed once per question."""

    known: dict[str, float]  # terms the base uses -> IDF
    total: float  # weight of the known terms
    unknown_share: float  # share of the whole question's weight the base does not know
    unknown_top: float = 0.0  # the weight share of the heaviest word the base does not know


class Candidate(NamedTuple):  # a tuple: quicker to make than a frozen dataclass, one per entry scored
    """A retrieved fact and its retrieval signals, each in [0, 1]."""

    entry: Entry
    own: float
    context: float
    phrasing: float
    entity: float
    rank_score: float


def weigh(question: Question, base: FactBase) -> Weights:
    # The question's verb the base never uses ("which court *heard* the case?") weighs half: its
    # absence is also the decider's ``verb_missing``, and a verb is often said otherwise.
    of = {t: base.weight(t) * (UNKNOWN_VERB if t in question.verb_terms and t not in base.idf else 1.0)
          * (LIGHT_VERB if t in question.light_terms else 1.0) for t in question.terms}
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
    alias = question.alias_terms
    got = sum([v for t, v in w.known.items() if t in terms or (t in alias and alias[t] & about)])
    return got / w.total


_TYPE_GROUPS = (frozenset({"what", "which", "quote"}), frozenset({"who", "who_is", "who_role"}))


@cache
def _same_type(a: str, b: str) -> bool:
    return a in (b, "any") or any(a in g and b in g for g in _TYPE_GROUPS)


def _phrasings(w: Weights, question: Question, entry: Entry, stated: frozenset[str]) -> tuple[float, float]:
    """Over the curated phrasings: the best coverage of what the fact states plus one phrasing
    (the union of all of them would favour facts with many phrasings over a distilled sentence
    that says the same thing), and the best similarity to one phrasing: the weighted Jaccard of
    the terms blended with rapidfuzz's token-sort ratio (which still sees word forms and leftover
    typos). A phrasing of another question type counts half for similarity: "how could the war
    end?" resembles "when will the war end?", but the fact's answer to that is a date."""
    known = w.known
    stated_weight = sum([known[t] for t in stated])
    # The weight each phrasing shares with the question, and the part of it the fact does not
    # state, summed over the question's few terms rather than intersected phrasing by phrasing.
    shared: dict[int, float] = {}
    extra: dict[int, float] = {}
    index = entry.phrasing_index
    for t, v in known.items():
        for i in index.get(t, ()):
            shared[i] = shared.get(i, 0.0) + v
            if t not in stated:
                extra[i] = extra.get(i, 0.0) + v
    own = stated_weight + max(extra.values(), default=0.0)
    best = 0.0
    weights, types, texts = entry.phrasing_weights, entry.phrasing_types, entry.phrasing_texts
    for i, common in shared.items():
        jaccard = common / (w.total + weights[i] - common)
        if 0.7 * jaccard + 0.3 <= best:  # the most the ratio could add: the order visited does not matter
            continue
        similarity = 0.7 * jaccard + 0.3 * fuzz.ratio(question.sorted_words, texts[i]) / 100
        best = max(best, similarity if _same_type(types[i], question.qtype) else similarity / 2)
    return own, best


def entity_presence(question: Question, entry: Entry) -> float:
    """The share of the entities the question names that the fact or its paragraph names."""
    if not question.mentions:
        return 1.0
    present = 0
    for terms, ids in question.mentions:
        if ids & entry.context_entities or (terms and terms <= entry.context):
            present += 1
    return present / len(question.mentions)


def score(question: Question, entry: Entry, w: Weights) -> Candidate:
    if not w.total:
        return Candidate(entry, 0.0, 0.0, 0.0, 0.0, 0.0)
    about, content, alias, known = entry.entity_ids, entry.content, question.alias_terms, w.known
    stated = frozenset([t for t in known if t in content or (t in alias and alias[t] & about)])
    if entry.fact.distilled and len(entry.phrasings) <= 1:  # a distilled fact with no taught phrasing
        own, sim = sum([known[t] for t in stated]), 0.0
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
    clock time for "what time", a year for "what year"."""
    if question.want == "date" and (question.focus_word in ("time", "hour") or "what time" in question.normalized):
        return spans.CLOCK
    if question.want == "year":
        return spans.YEAR
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
        # Every word counts for every entry it covers.
        if rare:
            acc = np.zeros(n)
            for t, v, _ in rare:
                acc[hits[t]] += v
        else:  # the first mask weighted is the sum so far (0.0 + x is x)
            t, v, e = common[0]
            acc = np.multiply(vectors.covering_mask(t, e), v)
        _add_each(acc, common[0 if rare else 1:], hits)
        added, common = terms, []
    else:
        weights = np.repeat(np.fromiter((v for _, v, _ in rare), dtype=float, count=len(rare)),
                            [len(hits[t]) for t, _, _ in rare])
        ids = np.concatenate([hits[t] for t, _, _ in rare])
        acc = np.bincount(ids, weights=weights, minlength=n).astype(np.float64, copy=False)
        added = rare
    # Every weight is positive: the entries covered number at least the longest of the postings
    # added and at most their sum; counted only when these bounds do not settle a test below.
    least = max((len(hits[t]) for t, _, _ in added), default=0)
    most = sum(len(hits[t]) for t, _, _ in added)
    nonzero: int | None = None
    if least < keep and common:
        nonzero = int(np.count_nonzero(acc))
        if nonzero < keep:  # too few: let the common words bring candidates too
            _add_each(acc, common, hits)
            common, nonzero = [], int(np.count_nonzero(acc))
    top_cover = acc.max()
    if top_cover <= 0:
        return []
    if nonzero is None and least <= 8 * keep < most:
        nonzero = int(np.count_nonzero(acc))
    many = least > 8 * keep if nonzero is None else nonzero > 8 * keep
    # Below half the best coverage an entry cannot overtake the best-covering ones (coverage
    # dominates the score); the rest are ranked on the estimate below.
    idx = (acc >= 0.5 * top_cover).nonzero()[0] if many else acc.nonzero()[0]
    if len(idx) <= keep:
        return [int(i) for i in idx]
    covered = acc[idx]
    for t, v, e in common:
        covered += vectors.covering_mask(t, e)[idx] * v
    # Coverage, plus the phrasing overlap it implies (for a curated fact with several phrasings
    # the bound Jaccard <= coverage, so that curated facts are never crowded out), plus entities
    # and whether the fact has a curated answer of the asked type. Summed in this order, in
    # place: the arrays of a large base are costly to allocate and crowd the caches.
    a, _, c, d = RANK_WEIGHTS
    several = vectors.several_phrasings[idx]
    part = covered / w.total
    part *= several  # where it has several phrasings, else 0.0
    part *= c
    ranked = covered
    ranked *= a
    ranked /= w.total
    ranked += part
    if question.entities:
        among = len(question.entities)
        if among < 256 and _counts_exact(among):  # the shares summed are the count over ``among``
            # Counted over the whole base (contiguous bytes) and then picked: cheaper than picking
            # each entity's mask when many entries are left.
            entities = iter(question.entities)
            count = vectors.about_mask(next(entities)).view(np.uint8)
            if among > 1:
                count = count.copy()
                for eid in entities:
                    count += vectors.about_mask(eid).view(np.uint8)
            np.divide(count[idx], among, out=part)
        else:
            masks = [vectors.about_mask(eid)[idx] for eid in question.entities]
            np.divide(masks[0], among, out=part)
            for mask in masks[1:]:
                part += mask / among
        part *= d
        ranked += part
    else:
        ranked += d * 0.5
    first = ANSWER_CHAIN[question.qtype][0]
    if first in vectors.has_slot:  # else it adds 0.0
        slot = vectors.has_slot[first][idx]
        slot &= several
        np.multiply(slot, 0.05, out=part)
        ranked += part
    np.multiply(idx, 1e-9 / n, out=part)
    ranked -= part  # earlier entries win ties
    np.negative(ranked, out=ranked)
    top = idx[np.argpartition(ranked, keep)[:keep]]
    return sorted(top.tolist())


@cache
def _counts_exact(among: int) -> bool:
    """Whether adding ``1 / among`` up to ``among`` times always gives ``count / among`` exactly."""
    total = 0.0
    for count in range(1, among + 1):
        total += 1 / among
        if total != count / among:
            return False
    return True


def _add_each(acc: np.ndarray, words: list[tuple[str, float, tuple[str, ...]]], hits: dict[str, np.ndarray]) -> None:
    """``acc += weight * mask`` for each of ``words``, through its postings (each entry once): the
    same sums without the temporary arrays of a large base, whose traffic slows what follows."""
    for t, v, _ in words:
        np.add.at(acc, hits[t], v)
