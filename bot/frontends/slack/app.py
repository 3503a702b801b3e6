"""Slack listeners: mentions, DMs, the /talks command and "did you mean" buttons.

``build_app`` makes the slack-bolt ``AsyncApp``; ``register`` wires the listeners to the
core. Everything Slack-specific stays here: a Slack event becomes a question
(``to_question``), the core's answer becomes Block Kit (``render``).
"""
from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.slack.render import SUGGEST_ACTION, render, render_report, render_text
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_RATE_LIMIT_RETRIES = 3
MAX_RETRY_AFTER_S = 30.0
_GONE = {"not_in_channel", "channel_not_found", "is_archived", "account_inactive", "invalid_auth",
         "restricted_action", "messages_tab_disabled"}


def to_question(event_text: str) -> str:
    """The question in a Slack message: its text without the mentions of the bot."""
    return re.sub(r"<@[A-Z0-9]+(?:\|[^>]*)?>", " ", event_text or "").strip()


class RecentIds:
    """The last ``size`` ids seen: Slack retries an event it thinks was lost, with the same id."""

    def __init__(self, size: int = 2000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, key: str) -> bool:
        if key in self._ids:
            return False
        self._ids[key] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


async def post(client: AsyncWebClient, **kwargs: Any) -> bool:
    """``chat.postMessage`` that waits out rate limits and logs, not raises, lost channels."""
    for attempt in range(MAX_RATE_LIMIT_RETRIES + 1):
        try:
            await client.chat_postMessage(**kwargs)
            return True
        except SlackApiError as exc:
            error = exc.response.get("error", "") if exc.response is not None else ""
            if error == "ratelimited" and attempt < MAX_RATE_LIMIT_RETRIES:
                delay = min(float(exc.response.headers.get("Retry-After", "1")), MAX_RETRY_AFTER_S)
                log.warning("Slack rate-limited chat.postMessage; retrying in %.0f s", delay)
                await asyncio.sleep(delay)
                continue
            if error in _GONE:
                log.warning("cannot post to channel %s: %s", kwargs.get("channel"), error)
            else:
                log.error("chat.postMessage failed: %s", error or exc)
            return False
    return False


def _is_from_a_person(event: dict[str, Any]) -> bool:
    # Edits, deletions, joins and bot posts carry a subtype or a bot_id; none is a question.
    return not event.get("bot_id") and not event.get("subtype") and bool(event.get("user"))


def register(app: AsyncApp, answerer: Answerer, holder: FactBaseHolder, admin_ids: list[str]) -> None:
    """Wire the Slack listeners to the core."""
    seen = RecentIds()
    admins = set(admin_ids)

    async def answer_in(client: AsyncWebClient, channel: str, question: str, thread_ts: str | None) -> None:
        answer = answerer.answer(question)
        await post(client, channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                   **render(answer))

    @app.event("app_mention")
    async def on_mention(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if not seen.first_time(body.get("event_id") or event.get("ts", "")) or not _is_from_a_person(event):
            return
        await answer_in(client, event["channel"], to_question(event.get("text", "")),
                        event.get("thread_ts") or event["ts"])

    @app.event("message")
    async def on_message(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("channel_type") != "im" or not _is_from_a_person(event):
            return
        if not seen.first_time(body.get("event_id") or event.get("ts", "")):
            return
        await answer_in(client, event["channel"], to_question(event.get("text", "")), event.get("thread_ts"))

    @app.command("/talks")
    async def on_talks(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        text = (command.get("text") or "").strip()
        if text.lower() == "reload":
            await _reload(command, respond)
        elif text.lower() == "sources":
            await respond(response_type="in_channel", **render_text(_sources(holder)))
        else:  # a question; "help" and "topics" are the core's own replies
            await respond(response_type="in_channel", **render(answerer.answer(text or "help")))

    async def _reload(command: dict[str, Any], respond: AsyncRespond) -> None:
        user = command.get("user_id", "")
        if not admins:
            log.warning("reload refused for %s: no admins are configured", user)
            await respond(response_type="ephemeral", **render_text(
                "Reloading is turned off: no admins are configured (TALKSBOT_ADMIN_USER_IDS)."))
            return
        if user not in admins:
            log.warning("reload refused: %s is not an admin", user)
            await respond(response_type="ephemeral", **render_text(
                "Sorry, only the bot's admins can reload the fact base."))
            return
        report = await asyncio.to_thread(holder.reload)
        log.info("reload by %s: %s", user, report.summary())
        await respond(response_type="ephemeral", **render_report(report))

    @app.action(re.compile(rf"^{SUGGEST_ACTION}_\d+$"))
    async def on_suggestion(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                            client: AsyncWebClient) -> None:
        await ack()
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id")
        message = body.get("message") or {}
        if not channel:
            return
        await answer_in(client, channel, action.get("value", ""), message.get("thread_ts") or message.get("ts"))


def _sources(holder: FactBaseHolder) -> str:
    lines = ["I answer from these articles:"]
    for article in holder.current.articles.values():
        credit = f" (credits {', '.join(article.meta.attribution)})" if article.meta.attribution else ""
        lines.append(f"• {article.meta.title}, {article.meta.date:%B %d, %Y}{credit}")
    return "\n".join(lines)


def build_app(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> AsyncApp:
    """The slack-bolt app, its Web API client pointed at ``settings.slack_api_url``."""
    assert settings.slack_bot_token is not None
    client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url)
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    app = AsyncApp(client=client, signing_secret=secret,
                   request_verification_enabled=settings.slack_mode == "http",
                   logger=logging.getLogger("talksbot.slack.bolt"))
    register(app, answerer, holder, settings.admin_user_ids)
    return app
