"""Fixtures of the ingest tests: the loopback news server and a private, writable fact base."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder, ReloadReport
from bot.frontends.common import ReloadFn, direct_reload
from bot.settings import Settings


@dataclass
class Kb:
    """What ``add_url`` and friends are called with, over a private copy of knowledge/ and seeds/."""

    settings: Settings
    holder: FactBaseHolder
    answerer: Answerer
    reload: ReloadFn
    reloads: list[str]  # the trigger of every reload asked for

    @property
    def seeds(self) -> Path:
        return self.settings.seeds_dir


def make_kb(knowledge: Path, seeds: Path, **settings: object) -> Kb:
    config = Settings(_env_file=None, knowledge_dir=knowledge, seeds_dir=seeds, **settings)
    holder = FactBaseHolder(knowledge, seeds)
    reloads: list[str] = []
    inner = direct_reload(holder)

    async def reload(trigger: str) -> ReloadReport:
        reloads.append(trigger)
        return await inner(trigger)

    return Kb(config, holder, Answerer(holder), reload, reloads)


@pytest.fixture()
def kb(kb_dirs: tuple[Path, Path]) -> Kb:
    """Private addresses allowed: the news server is on loopback."""
    return make_kb(*kb_dirs, fetch_allow_private=True)


@pytest.fixture()
def strict_kb(kb_dirs: tuple[Path, Path]) -> Kb:
    """The default: only public addresses."""
    return make_kb(*kb_dirs, fetch_allow_private=False)
