"""A local stand-in for Slack: the Web API methods the bot calls, response URLs, Socket Mode.

It records every call so that tests can assert what the real slack-bolt app sent, and can be
told to answer ``chat.postMessage`` with an error (rate limits, lost channels) a number of times.
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


@dataclass
class Call:
    method: str
    data: dict[str, Any]
    token: str | None
    at: float = field(default_factory=time.monotonic)


class SlackStandIn:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.post_errors: list[tuple[int, str, dict[str, str]]] = []  # (status, error, headers) per post
        self.acks: list[dict[str, Any]] = []
        self.post_delay = 0.0  # seconds chat.postMessage takes to answer
        self.delivered: list[dict[str, Any]] = []  # messages posted with success (after post_errors)
        self.rejected_tokens: set[str] = set()  # Web API calls with these get invalid_auth
        self.not_in: set[str] = set()  # channels where chat.postMessage answers not_in_channel
        self.api_connections: set[Any] = set()  # the peer (host, port) of every Web API connection
        self._sockets: list[web.WebSocketResponse] = []
        self._runner: web.AppRunner | None = None
        self._ids = itertools.count(1)
        self.port = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/response/{next(self._ids)}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{id}", self._response)
        app.router.add_get("/socket", self._socket)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    # --- what tests read -------------------------------------------------------------
    def posts(self, method: str = "chat.postMessage") -> list[dict[str, Any]]:
        return [c.data for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; calls so far: {[c.method for c in self.calls]}")
            await asyncio.sleep(0.01)

    # --- Web API ---------------------------------------------------------------------
    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        return {k: v for k, v in (await request.post()).items()}

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        data = await self._body(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or data.get("token")
        self.calls.append(Call(method, data, token))
        if token in self.rejected_tokens:  # Slack answers a revoked or wrong token with HTTP 200, ok false
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if request.transport is not None:
            self.api_connections.add(request.transport.get_extra_info("peername"))
        if method == "auth.test":
            return web.json_response({"ok": True, "url": "https://t.example/", "team": "T", "user": "talksbot",
                                      "team_id": "T1", "user_id": "UBOT", "bot_id": "BBOT"})
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://127.0.0.1:{self.port}/socket"})
        if method == "chat.postMessage" and data.get("channel") in self.not_in:
            return web.json_response({"ok": False, "error": "not_in_channel"})
        if method == "chat.postMessage" and self.post_errors:
            status, error, headers = self.post_errors.pop(0)
            return web.json_response({"ok": False, "error": error}, status=status, headers=headers)
        if method in ("chat.postMessage", "chat.postEphemeral"):
            await asyncio.sleep(self.post_delay)
            self.delivered.append(data)
            return web.json_response({"ok": True, "channel": data.get("channel"), "ts": f"{time.time():.6f}",
                                      "message": {"text": data.get("text")}})
        return web.json_response({"ok": False, "error": "unknown_method"}, status=404)

    async def _response(self, request: web.Request) -> web.Response:
        self.calls.append(Call("response_url", await request.json(), None))
        return web.Response(text="ok")

    # --- Socket Mode -----------------------------------------------------------------
    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": 1,
                                      "connection_info": {"app_id": "A1"}}))
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                self.acks.append(json.loads(msg.data))
        self._sockets.remove(ws)
        return ws

    async def wait_connected(self, timeout: float = 5.0) -> None:
        await self.wait_for(lambda: bool(self._sockets), timeout)

    async def send_envelope(self, kind: str, payload: dict[str, Any], retry: int = 0) -> str:
        """Send a Socket Mode envelope (events_api, slash_commands, interactive); returns its id."""
        envelope_id = f"env-{next(self._ids)}"
        await self._sockets[-1].send_str(json.dumps({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                                     "accepts_response_payload": kind != "events_api",
                                                     "retry_attempt": retry, "retry_reason": ""}))
        return envelope_id
