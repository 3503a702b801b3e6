"""The articles from chat: admins ``/add url:`` and ``/remove id:``, everyone ``/articles``; and
``announce``, which posts an article a feed added to a channel.

The work is ``bot.ingest.add``'s (fetch, extract, write to seeds/, reload); this module checks who
asks, defers (an addition fetches and reloads: longer than Discord's 3-second window), holds
``inflight`` so that shutdown delivers the follow-up, and shows the result as plain text that
pings nobody.
"""
from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Any

import discord
from discord import app_commands

from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, admin_refusal, trim
from bot.frontends.discord.articles import MAX_CHOICES, newest_first
from bot.frontends.discord.render import (
    CHOICE_LIMIT,
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FOOTER_LIMIT,
    NO_PINGS,
    plain,
)
from bot.ingest.add import MAX_URL_CHARS, Added, ArticleRow, add_url, list_articles, remove_article
from bot.service.inflight import InFlight
from bot.settings import Settings

log = logging.getLogger(__name__)

SHOWN_TITLE_CHARS = 150  # one /articles line's title; the id names the article in full


def _link(url: str) -> str:
    """``url`` as the target of a markdown link: the characters that would end it percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def article_line(row: ArticleRow) -> str:
    """One article in /articles: id, title, date, facts, and its source (a link, or who published it)."""
    source = ""
    if row.source and row.source.startswith(("http://", "https://")):
        source = f" · [source]({_link(row.source)})"
    elif row.source:
        source = f" · {plain(trim(row.source, 100))}"
    return (f"`{row.id}` · {plain(trim(row.title, SHOWN_TITLE_CHARS))} ({row.date.isoformat()}) · "
            f"{row.facts} fact{'' if row.facts == 1 else 's'}{source}")


def articles_embed(rows: list[ArticleRow]) -> discord.Embed:
    """The articles, newest first, as many as one embed's description holds; the footer counts the rest."""
    embed = discord.Embed(title=f"Articles ({len(rows)}), newest first", colour=discord.Colour.blue())
    lines: list[str] = []
    used = 0
    for row in rows:
        line = article_line(row)
        if used + len(line) + 1 > DESCRIPTION_LIMIT:
            break
        lines.append(line)
        used += len(line) + 1
    embed.description = "\n".join(lines) or "No articles are loaded right now."
    if len(lines) < len(rows):
        embed.set_footer(text=trim(f"{len(rows) - len(lines)} more: `talksbot articles` lists them all.",
                                   FOOTER_LIMIT))
    return embed


def removable_choices(base: FactBase, typed: str) -> list[app_commands.Choice[str]]:
    """Autocomplete for /remove: the articles added from seeds/ (curated ones are removed by hand) whose
    id or title contains what was typed, newest first."""
    key = typed.strip().lower()
    return [app_commands.Choice(name=trim(f"{a.id} · {a.meta.title}", CHOICE_LIMIT), value=a.id)
            for a in newest_first(base)
            if a.knowledge_file.endswith("(distilled)") and len(a.id) <= CHOICE_LIMIT
            and (key in a.id or key in a.meta.title.lower())][:MAX_CHOICES]


def announcement(added: Added) -> str:
    """"New article: <title> (<date>) <url> — try: <first question>", the parts it has."""
    text = f"New article: {plain(trim(added.title or 'untitled', 200))}"
    if added.date is not None:
        text += f" ({added.date.isoformat()})"
    if added.url:
        text += f" {added.url}"
    if added.questions:
        text += f" — try: {plain(trim(added.questions[0], 300))}"
    return trim(text, CONTENT_LIMIT)


async def announce(client: discord.Client, channel_id: int, added: Added) -> None:
    """Post an article a feed added to ``channel_id`` (``TALKSBOT_FEED_NOTIFY_CHANNEL``), pinging nobody.

    Nothing is posted for a refusal; a send that fails is logged, never raised: the feed goes on.
    """
    if not added.ok:
        return
    try:
        await client.get_partial_messageable(channel_id).send(announcement(added), allowed_mentions=NO_PINGS)
    except discord.HTTPException as exc:
        log.warning("cannot announce %s in channel %s: %s", added.article_id, channel_id, exc)


class Library:
    """``/add``, ``/articles`` and ``/remove``, for the client's command tree."""

    def __init__(self, answerer: Answerer, holder: FactBaseHolder, settings: Settings, admins: Collection[str],
                 reload: ReloadFn, inflight: InFlight) -> None:
        self.answerer = answerer
        self.holder = holder
        self.settings = settings
        self.admins = admins
        self.reload = reload
        self.inflight = inflight

    def commands(self) -> list[app_commands.Command[Any, Any, None]]:
        @app_commands.command(name="add", description="Add an article from a link (admins)")
        @app_commands.describe(url="The article's address (http or https)")
        @app_commands.default_permissions(manage_guild=True)
        async def add_(interaction: discord.Interaction, url: app_commands.Range[str, 1, MAX_URL_CHARS]) -> None:
            async with self.inflight.hold():  # the deferred follow-up is owed: shutdown waits for it
                await self._add(interaction, url)

        @app_commands.command(name="articles", description="The articles the bot answers from")
        async def articles_(interaction: discord.Interaction) -> None:
            async with self.inflight.hold():
                await interaction.response.send_message(embed=articles_embed(list_articles(self.holder.current)),
                                                        ephemeral=True, allowed_mentions=NO_PINGS)

        @app_commands.command(name="remove", description="Remove an article added from a link (admins)")
        @app_commands.rename(article_id="id")
        @app_commands.describe(article_id="The article's id (/articles lists them)")
        @app_commands.default_permissions(manage_guild=True)
        async def remove_(interaction: discord.Interaction,
                          article_id: app_commands.Range[str, 1, CHOICE_LIMIT]) -> None:
            async with self.inflight.hold():
                await self._remove(interaction, article_id)

        @remove_.autocomplete("article_id")
        async def remove_autocomplete(interaction: discord.Interaction,
                                      current: str) -> list[app_commands.Choice[str]]:
            return removable_choices(self.holder.current, current)

        return [add_, articles_, remove_]

    async def _refused(self, interaction: discord.Interaction, action: str, feature: str) -> bool:
        refusal = admin_refusal(str(interaction.user.id), self.admins, action, feature)
        if refusal is not None:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NO_PINGS)
        return refusal is not None

    @staticmethod
    async def _follow_up(interaction: discord.Interaction, text: str) -> None:
        await interaction.followup.send(trim(plain(text), CONTENT_LIMIT), ephemeral=True, allowed_mentions=NO_PINGS)

    async def _add(self, interaction: discord.Interaction, url: str) -> None:
        if await self._refused(interaction, "add articles", "Adding articles"):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        user = interaction.user.id
        added = await add_url(url, self.settings, self.holder, self.answerer, self.reload, trigger=f"add by {user}")
        log.info("add by %s: %s", user, added.message.splitlines()[0])
        await self._follow_up(interaction, added.message)

    async def _remove(self, interaction: discord.Interaction, article_id: str) -> None:
        if await self._refused(interaction, "remove articles", "Removing articles"):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        removed = await remove_article(article_id, self.settings, self.holder, self.reload)
        log.info("remove by %s: %s", interaction.user.id, removed.message)
        await self._follow_up(interaction, removed.message)
