"""Helpful / Not helpful buttons under answers, and a click stored as a vote.

A button's custom_id carries the answer id (``talks:vote:ANSWER_ID:y``) and the client routes
clicks by that prefix (``TalksClient.on_interaction``), not through discord.py's view store: a
click works on any answer the bot ever sent, after its view timed out or the bot restarted, and
nothing is held in memory per message.
"""
from __future__ import annotations

import logging
import re

import discord

from bot.frontends.discord.render import NO_PINGS
from bot.questionlog import Asked, QuestionLog

log = logging.getLogger(__name__)

VOTE_PREFIX = "talks:vote:"
_VOTE = re.compile(r"talks:vote:([0-9a-f]{1,32}):([yn])")
THANKS = {True: "Thanks for the feedback: noted as helpful. (Click “Not helpful” to change your vote.)",
          False: "Thanks for the feedback: noted as not helpful. (Click “Helpful” to change your vote.)"}
UNKNOWN_BUTTON = "Sorry, I don't know that button any more."


class RoutedButton(discord.ui.Button[discord.ui.View]):
    """A button the client routes by its custom_id (``TalksClient.on_interaction``)."""

    def is_dispatchable(self) -> bool:
        # discord.py keeps a view in its store (until its timeout) for every item that says it is
        # dispatchable; these need no stored view, and a stored one would stop working on timeout.
        return False


def add_vote_buttons(view: discord.ui.View, answer_id: str) -> discord.ui.View:
    """``view`` with "Helpful" / "Not helpful" for answer ``answer_id``, on a row of their own."""
    row = 1 if view.children else 0
    view.add_item(RoutedButton(label="Helpful", emoji="👍", style=discord.ButtonStyle.secondary,
                               custom_id=f"{VOTE_PREFIX}{answer_id}:y", row=row))
    view.add_item(RoutedButton(label="Not helpful", emoji="👎", style=discord.ButtonStyle.secondary,
                               custom_id=f"{VOTE_PREFIX}{answer_id}:n", row=row))
    return view


def parse_vote(custom_id: str) -> tuple[str, bool] | None:
    """The answer id and the vote (helpful or not) a vote button's custom_id carries."""
    match = _VOTE.fullmatch(custom_id)
    return (match[1], match[2] == "y") if match else None


async def store_vote(interaction: discord.Interaction, qlog: QuestionLog, custom_id: str) -> None:
    """A vote click: store it (one vote per user per answer; a second click replaces it) and
    acknowledge it to the voter only."""
    parsed = parse_vote(custom_id)
    if parsed is None:
        log.warning("a vote click with an unknown custom_id %r", custom_id[:100])
        await interaction.response.send_message(UNKNOWN_BUTTON, ephemeral=True, allowed_mentions=NO_PINGS)
        return
    answer_id, helpful = parsed
    qlog.vote(answer_id, Asked("discord", "button", str(interaction.user.id)), helpful)
    await interaction.response.send_message(THANKS[helpful], ephemeral=True, allowed_mentions=NO_PINGS)
