"""Socket Mode: the bot opens a websocket to Slack; no public URL is needed."""
from __future__ import annotations

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp


def socket_handler(app: AsyncApp, app_token: str) -> AsyncSocketModeHandler:
    """The Socket Mode handler; it asks ``apps.connections.open`` through the app's own client."""
    return AsyncSocketModeHandler(app, app_token)
