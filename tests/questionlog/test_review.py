"""Grouping declined questions for review, and dismissing a group."""
from __future__ import annotations

from pathlib import Path

from bot.core.answers import Answerer
from bot.questionlog import Asked
from bot.questionlog.review import unanswered
from bot.questionlog.sqlite import SqliteLog


def test_near_duplicates_are_one_group_with_distinct_askers(tmp_path: Path, answerer: Answerer) -> None:
    log = SqliteLog(tmp_path / "log.sqlite3")
    for user, text in [("A", "What is the capital of Mars?"), ("B", "what is the capital of mars"),
                       ("A", "what's the capital of mars"), ("C", "who won the 2022 world cup")]:
        log.record(text, False, None, None, 0.1, "declined", Asked("slack", "mention", user))
    log.record("who set the deadline", True, "thanksgiving-deadline", "a", 0.9, "fact", Asked("slack", "dm", "A"))
    log.flush()
    groups = unanswered(log, answerer, days=7)
    assert [(g.count, len(g.askers)) for g in groups] == [(3, 2), (1, 1)]
    assert "mars" in groups[0].question.lower() and "world cup" in groups[1].question
    assert all(g.to_json_dict()["count"] == g.count for g in groups)
    log.dismiss("What is the capital of Mars?")  # "not in the articles": the whole group goes
    log.flush()
    assert [g.question for g in unanswered(log, answerer, days=7)] == ["who won the 2022 world cup"]
    log.close()


def test_a_group_comes_with_the_best_candidate_facts(tmp_path: Path, answerer: Answerer) -> None:
    log = SqliteLog(tmp_path / "log.sqlite3")
    log.record("whose brainchild was the T-day cutoff", False, None, None, 0.7, "declined", Asked("chat", "chat", "1"))
    log.flush()
    [group] = unanswered(log, answerer, days=7)
    assert 1 <= len(group.candidates) <= 3
    assert group.candidates[0].fact_id == "thanksgiving-deadline"
    assert group.candidates[0].confidence > 0
    log.close()


def test_a_group_answered_since_is_not_listed(tmp_path: Path, kb_dirs: tuple[Path, Path]) -> None:
    from bot.core.holder import FactBaseHolder
    from bot.core.teach import teach

    holder = FactBaseHolder(*kb_dirs)
    answerer = Answerer(holder)
    log = SqliteLog(tmp_path / "log.sqlite3")
    log.record("whose brainchild was the T-day cutoff", False, None, None, 0.7, "declined", Asked("chat", "chat", "1"))
    log.flush()
    assert len(unanswered(log, answerer, days=7)) == 1
    assert teach(lambda: holder.current, holder.reload, answerer, kb_dirs[0], "whose brainchild was the T-day cutoff",
                 "thanksgiving-deadline").answered
    assert unanswered(log, answerer, days=7) == []
    log.close()


def test_dismissing_a_group_marks_every_phrasing(tmp_path: Path, answerer: Answerer) -> None:
    from bot.questionlog.review import dismiss_group

    log = SqliteLog(tmp_path / "log.sqlite3")
    for text in ["What is the capital of Mars?", "what is the capital of mars", "who won the 2022 world cup"]:
        log.record(text, False, None, None, 0.1, "declined", Asked("slack", "mention", "A"))
    assert dismiss_group(log, "what is the capital of mars", days=7) == 2
    assert log.dismissed() == {"What is the capital of Mars?", "what is the capital of mars"}
    log.close()
