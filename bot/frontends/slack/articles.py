"""Slack's side of adding articles from a link: ``/talks add URL``, ``/talks articles``, ``/talks remove ID``,
and ``announce`` for the feed poller's additions.

``register_articles`` returns the handler of those subcommands, which the ``/talks`` listener tries
before anything else, because it acknowledges the command itself: an admin's ``add`` is acknowledged
at once with an ephemeral "Fetching URL…" (inside Slack's 3-second window), then the page is fetched,
written to ``seeds/`` and the base reloaded (``bot.ingest.add``), and the outcome is sent through the
command's ``response_url``. The listener holds the app's ``InFlight`` all the while, so a shutdown
waits for an addition under way.

The replies to ``add`` and ``remove`` are ephemeral, seen by the admin only: a refusal names fetch
errors, addresses and file names that are the admin's business, a failed attempt is no news to the
channel (which may be any channel the command was typed in), and new articles are announced where
``TALKSBOT_FEED_NOTIFY_CHANNEL`` says, by ``announce``. Who is an admin follows ``/talks reload``.
The ingest layer (trafilatura, lxml) is imported on first use, after the acknowledgement.
"""
from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from slack_bolt.async_app import AsyncAck, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, admin_refusal, trim
from bot.frontends.slack.render import BLOCK_LIMIT, SECTION_LIMIT, TEXT_LIMIT, escape, link, render_text, section
from bot.frontends.slack.webapi import post
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.ingest.add import Added, ArticleRow

#: Handles ``/talks TEXT`` for ``user``, acknowledging it; False (and not acknowledged) when TEXT is
#: not one of these subcommands.
ArticleCommand = Callable[[str, str, AsyncAck, AsyncRespond], Awaitable[bool]]

ROW_LIMIT = 60  # articles one list shows
URL_SHOWN = 200  # characters of a link echoed in "Fetching …"
ADD_USAGE = "Usage: /talks add URL (an http or https link to a news article)."
REMOVE_USAGE = "Usage: /talks remove ID (the ids are in /talks articles)."

_ADD = re.compile(r"add(?:\s+(.+))?", re.IGNORECASE | re.DOTALL)  # more than a link: the usage
_REMOVE = re.compile(r"remove(?:\s+(\S+))?", re.IGNORECASE)
_ARTICLES = re.compile(r"articles", re.IGNORECASE)
_SLACK_LINK = re.compile(r"<([^<>|]*)(?:\|[^<>]*)?>")


def link_target(text: str) -> str:
    """The URL in a command's text: as typed, or out of Slack's ``<url>`` / ``<url|label>`` form."""
    text = text.strip()
    found = _SLACK_LINK.fullmatch(text)
    return found.group(1).strip() if found else text


def _linked(url: str, text: str, room: int = SECTION_LIMIT - 100) -> str:
    """``text`` linked to ``url`` (if http(s)), or alone when the link takes more than ``room``
    characters: trimming a message must never cut a link (its raw mrkdwn would show)."""
    linked = link(url, text)
    return linked if len(linked) <= room else text


def render_added(added: Added) -> dict[str, Any]:
    """The reply to ``add``: its message, and on success a link to the article's page."""
    blocks = [section(escape(added.message))]
    if added.ok and added.url:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "Source: " + _linked(
            added.url, escape(trim(added.title or added.url, URL_SHOWN)))}]})
    return {"text": trim(escape(added.message), TEXT_LIMIT), "blocks": blocks}


def _row_line(row: ArticleRow) -> str:
    head = (f"• *{escape(trim(row.title, 200))}* ({row.date.isoformat()}) · {row.facts} facts · "
            f"id `{escape(row.id)}` · ")
    source = row.source or ""
    linked = _linked(source, "source", SECTION_LIMIT - len(head)) if source.startswith(("http://", "https://")) else ""
    if linked.startswith("<"):
        return head + linked
    return head + (escape(trim(source, URL_SHOWN)) if source else "no source given")


def render_articles(rows: Sequence[ArticleRow]) -> dict[str, Any]:
    """The article list, newest first as given: title, date, facts, id and source link, as many rows
    (ROW_LIMIT at most) as Slack's blocks hold, then a count of the rest."""
    if not rows:
        return render_text("No articles are loaded.")
    head = f"{len(rows)} article(s), newest first:"
    blocks = [section(escape(head))]
    chunk: list[str] = []
    listed = 0
    for row in rows[:ROW_LIMIT]:  # as few sections as hold the lines
        line = _row_line(row)
        if chunk and len("\n".join([*chunk, line])) > SECTION_LIMIT:
            if len(blocks) + 3 > BLOCK_LIMIT:  # room for this chunk and the count of the rest only
                break
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
        listed += 1
    blocks.append(section("\n".join(chunk)))
    if listed < len(rows):
        blocks.append(section(f"… and {len(rows) - listed} more (`talksbot articles` lists them all)"))
    return {"text": trim(escape(head), TEXT_LIMIT), "blocks": blocks}


def announcement(added: Added) -> str:
    """"New article: TITLE (DATE) URL — try: QUESTION" as mrkdwn, every part escaped, the URL linked if
    http(s) and if it fits, all within one section."""
    date = added.date.isoformat() if added.date else "undated"
    text = f"New article: {escape(trim(added.title or added.article_id or 'untitled', 200))} ({date})"
    tail = f" — try: {escape(trim(added.questions[0], 300))}" if added.questions else ""
    if added.url:
        text += " " + _linked(added.url, escape(trim(added.url, URL_SHOWN)), SECTION_LIMIT - len(text) - len(tail) - 1)
    return text + tail


async def announce(client: AsyncWebClient, channel: str, added: Added) -> None:
    """Post a new article to ``channel`` (the feed poller's additions; nothing for a refusal).
    Nothing in it can mention anyone or broadcast; a failed post is logged by ``post``, not raised."""
    if not added.ok:
        return
    text = announcement(added)
    await post(client, channel=channel, text=text, blocks=[section(text)], unfurl_links=False, unfurl_media=False)


def register_articles(settings: Settings, holder: FactBaseHolder, answerer: Answerer, admins: Collection[str],
                      reload: ReloadFn) -> ArticleCommand:
    """The handler of ``/talks add URL``, ``/talks articles`` and ``/talks remove ID``."""

    async def refused(user: str, action: str, feature: str, ack: AsyncAck, respond: AsyncRespond) -> bool:
        refusal = admin_refusal(user, admins, action, feature)
        if refusal is None:
            return False
        await ack()
        await respond(response_type="ephemeral", **render_text(refusal))
        return True

    async def add(target: str | None, user: str, ack: AsyncAck, respond: AsyncRespond) -> None:
        if await refused(user, "add articles", "Adding articles", ack, respond):
            return
        url = link_target(target or "")
        if len(url.split()) != 1:  # none, or more than a link
            await ack()
            await respond(response_type="ephemeral", **render_text(ADD_USAGE))
            return
        shown = escape(trim(url, URL_SHOWN))
        await ack(response_type="ephemeral", text=f"Fetching {_linked(url, shown)}…")
        from bot.ingest.add import add_url

        added = await add_url(url, settings, holder, answerer, reload, trigger=f"add by {user}")
        await respond(response_type="ephemeral", replace_original=False, **render_added(added))

    async def remove(target: str | None, user: str, ack: AsyncAck, respond: AsyncRespond) -> None:
        if await refused(user, "remove articles", "Removing articles", ack, respond):
            return
        await ack()
        if not target:
            await respond(response_type="ephemeral", **render_text(REMOVE_USAGE))
            return
        from bot.ingest.add import remove_article

        removed = await remove_article(target, settings, holder, reload)
        await respond(response_type="ephemeral", **render_text(removed.message))

    async def command(text: str, user: str, ack: AsyncAck, respond: AsyncRespond) -> bool:
        text = text.strip()
        if (wanted := _ADD.fullmatch(text)) is not None:
            await add(wanted.group(1), user, ack, respond)
        elif (wanted := _REMOVE.fullmatch(text)) is not None:
            await remove(wanted.group(1), user, ack, respond)
        elif _ARTICLES.fullmatch(text):
            await ack()
            from bot.ingest.add import list_articles

            await respond(response_type="ephemeral", **render_articles(list_articles(holder.current)))
        else:
            return False
        return True

    return command
