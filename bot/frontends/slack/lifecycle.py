"""Starting and stopping the Slack front-end under supervision (see ``bot.service.supervisor``).

``SlackRunner.attempt`` checks the bot token (``auth.test``) and, in Socket Mode, asks for a
socket URL with the app token and connects; each step is bounded so that an unreachable Slack
is a transient failure (retried with backoff, ``retrying`` in ``/healthz``) rather than a hang,
and a rejected token is a permanent one naming its setting. Once connected, slack_sdk's Socket
Mode client reconnects by itself; the probe tells ``/healthz`` when it is between connections.
"""
from __future__ import annotations

import asyncio
import logging

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError

from bot.service.health import Health
from bot.service.logs import one_line
from bot.service.supervisor import ATTEMPT_TIMEOUT_S, Permanent

log = logging.getLogger("talksbot.serve")
# Slack's answers to a token it will not take: retrying cannot help.
REJECTED = frozenset({"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive",
                      "not_allowed_token_type", "invalid_token", "team_access_not_granted"})
SOCKET_LOGGER = "talksbot.slack.socket"


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error", "")) if exc.response is not None else ""


class SlackRunner:
    """The Slack front-end's start (``attempt``), live check (``probe``) and ``stop_intake``."""

    def __init__(self, app: AsyncApp, health: Health, app_token: str | None) -> None:
        self.app = app
        self.health = health
        self.handler = (AsyncSocketModeHandler(app, app_token, logger=logging.getLogger(SOCKET_LOGGER))
                        if app_token is not None else None)
        one_line(SOCKET_LOGGER, ("Failed to connect",))

    async def attempt(self) -> None:
        """Check the bot token, then (Socket Mode) connect; raise ``Permanent`` for a rejected token."""
        try:
            await asyncio.wait_for(self.app.client.auth_test(), ATTEMPT_TIMEOUT_S)
        except SlackApiError as exc:
            if _error(exc) in REJECTED:
                raise Permanent(f"TALKSBOT_SLACK_BOT_TOKEN was rejected by Slack ({_error(exc)})") from None
            raise
        if self.handler is None:
            self.health.set("slack", "ok")
            log.info("Slack: bot token accepted (HTTP mode)")
            return
        client = self.handler.client
        try:
            client.wss_uri = await asyncio.wait_for(client.issue_new_wss_url(), ATTEMPT_TIMEOUT_S)
        except SlackApiError as exc:
            if _error(exc) in REJECTED:
                raise Permanent(f"TALKSBOT_SLACK_APP_TOKEN was rejected by Slack ({_error(exc)}); "
                                f"Socket Mode needs the app-level token (xapp-...)") from None
            raise
        try:
            await asyncio.wait_for(self.handler.connect_async(), ATTEMPT_TIMEOUT_S)  # type: ignore[no-untyped-call]
        except BaseException:
            client.wss_uri = None  # the next attempt asks for a fresh URL
            raise
        self.health.set("slack", "ok", probe=self.probe)
        log.info("Slack: connected in Socket Mode (API %s)", self.app.client.base_url)

    def probe(self) -> str | None:
        """Why Socket Mode is not connected right now, if it is not."""
        if self.handler is None:
            return None
        client = self.handler.client
        if client.closed or client.current_session is None or client.current_session.closed:
            return "the Socket Mode connection was lost; reconnecting"
        return None

    async def stop_intake(self) -> None:
        """Close the Socket Mode connection: no new events arrive; answers in flight continue."""
        if self.handler is not None:
            await self.handler.close_async()  # type: ignore[no-untyped-call]
