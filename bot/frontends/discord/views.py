"""Message components and interaction checks of the Discord front-end: the "Did you mean"
buttons, and whether an interaction can still be answered."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.frontends.common import trim
from bot.frontends.discord.render import BUTTON_LABEL_LIMIT
from bot.service.inflight import InFlight

SUGGESTION_TIMEOUT_S = 600.0
UNKNOWN_INTERACTION = 10062  # Discord's code for an interaction it no longer accepts a response to
RESPONSE_WINDOW_S = 3.0


# How a suggestion click is answered: the client's reply to that question, recorded as a click.
AskFn = Callable[[discord.Interaction, str], Awaitable[None]]


class SuggestionView(discord.ui.View):
    """Up to three "Did you mean ...?" (or "Try: ...") buttons; a click answers that question."""

    def __init__(self, ask: AskFn, suggestions: list[str], label: str = "Did you mean",
                 inflight: InFlight | None = None) -> None:
        super().__init__(timeout=SUGGESTION_TIMEOUT_S)
        self.ask = ask
        self.inflight = inflight or InFlight()
        for i, question in enumerate(suggestions[:3]):
            button: discord.ui.Button[SuggestionView] = discord.ui.Button(
                label=trim(f"{label}: {question}", BUTTON_LABEL_LIMIT), custom_id=f"talks:suggest:{i}",
                style=discord.ButtonStyle.secondary)
            button.callback = self._answer(question)  # type: ignore[method-assign]
            self.add_item(button)

    def _answer(self, question: str) -> Any:
        async def callback(interaction: discord.Interaction) -> None:
            async with self.inflight.hold():
                await self.ask(interaction, question)
        return callback


def expired_because(interaction: discord.Interaction, error: BaseException) -> str | None:
    """Why no reply can reach ``interaction`` any more, if none can (its age comes from its id's
    timestamp, so this trusts the host's clock)."""
    if isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION:
        return f"Discord answered {UNKNOWN_INTERACTION} Unknown interaction"
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    if not interaction.response.is_done() and age > RESPONSE_WINDOW_S:
        return f"{age:.1f} s old, past Discord's {RESPONSE_WINDOW_S:.0f} s window"
    return "its token is past 15 minutes" if interaction.is_expired() else None
