"""Admin slash commands: ``/unanswered`` with its Teach and "Not in the articles" buttons, and ``/feedback``.

Commands and buttons are for the user ids in ``TALKSBOT_ADMIN_USER_IDS`` only; every reply is
ephemeral. A button's custom_id holds a short random key (Discord allows 100 characters, a
question may have 1,000) that ``AdminDesk`` maps to the question and fact in memory: a button
from before a restart asks for a fresh ``/unanswered`` instead of acting on a guess.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from collections import OrderedDict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, admin_refusal, teach_through, trim
from bot.frontends.discord.feedback import UNKNOWN_BUTTON, RoutedButton
from bot.frontends.discord.render import (
    BUTTON_LABEL_LIMIT,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_LIMIT,
    FOOTER_LIMIT,
    NO_PINGS,
    TITLE_LIMIT,
    plain,
)
from bot.questionlog import QuestionLog
from bot.questionlog.review import Group, dismiss_group, unanswered
from bot.questionlog.store import Helpfulness
from bot.service.inflight import InFlight

log = logging.getLogger(__name__)

TEACH_PREFIX = "talks:teach:"
DISMISS_PREFIX = "talks:dismiss:"
DEFAULT_DAYS = 7
MAX_DAYS = 3650
SHOWN_GROUPS = 5  # a message holds five rows of buttons: one per group
SHOWN_VOTES = 25
MAX_PENDING = 1_000  # button keys remembered; older lists ask for a fresh /unanswered
OUT_OF_DATE = "This list is out of date (the bot restarted or it is too old): run /unanswered again."


@dataclass(frozen=True)
class Pending:
    """What an admin button acts on: a group's question, and for Teach the fact to teach it to."""

    question: str
    days: int
    fact_id: str | None = None
    article: str | None = None


def _when(group: Group) -> str:
    return discord.utils.format_dt(group.last_asked, "f") if group.last_asked else "?"


def review_embed(groups: list[Group], days: int) -> discord.Embed:
    """The unanswered groups: the first ``SHOWN_GROUPS`` with their candidates (their buttons
    follow in the same order), then how many more there are."""
    embed = discord.Embed(title=trim(f"Unanswered questions, last {days} day(s)", TITLE_LIMIT),
                          description="Teach the right fact with its button (one row per question, in this order), "
                                      "or choose “Not in the articles” so that the question is not listed again.",
                          colour=discord.Colour.orange())
    for n, group in enumerate(groups[:SHOWN_GROUPS], 1):
        people = len(group.askers)
        lines = [f"asked {group.count}× by {people} {'person' if people == 1 else 'people'}, last {_when(group)}"]
        lines += [f"{i}. {plain(g.answer)} — `{g.fact_id}` ({g.confidence:.2f})"
                  for i, g in enumerate(group.candidates[:3], 1)] or ["no candidate facts"]
        embed.add_field(name=trim(f"{n}. “{plain(group.question)}”", TITLE_LIMIT),
                        value=trim("\n".join(lines), FIELD_LIMIT), inline=False)
    if len(groups) > SHOWN_GROUPS:
        embed.set_footer(text=trim(f"{len(groups) - SHOWN_GROUPS} more group(s): teach or dismiss these first, "
                                   "then run /unanswered again.", FOOTER_LIMIT))
    return embed


def feedback_embed(rows: list[Helpfulness]) -> discord.Embed:
    """Votes per fact, least helpful first."""
    lines = [f"`{r.fact_id}`: {r.helpful} helpful, {r.not_helpful} not helpful (“{plain(trim(r.question, 200))}”)"
             for r in rows[:SHOWN_VOTES]]
    if len(rows) > SHOWN_VOTES:
        lines.append(f"… and {len(rows) - SHOWN_VOTES} more fact(s): `talksbot feedback` lists them all.")
    return discord.Embed(title="Feedback per fact, least helpful first",
                         description=trim("\n".join(lines), DESCRIPTION_LIMIT), colour=discord.Colour.blue())


class AdminDesk:
    """``/unanswered`` and ``/feedback``, and the clicks on the buttons ``/unanswered`` shows."""

    def __init__(self, answerer: Answerer, holder: FactBaseHolder, knowledge_dir: Path, admins: Collection[str],
                 qlog: QuestionLog, reload: ReloadFn, inflight: InFlight) -> None:
        self.answerer = answerer
        self.holder = holder
        self.knowledge_dir = knowledge_dir
        self.admins = admins
        self.qlog = qlog
        self.reload = reload
        self.inflight = inflight
        self._pending: OrderedDict[str, Pending] = OrderedDict()
        self._teaching = asyncio.Lock()  # one overlay write and reload at a time

    def commands(self) -> list[app_commands.Command[Any, Any, None]]:
        """The admin slash commands, for the client's command tree."""
        @app_commands.command(name="unanswered", description="Questions the bot declined, to teach it (admins)")
        @app_commands.describe(days=f"How many days back ({DEFAULT_DAYS} if left out)")
        @app_commands.default_permissions(manage_guild=True)
        async def unanswered_(interaction: discord.Interaction,
                              days: app_commands.Range[int, 1, MAX_DAYS] = DEFAULT_DAYS) -> None:
            async with self.inflight.hold():
                await self._unanswered(interaction, days)

        @app_commands.command(name="feedback", description="Helpful / Not helpful votes per fact (admins)")
        @app_commands.default_permissions(manage_guild=True)
        async def feedback_(interaction: discord.Interaction) -> None:
            async with self.inflight.hold():
                await self._feedback(interaction)

        return [unanswered_, feedback_]

    @staticmethod
    def handles(custom_id: str) -> bool:
        return custom_id.startswith((TEACH_PREFIX, DISMISS_PREFIX))

    async def _say(self, interaction: discord.Interaction, text: str) -> None:
        text = trim(text, CONTENT_LIMIT)
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    async def _refused(self, interaction: discord.Interaction, action: str) -> bool:
        refusal = admin_refusal(str(interaction.user.id), self.admins, action, "This")
        if refusal is not None:
            await self._say(interaction, refusal)
        return refusal is not None

    async def _log_is_off(self, interaction: discord.Interaction) -> bool:
        if not self.qlog.status.on:
            await self._say(interaction, f"The question log is {self.qlog.status.detail}: there is nothing to show.")
        return not self.qlog.status.on

    # --- the commands ---------------------------------------------------------------------
    async def _unanswered(self, interaction: discord.Interaction, days: int) -> None:
        if await self._refused(interaction, "review unanswered questions") or await self._log_is_off(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        groups = await asyncio.to_thread(self._groups, days)
        if not groups:
            await self._say(interaction, f"No unanswered questions in the last {days} day(s).")
            return
        await interaction.followup.send(embed=review_embed(groups, days), view=self._buttons(groups, days),
                                        ephemeral=True, allowed_mentions=NO_PINGS)

    def _groups(self, days: int) -> list[Group]:
        self.qlog.flush()  # the view includes every question asked before it
        return unanswered(self.qlog, self.answerer, days)

    def _buttons(self, groups: list[Group], days: int) -> discord.ui.View:
        view = discord.ui.View(timeout=None)
        for row, group in enumerate(groups[:SHOWN_GROUPS]):
            for guess in group.candidates[:3]:
                key = self._remember(Pending(group.question, days, guess.fact_id, guess.article))
                view.add_item(RoutedButton(label=trim(f"{row + 1}. Teach: {guess.answer}", BUTTON_LABEL_LIMIT),
                                           custom_id=TEACH_PREFIX + key, style=discord.ButtonStyle.primary, row=row))
            key = self._remember(Pending(group.question, days))
            view.add_item(RoutedButton(label=f"{row + 1}. Not in the articles", custom_id=DISMISS_PREFIX + key,
                                       style=discord.ButtonStyle.secondary, row=row))
        return view

    def _remember(self, pending: Pending) -> str:
        key = secrets.token_urlsafe(6)
        self._pending[key] = pending
        while len(self._pending) > MAX_PENDING:
            self._pending.popitem(last=False)
        return key

    async def _feedback(self, interaction: discord.Interaction) -> None:
        if await self._refused(interaction, "see the feedback") or await self._log_is_off(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        rows = await asyncio.to_thread(self._votes)
        if not rows:
            await self._say(interaction, "No feedback yet.")
            return
        await interaction.followup.send(embed=feedback_embed(rows), ephemeral=True, allowed_mentions=NO_PINGS)

    def _votes(self) -> list[Helpfulness]:
        self.qlog.flush()
        return self.qlog.feedback()

    # --- the buttons ----------------------------------------------------------------------
    async def on_click(self, interaction: discord.Interaction, custom_id: str) -> None:
        """A Teach or "Not in the articles" click (``handles(custom_id)`` is true)."""
        teach = custom_id.startswith(TEACH_PREFIX)
        if await self._refused(interaction, "teach the bot" if teach else "mark unanswered questions"):
            return
        pending = self._pending.get(custom_id.rpartition(":")[2])
        if pending is None:
            await self._say(interaction, OUT_OF_DATE)
        elif teach and pending.fact_id:
            await self._teach(interaction, pending, pending.fact_id)
        elif not teach:
            await self._dismiss(interaction, pending)
        else:
            await self._say(interaction, UNKNOWN_BUTTON)

    async def _teach(self, interaction: discord.Interaction, pending: Pending, fact_id: str) -> None:
        """Write the phrasing, reload through the bot's reloader, then say whether it is now answered."""
        user = str(interaction.user.id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        async with self._teaching:
            taught, _ = await teach_through(self.reload, self.holder, self.answerer, self.knowledge_dir,
                                            pending.question, fact_id, pending.article, user)
        await self._say(interaction, plain(taught.message[:1].upper() + taught.message[1:]))

    async def _dismiss(self, interaction: discord.Interaction, pending: Pending) -> None:
        """Mark every logged phrasing of the group "not in the articles"."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        count = await asyncio.to_thread(dismiss_group, self.qlog, pending.question, pending.days)
        log.info("not in the articles, by %s: %r (%d phrasing(s))", interaction.user.id, pending.question, count)
        await self._say(interaction, f"Marked “{plain(trim(pending.question, 300))}” ({count} phrasing(s)) as "
                                     "not in the articles: /unanswered will not list it again.")

