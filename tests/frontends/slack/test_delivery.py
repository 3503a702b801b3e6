"""How the Slack app delivers answers: one pooled connection, one retry path, clicks through response_url."""
from __future__ import annotations

from typing import Any

from bot.serve import Services
from tests.frontends.slack.conftest import action_body, event_body, post_to_bot
from tests.stand_ins.slack_server import SlackStandIn

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def mention(text: str, ts: str) -> dict[str, Any]:
    return {"type": "app_mention", "user": "U1", "text": text, "ts": ts, "channel": "C1", "event_ts": ts}


async def test_web_api_calls_share_pooled_connections(http_bot: Services, slack: SlackStandIn) -> None:
    for i in range(20):
        await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?", f"{i + 1}.5"),
                                               event_id=f"EvPool{i}"), JSON)
        await slack.wait_for(lambda n=i + 1: len(slack.posts()) == n)  # type: ignore[misc]
    assert len(slack.posts()) == 20
    assert len(slack.api_connections) <= 2, f"{len(slack.api_connections)} connections for 20 posts"


async def test_pooled_session_is_closed_by_close_app(http_bot: Services) -> None:
    from bot.frontends.slack.app import close_app

    session = http_bot.slack_app.client.session
    assert session is not None and not session.closed
    await close_app(http_bot.slack_app)
    assert session.closed


async def test_server_error_is_retried_with_backoff(http_bot: Services, slack: SlackStandIn) -> None:
    slack.post_errors.append((500, "internal_error", {}))
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?", "1.0")), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 2, timeout=10)
    first, second = [c for c in slack.calls if c.method == "chat.postMessage"]
    assert second.at - first.at >= 0.4, "retried without backing off"
    assert second.data["text"].startswith("President Trump")


async def test_rate_limit_and_server_error_share_one_retry_path(http_bot: Services, slack: SlackStandIn) -> None:
    slack.post_errors += [(429, "ratelimited", {"Retry-After": "1"}), (503, "service_unavailable", {})]
    await post_to_bot(http_bot, event_body(mention("<@UBOT> who set the deadline?", "1.0")), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 3, timeout=15)
    first, second, third = [c for c in slack.calls if c.method == "chat.postMessage"]
    assert second.at - first.at >= 0.9, "Retry-After was not waited out"
    assert third.at > second.at and third.data["text"].startswith("President Trump")


async def test_click_in_a_channel_the_bot_has_not_joined_answers_via_response_url(
        http_bot: Services, slack: SlackStandIn) -> None:
    slack.not_in.add("C7")
    url = slack.response_url
    resp = await post_to_bot(http_bot, action_body("Who set the deadline?", url, channel="C7", thread_ts=None), FORM)
    assert resp.status == 200
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    (reply,) = slack.posts("response_url")
    assert reply["text"].startswith("President Trump") and reply["replace_original"] is False
    assert reply["response_type"] == "in_channel" and "thread_ts" not in reply
    assert not slack.posts(), "answered through chat.postMessage, which fails where the bot is not a member"


async def test_click_in_a_dm_continues_the_conversation(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, action_body("Who set the deadline?", slack.response_url, channel="D1",
                                            thread_ts=None), FORM)
    await slack.wait_for(lambda: bool(slack.posts("response_url")) or bool(slack.posts()))
    replies = slack.posts("response_url") + slack.posts()
    assert len(replies) == 1 and replies[0]["text"].startswith("President Trump")
    assert not replies[0].get("thread_ts"), "a click in a DM started a thread"


async def test_click_in_a_thread_answers_in_that_thread(http_bot: Services, slack: SlackStandIn) -> None:
    await post_to_bot(http_bot, action_body("Who set the deadline?", slack.response_url, thread_ts="1.0"), FORM)
    await slack.wait_for(lambda: bool(slack.posts("response_url")))
    (reply,) = slack.posts("response_url")
    assert reply["thread_ts"] == "1.0" and reply["replace_original"] is False
    assert reply["text"].startswith("President Trump")
