"""/add, /articles, /remove and feed announcements through the real discord.py client, against the
Discord stand-in and the loopback news server.

One bot (its own copy of knowledge/ and seeds/, private addresses allowed so that it can reach the
news server) serves the whole module: discord.py waits 2 s for the guild at every start. The
Driscoll story is added once (``driscoll``); the removal test adds and removes its own story.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from bot.frontends.discord.library import announce
from bot.ingest.add import Added
from bot.serve import Services
from tests.conftest import private_kb
from tests.frontends.discord.conftest import ADMIN_ID, MEMBER_ID, command, discord_settings, start_bot
from tests.frontends.discord.test_question_log import EPHEMERAL, admin_reply, followup, mention, respond
from tests.stand_ins.discord_server import APP_ID, CHANNEL_ID, GUILD_ID, DiscordStandIn
from tests.stand_ins.news_server import DRISCOLL, KREMLIN, NewsServer

pytestmark = pytest.mark.asyncio(loop_scope="module")
ADD_TIMEOUT_S = 30.0  # an addition fetches, extracts and reloads the whole fact base
DRISCOLL_ID = "driscoll-meets-russian-delegation-in-abu-2025-11-25"
KREMLIN_ID = "kremlin-says-it-has-not-received-the-updated-2025-11-26"
CURATED_ID = "geneva-talks-2025-11-23"
POINTS = "How many points does the revised framework have?"  # paragraph 6 of DRISCOLL: 19


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def news() -> AsyncIterator[NewsServer]:
    site = NewsServer()
    await site.start()
    yield site
    await site.stop()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(server: DiscordStandIn, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    root = tmp_path_factory.mktemp("library")
    k, s = private_kb(root)
    services = await start_bot(discord_settings(server, (k, s), database_path=root / "log.sqlite3",
                                                fetch_allow_private=True))
    yield services
    await services.stop()


def add(url: str) -> dict[str, Any]:
    return command("add", [{"name": "url", "type": 3, "value": url}])


def remove(article_id: str) -> dict[str, Any]:
    return command("remove", [{"name": "id", "type": 3, "value": article_id}])


def seed_files(bot: Services) -> list[str]:
    return sorted(p.name for p in bot.settings.seeds_dir.iterdir())


async def added_by_admin(server: DiscordStandIn, url: str) -> str:
    return str((await admin_reply(server, add(url), timeout=ADD_TIMEOUT_S))["content"])


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def driscoll(bot: Services, server: DiscordStandIn, news: NewsServer) -> str:
    """An admin's /add of the Driscoll story: the follow-up's text."""
    before = await mention(server, POINTS)
    assert before["embeds"][0].get("title") != "19 points"  # not known before the addition
    return await added_by_admin(server, news.url(DRISCOLL.path))


async def test_members_are_refused_add_and_nothing_is_written(bot: Services, server: DiscordStandIn,
                                                             news: NewsServer,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    files = seed_files(bot)
    payload, cb = await respond(server, add(news.url(KREMLIN.path)), user_id=MEMBER_ID)
    assert cb["type"] == 4 and cb["data"]["flags"] & EPHEMERAL
    assert cb["data"]["content"] == "Sorry, only the bot's admins can add articles."
    assert cb["data"]["allowed_mentions"]["parse"] == []
    assert f"add articles refused: {MEMBER_ID} is not an admin" in caplog.text
    await asyncio.sleep(0.2)
    assert not server.recorded("POST", f"/webhooks/{APP_ID}/{payload['token']}")
    assert KREMLIN.path not in news.hits  # not even fetched
    assert seed_files(bot) == files
    synced = server.recorded("PUT", f"/guilds/{GUILD_ID}/commands")[0].data
    permissions = {c["name"]: c["default_member_permissions"] for c in synced}
    assert int(permissions["add"]) == int(permissions["remove"]) == 1 << 5  # Manage Server
    assert permissions["articles"] is None  # everyone


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "Not added: HTTP 404"),
    ("/report.pdf", "Not added: not an article (application/pdf)"),
])
async def test_a_refused_link_gets_its_reason(bot: Services, server: DiscordStandIn, news: NewsServer,
                                              path: str, reason: str) -> None:
    files = seed_files(bot)
    reply = await added_by_admin(server, news.url(path))
    assert reply.startswith(reason), reply
    assert path in news.hits and seed_files(bot) == files


async def test_an_added_article_is_answered_at_once(bot: Services, server: DiscordStandIn, news: NewsServer,
                                                   driscoll: str) -> None:
    assert driscoll.startswith(f"Added “{DRISCOLL.title}” (2025-11-25): 8 paragraphs, "), driscoll
    assert f"(id {DRISCOLL_ID})" in driscoll and "You can now ask:" in driscoll
    assert f"{DRISCOLL_ID}.txt" in seed_files(bot)

    reply = await mention(server, POINTS)
    embed = reply["embeds"][0]
    assert embed["title"] == "19 points"
    assert embed["url"].startswith(news.url(DRISCOLL.path))  # the link is the new article's
    assert embed["footer"]["text"].endswith(f"paragraph 6 · {DRISCOLL.title}")
    assert embed["fields"][0]["value"] == f"> {DRISCOLL.paragraphs[5]}"


async def test_the_same_link_twice_is_refused(bot: Services, server: DiscordStandIn, news: NewsServer,
                                             driscoll: str) -> None:
    reply = await added_by_admin(server, news.url(DRISCOLL.path))
    assert reply.startswith("Not added: already have it:") and DRISCOLL_ID in reply, reply


async def test_articles_lists_them_newest_first(bot: Services, server: DiscordStandIn, news: NewsServer,
                                                driscoll: str) -> None:
    _, cb = await respond(server, command("articles"), user_id=MEMBER_ID)
    assert cb["type"] == 4 and cb["data"]["allowed_mentions"]["parse"] == []
    embed = cb["data"]["embeds"][0]
    lines = embed["description"].splitlines()
    assert len(lines) == len(bot.holder.current.articles) >= 2
    facts = sum(1 for e in bot.holder.current.entries if e.article_id == DRISCOLL_ID and not e.is_entity)
    assert lines[0] == (f"`{DRISCOLL_ID}` · {DRISCOLL.title} (2025-11-25) · {facts} facts · "
                        f"[source]({news.url(DRISCOLL.path)})")
    assert any(line.startswith(f"`{CURATED_ID}` · ") and "(2025-11-23)" in line for line in lines[1:])
    assert "footer" not in embed  # everything fitted


async def test_remove_by_an_admin_and_not_by_a_member(bot: Services, server: DiscordStandIn,
                                                     news: NewsServer) -> None:
    added = await added_by_admin(server, news.url(KREMLIN.path))
    assert f"(id {KREMLIN_ID})" in added, added
    seeds = bot.settings.seeds_dir

    # autocomplete offers the articles added from links, not the curated one
    _, cb = await respond(server, command("remove", [{"name": "id", "type": 3, "value": "", "focused": True}]),
                          kind=4, user_id=ADMIN_ID)
    offered = [c["value"] for c in cb["data"]["choices"]]
    assert KREMLIN_ID in offered and CURATED_ID not in offered
    _, cb = await respond(server, command("remove", [{"name": "id", "type": 3, "value": "kreml", "focused": True}]),
                          kind=4, user_id=ADMIN_ID)
    assert [c["value"] for c in cb["data"]["choices"]] == [KREMLIN_ID]

    payload, cb = await respond(server, remove(KREMLIN_ID), user_id=MEMBER_ID)
    assert cb["type"] == 4 and cb["data"]["flags"] & EPHEMERAL
    assert cb["data"]["content"] == "Sorry, only the bot's admins can remove articles."
    await asyncio.sleep(0.2)
    assert not server.recorded("POST", f"/webhooks/{APP_ID}/{payload['token']}")
    assert KREMLIN_ID in bot.holder.current.articles and (seeds / f"{KREMLIN_ID}.txt").is_file()

    done = (await admin_reply(server, remove(KREMLIN_ID), timeout=ADD_TIMEOUT_S))["content"]
    assert done.startswith(f"Removed “{KREMLIN.title}” (id {KREMLIN_ID})"), done
    assert KREMLIN_ID not in bot.holder.current.articles
    assert not (seeds / f"{KREMLIN_ID}.txt").exists() and (seeds / "removed" / f"{KREMLIN_ID}.txt").is_file()

    curated = (await admin_reply(server, remove(CURATED_ID), timeout=ADD_TIMEOUT_S))["content"]
    assert curated.startswith("Not removed:") and "curated" in curated
    assert CURATED_ID in bot.holder.current.articles


async def test_announce_posts_the_new_article_pinging_nobody(bot: Services, server: DiscordStandIn) -> None:
    path = f"/channels/{CHANNEL_ID}/messages"
    before = len(server.recorded("POST", path))
    added = Added(True, "Added …", article_id="x-2025-11-28", title="Talks *resume* @everyone",
                  date=dt.date(2025, 11, 28), url="https://news.example/talks_resume",
                  questions=("Who met in Abu Dhabi?", "Where?"))
    await announce(bot.discord_client, CHANNEL_ID, added)
    await announce(bot.discord_client, CHANNEL_ID, Added(False, "Not added: HTTP 404 Not Found."))  # nothing
    await asyncio.sleep(0.1)
    sent = server.recorded("POST", path)[before:]
    assert len(sent) == 1
    assert sent[0].data["content"] == ("New article: Talks \\*resume\\* @\u200beveryone (2025-11-28) "
                                       "https://news.example/talks_resume — try: Who met in Abu Dhabi?")
    assert sent[0].data["allowed_mentions"]["parse"] == []

    other = CHANNEL_ID + 50  # a channel the client has not cached: sent all the same
    await announce(bot.discord_client, other, added)
    await server.wait_for(lambda: bool(server.recorded("POST", f"/channels/{other}/messages")))


async def test_the_add_follow_up_is_sent_after_a_slow_fetch(bot: Services, server: DiscordStandIn,
                                                           news: NewsServer) -> None:
    """The interaction is deferred before the page is fetched; the answer follows when it is done."""
    payload, cb = await respond(server, add(news.url("/slow")), user_id=ADMIN_ID)  # answers after 1.5 s
    assert cb["type"] == 5 and cb["data"]["flags"] & EPHEMERAL
    sent = await followup(server, payload, timeout=ADD_TIMEOUT_S)
    assert sent["content"].startswith("Not added:"), sent
    deferred = server.recorded("POST", f"/interactions/{payload['id']}/")[0].at
    answered = server.recorded("POST", f"/webhooks/{APP_ID}/{payload['token']}")[0].at
    assert answered - deferred > 1.0
