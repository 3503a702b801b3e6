"""``talksbot serve`` start-up and failure handling, tried as an operator would (a real process)."""
from __future__ import annotations

import asyncio
import shutil
import signal
import socket
import time
from pathlib import Path

import pytest

from bot.benchgen import write_articles
from tests.conftest import ROOT
from tests.serving import ServeProcess, base_env, free_port, front_end_env
from tests.stand_ins.discord_server import DiscordStandIn
from tests.stand_ins.slack_server import SlackStandIn


async def wait_component(proc: ServeProcess, name: str, statuses: set[str], timeout: float = 10.0) -> dict[str, str]:
    """Poll ``/healthz`` until component ``name`` has one of ``statuses``; its entry."""
    deadline = time.monotonic() + timeout
    while True:
        status, body = await proc.health()
        component = body["components"].get(name, {})
        if component.get("status") in statuses:
            assert status == 503, body  # a configured component that is not ok makes the whole 503
            return dict(component)
        if time.monotonic() > deadline:
            raise AssertionError(f"{name} never became {statuses}: {body}\n" + "\n".join(proc.log))
        await asyncio.sleep(0.1)


async def stops_quickly(proc: ServeProcess) -> None:
    elapsed = await proc.stop()
    assert elapsed < 5.0, elapsed
    assert proc.proc is not None and proc.proc.returncode == 0
    assert not any("Traceback" in line for line in proc.log), "\n".join(proc.log)


async def test_unreachable_slack_is_503_naming_slack_and_sigterm_still_stops(kb_dirs: tuple[Path, Path]) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    proc = ServeProcess(base_env(kb_dirs, TALKSBOT_SLACK_BOT_TOKEN="xoxb-1", TALKSBOT_SLACK_APP_TOKEN="xapp-1",
                                 TALKSBOT_SLACK_API_URL=nowhere))
    started = time.monotonic()
    await proc.start()
    try:
        slack = await wait_component(proc, "slack", {"retrying"})
        assert time.monotonic() - started < 10.0
        assert "Cannot connect" in slack["reason"] or "Connect" in slack["reason"], slack
        await proc.wait_log("WARNING talksbot.serve: slack:")
        _, body = await proc.health()
        assert body["components"]["web"]["status"] == "ok" and body["articles"] == 1
    finally:
        await stops_quickly(proc)


@pytest.mark.parametrize(("combo", "rejected", "setting"), [
    ("slack-socket", "xapp-secret-app", "TALKSBOT_SLACK_APP_TOKEN"),  # a bad app token
    ("slack-http", "xoxb-secret-bot", "TALKSBOT_SLACK_BOT_TOKEN"),  # a revoked bot token never starts healthy
])
async def test_a_rejected_slack_token_fails_slack_naming_the_setting(
        stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path], combo: str, rejected: str,
        setting: str) -> None:
    slack, discord = stand_ins
    slack.rejected_tokens.add(rejected)
    proc = ServeProcess(base_env(kb_dirs, **front_end_env(combo, slack, discord)))
    await proc.start()
    try:
        component = await wait_component(proc, "slack", {"failed"})
        assert setting in component["reason"] and "invalid_auth" in component["reason"]
        await proc.wait_log(f"ERROR talksbot.serve: slack: {setting}")
        assert not any(rejected in line for line in proc.log)
    finally:
        await stops_quickly(proc)


async def test_rejected_discord_token_is_503_naming_the_setting(
        stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path]) -> None:
    slack, discord = stand_ins
    discord.rejected_tokens.add("discord-secret-token")
    proc = ServeProcess(base_env(kb_dirs, **front_end_env("slack-socket+discord", slack, discord)))
    started = time.monotonic()
    await proc.start()
    try:
        component = await wait_component(proc, "discord", {"failed"})
        assert time.monotonic() - started < 10.0
        assert "TALKSBOT_DISCORD_TOKEN" in component["reason"] and "401" in component["reason"]
        await proc.wait_log("ERROR talksbot.serve: discord: TALKSBOT_DISCORD_TOKEN")
        _, body = await proc.health()
        assert body["components"]["slack"]["status"] == "ok"  # the other front-end keeps running
    finally:
        await stops_quickly(proc)


async def test_unreachable_discord_gateway_is_retrying_with_a_one_line_reason(
        stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path]) -> None:
    slack, discord = stand_ins
    env = front_end_env("discord", slack, discord)
    env["TALKSBOT_DISCORD_GATEWAY_URL"] = f"ws://127.0.0.1:{free_port()}/gateway"
    proc = ServeProcess(base_env(kb_dirs, **env))
    await proc.start()
    try:
        component = await wait_component(proc, "discord", {"retrying"}, timeout=15.0)
        # discord.py either logs its reconnect or, when the first connection fails early, stumbles
        # on a session it never had: both are reported as one line naming the connection.
        reason = component["reason"]
        assert "\n" not in reason
        assert "Attempting a reconnect" in reason or "cannot reach the Discord gateway" in reason
        if "Attempting a reconnect" in reason:
            await proc.wait_log("WARNING discord.client: Attempting a reconnect")
    finally:
        await stops_quickly(proc)


async def test_sighup_while_the_articles_load_survives_and_reloads(kb_dirs: tuple[Path, Path]) -> None:
    proc = ServeProcess(base_env(kb_dirs))
    await proc.start()
    try:
        await proc.wait_log("loading the articles")
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGHUP)
        status, _ = await proc.health(until=200)
        assert status == 200
        await proc.wait_log("reload requested by SIGHUP")
        deadline = time.monotonic() + 10
        while sum("Reloaded fact base" in line for line in proc.log) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert sum("Reloaded fact base" in line for line in proc.log) == 2  # start-up, then the SIGHUP's
        assert proc.proc.returncode is None
    finally:
        await stops_quickly(proc)


async def test_a_burst_of_sighups_is_one_reload_after_the_current_one(kb_dirs: tuple[Path, Path]) -> None:
    k, seeds = kb_dirs
    write_articles(next(seeds.glob("*.txt")), seeds, 200)  # a reload that rebuilds then takes about a second
    proc = ServeProcess(base_env(kb_dirs))
    await proc.start()
    try:
        await proc.health(until=200, timeout=30)
        assert proc.proc is not None
        path = k / "geneva-talks-2025-11-23.yaml"
        path.write_text(path.read_text().replace("  - id: revised-framework\n", "  - id: revised-framework-b\n"))
        for _ in range(100):  # within a fraction of the first one's rebuild
            proc.proc.send_signal(signal.SIGHUP)
            await asyncio.sleep(0.001)
        await proc.wait_log("facts +1 -1 ~0")
        await asyncio.sleep(2.0)
        reloads = sum("Reloaded fact base" in line for line in proc.log) - 1  # less the start-up load
        assert 1 <= reloads <= 3, "\n".join(proc.log)
    finally:
        await stops_quickly(proc)


async def test_port_in_use_is_one_line_naming_the_setting_and_exit_2(kb_dirs: tuple[Path, Path]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = base_env(kb_dirs, TALKSBOT_HTTP_PORT=str(taken.getsockname()[1]))
        proc = ServeProcess(env)
        await proc.start()
        assert proc.proc is not None
        code = await asyncio.wait_for(proc.proc.wait(), 15)
        if proc._reader:
            await proc._reader
    assert code == 2
    lines = [line for line in proc.log if "TALKSBOT_HTTP_PORT" in line]
    assert len(lines) == 1 and "already in use" in lines[0], proc.log
    assert not any("Traceback" in line for line in proc.log)


async def test_a_broken_seed_leaves_the_others_answering_and_is_named(kb_dirs: tuple[Path, Path]) -> None:
    _, seeds = kb_dirs
    shutil.copy(ROOT / "tests/data/articles/storm-2025-10-21.txt", seeds)
    (seeds / "garbled-2025-11-20.txt").write_bytes(b"Title: x\n\n\xff\xfe\x00binary\x00" * 50)
    proc = ServeProcess(base_env(kb_dirs))
    await proc.start()
    try:
        deadline = time.monotonic() + 10
        while True:
            status, body = await proc.health()
            if body["components"]["fact_base"]["status"] != "starting" or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.1)
        fact_base = body["components"]["fact_base"]
        assert status == 200 and fact_base["status"] == "degraded" and body["articles"] == 2, body
        assert "garbled-2025-11-20.txt" in fact_base["reason"]
        assert any("garbled-2025-11-20.txt" in p and "cannot read" in p for p in fact_base["problems"])
        status, _ = await proc.get("/articles/storm-2025-10-21")
        assert status == 200
    finally:
        await stops_quickly(proc)


async def test_only_an_app_token_stops_the_start_naming_the_bot_token(kb_dirs: tuple[Path, Path]) -> None:
    proc = ServeProcess(base_env(kb_dirs, TALKSBOT_SLACK_APP_TOKEN="xapp-only"))
    await proc.start()
    assert proc.proc is not None
    code = await asyncio.wait_for(proc.proc.wait(), 15)
    if proc._reader:
        await proc._reader
    assert code == 2 and any("TALKSBOT_SLACK_BOT_TOKEN is missing" in line for line in proc.log), proc.log
    assert not any("xapp-only" in line for line in proc.log)
