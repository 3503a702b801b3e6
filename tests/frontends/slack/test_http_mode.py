"""The real slack-bolt AsyncApp behind the bot's real aiohttp server, against the Slack stand-in."""
from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import aiohttp
import pytest

from bot.serve import Services
from tests.frontends.slack.conftest import (
    ADMIN,
    command_body,
    event_body,
    post_to_bot,
    sign,
    slack_settings,
    start_services,
)
from tests.stand_ins.slack_server import SlackStandIn

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def mention(text: str, ts: str = "100.1", **extra: Any) -> dict[str, Any]:
    return {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C1", "event_ts": ts, **extra}


async def test_url_verification_handshake(http_bot: Services) -> None:
    body = json.dumps({"token": "legacy", "challenge": "abc123", "type": "url_verification"})
    async with aiohttp.ClientSession() as session:
        resp = await session.post(f"http://127.0.0.1:{http_bot.web_port}/slack/events", data=body,
                                  headers={"Content-Type": JSON, **sign(body)})
        assert resp.status == 200
        assert "abc123" in await resp.text()


async def test_mention_is_answered_in_its_thread(http_bot: Services, slack: SlackStandIn) -> None:
    resp = await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?")), JSON)
    assert resp.status == 200
    await slack.wait_for(lambda: bool(slack.posts()))
    (post,) = slack.posts()
    assert post["channel"] == "C1" and post["thread_ts"] == "100.1"
    assert post["text"].startswith("President Trump")
    blocks = post["blocks"]
    assert "paragraph 8" in json.dumps(blocks) and "Thanksgiving" in json.dumps(blocks)
    assert any(c.token == "xoxb-test-token" for c in slack.calls if c.method == "chat.postMessage")


async def test_event_is_acknowledged_before_it_is_answered(http_bot: Services, slack: SlackStandIn) -> None:
    slack.post_delay = 1.0  # the post is recorded when it arrives, and answered a second later
    resp = await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?")), JSON)
    acked_at = time.monotonic()
    assert resp.status == 200
    await slack.wait_for(lambda: bool(slack.posts()))
    posted = next(c for c in slack.calls if c.method == "chat.postMessage")
    assert acked_at < posted.at + slack.post_delay, "the ack waited for the answer to be posted"


async def test_mention_inside_a_thread_stays_in_that_thread(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, event_body(mention("<@UBOT> where did they meet?", ts="200.2", thread_ts="150.0")),
                      JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    assert slack.posts()[0]["thread_ts"] == "150.0" and "Geneva" in slack.posts()[0]["text"]


async def test_direct_message(http_bot: Services, slack: SlackStandIn) -> None:
    event = {"type": "message", "channel_type": "im", "user": "U1", "text": "who is tusk", "ts": "5.5",
             "channel": "D1"}
    await post_to_bot(http_bot, event_body(event), JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    assert slack.posts()[0]["channel"] == "D1" and "Polish Prime Minister" in slack.posts()[0]["text"]


async def test_bots_edits_and_joins_are_ignored(http_bot: Services, slack: SlackStandIn) -> None:
    ignored = [
        {"type": "message", "channel_type": "im", "bot_id": "B2", "user": "U2", "text": "who set it", "ts": "1",
         "channel": "D1"},
        {"type": "message", "channel_type": "im", "subtype": "message_changed", "text": "x", "ts": "2",
         "channel": "D1"},
        {"type": "message", "channel_type": "channel", "subtype": "channel_join", "user": "U3", "text": "joined",
         "ts": "3", "channel": "C1"},
        mention("<@UBOT> who set the deadline", ts="4", bot_id="B9"),
    ]
    for i, event in enumerate(ignored):
        assert (await post_to_bot(http_bot, event_body(event, event_id=f"EvI{i}"), JSON)).status == 200
    await post_to_bot(http_bot, event_body(mention("<@UBOT> help", ts="9"), event_id="EvLast"), JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    await asyncio.sleep(0.2)
    assert len(slack.posts()) == 1 and slack.posts()[0]["thread_ts"] == "9"


async def test_bad_signature_and_stale_timestamp_are_rejected(http_bot: Services, slack: SlackStandIn) -> None:
    body = event_body(mention("<@UBOT> who set the deadline?"))
    bad = await post_to_bot(http_bot, body, JSON, headers=sign(body, secret="wrong"), signed=False)
    stale = await post_to_bot(http_bot, body, JSON, headers=sign(body, timestamp=int(time.time()) - 600),
                              signed=False)
    unsigned = await post_to_bot(http_bot, body, JSON, signed=False)
    assert (bad.status, stale.status, unsigned.status) == (401, 401, 401)
    await asyncio.sleep(0.3)
    assert not slack.posts()


async def test_retried_event_is_answered_once(http_bot: Services, slack: SlackStandIn) -> None:
    body = event_body(mention("<@UBOT> who set the deadline?"), event_id="EvRetry")
    for retry in range(3):
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else {}
        assert (await post_to_bot(http_bot, body, JSON, headers=headers)).status == 200
    await slack.wait_for(lambda: bool(slack.posts()))
    await asyncio.sleep(0.3)
    assert len(slack.posts()) == 1


async def test_slash_command_question_and_help(http_bot: Services, slack: SlackStandIn) -> None:
    resp = await post_to_bot(http_bot, command_body("who set the deadline?", slack.response_url), FORM)
    assert resp.status == 200
    await post_to_bot(http_bot, command_body("help", slack.response_url), FORM)
    await slack.wait_for(lambda: len(slack.posts("response_url")) == 2)
    answers = slack.posts("response_url")
    by_text = {a["text"][:15]: a for a in answers}
    deadline = next(a for a in answers if a["text"].startswith("President Trump"))
    assert deadline["response_type"] == "in_channel" and "paragraph 8" in json.dumps(deadline["blocks"])
    assert any("I answer questions" in t for t in by_text.values() for t in [t["text"]])


async def test_slash_command_topics_and_sources(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, command_body("topics", slack.response_url), FORM)
    await post_to_bot(http_bot, command_body("sources", slack.response_url), FORM)
    await slack.wait_for(lambda: len(slack.posts("response_url")) == 2)
    texts = " ".join(p["text"] for p in slack.posts("response_url"))
    assert "Thanksgiving deadline" in texts and "credits English Epoch Times, Reuters" in texts


async def test_declined_mention_offers_buttons(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, event_body(mention("<@UBOT> what is the deadline for the quarterly report?")), JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    blocks = slack.posts()[0]["blocks"]
    assert "I don't know that" in slack.posts()[0]["text"]
    assert blocks[1]["type"] == "actions" and blocks[1]["elements"][0]["action_id"] == "talks_suggest_0"


async def test_reload_by_admin_reports(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, command_body("reload", slack.response_url, user=ADMIN), FORM)
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    reply = slack.posts("response_url")[0]
    assert reply["response_type"] == "ephemeral" and "Reloaded fact base" in reply["text"]


async def test_reload_by_non_admin_is_refused_and_logged(http_bot: Services, slack: SlackStandIn,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    version = http_bot.holder.current
    await post_to_bot(http_bot, command_body("reload", slack.response_url, user="U1"), FORM)
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    reply = slack.posts("response_url")[0]
    assert reply["response_type"] == "ephemeral" and "only the bot's admins" in reply["text"]
    assert "reload the fact base refused: U1 is not an admin" in caplog.text
    assert http_bot.holder.current is version


async def test_reload_with_a_broken_file_keeps_the_old_base(http_bot: Services, slack: SlackStandIn) -> None:
    (http_bot.settings.knowledge_dir / "broken.yaml").write_text("article: [unclosed\n")
    await post_to_bot(http_bot, command_body("reload", slack.response_url, user=ADMIN), FORM)
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    reply = slack.posts("response_url")[0]
    assert "1 problem(s) in broken.yaml" in reply["text"] and "YAML syntax" in reply["text"]
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?"), event_id="EvAfter"), JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    assert slack.posts()[0]["text"].startswith("President Trump")


async def test_no_admins_configured_means_nobody_reloads(slack: SlackStandIn, kb_dirs: Any) -> None:
    services = await start_services(slack_settings(slack, "http", kb_dirs, admin_user_ids=[]))
    try:
        await post_to_bot(services, command_body("reload", slack.response_url, user=ADMIN), FORM)
        await slack.wait_for(lambda: bool(slack.posts("response_url")))
        assert "no admins are configured" in slack.posts("response_url")[0]["text"]
    finally:
        await services.stop()


async def test_rate_limited_post_is_retried(http_bot: Services, slack: SlackStandIn) -> None:
    slack.post_errors.append((429, "ratelimited", {"Retry-After": "1"}))
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?")), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 2, timeout=10)
    first, second = [c for c in slack.calls if c.method == "chat.postMessage"]
    assert second.at - first.at >= 0.9
    assert second.data["text"].startswith("President Trump")


async def test_lost_channel_is_logged_and_the_bot_goes_on(http_bot: Services, slack: SlackStandIn,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    slack.post_errors.append((200, "not_in_channel", {}))
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?", ts="1"), event_id="E1"), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 1)
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who is tusk", ts="2"), event_id="E2"), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 2)
    assert "not_in_channel" in caplog.text


async def test_echoed_channel_broadcast_is_neutralized(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, command_body("<!channel> @everyone " + "x" * 2000, slack.response_url), FORM)
    await post_to_bot(http_bot, event_body(mention("<@UBOT> <!channel> who set the deadline? <!here>")), JSON)
    await slack.wait_for(lambda: bool(slack.posts()) and bool(slack.posts("response_url")))
    everything = json.dumps(slack.posts() + slack.posts("response_url"))
    for broadcast in ("<!channel>", "<!here>", "<!everyone>", "@everyone"):
        assert broadcast not in everything
    assert slack.posts()[0]["text"].startswith("President Trump")


async def test_secrets_never_reach_replies_or_logs(http_bot: Services, slack: SlackStandIn,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    await post_to_bot(http_bot, event_body(mention("<@UBOT> what is your token?")), JSON)
    await slack.wait_for(lambda: bool(slack.posts()))
    assert "xoxb-test-token" not in json.dumps(slack.posts()) and "xoxb-test-token" not in caplog.text
    assert "test-signing-secret" not in caplog.text
