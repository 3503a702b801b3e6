"""Slack listeners: mentions, DMs, the /talks command and "did you mean" buttons.

``build_app`` makes the slack-bolt ``AsyncApp`` (one pooled HTTP session for the Web API,
closed by ``close_app``); ``register`` wires the listeners to the core. Everything
Slack-specific stays here: a Slack event becomes a question (``to_question``), the core's
answer becomes Block Kit (``render``).
"""
from __future__ import annotations

import asyncio
import logging
import re
from collections import OrderedDict
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.common import reload_for, reload_refusal
from bot.frontends.slack.render import SUGGEST_ACTION, render, render_report, render_text
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_RETRIES = 3
MAX_RETRY_AFTER_S = 30.0
WEB_API_TIMEOUT_S = 30.0
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


class WebApiRetry(AsyncRetryHandler):
    """Retries a Web API call Slack answered 429 (after its Retry-After, capped) or 5xx (with backoff).

    The client's one retry path: every call (``chat.postMessage``, ``auth.test``, Socket Mode's
    ``apps.connections.open``) goes through it, up to ``max_retry_count`` times.
    """

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return response is not None and (response.status_code == 429 or response.status_code >= 500)

    async def prepare_for_next_attempt_async(self, *, state: RetryState, request: HttpRequest,
                                             response: HttpResponse | None = None,
                                             error: Exception | None = None) -> None:
        method = request.url.rsplit("/", 1)[-1]
        if response is None or response.status_code != 429:
            log.warning("Slack answered %s to %s; retrying", response and response.status_code, method)
            await super().prepare_for_next_attempt_async(state=state, request=request, response=response,
                                                         error=error)
            return
        delay = retry_after(response)
        log.warning("Slack rate-limited %s; retrying in %.0f s", method, delay)
        state.next_attempt_requested = True
        await asyncio.sleep(delay)
        state.increment_current_attempt()


def retry_after(response: HttpResponse) -> float:
    """The seconds a 429 asks to wait (1 if it does not say), at most MAX_RETRY_AFTER_S."""
    values = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
    try:
        delay = float(values[0] if isinstance(values, list) else values)
    except ValueError:  # an HTTP date, which Slack does not send
        delay = 1.0
    return min(max(delay, 0.0), MAX_RETRY_AFTER_S)


async def post(client: AsyncWebClient, **kwargs: Any) -> bool:
    """``chat.postMessage`` that logs, not raises, a failure the client's retries did not cure."""
    try:
        await client.chat_postMessage(**kwargs)
        return True
    except SlackApiError as exc:
        error = exc.response.get("error", "") if exc.response is not None else ""
        if error in _GONE:
            log.warning("cannot post to channel %s: %s", kwargs.get("channel"), error)
        else:
            log.error("chat.postMessage failed: %s", error or exc)
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
        refusal = reload_refusal(user, admins)
        if refusal is not None:
            await respond(response_type="ephemeral", **render_text(refusal))
            return
        report = await reload_for(user, holder)
        await respond(response_type="ephemeral", **render_report(report))

    @app.action(re.compile(rf"^{SUGGEST_ACTION}_\d+$"))
    async def on_suggestion(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                            respond: AsyncRespond) -> None:
        await ack()
        if not respond.response_url:
            log.warning("a suggestion click came without a response_url; not answered")
            return
        # The response_url posts where the clicked message is, also in a channel the bot is not in
        # (chat.postMessage would get not_in_channel there); a threaded message keeps its thread.
        answer = answerer.answer(action.get("value", ""))
        sent = await respond(response_type="in_channel", replace_original=False,
                             thread_ts=(body.get("message") or {}).get("thread_ts"), unfurl_links=False,
                             unfurl_media=False, **render(answer))
        if sent.status_code != 200:
            log.warning("cannot answer a suggestion click: response_url answered %s %s", sent.status_code,
                        sent.body)


def _sources(holder: FactBaseHolder) -> str:
    lines = ["I answer from these articles:"]
    for article in holder.current.articles.values():
        credit = f" (credits {', '.join(article.meta.attribution)})" if article.meta.attribution else ""
        lines.append(f"• {article.meta.title}, {article.meta.date:%B %d, %Y}{credit}")
    return "\n".join(lines)


def build_app(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> AsyncApp:
    """The slack-bolt app, its Web API client pointed at ``settings.slack_api_url``.

    Call it in the running event loop: every Web API call goes over one pooled aiohttp session
    (kept-alive connections instead of one per call) that belongs to that loop, and is retried
    by ``WebApiRetry``. Close the session with ``close_app`` at shutdown, after the last post.
    """
    assert settings.slack_bot_token is not None
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT_S))
    client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url,
                            session=session, timeout=int(WEB_API_TIMEOUT_S),
                            retry_handlers=[AsyncConnectionErrorRetryHandler(), WebApiRetry(MAX_RETRIES)])
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    app = AsyncApp(client=client, signing_secret=secret,
                   request_verification_enabled=settings.slack_mode == "http",
                   logger=logging.getLogger("talksbot.slack.bolt"))
    register(app, answerer, holder, settings.admin_user_ids)
    return app


async def close_app(app: AsyncApp) -> None:
    """Close the pooled HTTP session ``build_app`` gave the app's Web API client."""
    session: aiohttp.ClientSession | None = app.client.session
    if session is not None and not session.closed:
        await session.close()
