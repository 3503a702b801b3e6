from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.serve import Services
from bot.settings import Settings
from tests.conftest import start_services
from tests.stand_ins.slack_server import SlackStandIn

__all__ = ["start_services"]

SECRET = "test-signing-secret"
ADMIN = "UADMIN"


@pytest.fixture()
async def slack() -> AsyncIterator[SlackStandIn]:
    stand_in = SlackStandIn()
    await stand_in.start()
    yield stand_in
    await stand_in.stop()


def slack_settings(stand_in: SlackStandIn, mode: str, kb_dirs: tuple[Any, Any], **extra: Any) -> Settings:
    k, s = kb_dirs
    values: dict[str, Any] = dict(
        knowledge_dir=k, seeds_dir=s, slack_bot_token="xoxb-test-token", slack_app_token="xapp-test-token",
        slack_signing_secret=SECRET, slack_mode=mode, slack_api_url=stand_in.api_url, admin_user_ids=[ADMIN],
        http_port=0)
    values.update(extra)
    return Settings(_env_file=None, **values)


@pytest.fixture()
async def http_bot(slack: SlackStandIn, kb_dirs: tuple[Any, Any]) -> AsyncIterator[Services]:
    services = await start_services(slack_settings(slack, "http", kb_dirs))
    yield services
    await services.stop()


def sign(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    """Headers signed exactly as Slack signs them: v0 HMAC-SHA256 over 'v0:timestamp:body'."""
    ts = str(timestamp if timestamp is not None else int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def event_body(event: dict[str, Any], event_id: str = "Ev1") -> str:
    return json.dumps({"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": event_id, "event_time": int(time.time()), "event": event,
                       "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]})


def command_body(text: str, response_url: str, user: str = "U1") -> str:
    return urllib.parse.urlencode({"token": "legacy", "team_id": "T1", "channel_id": "C1", "user_id": user,
                                   "command": "/talks", "text": text, "response_url": response_url,
                                   "trigger_id": "trig", "api_app_id": "A1"})


def action_body(value: str, response_url: str, channel: str = "C1", thread_ts: str | None = "1.0",
                action_id: str = "talks_suggest_0", user: str = "U1") -> str:
    """A click by ``user`` on a button of the bot's message ``2.0`` in ``channel`` (in thread ``thread_ts``, if
    any): a "did you mean" button unless ``action_id`` says otherwise."""
    message = {"ts": "2.0", "text": "I don't know", **({"thread_ts": thread_ts} if thread_ts else {})}
    payload = {"type": "block_actions", "user": {"id": user}, "team": {"id": "T1"}, "api_app_id": "A1",
               "channel": {"id": channel}, "container": {"type": "message", "channel_id": channel,
                                                         "message_ts": "2.0"},
               "message": message, "trigger_id": "trig",
               "response_url": response_url,
               "actions": [{"action_id": action_id, "block_id": "b1", "type": "button", "value": value,
                            "action_ts": "3.0"}]}
    return urllib.parse.urlencode({"payload": json.dumps(payload)})


async def post_to_bot(services: Services, body: str, content_type: str, headers: dict[str, str] | None = None,
                      signed: bool = True) -> aiohttp.ClientResponse:
    all_headers = {"Content-Type": content_type, **(sign(body) if signed else {}), **(headers or {})}
    async with aiohttp.ClientSession() as session:
        resp = await session.post(f"http://127.0.0.1:{services.web_port}/slack/events", data=body,
                                  headers=all_headers)
        await resp.read()
        return resp
