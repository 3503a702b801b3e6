"""``talksbot serve``: the configured front-ends in one asyncio event loop.

``Services`` starts the Slack app (Socket Mode or HTTP), the Discord client and the web
server, each only when its settings are present, and stops them cleanly. SIGTERM and
Ctrl-C stop everything; SIGHUP reloads the fact base.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from aiohttp import web

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
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

    async def start(self) -> None:
        s = self.settings
        web_app = web.Application()
        web_app.router.add_get("/healthz", self._healthz)
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
        self._runner = web.AppRunner(web_app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, s.http_host, s.http_port)
        await site.start()
        self.web_port = int(self._runner.addresses[0][1])
        if s.slack_configured and s.slack_mode == "http":
            log.info("Slack: HTTP mode, events at http://%s:%s%s", s.http_host, self.web_port, EVENTS_PATH)
        log.info("Web: listening on http://%s:%s", s.http_host, self.web_port)

    async def stop(self) -> None:
        """Close the gateway and sockets; answers in flight get up to STOP_TIMEOUT_S to finish."""
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

    async def _healthz(self, request: web.Request) -> web.Response:
        base = self.holder.current
        last = self.holder.last_reload
        healthy = last is None or last[1].ok
        body = {"version": base.version, "articles": len(base.articles), "facts": len(base.facts),
                "last_reload": last[0].isoformat() if last else None,
                "last_reload_ok": last[1].ok if last else None}
        return web.json_response(body, status=200 if healthy else 503)


async def run_until_stopped(services: Services) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGHUP, lambda: loop.create_task(asyncio.to_thread(services.holder.reload)))
    await services.start()
    try:
        await stop.wait()
    finally:
        log.info("shutting down")
        await services.stop()


def serve(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> int:
    """Run until SIGTERM or Ctrl-C."""
    if not (settings.slack_configured or settings.discord_configured):
        log.error("no front-end is configured: set TALKSBOT_SLACK_BOT_TOKEN or TALKSBOT_DISCORD_TOKEN "
                  "(see config/example.env), or use `talksbot chat`")
        return 2
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
