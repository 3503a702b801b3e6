"""``talksbot serve``: the configured front-ends in one asyncio event loop, started and stopped safely.

Start-up, in this order: the signal handlers (SIGTERM/Ctrl-C stop, SIGHUP reloads, even while
the articles load); the web server with ``/healthz``; the fact base, loaded off the event loop;
then Slack and Discord, each under its own supervisor (``bot.service.supervisor``): a transient
failure is retried with backoff, a rejected token stops that front-end only, and ``/healthz``
says which component is not ok and why. A port already in use is one line naming
``TALKSBOT_HTTP_PORT`` and exit status 2.

Shutdown: stop the intake (close Socket Mode and the Discord gateway, stop the web server),
wait up to ``TALKSBOT_SHUTDOWN_TIMEOUT_S`` for every acknowledged answer to be delivered
(``bot.service.inflight``), then close the HTTP clients. Reloads (SIGHUP, a file change with
``TALKSBOT_WATCH=true``, an admin's command) are coalesced and run off the loop
(``bot.service.reloads``).
"""
from __future__ import annotations

import asyncio
import contextlib
import errno
import functools
import logging
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import empty_base
from bot.frontends.web import add_routes as add_web_routes
from bot.frontends.web import quiet_malformed_requests
from bot.questionlog import open_log
from bot.service.health import Health
from bot.service.inflight import InFlight
from bot.service.reloads import Reloader
from bot.service.supervisor import supervise
from bot.settings import ENV_PREFIX, Settings

log = logging.getLogger("talksbot.serve")
# aiohttp's grace for HTTP requests being handled when the web server stops (bolt acknowledges
# within its 3 s; what follows an acknowledgement is waited for by the drain, not here).
WEB_SHUTDOWN_S = 3.0


class PortUnavailable(Exception):
    """The web server cannot listen; the message names the setting."""


class Services:
    """Every part ``serve`` runs: the fact base, the web server, Slack and Discord."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.health = Health()
        self.inflight = InFlight()
        self.holder = FactBaseHolder(settings.knowledge_dir, settings.seeds_dir, empty_base(),
                                     settings.max_seed_bytes, settings.max_seed_paragraphs, settings.cache_entries)
        self.answerer = Answerer(self.holder, settings.confidence_threshold, settings.public_base_url)
        self.reloader = Reloader(self.holder)
        self.qlog = open_log(settings)
        self.health.question_log = self._question_log_state
        self.web_port: int | None = None
        self.slack_app: Any = None
        self.discord_client: Any = None
        self._slack: Any = None
        self._runner: web.AppRunner | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._feeds: asyncio.Task[None] | None = None
        self._stop_watch = asyncio.Event()
        self._loaded = asyncio.Event()

    def _question_log_state(self) -> tuple[str, str | None]:
        status = self.qlog.status
        if status.on and not status.dropped:
            return "ok", None
        if not status.on and not self.settings.question_log:
            return "ok", status.detail  # turned off on purpose
        return "degraded", status.detail

    def hangup(self) -> None:
        """SIGHUP: a reload (coalesced); one that arrives while the articles load runs after."""
        asyncio.get_running_loop().create_task(self._reload_after_load("SIGHUP"))

    async def _reload_after_load(self, trigger: str) -> None:
        await self._loaded.wait()
        await self.reloader.request(trigger)

    async def start_web(self) -> None:
        """The web server first, so that ``/healthz`` answers while everything else starts."""
        s = self.settings
        quiet_malformed_requests()
        web_app = web.Application()
        add_web_routes(web_app, self.holder, self.health)
        if s.admin_token is not None and s.admin_token.get_secret_value():
            from bot.frontends.admin_page import add_admin_routes

            add_admin_routes(web_app, self.qlog, self.answerer, s.admin_token.get_secret_value())
        if s.slack_configured and s.slack_mode == "http":
            from bot.frontends.slack.app import build_app
            from bot.frontends.slack.http import add_routes

            self.slack_app = build_app(s, self.answerer, self.holder, self.inflight, self.reloader.request,
                                           self.qlog)
            add_routes(web_app, self.slack_app)
        self._runner = web.AppRunner(web_app, shutdown_timeout=WEB_SHUTDOWN_S)
        await self._runner.setup()
        try:
            await web.TCPSite(self._runner, s.http_host, s.http_port).start()
        except OSError as exc:
            await self._runner.cleanup()
            self._runner = None
            why = "the port is already in use" if exc.errno == errno.EADDRINUSE else exc.strerror or str(exc)
            raise PortUnavailable(f"cannot listen on {s.http_host}:{s.http_port} ({why}); set {ENV_PREFIX}HTTP_PORT "
                                  f"(or {ENV_PREFIX}HTTP_HOST) to a free one") from None
        self.web_port = int(self._runner.addresses[0][1])
        self.health.set("web", "ok")
        log.info("Web: listening on http://%s:%s", s.http_host, self.web_port)

    async def start_the_rest(self) -> None:
        """Load the articles (off the loop), then start Slack, Discord and the watcher."""
        s = self.settings
        log.info("loading the articles in %s and %s", s.knowledge_dir, s.seeds_dir)
        await self.reloader.request("start-up")
        self.health.fact_base_loaded = True
        self._loaded.set()
        if s.slack_configured:
            self._start_slack()
        if s.discord_configured:
            self._start_discord()
        if s.watch:
            self._tasks.append(asyncio.create_task(self._watch()))
            log.info("Watch: reloading on changes under %s and %s", s.knowledge_dir, s.seeds_dir)
        if s.feeds:
            from bot.ingest.feeds import FeedPoller

            poller = FeedPoller(s, self.holder, self.answerer, self.reloader.request, self._announcer())
            self._feeds = asyncio.create_task(poller.run())
            self._tasks.append(self._feeds)

    def _announcer(self) -> Callable[[Any], Awaitable[None]] | None:
        """Where articles added from a feed are announced: ``TALKSBOT_FEED_NOTIFY_CHANNEL`` on
        Discord when it is a number (Discord's channel ids are) and Discord runs, else on Slack
        (channel ids such as C0123) when Slack runs; nowhere without the setting."""
        channel = self.settings.feed_notify_channel
        if not channel:
            return None
        if channel.isdigit() and self.discord_client is not None:
            from bot.frontends.discord.library import announce as on_discord

            return functools.partial(on_discord, self.discord_client, int(channel))
        if self.slack_app is not None:
            from bot.frontends.slack.articles import announce as on_slack

            return functools.partial(on_slack, self.slack_app.client, channel)
        log.warning("%sFEED_NOTIFY_CHANNEL %s: no running front-end has such a channel; feed additions are only "
                    "logged", ENV_PREFIX, channel)
        return None

    def _start_slack(self) -> None:
        from bot.frontends.slack.lifecycle import SlackRunner

        s = self.settings
        if self.slack_app is None:
            from bot.frontends.slack.app import build_app

            self.slack_app = build_app(s, self.answerer, self.holder, self.inflight, self.reloader.request,
                                           self.qlog)
        app_token = s.slack_app_token.get_secret_value() if s.slack_mode == "socket" and s.slack_app_token else None
        self._slack = SlackRunner(self.slack_app, self.health, app_token)
        if s.slack_mode == "http":
            log.info("Slack: HTTP mode, events at http://%s:%s/slack/events", s.http_host, self.web_port)
        self.health.set("slack", "starting")
        self._tasks.append(asyncio.create_task(supervise("slack", self.health, self._slack.attempt)))

    def _start_discord(self) -> None:
        from bot.frontends.discord.client import build_client
        from bot.frontends.discord.lifecycle import DiscordRunner

        s = self.settings
        assert s.discord_token is not None
        self.discord_client = build_client(s, self.answerer, self.holder, self.inflight, self.reloader.request,
                                           self.qlog)
        runner = DiscordRunner(self.discord_client, s.discord_token.get_secret_value(), self.health)
        log.info("Discord: connecting to %s (API %s)", s.discord_gateway_url, s.discord_api_url)
        self.health.set("discord", "starting")
        self._tasks.append(asyncio.create_task(supervise("discord", self.health, runner.attempt)))

    async def _watch(self) -> None:
        from watchfiles import awatch

        paths = [p for p in (self.settings.knowledge_dir, self.settings.seeds_dir) if p.exists()]
        async for changes in awatch(*paths, debounce=self.settings.watch_debounce_ms, stop_event=self._stop_watch):
            names = ", ".join(sorted({Path(p).name for _, p in changes}))
            asyncio.get_running_loop().create_task(self.reloader.request(f"a change to {names}"))

    async def stop(self) -> None:
        """Stop the intake, deliver what was acknowledged (bounded), then close the clients."""
        self._stop_watch.set()
        if self._feeds is not None:  # no article is added while shutting down
            self._feeds.cancel()
        if self._slack is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._slack.stop_intake(), WEB_SHUTDOWN_S)
        if self.discord_client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.discord_client.stop_intake(), WEB_SHUTDOWN_S)
        if self._runner is not None:
            await self._runner.cleanup()
        left = await self.inflight.drain(self.settings.shutdown_timeout_s)
        if left:
            log.warning("%d answer(s) still in flight after %.0f s (%sSHUTDOWN_TIMEOUT_S): not delivered", left,
                        self.settings.shutdown_timeout_s, ENV_PREFIX)
        for task in self._tasks:
            task.cancel()
        if self.discord_client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.discord_client.close(), WEB_SHUTDOWN_S)
        if self.slack_app is not None:
            from bot.frontends.slack.app import close_app

            with contextlib.suppress(Exception):
                await close_app(self.slack_app)
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.to_thread(self.qlog.close)  # every question recorded so far is stored
        log.info("stopped")


async def run(settings: Settings, early_hangup: bool = False) -> int:
    """Run until SIGTERM or Ctrl-C; the exit status."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    services = Services(settings)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGHUP, services.hangup)
    if early_hangup:
        services.hangup()
    try:
        await services.start_web()
    except PortUnavailable as exc:
        print(f"talksbot: {exc}", file=sys.stderr)
        return 2
    starting = asyncio.create_task(services.start_the_rest())
    await stop.wait()
    log.info("shutting down")
    if not starting.done():
        starting.cancel()
    with contextlib.suppress(BaseException):
        await starting
    await services.stop()
    return 0


def serve(settings: Settings, early_hangup: bool = False) -> int:
    """``talksbot serve``: run until SIGTERM or Ctrl-C."""
    if not (settings.slack_configured or settings.discord_configured):
        log.info("no Slack or Discord token is set: serving the source pages only")
    return asyncio.run(run(settings, early_hangup))


def discord_sync(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> int:
    """Sync the Discord slash commands once and exit."""
    if not settings.discord_configured:
        log.error("TALKSBOT_DISCORD_TOKEN is not set")
        return 2
    from bot.frontends.discord.client import sync_commands_once

    result: int = asyncio.run(sync_commands_once(settings, answerer, holder))
    return result
