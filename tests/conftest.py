from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.serve import Services
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
SEEDS = ROOT / "seeds"
SEED_YAML = KNOWLEDGE / "geneva-talks-2025-11-23.yaml"


async def start_services(settings: Settings) -> Services:
    """The bot's real services (web, Slack, Discord as configured) over a fresh holder."""
    holder = FactBaseHolder(settings.knowledge_dir, settings.seeds_dir)
    services = Services(settings, Answerer(holder, settings.confidence_threshold), holder)
    await services.start()
    return services


@pytest.fixture(scope="session")
def base() -> FactBase:
    return load_knowledge(KNOWLEDGE, SEEDS)


@pytest.fixture(scope="session")
def answerer(base: FactBase) -> Answerer:
    return Answerer(FactBaseHolder(KNOWLEDGE, SEEDS, base))


@pytest.fixture()
def kb_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """A private, writable copy of knowledge/ and seeds/."""
    k, s = tmp_path / "knowledge", tmp_path / "seeds"
    shutil.copytree(KNOWLEDGE, k)
    shutil.copytree(SEEDS, s)
    return k, s
