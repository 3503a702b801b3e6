"""The SQLite question log: writes off the caller's thread, nothing lost on close, privacy, pruning."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.questionlog import Asked, NullLog, open_log
from bot.questionlog.sqlite import SCHEMA_VERSION, LogUnavailable, SqliteLog
from bot.settings import Settings

SLACK_USER = Asked("slack", "mention", "U0SECRETUSER")


def record(log: SqliteLog, question: str, answered: bool = False, asked: Asked = SLACK_USER) -> str:
    return log.record(question, answered, "fact-1" if answered else None, "article" if answered else None,
                      0.9 if answered else 0.2, "fact" if answered else "declined", asked)


def test_records_survive_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    log = SqliteLog(path)
    for i in range(1000):
        record(log, f"question {i}")
    log.close()  # a clean shutdown: everything queued is stored
    again = SqliteLog(path)
    assert len(again.declined(1)) == 1000
    assert again.declined(1)[0].question == "question 999"  # newest first
    again.close()


def test_schema_is_versioned_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    SqliteLog(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_no_raw_user_id_or_name_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    log = SqliteLog(path)
    record(log, "who set the deadline", asked=Asked("discord", "dm", "123456789012345678"))
    record(log, "who set the deadline", asked=SLACK_USER)
    log.vote(record(log, "when", answered=True), SLACK_USER, helpful=False)
    log.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"U0SECRETUSER" not in raw and b"123456789012345678" not in raw
    again = SqliteLog(path)
    askers = {row.asker for row in again.declined(1)}
    assert len(askers) == 2 and None not in askers  # distinct askers can still be counted
    again.close()


def test_pruning_removes_old_records(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    log = SqliteLog(path)
    record(log, "old question")
    log.flush()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE questions SET asked_at = ?", (time.time() - 40 * 86_400,))
    conn.commit()
    conn.close()
    record(log, "new question")
    log.close()
    pruned = SqliteLog(path, keep_days=30)  # pruning runs at start
    pruned.flush()
    assert [row.question for row in pruned.declined(365)] == ["new question"]
    pruned.close()


def test_one_vote_per_user_per_answer(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.sqlite3")
    answer_id = record(log, "who set the deadline", answered=True)
    other = Asked("slack", "mention", "U0OTHER")
    log.vote(answer_id, SLACK_USER, helpful=True)
    log.vote(answer_id, SLACK_USER, helpful=False)  # a second click changes the vote
    log.vote(answer_id, other, helpful=False)
    log.flush()
    [row] = log.feedback()
    assert (row.fact_id, row.helpful, row.not_helpful) == ("fact-1", 0, 2)
    log.close()


def test_record_does_not_wait_for_the_disk(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.sqlite3")
    writer = log._thread
    calls: list[str] = []
    original = log._write

    def slow_write(batch: list[object]) -> None:
        calls.append(threading.current_thread().name)
        original(batch)  # type: ignore[arg-type]

    log._write = slow_write  # type: ignore[method-assign]
    record(log, "q")
    log.flush()
    assert calls and all(name == writer.name for name in calls)
    log.close()


def test_a_corrupt_file_is_reported_and_the_log_is_off(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LogUnavailable, match=r"corrupt\.sqlite3"):
        SqliteLog(path)
    log = open_log(Settings(database_path=path))
    assert isinstance(log, NullLog) and not log.status.on and "corrupt.sqlite3" in log.status.detail


def test_a_locked_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    SqliteLog(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LogUnavailable, match="locked"):
            SqliteLog(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_turned_off_records_nothing(tmp_path: Path) -> None:
    log = open_log(Settings(question_log=False, database_path=tmp_path / "x.sqlite3"))
    log.record("q", False, None, None, 0.0, "declined", SLACK_USER)
    assert not (tmp_path / "x.sqlite3").exists() and not log.status.on


def test_feedback_names_the_latest_question_voted_on(tmp_path: Path) -> None:
    log = SqliteLog(tmp_path / "log.sqlite3")
    first = log.record("zzz who set it", True, "fact-1", "a", 0.9, "fact", SLACK_USER)
    log.vote(first, SLACK_USER, helpful=True)
    log.flush()
    time.sleep(0.01)
    second = log.record("aaa who set the deadline", True, "fact-1", "a", 0.9, "fact", SLACK_USER)
    log.vote(second, SLACK_USER, helpful=False)
    log.flush()
    [row] = log.feedback()
    assert row.question == "aaa who set the deadline" and (row.helpful, row.not_helpful) == (1, 1)
    log.close()
