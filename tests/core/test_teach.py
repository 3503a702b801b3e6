"""Teaching phrasings: the overlay file, its merge on load, and the refusals."""
from __future__ import annotations

from pathlib import Path

import yaml

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_articles
from bot.core.overlay import add_phrasing, overlay_path
from bot.core.teach import teach

ARTICLE = "geneva-talks-2025-11-23"
TAUGHT = "whose brainchild was the T-day cutoff"


def holder_for(kb_dirs: tuple[Path, Path]) -> tuple[FactBaseHolder, Answerer]:
    k, s = kb_dirs
    holder = FactBaseHolder(k, s)
    return holder, Answerer(holder)


def test_teaching_makes_a_declined_question_answered(kb_dirs: tuple[Path, Path]) -> None:
    holder, answerer = holder_for(kb_dirs)
    assert not answerer.answer(TAUGHT).matched
    taught = teach(lambda: holder.current, holder.reload, answerer, kb_dirs[0], TAUGHT, "thanksgiving-deadline")
    assert taught.answered, taught.message
    after = answerer.answer(TAUGHT)
    assert after.matched and after.fact_id == "thanksgiving-deadline" and after.answer == "President Trump"
    data = yaml.safe_load(overlay_path(kb_dirs[0], ARTICLE).read_text())
    assert data == {"article": ARTICLE, "phrasings": {"thanksgiving-deadline": [TAUGHT]}}
    # A fresh process (a restart) loads the overlay too.
    fresh = Answerer(FactBaseHolder(*kb_dirs))
    assert fresh.answer(TAUGHT).fact_id == "thanksgiving-deadline"


def test_a_phrasing_of_another_fact_is_refused(kb_dirs: tuple[Path, Path]) -> None:
    holder, answerer = holder_for(kb_dirs)
    taught = teach(lambda: holder.current, holder.reload, answerer, kb_dirs[0], "who gave ukraine the deadline?",
                   "deadline-not-firm")
    assert not taught.answered and "ambiguous" in taught.message and "thanksgiving-deadline" in taught.message
    assert not overlay_path(kb_dirs[0], ARTICLE).exists()


def test_unknown_fact_and_empty_question_are_refused(kb_dirs: tuple[Path, Path]) -> None:
    holder, answerer = holder_for(kb_dirs)
    assert "no fact 'nope'" in teach(lambda: holder.current, holder.reload, answerer, kb_dirs[0], "q?", "nope").message
    empty = teach(lambda: holder.current, holder.reload, answerer, kb_dirs[0], "  ?! ", "thanksgiving-deadline")
    assert not empty.answered and "no question" in empty.message


def test_a_bad_overlay_is_reported_and_the_article_still_loads(kb_dirs: tuple[Path, Path]) -> None:
    k, s = kb_dirs
    add_phrasing(k, ARTICLE, "no-such-fact", "what is this")
    path = overlay_path(k, ARTICLE)
    base, problems = load_articles(k, s)
    assert ARTICLE in base.articles
    assert any("no-such-fact" in str(p) and "no such fact" in str(p) for p in problems)
    path.write_text("article: [unclosed")
    base, problems = load_articles(k, s)
    assert ARTICLE in base.articles and any("local/" in str(p) for p in problems)


def test_a_distilled_fact_can_be_taught(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    k, s = kb_dirs
    (s / "bridge-2025-10-14.txt").write_text(
        "Title: Bridge reopens\nDate: 2025-10-14\n---\nThe Alder Street bridge reopened on Monday after an "
        "18-month renovation that cost $64 million.\nMayor Ruth Okoye cut the ribbon.\n")
    holder, answerer = holder_for(kb_dirs)
    fact_id = "bridge-2025-10-14.p1.s1"
    assert any(e.fact.id == fact_id for e in holder.current.entries)
    taught = teach(lambda: holder.current, holder.reload, answerer, k, "what did the fix set the city back",
                   fact_id)
    assert taught.answered, taught.message
