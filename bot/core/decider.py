"""The decider: which reading answers, and whether to answer at all. Every weight is named here.

Two logistic models, fitted on our own labelled questions by ``python -m bot.calibrate`` (the
coefficients and the cross-validated figures of the fit are data, in ``decider.json``):

1. the *ranker* scores every reading of every retrieved fact on ``RANK_FEATURES``; the reading
   with the highest score is the candidate answer;
2. the *decider* gives the probability that this answer is right from ``DECIDE_FEATURES``
   (the ranker's score, its margin over the next answer, what the question has that the base
   does not know, ...). The bot answers when it is at least the calibrated ``threshold``, chosen
   to decline at least 97% of out-of-scope questions out of fold, and declines otherwise.

Gates come first, because no weighting should let them through: see ``gates``.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from bot.core import shapes
from bot.core.factbase import SOFT_TERMS, FactBase
from bot.core.gates import answerable, eligible, set_aside, slot_topic, subject_fit
from bot.core.questions import Question
from bot.core.reader import Reading, sentence_of
from bot.core.scoring import Candidate, Weights
from bot.core.text import STOPWORDS, normalize

PERSONAL = frozenset({"my", "our", "i", "me", "we", "mine", "ours", "myself", "i'm", "i've", "im"})
# Two reports of different dates conflict when both answer the question (the other with at least
# CONFLICT_MIN_P, more likely right than not) and, their answers aside, their sentences share at
# least CONFLICT_SAME_EVENT of the smaller one's words, about the same entities: the same event
# (a new deadline), not another meeting in another city. The newest then answers (see answers).
CONFLICT_MIN_P = 0.5
DECIDED = 3  # how many of the best-ranked readings get the decider's probability
CONFLICT_SAME_EVENT = 0.5
CONFLICT_MIN_SHARED = 3
WEIGHTS_FILE = Path(__file__).with_name("decider.json")
SPECIFIC_WANTS = frozenset({"agent", "patient", "speaker", "holder", "date", "year", "duration", "place", "count",
                            "amount", "quote", "manner", "name", "description", "reason"})
#: What the ranker weighs for each reading, each in [0, 1] unless noted.
RANK_FEATURES: dict[str, str] = {
    "own": "share of the question's known weight the fact's own text covers",
    "context": "the same over its paragraph, article title and its people's roles",
    "phrasing": "best similarity to a curated phrasing of the fact (0 for distilled facts)",
    "entity": "share of the entities the question names that the fact or its paragraph names",
    "typed": "the reader found the asked kind of answer (1), a related curated slot (0.5), a clause (0.3)",
    "want_missed": "the question wants a specific kind (a date, a name, a number...) and got a clause",
    "anchored": "how near the answer sits to the words the question asked about (1 beside them, 0.5 at ANCHOR_CHARS)",
    "echo": "share of the answer's words the question already has",
    "verb_missing": "the question's verb ('who *replaced* ...') is not in the sentence read",
    "curated": "the fact is curated rather than machine-distilled",
    "curated_answer": "the answer is the curated answer of the asked type (1) or of a related type (0.5)",
    "who_is_entry": "the candidate is a person's who-is entry",
    "subject": "the question's subject is the fact's main entity (1), one of them (0.5 for yes/no), none named (0.5)",
    "slot_topic": "a curated phrasing of the asked type shares a word with the question (0.5: none of that type)",
    "retrieval": "its retrieval score minus the best retrieval score of another paragraph (may be negative)",
    "article": "share of the question's known weight its whole article covers",
    "shape": "the answer is of the asked kind (+1), plainly not (-1: 'a Democrat' for who, a percent for a price), "
             "or the words cannot tell (0); see ``shapes``",
    "contrast": "the sentence read lacks a qualifier the question names and has a rival of its class "
                "('third-quarter' for 'second-quarter', 'killed' for 'injured'); see ``shapes``",
    "local": "share of the question's known weight, names aside, within a few words of the answer (see "
             "``reader.LOCAL_CHARS``)",
    "lead": "how early in its article the paragraph stands (1 the first, 0 the last): news tells the main event "
            "first, an earlier one later",
}
#: What the decider weighs for the ranker's best reading (a compact set: the others the ranker
#: weighs added nothing out of fold, see the README).
DECIDE_FEATURES: dict[str, str] = {
    "score": "the ranker's score of the reading, over 10",
    "share": "its share of the ranker's probability mass among the different answers (softmax of the scores; an "
             "answer that holds the other or is held by it is not a different one)",
    "phrasing": RANK_FEATURES["phrasing"],
    "entity": RANK_FEATURES["entity"],
    "unknown": "share of the question's weight in words the base never uses",
    "unknown_name": "the question names someone or something the base does not know (a capitalized word, or the "
                    "subject of who-is / what-did-X-say)",
    "topic": "share of the question's known weight, its names aside, the fact's own text covers",
    "verb_missing": RANK_FEATURES["verb_missing"],
    "typed": RANK_FEATURES["typed"],
    "echo": RANK_FEATURES["echo"],
    "subject": RANK_FEATURES["subject"],
    "personal": "the question is about the asker ('my essay', 'our team', 'I')",
    "known_terms": "how many known content words the question has, up to 6, over 6",
    "shape": RANK_FEATURES["shape"],
    "contrast": RANK_FEATURES["contrast"],
    "local": RANK_FEATURES["local"],
    "want_person": "the question asks for a person or organization (who, who said, who is)",
    "want_number": "the question asks for a count or a sum",
    "want_time": "the question asks for a date, a year or a duration",
    "want_yes_no": "the question is a yes/no question",
}
# Some kinds of answer are read right more often than others: each group has its own base rate
# (out of fold, eight repeats of five folds: 50.1% -> 50.9% right at 97% declined, 44.6% instead
# of 40.6% at 98%; groups for places and quotations added nothing).
_WANT_GROUPS = {"want_person": {"agent", "patient", "speaker", "holder", "name", "description"},
                "want_number": {"count", "amount"}, "want_time": {"date", "year", "duration"},
                "want_yes_no": {"clause"}}


@dataclass(frozen=True)
class Linear:
    """An intercept and named coefficients: ``sigmoid(intercept + sum(coef * x))``."""

    intercept: float
    coefficients: dict[str, float]

    def logit(self, x: dict[str, float]) -> float:
        coefficients = self.coefficients
        total = self.intercept
        for name, value in x.items():
            if value:
                total += coefficients.get(name, 0.0) * value
        return total

    def probability(self, x: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.logit(x)))))


@dataclass(frozen=True)
class Model:
    """The fitted ranker and decider and the decision threshold."""

    ranker: Linear
    decider: Linear
    threshold: float


@cache
def load_model(path: Path = WEIGHTS_FILE) -> Model:
    """The committed coefficients (``decider.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def linear(part: dict[str, object]) -> Linear:
        return Linear(float(part["intercept"]),  # type: ignore[arg-type]
                      {k: float(v) for k, v in part["coefficients"].items()})  # type: ignore[attr-defined]

    return Model(linear(data["ranker"]), linear(data["decider"]), float(data["threshold"]))


def _topic(question: Question, w: Weights, terms: frozenset[str]) -> float:
    """What the question asks about X, X aside: "what did Ferraro say about the transfer offer?"."""
    # (a filler word alone is no topic: "who's the polish prime minister *mentioned* here?")
    asked = {t: v for t, v in w.known.items() if t not in question.alias_terms and t not in SOFT_TERMS}
    total = sum(asked.values())
    return sum(v for t, v in asked.items() if t in terms) / total if total else 1.0


def rank_features(question: Question, candidate: Candidate, reading: Reading, best_elsewhere: float,
                  article_cover: float, paragraphs: int = 1, content_weight: float = 0.0) -> dict[str, float]:
    """The ranker's features of one reading (see ``RANK_FEATURES``); ``paragraphs``: how many its
    article has; ``content_weight``: the question's known weight, names aside."""
    entry = candidate.entry
    lead = 1.0 - (entry.fact.paragraph - 1) / max(1, paragraphs - 1) if paragraphs > 1 else 1.0
    return {
        "own": candidate.own,
        "context": candidate.context,
        "phrasing": candidate.phrasing,
        "entity": candidate.entity,
        "typed": reading.typed,
        "want_missed": 1.0 if question.want in SPECIFIC_WANTS and reading.source == "clause" else 0.0,
        "anchored": reading.anchored,
        "echo": reading.echo,
        "verb_missing": 1.0 if question.verb_terms and not any(entry.knows(t) for t in question.verb_terms)
        else 0.0,
        "curated": 0.0 if entry.fact.distilled else 1.0,
        "curated_answer": {"curated": 1.0, "curated_alt": 0.5}.get(reading.source, 0.0),
        "who_is_entry": 1.0 if entry.is_entity else 0.0,
        "subject": subject_fit(question, candidate),
        "slot_topic": slot_topic(question, candidate),
        "retrieval": candidate.rank_score - best_elsewhere,
        "article": article_cover,
        "shape": float(shapes.shape(question, reading.answer or "")),
        "contrast": 1.0 if shapes.contrast(question, entry.fact.evidence, entry.context, entry.terms) else 0.0,
        "lead": lead,
        "local": (1.0 if not content_weight else 0.5 if reading.near is None
                  else min(1.0, reading.near / content_weight)),
    }


def decide_features(question: Question, w: Weights, best: Judged, others: list[float]) -> dict[str, float]:
    """The decider's features of a reading (see ``DECIDE_FEATURES``); ``others`` are the ranker's
    scores of the readings that give another answer from another paragraph."""
    x = best.x
    return {
        "score": best.score / 10,
        "share": 1.0 / (1.0 + sum(math.exp(max(-30.0, min(30.0, o - best.score))) for o in others)),
        "phrasing": x["phrasing"],
        "entity": x["entity"],
        "unknown": w.unknown_share,
        "unknown_name": 1.0 if question.unknown_names else 0.0,
        "topic": _topic(question, w, best.candidate.entry.terms),
        "verb_missing": x["verb_missing"],
        "typed": x["typed"],
        "echo": x["echo"],
        "subject": x["subject"],
        "personal": 1.0 if question.words & PERSONAL else 0.0,
        "known_terms": min(len(w.known), 6) / 6,
        "shape": x["shape"],
        "contrast": x["contrast"],
        "local": x["local"],
        **{name: 1.0 if question.want in wants else 0.0 for name, wants in _WANT_GROUPS.items()},
    }


class Judged(NamedTuple):  # a tuple: quicker to make than a frozen dataclass, one per reading
    """A reading of a candidate, its ranker features and score, and (for the best) the decision."""

    candidate: Candidate
    reading: Reading
    x: dict[str, float]
    score: float
    p: float = 0.0  # the decider's probability that this answer is right
    d: dict[str, float] | None = None  # the decider's features


def judge(question: Question, candidates: list[Candidate], readings: list[list[Reading]], w: Weights,
          base: FactBase, model: Model | None = None) -> list[Judged]:
    """Every eligible reading, best-ranked first, each with the decider's probability as if it
    were the answer (its margin over the best different answer)."""
    model = model or load_model()
    if not answerable(question, w):
        return []
    covers = article_coverage(w, question, base, {c.entry.article_id for c in candidates})
    content_weight = sum([v for t, v in w.known.items() if t not in question.alias_terms])
    ranked = []
    keys = [(c.entry.article_id, c.entry.fact.paragraph) for c in candidates]
    for k, (cand, rs) in enumerate(zip(candidates, readings, strict=True)):
        elsewhere = max((c.rank_score for c, key in zip(candidates, keys, strict=True) if key != keys[k]), default=0.0)
        article = base.articles.get(cand.entry.article_id)
        paragraphs = len(article.paragraphs) if article else 1
        for read in rs:
            reading = set_aside(question, read, base) if eligible(question, cand, read) else None
            if reading is None:
                continue
            x = rank_features(question, cand, reading, elsewhere, covers[cand.entry.article_id], paragraphs,
                              content_weight)
            ranked.append(Judged(cand, reading, x, model.ranker.logit(x)))
    ranked.sort(key=lambda j: -j.score)
    # The decision matters for the best few readings only (the answer, its rivals from other articles).
    return [decided(question, w, j, ranked, base, model.decider) if i < DECIDED else j for i, j in enumerate(ranked)]


def decided(question: Question, w: Weights, j: Judged, ranked: list[Judged], base: FactBase,
            decider: Linear) -> Judged:
    """``j`` with the decider's features and probability, its rivals being the other answers from
    other paragraphs (a later report of the same event is an update, not a rival: ``same_event``)."""
    mine = j.reading.answer or ""
    others = [o.score for o in ranked if not _agree(mine, o.reading.answer or "")
              and o.candidate.entry.fact.paragraph != j.candidate.entry.fact.paragraph
              and not (o.candidate.entry.article_id != j.candidate.entry.article_id and same_event(o, j, base))]
    d = decide_features(question, w, j, others)
    return Judged(j.candidate, j.reading, j.x, j.score, decider.probability(d), d)


@lru_cache(maxsize=16384)
def _words(answer: str) -> frozenset[str]:
    return frozenset(normalize(answer).split()) - STOPWORDS


def _agree(a: str, b: str) -> bool:
    """Whether two answers agree: one holds the other's words, in any order ("Army Secretary" and
    "Dan Driscoll, US Army Secretary"; "Prime Minister Anders Halvik" and "Anders Halvik, Prime
    Minister"). Answers of small words only ("No", "Yes") agree when they are the same."""
    wa, wb = _words(a), _words(b)
    return (wa <= wb or wb <= wa) if wa and wb else a.lower() == b.lower()


def article_coverage(w: Weights, question: Question, base: FactBase, article_ids: set[str]) -> dict[str, float]:
    """Per article: the share of the question's known weight its text covers."""
    out = {}
    for aid in article_ids:
        terms = base.article_terms.get(aid, frozenset())
        got = sum(v for t, v in w.known.items() if t in terms or t in question.alias_terms)
        out[aid] = got / w.total if w.total else 0.0
    return out


def same_event(a: Judged, b: Judged, base: FactBase) -> bool:
    """Whether two facts report the same event: what one is mainly about the other names too, and,
    their answers aside, their sentences share at least ``CONFLICT_MIN_SHARED`` words and most of
    the smaller one's (a new deadline for the same plan, not another meeting in another city)."""
    ea, eb = a.candidate.entry, b.candidate.entry
    main_a, main_b = set(ea.fact.entities[:1]), set(eb.fact.entities[:1])
    if (main_a or main_b) and not (main_a & eb.entity_ids or main_b & ea.entity_ids):
        return False
    terms = base.lexicon.term_set
    ta = terms(sentence_of(ea, base)) - terms(a.reading.answer or "")
    tb = terms(sentence_of(eb, base)) - terms(b.reading.answer or "")
    shared = ta & tb
    return len(shared) >= CONFLICT_MIN_SHARED and len(shared) / min(len(ta), len(tb)) >= CONFLICT_SAME_EVENT
