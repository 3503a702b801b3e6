"""``talksbot serve`` as a real process: starting, reloading and stopping with each front-end."""
from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from tests.serving import ServeProcess, base_env, front_end_env
from tests.stand_ins.discord_server import DiscordStandIn
from tests.stand_ins.slack_server import SlackStandIn

EXPECTED = {"web": ["Web: listening"], "slack-http": ["Slack: HTTP mode", "Web: listening"],
            "slack-socket": ["Slack: connected in Socket Mode"], "discord": ["Discord: ready"],
            "slack-socket+discord": ["Slack: connected in Socket Mode", "Discord: ready", "Web: listening"]}


@pytest.mark.parametrize("combo", list(EXPECTED))
async def test_serve_starts_each_combination_and_stops_cleanly(
        combo: str, stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path]) -> None:
    slack, discord = stand_ins
    proc = ServeProcess(base_env(kb_dirs, **front_end_env(combo, slack, discord)))
    await proc.start()
    try:
        for line in EXPECTED[combo]:
            await proc.wait_log(line)
        status, body = await proc.health(until=200)
        assert status == 200 and body["articles"] == 1, body
        assert {c: v["status"] for c, v in body["components"].items()} == {
            "fact_base": "ok", "web": "ok", "question_log": "ok", **({"slack": "ok"} if "slack" in combo else {}),
            **({"discord": "ok"} if "discord" in combo else {})}
    finally:
        elapsed = await proc.stop()
    assert proc.proc is not None and proc.proc.returncode == 0
    assert elapsed < 5.0
    assert any("stopped" in line for line in proc.log)
    assert not any("Traceback" in line for line in proc.log), "\n".join(proc.log)
    secrets = ("xoxb-secret-bot", "xapp-secret-app", "secret-signing", "discord-secret-token")
    assert not any(secret in line for line in proc.log for secret in secrets)


async def test_sighup_reloads_and_a_broken_file_leaves_the_old_base(kb_dirs: tuple[Path, Path]) -> None:
    k, _ = kb_dirs
    proc = ServeProcess(base_env(kb_dirs))
    await proc.start()
    try:
        await proc.health(until=200)
        assert proc.proc is not None
        (k / "broken.yaml").write_text("article: [\n")
        proc.proc.send_signal(signal.SIGHUP)
        await proc.wait_log("problem(s) in")
        await proc.wait_log("broken.yaml")
        # Degraded, not down: the other articles answer, and the file and its reason are named.
        status, body = await proc.health()
        fact_base = body["components"]["fact_base"]
        assert status == 200 and body["status"] == "degraded" and fact_base["status"] == "degraded"
        assert "broken.yaml" in fact_base["reason"] and "YAML" in " ".join(fact_base["problems"])
        status, html = await proc.get("/articles/geneva-talks-2025-11-23")
        assert status == 200 and "initially set Thanksgiving Day" in html
    finally:
        await proc.stop()


async def test_watch_reloads_on_a_change(kb_dirs: tuple[Path, Path]) -> None:
    k, _ = kb_dirs
    proc = ServeProcess(base_env(kb_dirs, TALKSBOT_WATCH="true", TALKSBOT_WATCH_DEBOUNCE_MS="200"))
    await proc.start()
    try:
        await proc.wait_log("Watch: reloading on changes")
        await asyncio.sleep(0.5)
        path = k / "geneva-talks-2025-11-23.yaml"
        path.write_text(path.read_text().replace("  - id: revised-framework\n", "  - id: revised-framework-b\n"))
        await proc.wait_log("facts +1 -1 ~0")
        (k / "broken.yaml").write_text("facts: [\n")
        await proc.wait_log("problem(s) in")
        status, body = await proc.health()
        assert status == 200 and body["components"]["fact_base"]["status"] == "degraded"
        assert "broken.yaml" in body["components"]["fact_base"]["reason"]
    finally:
        await proc.stop(signal.SIGINT)


async def test_a_corrupt_question_log_is_reported_and_the_bot_answers(kb_dirs: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    database = tmp_path / "broken.sqlite3"
    database.write_bytes(b"\x00not sqlite" * 400)
    proc = ServeProcess(base_env(kb_dirs, TALKSBOT_DATABASE_PATH=str(database)))
    await proc.start()
    try:
        await proc.wait_log("question log is off")
        status, body = await proc.health(until=200)
        log_state = body["components"]["question_log"]
        assert status == 200 and log_state["status"] == "degraded" and str(database) in log_state["reason"]
    finally:
        await proc.stop()
