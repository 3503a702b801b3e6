"""Starting the Discord front-end under supervision (see ``bot.service.supervisor``).

``DiscordRunner.attempt`` logs in over REST (a 401 is a permanent failure naming
``TALKSBOT_DISCORD_TOKEN``) and then runs the gateway connection, which discord.py resumes
by itself after a drop; its "Attempting a reconnect" traceback becomes one WARNING line whose
reason ``/healthz`` shows. Close codes that mean a bad token or bad intents are permanent.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging

import discord

from bot.service.health import Health
from bot.service.logs import one_line
from bot.service.supervisor import ATTEMPT_TIMEOUT_S, Permanent

log = logging.getLogger("talksbot.serve")
# Gateway close codes discord.py does not retry: 4004 authentication failed; 4010-4014 bad shard,
# API version or intents.
AUTH_FAILED = 4004


class DiscordRunner:
    """The Discord front-end's start (``attempt``) and live check (``probe``)."""

    def __init__(self, client: discord.Client, token: str, health: Health) -> None:
        self.client = client
        self.token = token
        self.health = health
        self.trouble: str | None = None
        self._logged_in = False
        one_line("discord.client", ("Attempting a reconnect",), self._retrying)

    def _retrying(self, reason: str) -> None:
        self.trouble = reason
        state = self.health.state("discord")
        if state is None or state.status != "ok":
            self.health.set("discord", "retrying", reason)

    async def attempt(self) -> None:
        """Log in, then hold the gateway connection until the client is closed."""
        if not self._logged_in:
            try:
                await asyncio.wait_for(self.client.login(self.token), ATTEMPT_TIMEOUT_S)
            except discord.LoginFailure:
                raise Permanent("TALKSBOT_DISCORD_TOKEN was rejected by Discord (401 Unauthorized)") from None
            self._logged_in = True
        ready = asyncio.create_task(self._when_ready())
        try:
            await self.client.connect(reconnect=True)
        except discord.PrivilegedIntentsRequired as exc:
            raise Permanent(f"Discord refused the gateway intents ({exc})") from None
        except AttributeError as exc:
            if self.client.ws is not None:
                raise
            # When the very first gateway connection fails, discord.py may try to resume a
            # session it never had and trip over its missing websocket: a connection failure.
            gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
            raise ConnectionError(f"cannot reach the Discord gateway at {gateway}") from exc
        except discord.ConnectionClosed as exc:
            if exc.code == AUTH_FAILED:
                raise Permanent("TALKSBOT_DISCORD_TOKEN was rejected by the Discord gateway (close code 4004)") \
                    from None
            raise Permanent(f"the Discord gateway closed the connection with code {exc.code}: {exc.reason}") \
                from None
        finally:
            ready.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ready

    async def _when_ready(self) -> None:
        await self.client.wait_until_ready()
        self.trouble = None
        self.health.set("discord", "ok", probe=self.probe)

    def probe(self) -> str | None:
        """Why the gateway is not connected right now, if it is not."""
        ws = self.client.ws
        if ws is None or not ws.open:
            return self.trouble or "the gateway connection was lost; resuming"
        return None
