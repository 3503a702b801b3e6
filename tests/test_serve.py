"""``talksbot serve`` as a real process: starting, reloading and stopping with each front-end."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import ROOT
from tests.stand_ins.discord_server import DiscordStandIn
from tests.stand_ins.slack_server import SlackStandIn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServeProcess:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.port = int(env["TALKSBOT_HTTP_PORT"])
        self.log: list[str] = []
        self.proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", cwd=ROOT, env=self.env, stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.proc and self.proc.stdout
        async for line in self.proc.stdout:
            self.log.append(line.decode(errors="replace").rstrip())

    async def wait_log(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.log):
            if time.monotonic() > deadline or (self.proc and self.proc.returncode is not None):
                raise AssertionError(f"{text!r} not logged:\n" + "\n".join(self.log))
            await asyncio.sleep(0.05)

    async def get(self, path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{self.port}{path}") as r:
            return r.status, await r.text()

    async def stop(self, sig: int = signal.SIGTERM) -> float:
        assert self.proc
        started = time.monotonic()
        self.proc.send_signal(sig)
        await asyncio.wait_for(self.proc.wait(), 10)
        if self._reader:
            await self._reader
        return time.monotonic() - started


def base_env(kb_dirs: tuple[Path, Path], **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALKSBOT_")}
    k, s = kb_dirs
    env.update(TALKSBOT_KNOWLEDGE_DIR=str(k), TALKSBOT_SEEDS_DIR=str(s), TALKSBOT_HTTP_PORT=str(free_port()),
               TALKSBOT_ADMIN_USER_IDS="UADMIN")
    env.update(extra)
    return env


@pytest.fixture()
async def stand_ins() -> AsyncIterator[tuple[SlackStandIn, DiscordStandIn]]:
    slack, discord = SlackStandIn(), DiscordStandIn()
    await slack.start()
    await discord.start()
    yield slack, discord
    await slack.stop()
    await discord.stop()


def front_end_env(combo: str, slack: SlackStandIn, discord: DiscordStandIn) -> dict[str, str]:
    env: dict[str, str] = {}
    if "slack" in combo:
        env.update(TALKSBOT_SLACK_BOT_TOKEN="xoxb-secret-bot", TALKSBOT_SLACK_API_URL=slack.api_url,
                   TALKSBOT_SLACK_APP_TOKEN="xapp-secret-app", TALKSBOT_SLACK_SIGNING_SECRET="secret-signing",
                   TALKSBOT_SLACK_MODE="http" if "http" in combo else "socket")
    if "discord" in combo:
        env.update(TALKSBOT_DISCORD_TOKEN="discord-secret-token", TALKSBOT_DISCORD_API_URL=discord.api_url,
                   TALKSBOT_DISCORD_GATEWAY_URL=discord.gateway_url)
    return env


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
        status, body = await proc.get("/healthz")
        assert status == 200 and json.loads(body)["articles"] == 1
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
        await proc.wait_log("Web: listening")
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGHUP)
        await proc.wait_log("Reloaded fact base")
        (k / "broken.yaml").write_text("article: [\n")
        proc.proc.send_signal(signal.SIGHUP)
        await proc.wait_log("problem(s) in")
        await proc.wait_log("broken.yaml")
        status, _ = await proc.get("/healthz")
        assert status == 503
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
        status, _ = await proc.get("/healthz")
        assert status == 503
    finally:
        await proc.stop(signal.SIGINT)
