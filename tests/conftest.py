from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.serve import Services
from bot.settings import Settings
from tests.stand_ins.discord_server import DiscordStandIn
from tests.stand_ins.news_server import NewsServer
from tests.stand_ins.slack_server import SlackStandIn

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
SEEDS = ROOT / "seeds"
SEED_YAML = KNOWLEDGE / "geneva-talks-2025-11-23.yaml"
# Question logs of the bot processes tests start: never data/ of the checkout.
TEST_DATA = Path(tempfile.mkdtemp(prefix="talksbot-tests-"))
# ... and of the services tests run in this process (Settings reads the environment).
os.environ["TALKSBOT_DATABASE_PATH"] = str(TEST_DATA / "in-process.sqlite3")


def bot_env(**extra: str) -> dict[str, str]:
    """The environment of a ``python -m bot`` process a test starts: none of the caller's
    ``TALKSBOT_`` settings, and its question log in a temporary folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TALKSBOT_")}
    env["TALKSBOT_DATABASE_PATH"] = str(TEST_DATA / "talksbot.sqlite3")
    env.update(extra)
    return env


async def start_services(settings: Settings, timeout: float = 10.0) -> Services:
    """The bot's real services (web, Slack, Discord as configured), started as ``serve`` starts them,
    once every configured component is ok."""
    services = Services(settings)
    await services.start_web()
    await services.start_the_rest()
    deadline = asyncio.get_running_loop().time() + timeout
    while services.health.report(services.holder)[0] != 200:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not healthy: {services.health.report(services.holder)[1]}")
        await asyncio.sleep(0.01)
    return services


@pytest.fixture(scope="session")
def base() -> FactBase:
    return load_knowledge(KNOWLEDGE, SEEDS)


@pytest.fixture(scope="session")
def answerer(base: FactBase) -> Answerer:
    return Answerer(FactBaseHolder(KNOWLEDGE, SEEDS, base))


def private_kb(root: Path) -> tuple[Path, Path]:
    """A writable copy of knowledge/ and seeds/ under ``root`` (teaching and adding write there)."""
    k, s = root / "knowledge", root / "seeds"
    shutil.copytree(KNOWLEDGE, k)
    shutil.copytree(SEEDS, s)
    return k, s


@pytest.fixture()
def kb_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """A private, writable copy of knowledge/ and seeds/."""
    return private_kb(tmp_path)


@pytest.fixture()
async def stand_ins() -> AsyncIterator[tuple[SlackStandIn, DiscordStandIn]]:
    slack, discord = SlackStandIn(), DiscordStandIn()
    await slack.start()
    await discord.start()
    yield slack, discord
    await slack.stop()
    await discord.stop()


@pytest.fixture()
async def news() -> AsyncIterator[NewsServer]:
    """The loopback news site (``tests/stand_ins/news_server.py``) pages are added from."""
    server = NewsServer()
    await server.start()
    yield server
    await server.stop()
