"""The real discord.py client, pointed at the Discord stand-in through the two URL settings."""
from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from bot.serve import Services
from tests.frontends.discord.conftest import ADMIN_ID, MEMBER_ID, command, interaction
from tests.stand_ins.discord_server import APP_ID, BOT_ID, CHANNEL_ID, GUILD_ID, DiscordStandIn, user


async def view_stored(services: Services, message_id: str) -> None:
    """Wait until discord.py has stored the view of a message it sent (it does so after the
    send returns, so a click injected at once could arrive before the view exists)."""
    store = services.discord_client._connection._view_store
    for _ in range(200):
        if int(message_id) in store._views:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"no view stored for message {message_id}")


async def ask(stand_in: DiscordStandIn, data: dict[str, Any], kind: int = 2, **kw: Any) -> dict[str, Any]:
    """Inject an interaction and return the callback the bot sent for it."""
    payload = interaction(stand_in, kind, data, **kw)
    await stand_in.dispatch("INTERACTION_CREATE", payload)
    await stand_in.wait_for(lambda: bool(stand_in.recorded("POST", f"/interactions/{payload['id']}/")))
    return stand_in.recorded("POST", f"/interactions/{payload['id']}/")[0].data  # type: ignore[no-any-return]


async def test_commands_synced_to_the_guild(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    await discord_server.wait_for(lambda: bool(discord_server.recorded("PUT", f"/guilds/{GUILD_ID}/commands")))
    synced = discord_server.recorded("PUT", f"/guilds/{GUILD_ID}/commands")[0].data
    names = {c["name"] for c in synced}
    assert names == {"ask", "topics", "help", "source", "reload", "unanswered", "feedback", "add", "articles",
                     "remove"}
    reload = next(c for c in synced if c["name"] == "reload")
    assert int(reload["default_member_permissions"]) == 1 << 5  # Manage Server


async def test_ask_answers_with_an_embed_and_source(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await ask(discord_server, command("ask", [{"name": "question", "type": 3, "value": "who set the deadline?"}]))
    assert cb["type"] == 4
    embed = cb["data"]["embeds"][0]
    assert embed["title"] == "President Trump"
    assert "Thanksgiving" in embed["description"]
    assert "paragraph 8" in embed["footer"]["text"]
    assert embed["fields"][0]["value"].startswith("> President Trump initially set")
    assert cb["data"]["allowed_mentions"] == {"parse": [], "replied_user": False} or \
        cb["data"]["allowed_mentions"]["parse"] == []


async def test_autocomplete_offers_known_questions(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await ask(discord_server, command("ask", [{"name": "question", "type": 3, "value": "deadl",
                                                    "focused": True}]), kind=4)
    assert cb["type"] == 8
    choices = cb["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert any("deadline" in c["name"].lower() for c in choices[:3])


async def test_topics_help_and_source(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    topics = await ask(discord_server, command("topics"))
    assert "Thanksgiving deadline" in topics["data"]["embeds"][0]["description"]
    help_ = await ask(discord_server, command("help"))
    assert "I answer questions" in help_["data"]["embeds"][0]["description"]
    source = await ask(discord_server, command("source", [{"name": "paragraph", "type": 4, "value": 8}]))
    assert source["data"]["embeds"][0]["description"].startswith("President Trump initially set")
    missing = await ask(discord_server, command("source", [{"name": "paragraph", "type": 4, "value": 99}]))
    assert "paragraphs 1 to 25" in missing["data"]["content"] and missing["data"]["flags"] & 64


def message_create(stand_in: DiscordStandIn, content: str, author_id: int = MEMBER_ID, bot: bool = False,
                   dm: bool = False, mentions_bot: bool = True) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "id": str(stand_in.next_id()), "channel_id": str(CHANNEL_ID + 1 if dm else CHANNEL_ID),
        "author": user(author_id, bot=bot), "content": content, "timestamp": "2025-11-27T12:00:00+00:00",
        "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": [user(BOT_ID, "talksbot", bot=True)] if mentions_bot else [], "mention_roles": [],
        "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0, "components": []}
    if not dm:
        msg["guild_id"] = str(GUILD_ID)
        msg["member"] = {"roles": [], "joined_at": "2025-01-01T00:00:00+00:00", "deaf": False, "mute": False,
                         "flags": 0}
    return msg


async def test_mention_is_answered_as_a_reply(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    msg = message_create(discord_server, f"<@{BOT_ID}> who set the deadline?")
    await discord_server.dispatch("MESSAGE_CREATE", msg)
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", f"/channels/{CHANNEL_ID}/messages")))
    sent = discord_server.recorded("POST", f"/channels/{CHANNEL_ID}/messages")[0].data
    assert str(sent["message_reference"]["message_id"]) == msg["id"]
    assert sent["embeds"][0]["title"] == "President Trump"
    assert sent["allowed_mentions"]["parse"] == []


async def test_dm_is_answered(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    await discord_server.dispatch("MESSAGE_CREATE", message_create(discord_server, "who is tusk", dm=True,
                                                                   mentions_bot=False))
    path = f"/channels/{CHANNEL_ID + 1}/messages"
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", path)))
    assert "Polish Prime Minister" in discord_server.recorded("POST", path)[0].data["embeds"][0]["title"]


async def test_bots_and_unmentioned_messages_are_ignored(discord_bot: Services,
                                                         discord_server: DiscordStandIn) -> None:
    await discord_server.dispatch("MESSAGE_CREATE", message_create(discord_server, f"<@{BOT_ID}> who set it",
                                                                   author_id=123, bot=True))
    await discord_server.dispatch("MESSAGE_CREATE", message_create(discord_server, "who set the deadline",
                                                                   mentions_bot=False))
    await discord_server.dispatch("MESSAGE_CREATE", message_create(discord_server, f"<@{BOT_ID}> help"))
    path = f"/channels/{CHANNEL_ID}/messages"
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", path)))
    await asyncio.sleep(0.2)
    sent = discord_server.recorded("POST", path)
    assert len(sent) == 1 and "I answer questions" in sent[0].data["embeds"][0]["description"]


async def test_did_you_mean_button_click_answers(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    first = await ask(discord_server, command("ask", [{"name": "question", "type": 3,
                                                       "value": "what is the deadline for the quarterly report?"}]))
    assert first["data"]["embeds"][0]["title"] == "I don't know that"
    buttons = first["data"]["components"][0]["components"]
    assert 1 <= len(buttons) <= 3 and all(b["label"].startswith("Did you mean") for b in buttons)
    deadline = next(b for b in buttons if "deadline" in b["label"].lower())
    # Discord sends the clicked message along; it is the one the callback created.
    created = discord_server.recorded("POST", "/callback")[-1].response["resource"]["message"]
    await view_stored(discord_bot, created["id"])
    cb = await ask(discord_server, {"custom_id": deadline["custom_id"], "component_type": 2}, kind=3, message=created)
    assert cb["type"] == 4 and "Thanksgiving" in cb["data"]["embeds"][0]["description"]


async def test_did_you_mean_buttons_work_in_dms(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    await discord_server.dispatch("MESSAGE_CREATE", message_create(
        discord_server, "what is the deadline for my quarterly report", dm=True, mentions_bot=False))
    path = f"/channels/{CHANNEL_ID + 1}/messages"
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", path)))
    call = discord_server.recorded("POST", path)[0]
    button = next(b for b in call.data["components"][0]["components"] if "deadline" in b["label"].lower())
    await view_stored(discord_bot, call.response["id"])
    cb = await ask(discord_server, {"custom_id": button["custom_id"], "component_type": 2}, kind=3, dm=True,
                   message=call.response)
    assert "Thanksgiving" in cb["data"]["embeds"][0]["description"]


async def test_reload_by_admin_reports(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    cb = await ask(discord_server, command("reload"), user_id=ADMIN_ID)
    assert cb["type"] == 5 and cb["data"]["flags"] & 64  # deferred, ephemeral
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", "/webhooks/")))
    followup = discord_server.recorded("POST", "/webhooks/")[0].data
    assert "Reloaded fact base" in followup["content"] and followup["flags"] & 64


async def test_reload_by_member_is_refused_and_logged(discord_bot: Services, discord_server: DiscordStandIn,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    before = discord_bot.holder.current
    cb = await ask(discord_server, command("reload"), user_id=MEMBER_ID)
    assert "only the bot's admins" in cb["data"]["content"] and cb["data"]["flags"] & 64
    assert f"reload the fact base refused: {MEMBER_ID} is not an admin" in caplog.text
    assert discord_bot.holder.current is before


async def test_reload_with_broken_file_keeps_old_base(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    (discord_bot.settings.knowledge_dir / "broken.yaml").write_text("facts: [\n")
    await ask(discord_server, command("reload"), user_id=ADMIN_ID)
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", "/webhooks/")))
    followup = discord_server.recorded("POST", "/webhooks/")[0].data["content"]
    assert "1 problem(s) in broken.yaml" in followup and "YAML syntax" in followup
    cb = await ask(discord_server, command("ask", [{"name": "question", "type": 3, "value": "who set the deadline"}]))
    assert cb["data"]["embeds"][0]["title"] == "President Trump"


async def test_echoed_everyone_pings_nobody(discord_bot: Services, discord_server: DiscordStandIn) -> None:
    await discord_server.dispatch("MESSAGE_CREATE", message_create(
        discord_server, f"<@{BOT_ID}> @everyone <@&{GUILD_ID}> who set the deadline?"))
    path = f"/channels/{CHANNEL_ID}/messages"
    await discord_server.wait_for(lambda: bool(discord_server.recorded("POST", path)))
    sent = discord_server.recorded("POST", path)[0].data
    assert sent["allowed_mentions"]["parse"] == [] and not sent["allowed_mentions"].get("roles")
    assert sent["embeds"][0]["title"] == "President Trump"


@pytest.mark.usefixtures("failing_answers")
async def test_handler_error_replies_with_an_apology(discord_bot: Services, discord_server: DiscordStandIn,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    cb = await ask(discord_server, command("ask", [{"name": "question", "type": 3, "value": "who set it"}]))
    assert "Sorry, something went wrong" in cb["data"]["content"] and cb["data"]["flags"] & 64
    assert "boom" in caplog.text


async def test_without_a_guild_commands_sync_globally(discord_server: DiscordStandIn, kb_dirs: Any) -> None:
    from tests.frontends.discord.conftest import discord_settings, start_bot

    services = await start_bot(discord_settings(discord_server, kb_dirs, discord_guild_id=None))
    try:
        await discord_server.wait_for(lambda: bool(discord_server.recorded("PUT", "/commands")))
        (put,) = discord_server.recorded("PUT", "/commands")
        assert put.path == f"/applications/{APP_ID}/commands"
    finally:
        await services.stop()


async def test_discord_sync_command_syncs_and_exits(discord_server: DiscordStandIn) -> None:
    import sys

    from tests.conftest import ROOT, bot_env

    env = bot_env()
    env.update(TALKSBOT_DISCORD_TOKEN="discord-test-token", TALKSBOT_DISCORD_API_URL=discord_server.api_url,
               TALKSBOT_DISCORD_GATEWAY_URL=discord_server.gateway_url, TALKSBOT_DISCORD_GUILD_ID=str(GUILD_ID))
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "discord-sync", cwd=ROOT, env=env,
                                                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode == 0, err.decode()
    assert f"synced 10 commands to guild {GUILD_ID}" in out.decode()
    assert discord_server.recorded("PUT", f"/guilds/{GUILD_ID}/commands")
    assert b"discord-test-token" not in out + err
