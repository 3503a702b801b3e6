"""Core answers as Discord embeds, kept inside Discord's limits, pinging nobody."""
from __future__ import annotations

import discord

from bot.core.answers import Answer
from bot.core.factbase import Article
from bot.core.holder import ReloadReport
from bot.frontends.common import report_text, trim

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_LIMIT = 1024
FOOTER_LIMIT = 2048
TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000
BUTTON_LABEL_LIMIT = 80
CHOICE_LIMIT = 100

#: Every message the bot sends uses this: an echoed @everyone or <@&role> pings nobody.
NO_PINGS = discord.AllowedMentions.none()


def to_question(content: str, bot_id: int | None = None) -> str:
    """The question in a Discord message: its content without the mentions of the bot."""
    if bot_id is not None:
        content = content.replace(f"<@{bot_id}>", " ").replace(f"<@!{bot_id}>", " ")
    return content.strip()


def plain(text: str) -> str:
    """Text someone typed, shown as typed: markdown escaped, and mentions broken so that they
    neither ping (NO_PINGS does that too) nor render as a name."""
    return discord.utils.escape_mentions(discord.utils.escape_markdown(text))


def render(answer: Answer) -> discord.Embed:
    """An embed: the short answer as title, the reply, the quoted source, a footer naming it."""
    if answer.matched and answer.source:
        src = answer.source
        embed = discord.Embed(title=trim(answer.answer or "", TITLE_LIMIT),
                              description=trim(answer.reply, DESCRIPTION_LIMIT - 10),
                              url=src.url, colour=discord.Colour.blue())
        embed.add_field(name="Source paragraph", value=trim("> " + src.quote, FIELD_LIMIT), inline=False)
        embed.set_footer(text=trim(f"{src.name} · paragraph {src.paragraph} · {src.title}", FOOTER_LIMIT))
    else:
        embed = discord.Embed(title="I don't know that" if answer.kind == "declined" else None,
                              description=trim(answer.reply, DESCRIPTION_LIMIT), colour=discord.Colour.light_grey())
    _fit(embed)
    return embed


def render_paragraph(article: Article, paragraph: int) -> discord.Embed:
    """Paragraph ``paragraph`` (1 is the first) of ``article``, titled with its place, footed with the title."""
    embed = discord.Embed(title=trim(f"{article.name}, paragraph {paragraph}", TITLE_LIMIT),
                          description=trim(article.paragraphs[paragraph - 1], DESCRIPTION_LIMIT))
    embed.set_footer(text=trim(article.meta.title, FOOTER_LIMIT))
    return embed


def _fit(embed: discord.Embed) -> None:
    # The four limits above can each be met while their sum breaks 6,000; trim the description last.
    over = len(embed) - TOTAL_LIMIT
    if over > 0 and embed.description:
        embed.description = trim(embed.description, max(1, len(embed.description) - over))


def render_report(report: ReloadReport) -> str:
    """A reload report as message content: the summary and as many problems as one message holds."""
    return report_text(report, CONTENT_LIMIT)
