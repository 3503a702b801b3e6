"""Slack listeners: mentions, DMs, the /talks command and "did you mean" buttons.

``build_app`` makes the slack-bolt ``AsyncApp`` (one pooled HTTP session for the Web API,
closed by ``close_app``); ``register`` wires the listeners to the core. Everything
Slack-specific stays here: a Slack event becomes a question (``to_question``), the core's
answer becomes Block Kit (``render``). Every question is recorded in the question log; the
feedback buttons and the admin views are in ``admin``; adding, listing and removing articles in
``articles``.
"""
from __future__ import annotations

import functools
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, direct_reload, reload_for, reload_refusal
from bot.frontends.slack.admin import register_admin
from bot.frontends.slack.articles import register_articles
from bot.frontends.slack.render import SUGGEST_ACTION, render, render_report, render_text
from bot.frontends.slack.webapi import close_client, post, web_client
from bot.questionlog import Asked, NullLog, QuestionLog, record_answer
from bot.questionlog.store import AskKind
from bot.service.inflight import InFlight
from bot.settings import Settings

log = logging.getLogger(__name__)
Listener = Callable[..., Awaitable[None]]


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


def _is_from_a_person(event: dict[str, Any]) -> bool:
    # Edits, deletions, joins and bot posts carry a subtype or a bot_id; none is a question.
    return not event.get("bot_id") and not event.get("subtype") and bool(event.get("user"))


def held(inflight: InFlight, listener: Listener) -> Listener:
    """``listener`` holding ``inflight`` while it runs: bolt acknowledges an event, then runs its
    listener in a task of its own, which shutdown must wait for (``InFlight.drain``).

    ``functools.wraps`` keeps the listener's signature, from which bolt picks the arguments to pass.
    """
    @functools.wraps(listener)
    async def run(**kwargs: Any) -> None:
        async with inflight.hold():
            await listener(**kwargs)
    return run


def register(app: AsyncApp, answerer: Answerer, holder: FactBaseHolder, admin_ids: list[str],
             inflight: InFlight | None = None, reload: ReloadFn | None = None,
             qlog: QuestionLog | None = None, knowledge_dir: Path | None = None,
             settings: Settings | None = None) -> None:
    """Wire the Slack listeners to the core; each holds ``inflight`` while it answers, and an
    admin's reload goes through ``reload`` (serve passes its coalescing reloader). Questions are
    recorded in ``qlog``; admins teach into ``knowledge_dir`` (the holder's by default) and add
    articles as ``settings`` say (how links are fetched; by default only public addresses)."""
    seen = RecentIds()
    admins = set(admin_ids)
    inflight = inflight or InFlight()
    reload = reload or direct_reload(holder)
    qlog = qlog or NullLog()

    def listens(kind: Callable[..., Callable[[Listener], Any]], *what: Any) -> Callable[[Listener], Listener]:
        def add(listener: Listener) -> Listener:
            kind(*what)(held(inflight, listener))
            return listener
        return add

    admin_command = register_admin(app, listens, answerer, holder, admins, reload, qlog,
                                   knowledge_dir or holder.knowledge_dir)
    settings = settings or Settings(_env_file=None, knowledge_dir=holder.knowledge_dir, seeds_dir=holder.seeds_dir)
    article_command = register_articles(settings, holder, answerer, admins, reload)

    def answer_for(question: str, kind: AskKind, user: str | None) -> dict[str, Any]:
        """The answer to ``question`` as Block Kit, recorded in the log (its id on the feedback buttons)."""
        answer = answerer.answer(question)
        return render(answer, record_answer(qlog, answer, Asked("slack", kind, user)))

    async def answer_in(client: AsyncWebClient, channel: str, question: str, thread_ts: str | None,
                        kind: AskKind, user: str | None) -> None:
        await post(client, channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False,
                   **answer_for(question, kind, user))

    @listens(app.event, "app_mention")
    async def on_mention(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if not seen.first_time(body.get("event_id") or event.get("ts", "")) or not _is_from_a_person(event):
            return
        await answer_in(client, event["channel"], to_question(event.get("text", "")),
                        event.get("thread_ts") or event["ts"], "mention", event.get("user"))

    @listens(app.event, "message")
    async def on_message(body: dict[str, Any], event: dict[str, Any], client: AsyncWebClient) -> None:
        if event.get("channel_type") != "im" or not _is_from_a_person(event):
            return
        if not seen.first_time(body.get("event_id") or event.get("ts", "")):
            return
        await answer_in(client, event["channel"], to_question(event.get("text", "")), event.get("thread_ts"), "dm",
                        event.get("user"))

    @listens(app.command, "/talks")
    async def on_talks(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
        text = (command.get("text") or "").strip()
        # add / articles / remove acknowledge on their own ("Fetching URL…", then the deferred work)
        if await article_command(text, command.get("user_id", ""), ack, respond):
            return
        await ack()
        if await admin_command(text, command.get("user_id", ""), respond):
            return
        if text.lower() == "reload":
            await _reload(command, respond)
        elif text.lower() == "sources":
            await respond(response_type="in_channel", **render_text(_sources(holder)))
        else:  # a question; "help" and "topics" are the core's own replies
            await respond(response_type="in_channel", **answer_for(text or "help", "slash", command.get("user_id")))

    async def _reload(command: dict[str, Any], respond: AsyncRespond) -> None:
        user = command.get("user_id", "")
        refusal = reload_refusal(user, admins)
        if refusal is not None:
            await respond(response_type="ephemeral", **render_text(refusal))
            return
        report = await reload_for(user, reload)
        await respond(response_type="ephemeral", **render_report(report))

    @listens(app.action, re.compile(rf"^{SUGGEST_ACTION}_\d+$"))
    async def on_suggestion(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                            respond: AsyncRespond) -> None:
        await ack()
        if not respond.response_url:
            log.warning("a suggestion click came without a response_url; not answered")
            return
        # The response_url posts where the clicked message is, also in a channel the bot is not in
        # (chat.postMessage would get not_in_channel there); a threaded message keeps its thread.
        message = answer_for(action.get("value", ""), "button", (body.get("user") or {}).get("id"))
        sent = await respond(response_type="in_channel", replace_original=False,
                             thread_ts=(body.get("message") or {}).get("thread_ts"), unfurl_links=False,
                             unfurl_media=False, **message)
        if sent.status_code != 200:
            log.warning("cannot answer a suggestion click: response_url answered %s %s", sent.status_code,
                        sent.body)


def _sources(holder: FactBaseHolder) -> str:
    lines = ["I answer from these articles:"]
    for article in holder.current.articles.values():
        credit = f" (credits {', '.join(article.meta.attribution)})" if article.meta.attribution else ""
        lines.append(f"• {article.meta.title}, {article.meta.date:%B %d, %Y}{credit}")
    return "\n".join(lines)


def build_app(settings: Settings, answerer: Answerer, holder: FactBaseHolder, inflight: InFlight | None = None,
              reload: ReloadFn | None = None, qlog: QuestionLog | None = None) -> AsyncApp:
    """The slack-bolt app, its Web API client pointed at ``settings.slack_api_url``.

    Call it in the running event loop: every Web API call goes over one pooled aiohttp session
    (kept-alive connections instead of one per call) that belongs to that loop, and is retried
    by ``WebApiRetry``. Close the session with ``close_app`` at shutdown, after the last post.
    """
    assert settings.slack_bot_token is not None
    client = web_client(settings.slack_bot_token.get_secret_value(), settings.slack_api_url)
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    app = AsyncApp(client=client, signing_secret=secret,
                   request_verification_enabled=settings.slack_mode == "http",
                   logger=logging.getLogger("talksbot.slack.bolt"))
    register(app, answerer, holder, settings.admin_user_ids, inflight, reload, qlog, settings.knowledge_dir,
             settings)
    return app


async def close_app(app: AsyncApp) -> None:
    """Close the pooled HTTP session ``build_app`` gave the app's Web API client."""
    await close_client(app.client)
