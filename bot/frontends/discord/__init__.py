"""The Discord front-end (discord.py 2.x): slash commands, mentions and DMs in, embeds out."""
from __future__ import annotations
