"""The question's term weights, and the retrieval signals each fact is scored on:

* ``own``: the share of the question's known weight its own text covers (sentence, answers,
  keywords, the names of its entities, and its best curated phrasing);
* ``context``: the same over its paragraph, the article title and its people's roles;
* ``phrasing``: the best similarity to one of its curated question phrasings;
* ``entity``: the share of the entities the question names that the fact or paragraph names;

and ranked by ``RANK_WEIGHTS`` over them (see ``retrieve``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz

from bot.core.factbase import Entry, FactBase
from bot.core.questions import Question

#: How retrieval ranks candidates (own coverage, context coverage, phrasing, entities). Only the
#: order matters: the decider, not this sum, says whether an answer is good enough.
RANK_WEIGHTS = (0.45, 0.25, 0.2, 0.1)
UNKNOWN_VERB = 0.5  # the share of its weight a verb the base never uses keeps (see ``weigh``)
# The share of its weight a light verb keeps ("get", "come": ``questions.LIGHT_VERBS``); in tests/data,
# 0.6 -> 0.2 -> 0 answer 1,511 -> 1,519 -> 1,522 of 2,947 right (0 would let "who took it" lose its verb).
LIGHT_VERB = 0.2


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
