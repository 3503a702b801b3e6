"""Narrowing the candidates in a large base must not change the answers."""
from __future__ import annotations

import os
import shutil

import pytest
import yaml

from bot.benchgen import write_articles
from bot.core.answers import DEFAULT_THRESHOLD, Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.core.matcher import NARROW_ABOVE, Match, rank
from bot.core.questions import analyze
from tests.conftest import KNOWLEDGE, ROOT, SEEDS

DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
OWN = ROOT / "tests" / "data" / "paraphrases.yaml"


def questions() -> list[str]:
    qs: list[str] = []
    for path in (DEV, OWN):
        if path.is_file():
            data = yaml.safe_load(path.read_text())
            qs += [c["q"] for c in data["in_scope"] + data["out_of_scope"]]
    return qs


@pytest.fixture(scope="module")
def big_base(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", seeds)
    write_articles(SEEDS / "geneva-talks-2025-11-23.txt", seeds, int(os.environ.get("TALKSBOT_TEST_ARTICLES", "60")))
    base = load_knowledge(KNOWLEDGE, seeds)
    assert len(base.entries) > NARROW_ABOVE
    return base


def best(base: FactBase, question: str, full: bool) -> Match | None:
    """The match the bot answers from, or None when it declines."""
    matches = rank(analyze(question, base), base, full=full)
    if not matches or matches[0].score < DEFAULT_THRESHOLD or matches[0].slot is None:
        return None
    return matches[0]


def same_answer(base: FactBase, question: str) -> bool:
    """The same fact, or, where generated articles repeat a sentence with other names, an equally
    good copy of it: the same kind of answer with a confidence within 0.005 (rapidfuzz's ratio
    moves with the length of the invented names, which the narrowing cannot see)."""
    narrowed, full = best(base, question, full=False), best(base, question, full=True)
    if narrowed is None or full is None:
        return narrowed is full
    if not full.entry.fact.distilled or not narrowed.entry.fact.distilled:
        return narrowed.entry.fact.id == full.entry.fact.id and narrowed.slot == full.slot
    return narrowed.slot == full.slot and abs(narrowed.score - full.score) <= 0.005


def test_narrowed_answers_equal_the_full_ranking_on_a_generated_base(big_base: FactBase) -> None:
    qs = questions()
    assert len(qs) > 100
    answered = 0
    for q in qs:
        assert same_answer(big_base, q), q
        answered += best(big_base, q, full=False) is not None
    assert answered > 100


@pytest.mark.skipif(not DEV.is_file(), reason="../shared/eval is not beside this checkout")
def test_development_set_score_is_unchanged_by_narrowing(big_base: FactBase, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    sys.path.insert(0, str(DEV.parent))
    from score import has  # the scorer's own answer check

    holder = FactBaseHolder(KNOWLEDGE, SEEDS, big_base)
    cases = yaml.safe_load(DEV.read_text())["in_scope"]

    def correct(answerer: Answerer) -> list[bool]:
        out = []
        for case in cases:
            a = answerer.answer(case["q"])
            golds = case.get("answer") or case["answer_all"]
            ok_answer = a.matched and a.answer is not None and (
                any(has(a.answer, g) for g in golds) if "answer" in case else all(has(a.answer, g) for g in golds))
            out.append(bool(ok_answer and a.source and a.source.paragraph in case["paragraphs"]))
        return out

    narrowed = correct(Answerer(holder))
    monkeypatch.setattr("bot.core.matcher.NARROW_ABOVE", 10**9)
    assert narrowed == correct(Answerer(holder))
    assert sum(narrowed) >= 0.8 * len(cases)  # not vacuous: most are answered right, either way


def test_generated_articles_questions_too(big_base: FactBase) -> None:
    generated = [a for a in big_base.articles.values() if a.id.startswith("generated")]
    for article in generated[:10]:
        for paragraph in article.paragraphs[:6]:
            q = "what about " + " ".join(paragraph.split()[:8])
            assert same_answer(big_base, q), q


def test_small_bases_are_not_narrowed(base: FactBase) -> None:
    assert len(base.entries) <= NARROW_ABOVE
    for q in questions():
        assert same_answer(base, q), q
