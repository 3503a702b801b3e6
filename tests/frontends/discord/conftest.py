from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
import pytest_asyncio

from bot.serve import Services
from bot.settings import Settings
from tests.conftest import start_services
from tests.stand_ins.discord_server import APP_ID, CHANNEL_ID, GUILD_ID, DiscordStandIn, user

ADMIN_ID = 900000000000000777
MEMBER_ID = 900000000000000888


@pytest.fixture()
async def discord_server() -> AsyncIterator[DiscordStandIn]:
    stand_in = DiscordStandIn()
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def server() -> AsyncIterator[DiscordStandIn]:
    """One stand-in for a whole test module, for modules that share one bot (discord.py waits
    two seconds for the guilds each time a client starts)."""
    stand_in = DiscordStandIn()
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


def discord_settings(stand_in: DiscordStandIn, kb_dirs: tuple[Any, Any], **extra: Any) -> Settings:
    k, s = kb_dirs
    values: dict[str, Any] = dict(knowledge_dir=k, seeds_dir=s, discord_token="discord-test-token",
                                  discord_api_url=stand_in.api_url, discord_gateway_url=stand_in.gateway_url,
                                  discord_guild_id=GUILD_ID, admin_user_ids=[str(ADMIN_ID)], http_port=0)
    values.update(extra)
    return Settings(_env_file=None, **values)


async def start_bot(settings: Settings) -> Services:
    services = await start_services(settings)
    await asyncio.wait_for(services.discord_client.wait_until_ready(), 10)
    return services


@pytest.fixture()
async def discord_bot(discord_server: DiscordStandIn, kb_dirs: tuple[Any, Any]) -> AsyncIterator[Services]:
    services = await start_bot(discord_settings(discord_server, kb_dirs))
    yield services
    await services.stop()


@pytest.fixture()
def failing_answers(discord_bot: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer raises RuntimeError("boom"), as a bug in the core would."""
    def explode(question: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(discord_bot.answerer, "answer", explode)


_serial = itertools.count(1)


def snowflake(age_s: float = 0.0) -> int:
    """A fresh id whose timestamp is ``age_s`` seconds ago, as Discord's ids carry their creation time."""
    created = discord.utils.utcnow() - dt.timedelta(seconds=age_s)
    return discord.utils.time_snowflake(created) + next(_serial) % (1 << 22)


def interaction(stand_in: DiscordStandIn, kind: int, data: dict[str, Any], user_id: int = MEMBER_ID,
                dm: bool = False, message: dict[str, Any] | None = None, age_s: float = 0.0) -> dict[str, Any]:
    """An INTERACTION_CREATE payload as Discord sends it, created ``age_s`` seconds ago."""
    member_user = user(user_id)
    payload: dict[str, Any] = {
        "id": str(snowflake(age_s)), "application_id": str(APP_ID), "type": kind, "data": data,
        "token": f"tok-{stand_in.next_id()}", "version": 1, "locale": "en-US", "app_permissions": "2147483647",
        "entitlements": [], "authorizing_integration_owners": {"0": str(GUILD_ID)}, "context": 1 if dm else 0,
        "attachment_size_limit": 8388608}
    if dm:
        payload.update(channel_id=str(CHANNEL_ID + 1), user=member_user,
                       channel={"id": str(CHANNEL_ID + 1), "type": 1, "recipients": [member_user]})
    else:
        payload.update(guild_id=str(GUILD_ID), channel_id=str(CHANNEL_ID), guild_locale="en-US",
                       channel={"id": str(CHANNEL_ID), "type": 0, "guild_id": str(GUILD_ID), "name": "general",
                                "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None},
                       member={"user": member_user, "roles": [], "joined_at": "2025-01-01T00:00:00+00:00",
                               "deaf": False, "mute": False, "flags": 0, "permissions": "1024"})
    if message is not None:
        payload["message"] = message
    return payload


def command(name: str, options: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": "1", "name": name, "type": 1, "options": options or []}
