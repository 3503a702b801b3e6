"""The Slack front-end (slack-bolt, asyncio): events and commands in, Block Kit out."""
from __future__ import annotations
