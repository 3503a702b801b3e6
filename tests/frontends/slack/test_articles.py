"""``/talks add``, ``articles`` and ``remove`` through the real slack-bolt app, against the Slack stand-in
and the loopback news server; ``announce`` against the Slack stand-in."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.frontends.slack.articles import ROW_LIMIT, announce, link_target, render_articles
from bot.frontends.slack.render import BLOCK_LIMIT, SECTION_LIMIT, TEXT_LIMIT
from bot.frontends.slack.webapi import close_client, web_client
from bot.ingest.add import Added, ArticleRow
from bot.serve import Services
from tests.frontends.slack.conftest import ADMIN, command_body, event_body, post_to_bot, slack_settings, start_services
from tests.stand_ins.news_server import DRISCOLL, NewsServer
from tests.stand_ins.slack_server import SlackStandIn

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
DRISCOLL_ID = "driscoll-meets-russian-delegation-in-abu-2025-11-25"
SEED_ID = "geneva-talks-2025-11-23"
POINTS = "How many points does the revised framework have?"  # answered only from DRISCOLL, paragraph 6
_ids = itertools.count(1)




@pytest.fixture()
async def bot(slack: SlackStandIn, kb_dirs: tuple[Path, Path]) -> AsyncIterator[Services]:
    """The bot in HTTP mode over a private knowledge/ and seeds/, allowed to fetch from loopback."""
    services = await start_services(slack_settings(slack, "http", kb_dirs, fetch_allow_private=True))
    yield services
    await services.stop()


def shown(message: dict[str, Any]) -> str:
    """Everything a message shows: its fallback text and every text of its blocks."""
    texts = [message["text"]]
    for block in message.get("blocks", []):
        if "text" in block:
            texts.append(block["text"]["text"])
        else:  # a context's elements carry mrkdwn text objects; an actions block's, buttons
            texts += [e["text"] if e["type"] == "mrkdwn" else e["text"]["text"] for e in block["elements"]]
    return "\n".join(texts)


async def command(bot: Services, slack: SlackStandIn, text: str, user: str = ADMIN) -> tuple[str, dict[str, Any]]:
    """``/talks text`` by ``user``: the acknowledgement's body (what Slack shows at once), and the reply
    that follows through the command's response_url."""
    before = len(slack.posts("response_url"))
    resp = await post_to_bot(bot, command_body(text, slack.response_url, user=user), FORM)
    assert resp.status == 200
    acked = await resp.text()
    await slack.wait_for(lambda: len(slack.posts("response_url")) > before, timeout=15)
    return acked, slack.posts("response_url")[-1]


async def ask(bot: Services, slack: SlackStandIn, question: str) -> dict[str, Any]:
    """Mention the bot with ``question``; the message it posts."""
    n = next(_ids)
    before = len(slack.posts())
    event = {"type": "app_mention", "user": "U7", "text": f"<@UBOT> {question}", "ts": f"{n}.3", "channel": "C1",
             "event_ts": f"{n}.3"}
    assert (await post_to_bot(bot, event_body(event, event_id=f"EvArt{n}"), JSON)).status == 200
    await slack.wait_for(lambda: len(slack.posts()) > before)
    return slack.posts()[-1]


def seed_files(bot: Services) -> list[str]:
    return sorted(os.listdir(bot.settings.seeds_dir))


async def test_admin_adds_a_page_and_a_mention_is_answered_from_it(bot: Services, slack: SlackStandIn,
                                                                 news: NewsServer) -> None:
    before = await ask(bot, slack, POINTS)
    assert DRISCOLL_ID not in json.dumps(before) and "19 points" not in before["text"]
    url = news.url(DRISCOLL.path)
    acked, reply = await command(bot, slack, f"add {url}")
    ack = json.loads(acked)
    assert ack["response_type"] == "ephemeral" and ack["text"] == f"Fetching <{url}|{url}>…"
    assert reply["response_type"] == "ephemeral"
    text = shown(reply)
    assert f"Added “{DRISCOLL.title}” (2025-11-25): 8 paragraphs" in text and f"(id {DRISCOLL_ID})" in text
    assert "You can now ask:" in text and f"Source: <{url}|{DRISCOLL.title}>" in text
    assert reply["blocks"][0]["text"]["text"] == reply["text"]  # the message, in full
    assert f"{DRISCOLL_ID}.txt" in seed_files(bot)

    answered = await ask(bot, slack, POINTS)
    assert answered["text"].startswith("19 points")
    context = next(b for b in answered["blocks"] if b["type"] == "context")["elements"][0]["text"]
    assert f"<{url}#:~:text=" in context and "paragraph 6" in context and DRISCOLL.title in context
    quoted = answered["blocks"][2]["text"]["text"]
    assert quoted == f"&gt; {DRISCOLL.paragraphs[5]}"


async def test_add_is_acknowledged_at_once_and_held_until_answered(bot: Services, slack: SlackStandIn,
                                                                  news: NewsServer) -> None:
    """The news server's /slow page answers after 1.5 s: the acknowledgement comes before, the work is in
    flight (shutdown would wait for it) until the reply is sent."""
    started = time.monotonic()
    resp = await post_to_bot(bot, command_body(f"add {news.url('/slow')}", slack.response_url, user=ADMIN), FORM)
    assert time.monotonic() - started < 1.2 and "Fetching" in await resp.text()
    assert not slack.posts("response_url") and bot.inflight.count == 1
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    assert "Not added: paywalled or not an article" in slack.posts("response_url")[0]["text"]
    await slack.wait_for(lambda: bot.inflight.count == 0)


async def test_a_member_is_refused_and_nothing_is_fetched_or_written(bot: Services, slack: SlackStandIn,
                                                                   news: NewsServer) -> None:
    files = seed_files(bot)
    acked, reply = await command(bot, slack, f"add {news.url(DRISCOLL.path)}", user="U1")
    assert "Fetching" not in acked and reply["response_type"] == "ephemeral"
    assert reply["text"] == "Sorry, only the bot's admins can add articles."
    assert news.hits == [] and seed_files(bot) == files
    assert DRISCOLL_ID not in bot.holder.current.articles


async def test_nobody_adds_when_no_admins_are_configured(slack: SlackStandIn, kb_dirs: tuple[Path, Path],
                                                         news: NewsServer) -> None:
    services = await start_services(slack_settings(slack, "http", kb_dirs, admin_user_ids=[],
                                                   fetch_allow_private=True))
    try:
        _, reply = await command(services, slack, f"add {news.url(DRISCOLL.path)}")
        assert "Adding articles is turned off: no admins are configured" in reply["text"] and news.hits == []
    finally:
        await services.stop()


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "Not added: HTTP 404"), ("/report.pdf", "Not added: not an article (application/pdf)")])
async def test_a_refused_link_gets_its_reason(bot: Services, slack: SlackStandIn, news: NewsServer, path: str,
                                              reason: str) -> None:
    files = seed_files(bot)
    _, reply = await command(bot, slack, f"add {news.url(path)}")
    assert reply["text"].startswith(reason) and reply["response_type"] == "ephemeral", reply["text"]
    assert [b["type"] for b in reply["blocks"]] == ["section"] and reply["blocks"][0]["text"]["text"] == reply["text"]
    assert news.hits == [path] and seed_files(bot) == files


async def test_usage_links_in_slack_form_and_unsafe_links(bot: Services, slack: SlackStandIn,
                                                          news: NewsServer) -> None:
    assert "Usage: /talks add URL" in (await command(bot, slack, "add"))[1]["text"]
    assert "Usage: /talks add URL" in (await command(bot, slack, "add two links"))[1]["text"]
    # a link in Slack's <url|label> form is read as its URL
    url = news.url(DRISCOLL.path)
    _, reply = await command(bot, slack, f"add <{url}|the story>")
    assert reply["text"].startswith(f"Added “{DRISCOLL.title}”"), reply["text"]
    # not http(s): refused with its reason, and echoed as text, never as a link or a broadcast
    acked, reply = await command(bot, slack, "add javascript:alert(1)<!channel>")
    assert json.loads(acked)["text"] == "Fetching javascript:alert(1)&lt;!channel&gt;…"
    assert reply["text"] == "Not added: only http and https links can be fetched (not javascript)."
    # the reply's reason echoes the host: escaped, so it mentions nobody
    acked, reply = await command(bot, slack, "add http://<!channel>.invalid/")
    assert "<!channel>" not in acked and "&lt;!channel&gt;" in acked
    assert reply["text"] == "Not added: could not resolve host &lt;!channel&gt;.invalid."
    assert "<!channel>" not in json.dumps(reply)


async def test_articles_lists_the_new_article_first(bot: Services, slack: SlackStandIn, news: NewsServer) -> None:
    _, before = await command(bot, slack, "articles", user="U1")  # everyone may list
    assert before["text"] == "1 article(s), newest first:" and DRISCOLL_ID not in shown(before)
    await command(bot, slack, f"add {news.url(DRISCOLL.path)}")
    _, listed = await command(bot, slack, "Articles", user="U1")
    assert listed["response_type"] == "ephemeral" and listed["text"] == "2 article(s), newest first:"
    text = shown(listed)
    facts = bot.holder.current.entries
    count = sum(1 for e in facts if e.article_id == DRISCOLL_ID and not e.is_entity)
    assert (f"• *{DRISCOLL.title}* (2025-11-25) · {count} facts · id `{DRISCOLL_ID}` · "
            f"<{news.url(DRISCOLL.path)}|source>") in text
    assert text.index(DRISCOLL_ID) < text.index(SEED_ID)


async def test_remove_by_an_admin_only(bot: Services, slack: SlackStandIn, news: NewsServer) -> None:
    await command(bot, slack, f"add {news.url(DRISCOLL.path)}")
    assert (await ask(bot, slack, POINTS))["text"].startswith("19 points")
    _, refused = await command(bot, slack, f"remove {DRISCOLL_ID}", user="U1")
    assert refused["text"] == "Sorry, only the bot's admins can remove articles."
    assert DRISCOLL_ID in bot.holder.current.articles and f"{DRISCOLL_ID}.txt" in seed_files(bot)

    _, removed = await command(bot, slack, f"remove {DRISCOLL_ID}")
    assert removed["response_type"] == "ephemeral"
    assert removed["text"].startswith(f"Removed “{DRISCOLL.title}” (id {DRISCOLL_ID})"), removed["text"]
    assert f"{DRISCOLL_ID}.txt" not in seed_files(bot)
    assert (bot.settings.seeds_dir / "removed" / f"{DRISCOLL_ID}.txt").is_file()
    assert DRISCOLL_ID not in bot.holder.current.articles
    assert DRISCOLL_ID not in json.dumps(await ask(bot, slack, POINTS))
    _, listed = await command(bot, slack, "articles")
    assert DRISCOLL_ID not in shown(listed)
    # an unknown id, and a missing one
    assert "no article has the id" in (await command(bot, slack, "remove no-such-article"))[1]["text"]
    assert "Usage: /talks remove ID" in (await command(bot, slack, "remove"))[1]["text"]


async def test_other_talks_commands_still_work(bot: Services, slack: SlackStandIn) -> None:
    """A question that starts with "remove" is still a question; reload is still the admins'."""
    _, reply = await command(bot, slack, "remove the deadline?", user="U1")
    assert reply["response_type"] == "in_channel" and "only the bot's admins" not in reply["text"]
    _, reply = await command(bot, slack, "who set the deadline?", user="U1")
    assert reply["text"].startswith("President Trump")


def rows(count: int, url_chars: int) -> list[ArticleRow]:
    return [ArticleRow(f"article-{n:03d}-" + "x" * 60, "A long title " * 30, dt.date(2025, 11, 1),
                       "https://e.example/" + "p" * url_chars, n) for n in range(count)]


def within_limits(rendered: dict[str, Any]) -> None:
    assert len(rendered["blocks"]) <= BLOCK_LIMIT and len(rendered["text"]) <= TEXT_LIMIT
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in rendered["blocks"])


def test_article_list_stays_within_slack_limits() -> None:
    rendered = render_articles(rows(150, 300))
    within_limits(rendered)
    text = shown(rendered)
    assert "article-000-" in text and f"article-{ROW_LIMIT - 1:03d}-" in text
    assert f"article-{ROW_LIMIT:03d}-" not in text and f"… and {150 - ROW_LIMIT} more" in text
    # rows so long that each takes a section: as many as the blocks hold, then the count of the rest
    rendered = render_articles(rows(150, 2400))
    within_limits(rendered)
    listed = shown(rendered).count("|source>")
    assert 40 < listed < ROW_LIMIT and shown(rendered).count("• *") == listed
    assert rendered["blocks"][-1]["text"]["text"].startswith(f"… and {150 - listed} more")
    # a link too long for a section is shown as text, never cut
    line = render_articles(rows(1, 4000))["blocks"][1]["text"]["text"]
    assert "<https://" not in line and line.endswith("https://e.example/" + "p" * 181 + "…")
    plain = render_articles([ArticleRow("a", "<!here> T", dt.date(2025, 1, 2), "Reuters <@U1>", 3)])
    assert "• *&lt;!here&gt; T* (2025-01-02) · 3 facts · id `a` · Reuters &lt;@U1&gt;" in shown(plain)


def test_link_target() -> None:
    assert link_target("https://a.example/x") == "https://a.example/x"
    assert link_target(" <https://a.example/x> ") == "https://a.example/x"
    assert link_target("<https://a.example/x|a.example/x>") == "https://a.example/x"


async def test_announce_posts_to_the_channel(slack: SlackStandIn) -> None:
    client = web_client("xoxb-test-token", slack.api_url)
    try:
        added = Added(True, "Added …", article_id=DRISCOLL_ID, title="Talks <!channel> @here <@U123> go on",
                      date=dt.date(2025, 11, 25), url="https://news.example/a|b", paragraphs=8, facts=12,
                      questions=("Who met in Abu Dhabi? <!everyone>", "Second?"))
        await announce(client, "C42", added)
        await announce(client, "C42", Added(False, "Not added: HTTP 404."))  # a refusal: nothing posted
        (posted,) = slack.posts()
        assert posted["channel"] == "C42" and posted["unfurl_links"] is False
        expected = ("New article: Talks &lt;!channel&gt; @\u2060here &lt;@U123&gt; go on (2025-11-25) "
                    "<https://news.example/a%7Cb|https://news.example/a|b> — try: Who met in Abu Dhabi? "
                    "&lt;!everyone&gt;")
        assert posted["text"] == expected
        assert posted["blocks"][0]["text"]["text"] == expected
        # a link that is not http(s) is shown, not linked
        await announce(client, "C42", Added(True, "", title="T", date=dt.date(2025, 1, 1), url="javascript:x"))
        assert slack.posts()[-1]["text"] == "New article: T (2025-01-01) javascript:x"
    finally:
        await close_client(client)


async def test_socket_mode_add_is_acknowledged_with_fetching(slack: SlackStandIn, kb_dirs: tuple[Path, Path],
                                                             news: NewsServer) -> None:
    """In Socket Mode the acknowledgement travels in the envelope's ack."""
    services = await start_services(slack_settings(slack, "socket", kb_dirs, fetch_allow_private=True))
    try:
        await slack.wait_connected()
        url = news.url(DRISCOLL.path)
        payload = {"command": "/talks", "text": f"add {url}", "user_id": ADMIN, "channel_id": "C9", "team_id": "T1",
                   "response_url": slack.response_url, "trigger_id": "t", "api_app_id": "A1"}
        envelope = await slack.send_envelope("slash_commands", payload)
        await slack.wait_for(lambda: bool(slack.posts("response_url")), timeout=15)
        (ack,) = [a for a in slack.acks if a.get("envelope_id") == envelope]
        assert ack["payload"] == {"response_type": "ephemeral", "text": f"Fetching <{url}|{url}>…"}
        assert slack.posts("response_url")[0]["text"].startswith(f"Added “{DRISCOLL.title}”")
    finally:
        await services.stop()
