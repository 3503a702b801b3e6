"""The Discord client: slash commands with autocomplete, mentions, DMs and suggestion buttons.

``TalksClient`` receives the answerer, the fact base holder and the settings in ``__init__``;
``build_client`` points discord.py at the configured REST and gateway URLs and makes one.
"""
from __future__ import annotations

import logging
from typing import Any

import discord
import yarl
from discord import app_commands

from bot.core.answers import Answer, Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, direct_reload, reload_for, reload_refusal, suggestion_label, trim
from bot.frontends.discord.articles import MAX_CHOICES, article_choices, find_article
from bot.frontends.discord.render import (
    BUTTON_LABEL_LIMIT,
    CHOICE_LIMIT,
    NO_PINGS,
    render,
    render_paragraph,
    render_report,
    to_question,
)
from bot.questionlog import NullLog, QuestionLog
from bot.service.inflight import InFlight
from bot.settings import Settings

log = logging.getLogger(__name__)
SUGGESTION_TIMEOUT_S = 600.0
UNKNOWN_INTERACTION = 10062  # Discord's code for an interaction it no longer accepts a response to
RESPONSE_WINDOW_S = 3.0


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
    """Up to three "Did you mean ...?" (or "Try: ...") buttons; a click answers that question."""

    def __init__(self, answerer: Answerer, suggestions: list[str], label: str = "Did you mean",
                 inflight: InFlight | None = None) -> None:
        super().__init__(timeout=SUGGESTION_TIMEOUT_S)
        self.answerer = answerer
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
                await send_answer(interaction, self.answerer.answer(question), self.answerer, self.inflight)
        return callback


def reply_kwargs(answer: Answer, answerer: Answerer, inflight: InFlight | None = None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"embed": render(answer), "allowed_mentions": NO_PINGS}
    if not answer.matched and answer.suggestions:
        kwargs["view"] = SuggestionView(answerer, answer.suggestions, suggestion_label(answer), inflight)
    return kwargs


async def send_answer(interaction: discord.Interaction, answer: Answer, answerer: Answerer,
                      inflight: InFlight | None = None, ephemeral: bool = False) -> None:
    await interaction.response.send_message(ephemeral=ephemeral, **reply_kwargs(answer, answerer, inflight))


def expired_because(interaction: discord.Interaction, error: BaseException) -> str | None:
    """Why no reply can reach ``interaction`` any more, if none can (its age comes from its id's
    timestamp, so this trusts the host's clock)."""
    if isinstance(error, discord.NotFound) and error.code == UNKNOWN_INTERACTION:
        return f"Discord answered {UNKNOWN_INTERACTION} Unknown interaction"
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    if not interaction.response.is_done() and age > RESPONSE_WINDOW_S:
        return f"{age:.1f} s old, past Discord's {RESPONSE_WINDOW_S:.0f} s window"
    return "its token is past 15 minutes" if interaction.is_expired() else None


class TalksClient(discord.Client):
    """discord.py client wired to the core.

    Every command, mention and click holds ``inflight`` while it answers, so that shutdown
    (``stop_intake``, then ``InFlight.drain``, then ``close``) delivers what was acknowledged;
    ``reload`` is how an admin's /reload reloads (serve passes its coalescing reloader).
    """

    _draining = False  # set by stop_intake; a class default, as discord.py may ask is_closed() early

    def __init__(self, answerer: Answerer, holder: FactBaseHolder, settings: Settings,
                 inflight: InFlight | None = None, reload: ReloadFn | None = None,
                 qlog: QuestionLog | None = None) -> None:
        super().__init__(intents=intents(), allowed_mentions=NO_PINGS)
        self.answerer = answerer
        self.holder = holder
        self.inflight = inflight or InFlight()
        self.reload = reload or direct_reload(holder)
        self.qlog = qlog or NullLog()
        self.admin_ids = set(settings.admin_user_ids)
        self.guild_id = settings.discord_guild_id
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self._on_command_error  # type: ignore[method-assign]
        self.sync_on_ready = True
        self._add_commands()

    # --- slash commands ---------------------------------------------------------------
    def _add_commands(self) -> None:
        answerer, holder, inflight = self.answerer, self.holder, self.inflight

        @app_commands.command(name="ask", description="Ask about the US–Ukraine peace talks")
        @app_commands.describe(question="Your question, e.g. who set the deadline?")
        async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
            async with inflight.hold():
                await send_answer(interaction, answerer.answer(question), answerer, inflight)

        @ask.autocomplete("question")
        async def ask_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=trim(q, CHOICE_LIMIT), value=trim(q, CHOICE_LIMIT))
                    for q in answerer.complete(current, MAX_CHOICES)]

        @app_commands.command(name="topics", description="What you can ask about")
        async def topics(interaction: discord.Interaction) -> None:
            async with inflight.hold():
                await send_answer(interaction, answerer.answer("topics"), answerer, inflight)

        @app_commands.command(name="help", description="How to use the bot")
        async def help_(interaction: discord.Interaction) -> None:
            async with inflight.hold():
                await send_answer(interaction, answerer.answer("help"), answerer, inflight)

        @app_commands.command(name="source", description="Show a paragraph of an article")
        @app_commands.describe(paragraph="Paragraph number (1 is the first)",
                               article="Which article (the most recent if left out)")
        async def source(interaction: discord.Interaction, paragraph: app_commands.Range[int, 1, 10_000],
                         article: str | None = None) -> None:
            async with inflight.hold():
                await self._source(interaction, paragraph, article)

        @source.autocomplete("article")
        async def source_autocomplete(interaction: discord.Interaction,
                                      current: str) -> list[app_commands.Choice[str]]:
            return article_choices(holder.current, current)

        @app_commands.command(name="reload", description="Reload the fact base (admins)")
        @app_commands.default_permissions(manage_guild=True)
        async def reload(interaction: discord.Interaction) -> None:
            user = str(interaction.user.id)
            refusal = reload_refusal(user, self.admin_ids)
            if refusal is not None:
                await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NO_PINGS)
                return
            async with inflight.hold():  # the deferred follow-up is owed: shutdown waits for it
                await interaction.response.defer(ephemeral=True, thinking=True)
                report = await reload_for(user, self.reload)
                await interaction.followup.send(render_report(report), ephemeral=True, allowed_mentions=NO_PINGS)

        commands: list[app_commands.Command[Any, Any, None]] = [ask, topics, help_, source, reload]
        for command in commands:
            self.tree.add_command(command)

    async def _source(self, interaction: discord.Interaction, paragraph: int, article: str | None) -> None:
        """/source: a paragraph of the chosen (or newest) article, or why not."""
        # Discord's clients keep to the range; a request that does not is answered, not trusted.
        chosen = find_article(self.holder.current, article)
        if chosen is None:
            problem = (f"I have no article {trim(article, 100)!r}: pick one from the list."
                       if article else "No articles are loaded right now.")
        elif not 1 <= paragraph <= len(chosen.paragraphs):
            problem = (f"There is no paragraph {paragraph}: the {chosen.name} has paragraphs 1 to "
                       f"{len(chosen.paragraphs)}.")
        else:
            await interaction.response.send_message(embed=render_paragraph(chosen, paragraph),
                                                    allowed_mentions=NO_PINGS)
            return
        await interaction.response.send_message(problem, ephemeral=True, allowed_mentions=NO_PINGS)

    async def _on_command_error(self, interaction: discord.Interaction,
                                error: app_commands.AppCommandError) -> None:
        async with self.inflight.hold():
            await self._apologize(interaction, error)

    async def _apologize(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """Apologize for a failed command, unless the interaction has expired: under load a late
        apology would be one more failing request per late answer."""
        name = interaction.command and interaction.command.name
        original = getattr(error, "original", error)
        unknown = isinstance(original, discord.NotFound) and original.code == UNKNOWN_INTERACTION
        if not unknown:
            log.exception("command %s failed", name, exc_info=error)
        why = expired_because(interaction, original)
        if why is not None:
            log.warning("/%s: the interaction expired before it was answered (%s); no apology sent", name, why)
            return
        text = "Sorry, something went wrong while answering. Please try again."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("/%s: the apology could not be sent: %s", name, exc)

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
        async with self.inflight.hold():
            answer = self.answerer.answer(to_question(message.content, self.user.id))
            try:
                await message.reply(mention_author=False, **reply_kwargs(answer, self.answerer, self.inflight))
            except discord.HTTPException as exc:
                log.warning("cannot reply in channel %s: %s", message.channel.id, exc)

    # --- shutdown ---------------------------------------------------------------------
    async def stop_intake(self) -> None:
        """Close the gateway so that no new event arrives; REST stays open for the answers in flight
        until ``close()``."""
        self._draining = True
        if self.ws is not None and self.ws.open:
            await self.ws.close(code=1000)

    def is_closed(self) -> bool:
        # discord.py's connect loop reconnects after a close unless the client is closed: while
        # draining it must not, though the REST session stays open.
        return self._draining or super().is_closed()


def point_at(api_url: str, gateway_url: str) -> None:
    """Point discord.py at a REST base and gateway (a proxy, or a local stand-in).

    discord.py keeps both as class attributes, so this is process-wide: one Discord
    connection per process, which is what ``talksbot serve`` runs.
    """
    discord.http.Route.BASE = api_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def build_client(settings: Settings, answerer: Answerer, holder: FactBaseHolder, inflight: InFlight | None = None,
                 reload: ReloadFn | None = None, qlog: QuestionLog | None = None) -> TalksClient:
    """The client, pointed at the configured REST and gateway URLs."""
    point_at(settings.discord_api_url, settings.discord_gateway_url)
    return TalksClient(answerer, holder, settings, inflight, reload, qlog)


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
