"""The Discord client: slash commands with autocomplete, mentions, DMs and suggestion buttons.

``TalksClient`` receives the answerer, the fact base holder and the settings in ``__init__``;
``build_client`` points discord.py at the configured REST and gateway URLs and makes one.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord
import yarl
from discord import app_commands

from bot.core.answers import Answer, Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.discord.render import (
    BUTTON_LABEL_LIMIT,
    CHOICE_LIMIT,
    NO_PINGS,
    render,
    render_report,
    to_question,
    trim,
)
from bot.settings import Settings

log = logging.getLogger(__name__)
SUGGESTION_TIMEOUT_S = 600.0
MAX_CHOICES = 25


def intents() -> discord.Intents:
    """The least the bot needs: guilds (commands, channels), guild and DM messages (mentions, DMs).

    No message_content: it is privileged, and Discord still sends the content of messages
    that mention the bot and of DMs without it.
    """
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    return wanted


class SuggestionView(discord.ui.View):
    """Up to three "Did you mean ...?" buttons; a click answers that question."""

    def __init__(self, answerer: Answerer, suggestions: list[str]) -> None:
        super().__init__(timeout=SUGGESTION_TIMEOUT_S)
        self.answerer = answerer
        for i, question in enumerate(suggestions[:3]):
            button: discord.ui.Button[SuggestionView] = discord.ui.Button(
                label=trim(f"Did you mean: {question}", BUTTON_LABEL_LIMIT), custom_id=f"talks:suggest:{i}",
                style=discord.ButtonStyle.secondary)
            button.callback = self._answer(question)  # type: ignore[method-assign]
            self.add_item(button)

    def _answer(self, question: str) -> Any:
        async def callback(interaction: discord.Interaction) -> None:
            await send_answer(interaction, self.answerer.answer(question), self.answerer)
        return callback


def reply_kwargs(answer: Answer, answerer: Answerer) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"embed": render(answer), "allowed_mentions": NO_PINGS}
    if not answer.matched and answer.suggestions:
        kwargs["view"] = SuggestionView(answerer, answer.suggestions)
    return kwargs


async def send_answer(interaction: discord.Interaction, answer: Answer, answerer: Answerer,
                      ephemeral: bool = False) -> None:
    await interaction.response.send_message(ephemeral=ephemeral, **reply_kwargs(answer, answerer))


class TalksClient(discord.Client):
    """discord.py client wired to the core."""

    def __init__(self, answerer: Answerer, holder: FactBaseHolder, settings: Settings) -> None:
        super().__init__(intents=intents(), allowed_mentions=NO_PINGS)
        self.answerer = answerer
        self.holder = holder
        self.admin_ids = set(settings.admin_user_ids)
        self.guild_id = settings.discord_guild_id
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self._on_command_error  # type: ignore[method-assign]
        self.sync_on_ready = True
        self._add_commands()

    # --- slash commands ---------------------------------------------------------------
    def _add_commands(self) -> None:
        answerer, holder = self.answerer, self.holder

        @app_commands.command(name="ask", description="Ask about the US–Ukraine peace talks")
        @app_commands.describe(question="Your question, e.g. who set the deadline?")
        async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
            await send_answer(interaction, answerer.answer(question), answerer)

        @ask.autocomplete("question")
        async def ask_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=trim(q, CHOICE_LIMIT), value=trim(q, CHOICE_LIMIT))
                    for q in answerer.complete(current, MAX_CHOICES)]

        @app_commands.command(name="topics", description="What you can ask about")
        async def topics(interaction: discord.Interaction) -> None:
            await send_answer(interaction, answerer.answer("topics"), answerer)

        @app_commands.command(name="help", description="How to use the bot")
        async def help_(interaction: discord.Interaction) -> None:
            await send_answer(interaction, answerer.answer("help"), answerer)

        @app_commands.command(name="source", description="Show a paragraph of the article")
        @app_commands.describe(paragraph="Paragraph number (1 is the first)")
        async def source(interaction: discord.Interaction, paragraph: app_commands.Range[int, 1, 10_000]) -> None:
            article = next(iter(holder.current.articles.values()))
            if paragraph > len(article.paragraphs):
                await interaction.response.send_message(
                    f"The {article.name} has {len(article.paragraphs)} paragraphs.", ephemeral=True,
                    allowed_mentions=NO_PINGS)
                return
            embed = discord.Embed(title=trim(f"{article.name}, paragraph {paragraph}", 256),
                                  description=trim(article.paragraphs[paragraph - 1], 4096))
            embed.set_footer(text=trim(article.meta.title, 2048))
            await interaction.response.send_message(embed=embed, allowed_mentions=NO_PINGS)

        @app_commands.command(name="reload", description="Reload the fact base (admins)")
        @app_commands.default_permissions(manage_guild=True)
        async def reload(interaction: discord.Interaction) -> None:
            user = interaction.user.id
            if str(user) not in self.admin_ids:
                log.warning("reload refused: %s is not an admin", user)
                text = ("Reloading is turned off: no admins are configured (TALKSBOT_ADMIN_USER_IDS)."
                        if not self.admin_ids else "Sorry, only the bot's admins can reload the fact base.")
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
                return
            await interaction.response.defer(ephemeral=True, thinking=True)
            report = await asyncio.to_thread(holder.reload)
            log.info("reload by %s: %s", user, report.summary())
            await interaction.followup.send(render_report(report), ephemeral=True, allowed_mentions=NO_PINGS)

        commands: list[app_commands.Command[Any, Any, None]] = [ask, topics, help_, source, reload]
        for command in commands:
            self.tree.add_command(command)

    async def _on_command_error(self, interaction: discord.Interaction,
                                error: app_commands.AppCommandError) -> None:
        log.exception("command %s failed", interaction.command and interaction.command.name, exc_info=error)
        text = "Sorry, something went wrong while answering. Please try again."
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    async def sync_commands(self) -> list[app_commands.AppCommand]:
        """Sync to the configured guild (instant) or globally."""
        if self.guild_id:
            guild = discord.Object(id=self.guild_id)
            self.tree.copy_global_to(guild=guild)
            return await self.tree.sync(guild=guild)
        return await self.tree.sync()

    # --- events -----------------------------------------------------------------------
    async def on_ready(self) -> None:
        log.info("Discord: ready as %s in %d guild(s)", self.user, len(self.guilds))
        if self.sync_on_ready:
            self.sync_on_ready = False
            try:
                synced = await self.sync_commands()
                log.info("Discord: synced %d commands %s", len(synced),
                         f"to guild {self.guild_id}" if self.guild_id else "globally")
            except discord.HTTPException as exc:
                log.error("Discord: command sync failed: %s", exc)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user is None or message.author.id == self.user.id:
            return
        is_dm = isinstance(message.channel, discord.DMChannel) or message.guild is None
        if not is_dm and self.user not in message.mentions:
            return
        answer = self.answerer.answer(to_question(message.content, self.user.id))
        try:
            await message.reply(mention_author=False, **reply_kwargs(answer, self.answerer))
        except discord.HTTPException as exc:
            log.warning("cannot reply in channel %s: %s", message.channel.id, exc)


def point_at(api_url: str, gateway_url: str) -> None:
    """Point discord.py at a REST base and gateway (a proxy, or a local stand-in).

    discord.py keeps both as class attributes, so this is process-wide: one Discord
    connection per process, which is what ``talksbot serve`` runs.
    """
    discord.http.Route.BASE = api_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def build_client(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> TalksClient:
    point_at(settings.discord_api_url, settings.discord_gateway_url)
    return TalksClient(answerer, holder, settings)


async def sync_commands_once(settings: Settings, answerer: Answerer, holder: FactBaseHolder) -> int:
    """``talksbot discord-sync``: log in over REST, sync the commands, log out."""
    client = build_client(settings, answerer, holder)
    assert settings.discord_token is not None
    async with client:
        await client.login(settings.discord_token.get_secret_value())
        synced = await client.sync_commands()
    print(f"synced {len(synced)} commands " + (f"to guild {settings.discord_guild_id}" if settings.discord_guild_id
                                               else "globally"))
    return 0
