"""Retrieval: narrowing the candidates in a large base must not change the answers."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot import evaluation
from bot.benchgen import write_articles
from bot.core.answers import Answer, Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.core.questions import analyze
from bot.core.retrieve import NARROW_ABOVE, retrieve
from tests.conftest import KNOWLEDGE, SEEDS


def questions() -> list[str]:
    return [str(c["q"]) for s in evaluation.discover() if s.curated for c in s.in_scope + s.out_of_scope]


@pytest.fixture(scope="module")
def big_base(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", seeds)
    write_articles(SEEDS / "geneva-talks-2025-11-23.txt", seeds, int(os.environ.get("TALKSBOT_TEST_ARTICLES", "60")))
    base = load_knowledge(KNOWLEDGE, seeds)
    assert len(base.entries) > NARROW_ABOVE
    return base


def same(narrowed: Answer, full: Answer) -> bool:
    """The same answer, or, where generated articles repeat a sentence with other invented names,
    an equally good copy of it: the same short answer kind from a distilled sentence of the same
    paragraph number, confidence within 0.02."""
    if narrowed.matched != full.matched:
        return False
    if not narrowed.matched or narrowed.fact_id == full.fact_id:
        return True
    ids = (narrowed.fact_id or "", full.fact_id or "")
    return all(i.startswith("generated") for i in ids) and abs(narrowed.confidence - full.confidence) <= 0.02


def test_narrowed_answers_equal_the_full_ranking_on_a_generated_base(big_base: FactBase,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    qs = questions()
    assert len(qs) > 300
    holder = FactBaseHolder(KNOWLEDGE, SEEDS, big_base)
    narrowed = [Answerer(holder).answer(q) for q in qs]
    monkeypatch.setattr("bot.core.retrieve.NARROW_ABOVE", 10**9)
    full = [Answerer(holder).answer(q) for q in qs]
    differ = [(q, n.answer, f.answer) for q, n, f in zip(qs, narrowed, full, strict=True) if not same(n, f)]
    # At most 2%: narrowing estimates the full ranking, and the generated articles repeat the seed's
    # sentences with invented names and dates, so which near-copies make the best eight (and compete
    # with the seed's answer as rivals) can differ: the decision near the threshold then moves.
    assert len(differ) <= len(qs) // 50, differ
    assert sum(a.matched for a in narrowed) > 150  # not vacuous: most are answered, either way


def test_small_bases_are_not_narrowed(base: FactBase) -> None:
    assert len(base.entries) <= NARROW_ABOVE


def test_retrieval_ranks_by_what_the_base_knows_and_reports_the_rest(base: FactBase) -> None:
    q = analyze("who set the deadline for my zorblax?", base)
    candidates, w = retrieve(q, base)
    assert candidates and "deadline" in candidates[0].entry.fact.evidence
    assert "zorblax" not in w.known and 0.3 < w.unknown_share < 1  # ranked without it, weighed by the decider
    assert all(0 <= c.own <= 1 and 0 <= c.context <= 1 and c.context >= c.own for c in candidates)


def test_a_sum_of_one_kind_the_base_never_names_is_missed_but_not_a_word_for_any_sum(base: FactBase) -> None:
    _, revenue = retrieve(analyze("what was the revenue of the plan?", base), base)
    _, amount = retrieve(analyze("what was the amount of the plan?", base), base)
    assert revenue.unknown_share > 0  # "revenue" is not a fine nor a deadline the article gives
    assert amount.unknown_share == 0  # "amount" asks for any sum: no word the article misses


def test_the_week_of_what_day_of_the_week_is_no_topic(base: FactBase) -> None:
    assert "week" not in analyze("what day of the week is the deadline?", base).terms


def test_a_country_the_base_never_names_is_an_unknown_name_however_written(base: FactBase) -> None:
    assert analyze("what's the capital of australia", base).unknown_names == 1
    assert analyze("what did russia say", base).unknown_names == 0  # the seed speaks of Russia
    assert analyze("what did the ukraine delegation say", base).unknown_names == 0


def test_ended_up_frames_a_question_and_asks_no_ending(base: FactBase) -> None:
    assert analyze("how many people ended up in kyiv?", base).terms == analyze("how many people in kyiv?", base).terms


def _one_article(tmp_path: Path, name: str, paragraphs: list[str]) -> FactBase:
    """A base of one uncurated article of these paragraphs."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / name).write_text("\n\n".join(paragraphs))
    return load_knowledge(tmp_path / "knowledge", seeds)


def _read(base: FactBase, question: str, needle: str) -> bool:
    """Whether a candidate retrieved for ``question`` holds ``needle``."""
    return any(needle in c.entry.fact.evidence for c in retrieve(analyze(question, base), base)[0])


def test_how_old_reads_the_sentence_that_tells_an_age_among_equals(tmp_path: Path) -> None:
    lines = [f"Dana Whitfield spoke at rally number {n} on Monday." for n in range(1, 8)]
    base = _one_article(tmp_path, "vote-2025-11-04.txt", [*lines, "Whitfield, 46, has led the ward since 2019."])
    assert _read(base, "how old is whitfield", "46")


def test_what_time_reads_a_sentence_that_tells_a_time_of_day_when_the_best_do_not(tmp_path: Path) -> None:
    lines = [f"The school board voted {n} to 3 on motion {n} about the board's budget vote." for n in range(4, 10)]
    base = _one_article(tmp_path, "board-2025-11-14.txt", [*lines, "The vote came at about 10:40 p.m. on Thursday."])
    assert _read(base, "what time did the board vote?", "10:40")
    assert not _read(base, "how did the board vote?", "10:40")  # only when a time of day is asked


def test_how_long_reads_a_sentence_that_tells_a_stretch_of_time_when_the_best_do_not(tmp_path: Path) -> None:
    lines = [f"The envoy met the president in the Kremlin for round {n} of the Kremlin talks." for n in range(1, 8)]
    base = _one_article(tmp_path, "visit-2025-12-02.txt", [*lines, "The meeting lasted almost five hours."])
    assert _read(base, "how long did the kremlin talks go on?", "five hours")
    assert not _read(base, "when did the kremlin talks go on?", "five hours")  # only when a stretch is asked


def test_a_verdict_is_what_a_question_about_a_trial_is_about(tmp_path: Path) -> None:
    lines = [f"The court sat for hearing number {n} in the old town hall." for n in range(1, 9)]
    base = _one_article(tmp_path, "trial-2025-11-20.txt", [*lines, "One witness was given police protection.",
                                                           "The jury returned its verdicts on Friday."])
    assert _read(base, "when were the verdicts given?", "verdicts")  # a court's verdict, no filler "view"


def test_a_role_names_the_person_who_holds_it(base: FactBase) -> None:
    q = analyze("what did the polish prime minister say", base)
    assert "tusk" in q.entities and "tusk" in q.subject
    candidates, _ = retrieve(q, base)
    assert "tusk" in candidates[0].entry.entity_ids


def test_one_article_does_not_take_every_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    # "how many jobs?" meets the seed's curated "what is his job?" phrasings first; the new
    # article's sentence with its count still gets read.
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", seeds)
    (seeds / "post-2025-11-21.txt").write_text(
        "Title: Post cuts\nDate: 2025-11-21\n---\nMeridian Post said on Friday it will cut about 6,000 jobs.\n")
    base = load_knowledge(KNOWLEDGE, seeds)
    candidates, _ = retrieve(analyze("how many jobs", base), base)
    assert {c.entry.article_id for c in candidates} >= {"post-2025-11-21", "geneva-talks-2025-11-23"}


def test_a_hedge_of_the_asker_weighs_little_whether_the_base_knows_it_or_not(base: FactBase) -> None:
    from bot.core.factbase import SOFT_WEIGHT
    from bot.core.text import stem

    for word in ("ever", "actually", "guy", "rn", "background", "both"):  # "how did both sides describe it?"
        assert base.weight(stem(word)) <= SOFT_WEIGHT  # "did he ever talk about money?"
    assert base.weight(stem("money")) > SOFT_WEIGHT
