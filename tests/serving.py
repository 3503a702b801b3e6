"""Running ``talksbot serve`` as a real process in tests, beside the stand-ins."""
from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.conftest import ROOT, bot_env
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

    async def health(self, until: int | None = None, timeout: float = 10.0) -> tuple[int, dict[str, Any]]:
        """``/healthz`` (status, body); with ``until``, polled until it has that status."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                status, body = await self.get("/healthz")
            except aiohttp.ClientConnectionError:  # not listening yet
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)
                continue
            if until is None or status == until or time.monotonic() > deadline:
                return status, json.loads(body)
            await asyncio.sleep(0.1)

    async def stop(self, sig: int = signal.SIGTERM) -> float:
        assert self.proc
        started = time.monotonic()
        self.proc.send_signal(sig)
        await asyncio.wait_for(self.proc.wait(), 10)
        if self._reader:
            await self._reader
        return time.monotonic() - started


def base_env(kb_dirs: tuple[Path, Path], **extra: str) -> dict[str, str]:
    env = bot_env()
    k, s = kb_dirs
    env.update(TALKSBOT_KNOWLEDGE_DIR=str(k), TALKSBOT_SEEDS_DIR=str(s), TALKSBOT_HTTP_PORT=str(free_port()),
               TALKSBOT_ADMIN_USER_IDS="UADMIN")
    env.update(extra)
    return env


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
