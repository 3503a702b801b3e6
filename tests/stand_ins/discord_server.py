"""A local stand-in for Discord: the REST API under /api/v10 and a gateway websocket.

The gateway says HELLO, acknowledges heartbeats, answers IDENTIFY with READY and a
GUILD_CREATE for one test guild, then dispatches whatever events the test injects. REST
calls are recorded; JSON answers carry the content type exactly ``application/json``,
as discord.py requires.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from tests.stand_ins import serve_on_loopback

BOT_ID = 900000000000000001
APP_ID = 900000000000000002
GUILD_ID = 900000000000000003
CHANNEL_ID = 900000000000000004
OWNER_ID = 900000000000000005
BOT_USER = {"id": str(BOT_ID), "username": "talksbot", "discriminator": "0", "avatar": None, "bot": True,
            "global_name": None}


@dataclass
class Call:
    method: str
    path: str
    data: Any
    at: float = field(default_factory=time.monotonic)
    response: Any = None


def user(uid: int, name: str = "member", bot: bool = False) -> dict[str, Any]:
    return {"id": str(uid), "username": name, "discriminator": "0", "avatar": None, "bot": bot, "global_name": None}


class DiscordStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.port = 0
        self.identified = asyncio.Event()
        self._ws: web.WebSocketResponse | None = None
        self._seq = itertools.count(1)
        self._ids = itertools.count(910000000000000000)
        self._runner: web.AppRunner | None = None
        self.on_callback: Callable[[Call], None] | None = None
        self.rejected_tokens: set[str] = set()  # REST calls with these get 401 Unauthorized
        self.rate_limited = 0  # this many interaction callbacks or webhook posts get 429 first
        self.delivered: list[Call] = []  # interaction callbacks and webhook posts answered (not 429)
        self.expired: set[str] = set()  # interaction ids whose callback answers 404 10062 Unknown interaction

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def next_id(self) -> int:
        return next(self._ids)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner:
            await self._runner.cleanup()

    # --- what tests read -------------------------------------------------------------
    def recorded(self, method: str, path_part: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and path_part in c.path]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; calls so far: {[(c.method, c.path) for c in self.calls]}")
            await asyncio.sleep(0.005)

    # --- REST ------------------------------------------------------------------------
    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        return web.Response(body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"})

    def message(self, channel_id: int | str, data: dict[str, Any], author: dict[str, Any] | None = None,
                **extra: Any) -> dict[str, Any]:
        return {"id": str(self.next_id()), "channel_id": str(channel_id), "author": author or BOT_USER,
                "content": data.get("content") or "", "timestamp": "2025-11-27T12:00:00+00:00",
                "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                "mention_roles": [], "attachments": [], "embeds": data.get("embeds") or [], "pinned": False,
                "type": 0, "flags": data.get("flags", 0), "components": data.get("components") or [], **extra}

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        data: Any = None
        if request.can_read_body:
            raw = await request.read()
            is_json = raw and request.content_type == "application/json"
            data = json.loads(raw) if is_json else raw.decode(errors="replace")
        call = Call(request.method, path, data)
        self.calls.append(call)
        parts = path.strip("/").split("/")
        if request.headers.get("Authorization", "").removeprefix("Bot ") in self.rejected_tokens:
            return self._json({"message": "401: Unauthorized", "code": 0}, status=401)
        if path == "/users/@me":
            return self._json(BOT_USER)
        if path == "/oauth2/applications/@me":
            return self._json({"id": str(APP_ID), "name": "talksbot", "description": "", "icon": None,
                               "bot_public": True, "bot_require_code_grant": False, "owner": user(OWNER_ID, "owner"),
                               "verify_key": "00", "flags": 0, "summary": ""})
        if path in ("/gateway", "/gateway/bot"):
            return self._json({"url": self.gateway_url, "shards": 1,
                               "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0,
                                                       "max_concurrency": 1}})
        if parts[0] == "applications" and parts[-1] == "commands" and request.method == "PUT":
            return self._json([{"id": str(self.next_id()), "application_id": str(APP_ID), "version": "1",
                                "default_member_permissions": c.get("default_member_permissions"),
                                "type": c.get("type", 1), "name": c["name"], "description": c.get("description", ""),
                                "options": c.get("options", []), "dm_permission": True, "nsfw": False,
                                **({"guild_id": parts[3]} if "guilds" in parts else {})} for c in data])
        if parts[0] == "channels" and parts[-1] == "messages" and request.method == "POST":
            call.response = self.message(parts[1], data)
            return self._json(call.response)
        if parts[0] in ("interactions", "webhooks") and self.rate_limited > 0:
            self.rate_limited -= 1  # Discord's 429: discord.py waits retry_after and tries again
            return web.Response(body=json.dumps({"message": "You are being rate limited.", "retry_after": 1.0,
                                                 "global": False}).encode(), status=429,
                                headers={"Content-Type": "application/json", "Via": "1.1 google",
                                         "X-RateLimit-Scope": "user"})
        if parts[0] == "interactions" and parts[-1] == "callback":
            if parts[1] in self.expired:
                return self._json({"message": "Unknown interaction", "code": 10062}, status=404)
            self.delivered.append(call)
            if self.on_callback:
                self.on_callback(call)
            kind = data.get("type")
            flags = (data.get("data") or {}).get("flags", 0)
            body: dict[str, Any] = {"interaction": {"id": parts[1], "type": 2, "response_message_loading": kind == 5,
                                                    "response_message_ephemeral": bool(flags & 64)}}
            if kind in (4, 5, 7):
                msg = self.message(CHANNEL_ID, data.get("data") or {})
                body["interaction"]["response_message_id"] = msg["id"]
                body["resource"] = {"type": kind, "message": msg}
            else:
                body["resource"] = {"type": kind}
            call.response = body
            return self._json(body)
        if parts[0] == "webhooks":
            self.delivered.append(call)
            return self._json(self.message(CHANNEL_ID, data if isinstance(data, dict) else {}))
        return self._json({"message": "404: Not Found", "code": 0}, status=404)

    # --- gateway ---------------------------------------------------------------------
    async def _send(self, payload: dict[str, Any]) -> None:
        assert self._ws is not None
        await self._ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        await self._send({"op": 0, "t": event, "s": next(self._seq), "d": data})

    def guild(self) -> dict[str, Any]:
        gid = str(GUILD_ID)
        return {"id": gid, "name": "Test guild", "icon": None, "owner_id": str(OWNER_ID), "unavailable": False,
                "member_count": 2, "large": False, "features": [], "emojis": [], "stickers": [], "threads": [],
                "stage_instances": [], "guild_scheduled_events": [], "voice_states": [], "presences": [],
                "members": [{"user": BOT_USER, "roles": [], "joined_at": "2025-01-01T00:00:00+00:00", "deaf": False,
                             "mute": False, "flags": 0}],
                "roles": [{"id": gid, "name": "@everyone", "permissions": "1024", "position": 0, "color": 0,
                           "hoist": False, "managed": False, "mentionable": False, "flags": 0}],
                "channels": [{"id": str(CHANNEL_ID), "type": 0, "name": "general", "position": 0, "guild_id": gid,
                              "permission_overwrites": [], "nsfw": False, "parent_id": None}],
                "premium_tier": 0, "verification_level": 0, "default_message_notifications": 0,
                "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0, "preferred_locale": "en-US",
                "system_channel_flags": 0, "joined_at": "2025-01-01T00:00:00+00:00"}

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        await self._send({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            payload = json.loads(msg.data)
            if payload.get("op") == 1:
                await self._send({"op": 11, "d": None, "s": None, "t": None})
            elif payload.get("op") == 2:
                await self.dispatch("READY", {"v": 10, "user": BOT_USER, "guilds": [{"id": str(GUILD_ID),
                                                                                  "unavailable": True}],
                                              "session_id": "session-1", "resume_gateway_url": self.gateway_url,
                                              "application": {"id": str(APP_ID), "flags": 0},
                                              "private_channels": [], "relationships": []})
                await self.dispatch("GUILD_CREATE", self.guild())
                self.identified.set()
        return ws
