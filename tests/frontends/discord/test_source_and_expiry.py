"""/source over every loaded article, the shared reload checks and labels, and expired interactions."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.serve import Services
from tests.frontends.discord.conftest import MEMBER_ID, command, discord_settings, interaction, start_bot
from tests.stand_ins.discord_server import GUILD_ID, DiscordStandIn

GENEVA = "geneva-talks-2025-11-23"
KYIV = "kyiv-followup-2025-11-30"


@pytest.fixture()
async def two_articles_bot(discord_server: DiscordStandIn, kb_dirs: tuple[Any, Any]) -> AsyncIterator[Services]:
    """The bot over the Geneva article and a later, three-paragraph Kyiv one."""
    (kb_dirs[1] / f"{KYIV}.txt").write_text("Title: Kyiv follow-up talks\nDate: 2025-11-30\n---\n"
                                            "Delegations met again in Kyiv on Sunday.\n"
                                            "The talks ended without a deal.\nA third round is planned.\n")
    services = await start_bot(discord_settings(discord_server, kb_dirs))
    yield services
    await services.stop()


async def callback(stand_in: DiscordStandIn, data: dict[str, Any], kind: int = 2, **kw: Any) -> dict[str, Any]:
    """Inject an interaction and return the callback the bot sent for it."""
    payload = interaction(stand_in, kind, data, **kw)
    await stand_in.dispatch("INTERACTION_CREATE", payload)
    path = f"/interactions/{payload['id']}/"
    await stand_in.wait_for(lambda: bool(stand_in.recorded("POST", path)))
    return stand_in.recorded("POST", path)[0].data  # type: ignore[no-any-return]


def source(paragraph: int, article: str | None = None, focused: str | None = None) -> dict[str, Any]:
    options: list[dict[str, Any]] = [{"name": "paragraph", "type": 4, "value": paragraph}]
    if article is not None:
        options.append({"name": "article", "type": 3, "value": article, **({"focused": True} if focused else {})})
    return command("source", options)


async def test_source_defaults_to_the_most_recent_article(two_articles_bot: Services,
                                                          discord_server: DiscordStandIn) -> None:
    cb = await callback(discord_server, source(2))
    embed = cb["data"]["embeds"][0]
    assert embed["description"] == "The talks ended without a deal."
    assert embed["title"].endswith("paragraph 2") and "Kyiv" in embed["footer"]["text"]


async def test_source_reads_the_chosen_article(two_articles_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await callback(discord_server, source(8, GENEVA))
    assert cb["data"]["embeds"][0]["description"].startswith("President Trump initially set")


@pytest.mark.parametrize("paragraph", [0, -3, 26])
async def test_source_out_of_range_names_the_valid_range(discord_bot: Services, discord_server: DiscordStandIn,
                                                         paragraph: int) -> None:
    cb = await callback(discord_server, source(paragraph, GENEVA))
    assert cb["type"] == 4 and cb["data"]["flags"] & 64 and not cb["data"].get("embeds")
    assert "1 to 25" in cb["data"]["content"] and str(paragraph) in cb["data"]["content"]


async def test_source_unknown_article_is_refused(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await callback(discord_server, source(1, "no-such-article"))
    assert cb["data"]["flags"] & 64 and "no-such-article" in cb["data"]["content"]


async def test_source_article_autocomplete(two_articles_bot: Services, discord_server: DiscordStandIn) -> None:
    everything = await callback(discord_server, source(1, "", focused="article"), kind=4)
    assert everything["type"] == 8
    values = [c["value"] for c in everything["data"]["choices"]]
    assert values == [KYIV, GENEVA], "most recent first"
    by_title = await callback(discord_server, source(1, "peace framework", focused="article"), kind=4)
    assert [c["value"] for c in by_title["data"]["choices"]] == [GENEVA]
    by_id = await callback(discord_server, source(1, "kyiv-foll", focused="article"), kind=4)
    (choice,) = by_id["data"]["choices"]
    assert choice["value"] == KYIV and "Kyiv follow-up talks" in choice["name"] and len(choice["name"]) <= 100
    synced = discord_server.recorded("PUT", f"/guilds/{GUILD_ID}/commands")[0].data
    options = {o["name"]: o for o in next(c for c in synced if c["name"] == "source")["options"]}
    assert options["article"]["autocomplete"] is True and not options["article"].get("required")


async def test_topics_suggestions_are_labelled_try(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await callback(discord_server, command("topics"))
    buttons = cb["data"]["components"][0]["components"]
    assert buttons and all(b["label"].startswith("Try: ") for b in buttons)


async def test_no_admins_configured_refuses_reload_and_logs_why(discord_server: DiscordStandIn, kb_dirs: Any,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    services = await start_bot(discord_settings(discord_server, kb_dirs, admin_user_ids=[]))
    try:
        cb = await callback(discord_server, command("reload"), user_id=MEMBER_ID)
        assert "TALKSBOT_ADMIN_USER_IDS" in cb["data"]["content"] and cb["data"]["flags"] & 64
        refusals = [r.getMessage() for r in caplog.records if "reload the fact base refused" in r.getMessage()]
        assert refusals == [f"reload the fact base refused for {MEMBER_ID}: no admins are configured"]
    finally:
        await services.stop()


async def _wait_for_log(caplog: pytest.LogCaptureFixture, text: str) -> None:
    for _ in range(500):
        if any(text in r.getMessage() for r in caplog.records):
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"no log line with {text!r}: {caplog.text}")


async def test_expired_interaction_gets_no_late_apology(discord_bot: Services, discord_server: DiscordStandIn,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    payload = interaction(discord_server, 2, command("ask", [{"name": "question", "type": 3,
                                                              "value": "who set the deadline?"}]))
    discord_server.expired.add(payload["id"])
    await discord_server.dispatch("INTERACTION_CREATE", payload)
    await _wait_for_log(caplog, "expired")
    await asyncio.sleep(0.3)
    assert len(discord_server.recorded("POST", f"/interactions/{payload['id']}/")) == 1
    assert not discord_server.recorded("POST", "/webhooks/")
    ours = [r for r in caplog.records if r.name.startswith("bot.")]
    assert [r.levelno for r in ours] == [logging.WARNING], caplog.text
    assert "Traceback" not in caplog.text


@pytest.mark.usefixtures("failing_answers")
async def test_failure_after_the_3s_window_gets_no_apology(discord_bot: Services, discord_server: DiscordStandIn,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    payload = interaction(discord_server, 2, command("ask", [{"name": "question", "type": 3, "value": "who"}]),
                          age_s=5)
    await discord_server.dispatch("INTERACTION_CREATE", payload)
    await _wait_for_log(caplog, "expired")
    await asyncio.sleep(0.3)
    assert not discord_server.recorded("POST", f"/interactions/{payload['id']}/")
    assert not discord_server.recorded("POST", "/webhooks/")
