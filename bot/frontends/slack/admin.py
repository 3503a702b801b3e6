"""Slack's side of the question log: Helpful / Not helpful votes, and the admins' views.

``register_admin`` adds the listeners of the feedback buttons and of the "Teach" and "Not in
the articles" buttons of the unanswered view, and returns the handler of the admin subcommands
of ``/talks`` (``unanswered [days]``, ``feedback``), which the command listener tries before
reading its text as a question. Admin replies are ephemeral; log reads and teaching run off the
event loop. Who is an admin follows ``/talks reload``: the ids in ``TALKSBOT_ADMIN_USER_IDS``,
nobody when there are none.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Collection
from pathlib import Path
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond

from bot.core.answers import Answerer, Guess
from bot.core.holder import FactBaseHolder
from bot.frontends.common import ReloadFn, admin_refusal, teach_through, trim
from bot.frontends.slack.render import (
    BLOCK_LIMIT,
    FEEDBACK_ACTION,
    SECTION_LIMIT,
    TEXT_LIMIT,
    VALUE_LIMIT,
    button,
    escape,
    render_text,
    section,
)
from bot.questionlog import Asked, QuestionLog
from bot.questionlog.review import Group, dismiss_group, unanswered
from bot.questionlog.store import Helpfulness

log = logging.getLogger(__name__)

TEACH_ACTION = "talks_teach"  # + _GROUP_CANDIDATE; value: fact id, article, question (one a line)
DISMISS_ACTION = "talks_dismiss"  # + _GROUP; value: days, question (one a line)
DEFAULT_DAYS = 7
MAX_DAYS = 3650
GROUP_LIMIT = 20  # groups in one view: two blocks each, within Slack's 50 blocks a message
FEEDBACK_ROWS = 40
QUESTION_SHOWN = 300  # characters of a question a view shows (the buttons carry it whole)
USAGE = f"Usage: /talks unanswered [days], days from 1 to {MAX_DAYS} (default {DEFAULT_DAYS})."

_UNANSWERED = re.compile(r"unanswered(?:\s+(\d+))?", re.IGNORECASE)

Listener = Callable[..., Awaitable[None]]
Listens = Callable[..., Callable[[Listener], Listener]]
#: Handles ``/talks TEXT`` for ``user`` when TEXT is an admin subcommand; False when it is not one.
AdminCommand = Callable[[str, str, AsyncRespond], Awaitable[bool]]


def _refusal(user: str, admins: Collection[str]) -> str | None:
    return admin_refusal(user, admins, "review questions and teach the bot", "The admin views")


class RecentVotes:
    """The last ``size`` votes clicked here, only to say whether a click changed a vote (the log
    keeps one vote per user per answer whatever this remembers)."""

    def __init__(self, size: int = 5000) -> None:
        self.size = size
        self._votes: OrderedDict[tuple[str, str], bool] = OrderedDict()

    def swap(self, answer_id: str, user: str, helpful: bool) -> bool | None:
        """Remember this vote; the one it replaces, if known."""
        previous = self._votes.pop((answer_id, user), None)
        self._votes[(answer_id, user)] = helpful
        if len(self._votes) > self.size:
            self._votes.popitem(last=False)
        return previous


def _label(helpful: bool) -> str:
    return "Helpful" if helpful else "Not helpful"


def vote_ack(previous: bool | None, helpful: bool) -> str:
    """The ephemeral reply to a feedback click."""
    if previous is None:
        return "Thanks — noted."
    if previous == helpful:
        return f"Thanks — noted (you had already voted “{_label(helpful)}”)."
    return f"Thanks — your vote is changed to “{_label(helpful)}”."


def teach_value(question: str, guess: Guess) -> str | None:
    """What a Teach button carries, or None when it would not fit in a button's value."""
    value = f"{guess.fact_id}\n{guess.article}\n{question}"
    return value if len(value) <= VALUE_LIMIT else None


def parse_teach(value: str) -> tuple[str, str, str] | None:
    """(fact id, article, question) from a Teach button's value."""
    parts = value.split("\n", 2)
    if len(parts) != 3 or not all(p.strip() for p in parts):
        return None
    return parts[0].strip(), parts[1].strip(), parts[2]


def parse_dismiss(value: str) -> tuple[int, str] | None:
    """(days, question) from a "Not in the articles" button's value."""
    days, _, question = value.partition("\n")
    if not days.isdigit() or not 1 <= int(days) <= MAX_DAYS or not question.strip():
        return None
    return int(days), question


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return "at an unknown time"
    # Slack shows the date in the reader's time zone; the fallback is UTC.
    return f"<!date^{int(at.timestamp())}^{{date_short_pretty}} {{time}}|{at:%Y-%m-%d %H:%M} UTC>"


def _group_blocks(index: int, group: Group, days: int) -> list[dict[str, Any]]:
    lines = [f"*{group.count}×* “{escape(trim(group.question, QUESTION_SHOWN))}”",
             f"{len(group.askers)} asker(s), last asked {_when(group.last_asked)}"]
    lines += [f"{n}. `{escape(g.fact_id)}` ({escape(g.article)}): {escape(g.answer)} · confidence {g.confidence:.2f}"
              for n, g in enumerate(group.candidates, 1)] or ["No candidate facts."]
    elements = [button(f"{TEACH_ACTION}_{index}_{n}", f"Teach: {g.answer}", value)
                for n, g in enumerate(group.candidates[:3]) if (value := teach_value(group.question, g))]
    if len(dismiss := f"{days}\n{group.question}") <= VALUE_LIMIT:
        elements.append(button(f"{DISMISS_ACTION}_{index}", "Not in the articles", dismiss))
    blocks = [section("\n".join(lines))]
    if elements:
        blocks.append({"type": "actions", "elements": elements})
    return blocks


def render_unanswered(groups: list[Group], days: int) -> dict[str, Any]:
    """The unanswered view: each group with its count, askers, last asked and candidate facts, and
    a Teach button per candidate plus "Not in the articles"."""
    if not groups:
        return render_text(f"No unanswered questions in the last {days} day(s).")
    head = (f"Unanswered questions of the last {days} day(s), most asked first ({len(groups)} group(s)). "
            "Teach the fact that answers a group, or mark it as not in the articles.")
    blocks = [section(escape(head))]
    for index, group in enumerate(groups[:GROUP_LIMIT]):
        blocks += _group_blocks(index, group, days)
    return {"text": trim(escape(head), TEXT_LIMIT), "blocks": blocks[:BLOCK_LIMIT]}


def render_feedback(rows: list[Helpfulness]) -> dict[str, Any]:
    """The feedback view: per fact its Helpful / Not helpful votes, least helpful first."""
    if not rows:
        return render_text("No feedback yet.")
    head = f"Feedback per fact, least helpful first ({len(rows)} fact(s)):"
    lines = [trim(f"• `{escape(r.fact_id)}`: {r.helpful} helpful, {r.not_helpful} not helpful "
                  f"(latest: “{escape(trim(r.question, QUESTION_SHOWN))}”)", SECTION_LIMIT)
             for r in rows[:FEEDBACK_ROWS]]
    if len(rows) > FEEDBACK_ROWS:
        lines.append(f"… and {len(rows) - FEEDBACK_ROWS} more (`talksbot feedback` lists them all)")
    blocks = [section(escape(head))]
    chunk: list[str] = []
    for line in lines:  # as few sections as hold the lines
        if chunk and len("\n".join([*chunk, line])) > SECTION_LIMIT:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    blocks.append(section("\n".join(chunk)))
    return {"text": trim(escape(head), TEXT_LIMIT), "blocks": blocks[:BLOCK_LIMIT]}


async def reply(respond: AsyncRespond, text: str) -> None:
    """An ephemeral reply to a click, as a new message (the clicked one stays as it was)."""
    if not respond.response_url:
        log.warning("a click came without a response_url; not answered")
        return
    await respond(response_type="ephemeral", replace_original=False, **render_text(text))


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:]


def register_admin(app: AsyncApp, listens: Listens, answerer: Answerer, holder: FactBaseHolder,
                   admins: Collection[str], reload: ReloadFn, qlog: QuestionLog,
                   knowledge_dir: Path) -> AdminCommand:
    """Add the feedback, Teach and "Not in the articles" listeners; the ``/talks`` admin subcommands."""
    votes = RecentVotes()
    teaching = asyncio.Lock()  # one teach at a time: each writes an overlay file, then reloads

    def read_unanswered(days: int) -> list[Group]:
        qlog.flush()  # what was asked up to now is in the view
        return unanswered(qlog, answerer, days, GROUP_LIMIT)

    def read_feedback() -> list[Helpfulness]:
        qlog.flush()
        return qlog.feedback()

    async def command(text: str, user: str, respond: AsyncRespond) -> bool:
        text = text.strip()
        wanted = _UNANSWERED.fullmatch(text)
        if wanted is None and text.lower() != "feedback":
            return False
        refusal = _refusal(user, admins)
        if refusal is None and not qlog.status.on:
            refusal = f"The question log is {qlog.status.detail}: there is nothing to review."
        if refusal is not None:
            await respond(response_type="ephemeral", **render_text(refusal))
        elif wanted is None:
            await respond(response_type="ephemeral", **render_feedback(await asyncio.to_thread(read_feedback)))
        elif not 1 <= (days := int(wanted.group(1) or DEFAULT_DAYS)) <= MAX_DAYS:
            await respond(response_type="ephemeral", **render_text(USAGE))
        else:
            groups = await asyncio.to_thread(read_unanswered, days)
            await respond(response_type="ephemeral", **render_unanswered(groups, days))
        return True

    @listens(app.action, re.compile(rf"^{FEEDBACK_ACTION}_(yes|no)$"))
    async def on_vote(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        user = (body.get("user") or {}).get("id") or ""
        answer_id = (action.get("value") or "")[:64]
        if not user or not answer_id:
            return
        helpful = action.get("action_id", "").endswith("_yes")
        qlog.vote(answer_id, Asked("slack", "button", user), helpful)
        await reply(respond, vote_ack(votes.swap(answer_id, user, helpful), helpful))

    async def teach(user: str, fact_id: str, article: str, question: str) -> str:
        taught, report = await teach_through(reload, holder, answerer, knowledge_dir, question, fact_id, article, user)
        return _sentence(taught.message) + ("" if report is None or report.ok else f"\n{report.summary()}")

    async def admin_clicking(body: dict[str, Any], respond: AsyncRespond) -> str | None:
        """The admin who clicked, or None once a non-admin has been told why not."""
        user = (body.get("user") or {}).get("id") or ""
        if (refusal := _refusal(user, admins)) is not None:
            await reply(respond, refusal)
            return None
        return user

    @listens(app.action, re.compile(rf"^{TEACH_ACTION}_\d+_\d+$"))
    async def on_teach(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond) -> None:
        await ack()
        if (user := await admin_clicking(body, respond)) is None:
            return
        if (parsed := parse_teach(action.get("value") or "")) is None:
            await reply(respond, "That Teach button carries no question: run /talks unanswered again.")
            return
        async with teaching:
            outcome = await teach(user, *parsed)
        await reply(respond, outcome)

    @listens(app.action, re.compile(rf"^{DISMISS_ACTION}_\d+$"))
    async def on_dismiss(ack: AsyncAck, body: dict[str, Any], action: dict[str, Any],
                         respond: AsyncRespond) -> None:
        await ack()
        if (user := await admin_clicking(body, respond)) is None:
            return
        if (parsed := parse_dismiss(action.get("value") or "")) is None:
            await reply(respond, "That button carries no question: run /talks unanswered again.")
            return
        days, question = parsed
        count = await asyncio.to_thread(dismiss_group, qlog, question, days)
        log.info("not in the articles, by %s: %d phrasing(s) of %r", user, count, question)
        await reply(respond, f"Marked “{trim(question, QUESTION_SHOWN)}” ({count} phrasing(s)) as not in the "
                             "articles: it is not shown again.")

    return command
