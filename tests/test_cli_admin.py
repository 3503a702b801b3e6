"""The admin loop from the command line: chat, see what was declined, teach, ask again."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, bot_env


def run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)


def env_for(kb_dirs: tuple[Path, Path], database: Path) -> dict[str, str]:
    k, s = kb_dirs
    return bot_env(TALKSBOT_KNOWLEDGE_DIR=str(k), TALKSBOT_SEEDS_DIR=str(s), TALKSBOT_DATABASE_PATH=str(database))


def test_declined_questions_are_grouped_and_taught(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    env = env_for(kb_dirs, tmp_path / "db" / "log.sqlite3")
    chat = run(env, "chat", stdin="what is the capital of mars\nwhat is the capital of mars?\nwho set the deadline\n")
    assert chat.returncode == 0 and "President Trump" in chat.stdout
    listed = run(env, "unanswered", "--json")  # another process: the log survived the chat's exit
    assert listed.returncode == 0, listed.stderr
    groups = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(groups) == 1
    assert groups[0]["count"] == 2 and groups[0]["askers"] == 1 and "mars" in groups[0]["question"]
    assert set(groups[0]) == {"question", "count", "askers", "last_asked", "candidates"}

    question = "whose brainchild was the T-day cutoff"
    before = json.loads(run(env, "ask", "--json", question).stdout)
    assert not before["matched"]
    taught = run(env, "teach", question, "thanksgiving-deadline", "--json")
    assert taught.returncode == 0, taught.stdout + taught.stderr
    assert json.loads(taught.stdout) | {"message": ""} == {"question": question, "fact_id": "thanksgiving-deadline",
                                                           "answered": True, "message": ""}
    after = json.loads(run(env, "ask", "--json", question).stdout)
    assert after["matched"] and after["fact_id"] == "thanksgiving-deadline"


def test_ask_records_only_when_asked_to(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    env = env_for(kb_dirs, tmp_path / "log.sqlite3")
    run(env, "ask", "--json", "what is the capital of mars")
    assert not (tmp_path / "log.sqlite3").exists()
    run(env, "ask", "--json", "--record", "what is the capital of mars")
    groups = run(env, "unanswered", "--json").stdout.splitlines()
    assert len(groups) == 1 and json.loads(groups[0])["count"] == 1


def test_a_corrupt_database_is_named_and_the_bot_still_answers(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    database = tmp_path / "broken.sqlite3"
    database.write_bytes(b"\x00garbage" * 500)
    chat = run(env_for(kb_dirs, database), "chat", stdin="who set the deadline\n")
    assert chat.returncode == 0 and "President Trump" in chat.stdout
    assert str(database) in chat.stderr and "question log is off" in chat.stderr


def test_feedback_with_no_votes(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    env = env_for(kb_dirs, tmp_path / "log.sqlite3")
    result = run(env, "feedback")
    assert result.returncode == 0 and "No feedback yet" in result.stdout
