"""Narrowing a large base to the few entries worth scoring, cheaply: the question's weight each
entry covers, summed over the postings with numpy, with estimates of the other signals.
"""
from __future__ import annotations

from functools import cache

import numpy as np

from bot.core.factbase import FactBase
from bot.core.questions import ANSWER_CHAIN, Question
from bot.core.scoring import RANK_WEIGHTS, Weights

NARROW_TO = 12
COMMON_SHARE = 0.4


def narrow(question: Question, w: Weights, base: FactBase, keep: int = NARROW_TO) -> list[int]:
    """The entries that cover the most of the question's weight, cheaply.

    Coverage is summed over the postings in one vectorized pass (a word the question used to
    name an entity counts for every entry about that entity, as in ``scoring._covered``); with
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
