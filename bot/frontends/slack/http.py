"""HTTP mode: Slack's Events API and interactivity on the bot's own aiohttp server."""
from __future__ import annotations

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

EVENTS_PATH = "/slack/events"


def add_routes(web_app: web.Application, app: AsyncApp) -> None:
    """Serve events, commands and actions at ``/slack/events``; bolt verifies the signature."""

    async def handle(request: web.Request) -> web.Response:
        bolt_response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    web_app.router.add_post(EVENTS_PATH, handle)
