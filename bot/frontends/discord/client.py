"""The Discord client: slash commands with autocomplete, mentions, DMs and suggestion buttons.

``TalksClient`` receives the answerer, the fact base holder and the settings in ``__init__``;
``build_client`` points discord.py at the configured REST and gateway URLs and makes one. Every
question is recorded in the question log; answers carry feedback buttons (``feedback``), and
admins review and teach with ``/unanswered`` and ``/feedback`` (``admin``), and add, list and remove
articles with ``/add``, ``/articles`` and ``/remove`` (``library``).
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
from bot.frontends.discord.admin import AdminDesk
from bot.frontends.discord.articles import MAX_CHOICES, article_choices, find_article
from bot.frontends.discord.feedback import VOTE_PREFIX, add_vote_buttons, store_vote
from bot.frontends.discord.library import Library
from bot.frontends.discord.render import (
    CHOICE_LIMIT,
    NO_PINGS,
    render,
    render_paragraph,
    render_report,
    to_question,
)
from bot.frontends.discord.views import UNKNOWN_INTERACTION, SuggestionView, expired_because
from bot.questionlog import Asked, NullLog, QuestionLog, record_answer
from bot.questionlog.store import AskKind
from bot.service.inflight import InFlight
from bot.settings import Settings

log = logging.getLogger(__name__)


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
        self.desk = AdminDesk(answerer, holder, settings.knowledge_dir, self.admin_ids, self.qlog, self.reload,
                              self.inflight)
        self.library = Library(answerer, holder, settings, self.admin_ids, self.reload, self.inflight)
        self.tree = app_commands.CommandTree(self)
        self.tree.on_error = self._on_command_error  # type: ignore[method-assign]
        self.sync_on_ready = True
        self._add_commands()

    # --- answers ----------------------------------------------------------------------
    def _answer(self, question: str, kind: AskKind, user_id: int) -> tuple[Answer, str | None]:
        """The answer, recorded in the question log; and the answer id its feedback buttons carry
        (None when nothing was recorded, or the log is off)."""
        answer = self.answerer.answer(question)
        answer_id = record_answer(self.qlog, answer, Asked("discord", kind, str(user_id)))
        return answer, answer_id if self.qlog.status.on else None

    def _reply_kwargs(self, answer: Answer, answer_id: str | None) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"embed": render(answer), "allowed_mentions": NO_PINGS}
        view: discord.ui.View | None = None
        if not answer.matched and answer.suggestions:
            view = SuggestionView(self._ask_clicked, answer.suggestions, suggestion_label(answer), self.inflight)
        if answer.matched and answer_id is not None:
            view = add_vote_buttons(view or discord.ui.View(timeout=None), answer_id)
        if view is not None:
            kwargs["view"] = view
        return kwargs

    async def _reply(self, interaction: discord.Interaction, question: str, kind: AskKind) -> None:
        answer, answer_id = self._answer(question, kind, interaction.user.id)
        await interaction.response.send_message(**self._reply_kwargs(answer, answer_id))

    async def _ask_clicked(self, interaction: discord.Interaction, question: str) -> None:
        await self._reply(interaction, question, "button")

    # --- slash commands ---------------------------------------------------------------
    def _add_commands(self) -> None:
        answerer, holder, inflight = self.answerer, self.holder, self.inflight
        reply = self._reply

        @app_commands.command(name="ask", description="Ask about the US–Ukraine peace talks")
        @app_commands.describe(question="Your question, e.g. who set the deadline?")
        async def ask(interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]) -> None:
            async with inflight.hold():
                await reply(interaction, question, "slash")

        @ask.autocomplete("question")
        async def ask_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
            return [app_commands.Choice(name=trim(q, CHOICE_LIMIT), value=trim(q, CHOICE_LIMIT))
                    for q in answerer.complete(current, MAX_CHOICES)]

        @app_commands.command(name="topics", description="What you can ask about")
        async def topics(interaction: discord.Interaction) -> None:
            async with inflight.hold():
                await reply(interaction, "topics", "slash")

        @app_commands.command(name="help", description="How to use the bot")
        async def help_(interaction: discord.Interaction) -> None:
            async with inflight.hold():
                await reply(interaction, "help", "slash")

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

        commands: list[app_commands.Command[Any, Any, None]] = [ask, topics, help_, source, reload,
                                                                *self.desk.commands(), *self.library.commands()]
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

    async def _apologize(self, interaction: discord.Interaction, error: BaseException) -> None:
        """Apologize for a failed command or click, unless the interaction has expired: under load a
        late apology would be one more failing request per late answer."""
        name = interaction.command.name if interaction.command else f"button {_custom_id(interaction)[:40]}"
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
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Feedback and admin buttons, routed by their custom_id (the suggestion buttons and the
        commands go through discord.py's view store and command tree)."""
        if interaction.type is not discord.InteractionType.component:
            return
        custom_id = _custom_id(interaction)
        if not (custom_id.startswith(VOTE_PREFIX) or self.desk.handles(custom_id)):
            return
        async with self.inflight.hold():
            try:
                if custom_id.startswith(VOTE_PREFIX):
                    await store_vote(interaction, self.qlog, custom_id)
                else:
                    await self.desk.on_click(interaction, custom_id)
            except Exception as exc:  # one failed click is apologized for, never fatal
                await self._apologize(interaction, exc)

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
            answer, answer_id = self._answer(to_question(message.content, self.user.id), "dm" if is_dm else "mention",
                                             message.author.id)
            try:
                await message.reply(mention_author=False, **self._reply_kwargs(answer, answer_id))
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


def _custom_id(interaction: discord.Interaction) -> str:
    data: Any = interaction.data or {}
    return str(data.get("custom_id", ""))


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
