"""``talksbot serve``: the configured front-ends in one asyncio event loop.

``Services`` starts the web server (source pages, health, HTTP-mode Slack events), the Slack
app (Socket Mode or HTTP) and the Discord client, the last two when their tokens are set, and
stops them cleanly. SIGTERM and Ctrl-C stop everything; SIGHUP reloads the fact base, and so
does a change under knowledge/ or seeds/ with ``TALKSBOT_WATCH=true``. Every reload goes
through the holder's validated, atomic ``reload()`` and is logged with its report.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.web import add_routes as add_web_routes
from bot.settings import Settings

log = logging.getLogger("talksbot.serve")
STOP_TIMEOUT_S = 5.0


class Services:
    """Every front-end the settings ask for, started and stopped together."""

    def __init__(self, settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> None:
        self.settings = settings
        self.answerer = answerer
        self.holder = holder
        self.web_port: int | None = None
        self.slack_app: Any = None
        self.discord_client: Any = None
        self._runner: web.AppRunner | None = None
        self._socket_handler: Any = None
        self._discord_task: asyncio.Task[None] | None = None
        self._watch_task: asyncio.Task[None] | None = None
        self._stop_watch = asyncio.Event()
        self._reload_lock = asyncio.Lock()

    async def reload(self, trigger: str) -> None:
        """Reload the fact base off the event loop; the holder logs the report."""
        async with self._reload_lock:
            log.info("reload requested by %s", trigger)
            await asyncio.to_thread(self.holder.reload)

    async def _watch(self) -> None:
        from watchfiles import awatch

        paths = [p for p in (self.settings.knowledge_dir, self.settings.seeds_dir) if p.exists()]
        async for changes in awatch(*paths, debounce=self.settings.watch_debounce_ms, stop_event=self._stop_watch):
            await self.reload(f"a change to {', '.join(sorted({Path(p).name for _, p in changes}))}")

    async def start(self) -> None:
        s = self.settings
        web_app = web.Application()
        add_web_routes(web_app, self.holder)
        if s.slack_configured:
            from bot.frontends.slack.app import build_app

            self.slack_app = build_app(s, self.answerer, self.holder)
            if s.slack_mode == "http":
                from bot.frontends.slack.http import EVENTS_PATH, add_routes

                add_routes(web_app, self.slack_app)
            else:
                from bot.frontends.slack.socket_mode import socket_handler

                assert s.slack_app_token is not None
                self._socket_handler = socket_handler(self.slack_app, s.slack_app_token.get_secret_value())
                await self._socket_handler.connect_async()
                log.info("Slack: connected in Socket Mode (API %s)", s.slack_api_url)
        if s.discord_configured:
            from bot.frontends.discord.client import build_client

            self.discord_client = build_client(s, self.answerer, self.holder)
            assert s.discord_token is not None
            self._discord_task = asyncio.create_task(self.discord_client.start(s.discord_token.get_secret_value()))
            log.info("Discord: connecting to %s (API %s)", s.discord_gateway_url, s.discord_api_url)
        # Requests in flight get up to 3 s to finish at shutdown, within the 5 s the stop allows.
        self._runner = web.AppRunner(web_app, shutdown_timeout=3.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, s.http_host, s.http_port)
        await site.start()
        self.web_port = int(self._runner.addresses[0][1])
        if s.slack_configured and s.slack_mode == "http":
            log.info("Slack: HTTP mode, events at http://%s:%s%s", s.http_host, self.web_port, EVENTS_PATH)
        log.info("Web: listening on http://%s:%s", s.http_host, self.web_port)
        if s.watch:
            self._watch_task = asyncio.create_task(self._watch())
            log.info("Watch: reloading on changes under %s and %s", s.knowledge_dir, s.seeds_dir)

    async def stop(self) -> None:
        """Close the gateway and sockets; answers in flight get up to STOP_TIMEOUT_S to finish."""
        self._stop_watch.set()
        if self._watch_task is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._watch_task, STOP_TIMEOUT_S)
        if self._socket_handler is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._socket_handler.close_async(), STOP_TIMEOUT_S)
        if self.discord_client is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.discord_client.close(), STOP_TIMEOUT_S)
        if self._discord_task is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._discord_task, STOP_TIMEOUT_S)
        if self._runner is not None:
            await self._runner.cleanup()
        log.info("stopped")


async def run_until_stopped(services: Services) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(services.reload("SIGHUP")))
    await services.start()
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        await services.stop()


def serve(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> int:
    """Run until SIGTERM or Ctrl-C."""
    if not (settings.slack_configured or settings.discord_configured):
        log.info("no Slack or Discord token is set: serving the source pages only")
    asyncio.run(run_until_stopped(Services(settings, answerer, holder)))
    return 0


def discord_sync(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> int:
    """Sync the Discord slash commands once and exit."""
    if not settings.discord_configured:
        log.error("TALKSBOT_DISCORD_TOKEN is not set")
        return 2
    from bot.frontends.discord.client import sync_commands_once

    result: int = asyncio.run(sync_commands_once(settings, answerer, holder))
    return result
