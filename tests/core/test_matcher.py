"""Narrowing the candidates in a large base must not change the answers."""
from __future__ import annotations

import shutil

import pytest
import yaml

from bot.benchgen import write_articles
from bot.core.factbase import FactBase
from bot.core.loader import load_knowledge
from bot.core.matcher import NARROW_ABOVE, rank
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
    write_articles(SEEDS / "geneva-talks-2025-11-23.txt", seeds, 60)
    base = load_knowledge(KNOWLEDGE, seeds)
    assert len(base.entries) > NARROW_ABOVE
    return base


def best(base: FactBase, question: str, full: bool) -> tuple[str | None, float, str | None]:
    matches = rank(analyze(question, base), base, full=full)
    if not matches:
        return None, 0.0, None
    return matches[0].entry.fact.id, matches[0].score, matches[0].slot


def test_narrowed_answers_equal_the_full_ranking_on_a_generated_base(big_base: FactBase) -> None:
    qs = questions()
    assert len(qs) > 100
    for q in qs:
        assert best(big_base, q, full=False) == best(big_base, q, full=True), q


def test_generated_articles_questions_too(big_base: FactBase) -> None:
    generated = [a for a in big_base.articles.values() if a.id.startswith("generated")]
    for article in generated[:10]:
        for paragraph in article.paragraphs[:6]:
            q = "what about " + " ".join(paragraph.split()[:8])
            assert best(big_base, q, full=False) == best(big_base, q, full=True), q


def test_small_bases_are_not_narrowed(base: FactBase) -> None:
    assert len(base.entries) <= NARROW_ABOVE
    for q in questions():
        assert best(base, q, full=False) == best(base, q, full=True)
