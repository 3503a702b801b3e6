"""What every chat front-end words the same way: trimming, suggestion labels, reload checks and reports.

Nothing here knows a platform: each front-end passes its own length limits and wraps the
text in its own message format.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection
from pathlib import Path

from bot.core.answers import Answer, Answerer
from bot.core.holder import FactBaseHolder, ReloadReport
from bot.core.teach import Taught, verify, write_phrasing

log = logging.getLogger(__name__)

#: How many of a reload's problems a chat reply lists before counting the rest.
PROBLEM_LIMIT = 20


def trim(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggestion_label(answer: Answer) -> str:
    """What precedes a suggested question: "Did you mean" after a decline, "Try" otherwise (help, topics)."""
    return "Did you mean" if answer.kind == "declined" else "Try"


def admin_refusal(user: str, admins: Collection[str], action: str = "reload the fact base",
                  feature: str = "Reloading") -> str | None:
    """None when ``user`` is an admin and may ``action``; otherwise the reply to send, after one
    WARNING saying why. Nobody is an admin when none are configured."""
    if not admins:
        log.warning("%s refused for %s: no admins are configured", action, user)
        return f"{feature} is turned off: no admins are configured (TALKSBOT_ADMIN_USER_IDS)."
    if user not in admins:
        log.warning("%s refused: %s is not an admin", action, user)
        return f"Sorry, only the bot's admins can {action}."
    return None


def reload_refusal(user: str, admins: Collection[str]) -> str | None:
    """None when ``user`` may reload; otherwise the reply (see ``admin_refusal``)."""
    return admin_refusal(user, admins)


# How a front-end reloads: given who asked, the report of a reload that began after the request.
# ``serve`` passes its coalescing ``Reloader.request``; alone, a front-end reloads directly.
ReloadFn = Callable[[str], Awaitable[ReloadReport]]


def direct_reload(holder: FactBaseHolder) -> ReloadFn:
    """A ``ReloadFn`` that reloads ``holder`` in a worker thread, off the event loop."""
    async def reload(trigger: str) -> ReloadReport:
        return await asyncio.to_thread(holder.reload)
    return reload


async def reload_for(user: str, reload: ReloadFn) -> ReloadReport:
    """Reload the fact base for an admin, and log who asked."""
    report = await reload(f"admin {user}")
    log.info("reload by %s: %s", user, report.summary())
    return report


def report_text(report: ReloadReport, max_chars: int, escape: Callable[[str], str] = str) -> str:
    """A reload report in at most ``max_chars`` once escaped: the summary, then as many problems as fit
    (PROBLEM_LIMIT at most), then a count of the rest, which a cut never loses."""
    text = ""
    for shown in range(min(len(report.errors), PROBLEM_LIMIT), -1, -1):
        lines = report.problem_lines(shown)
        text = escape("\n".join([report.summary(), *(f"• {line}" for line in lines[:shown]), *lines[shown:]]))
        if len(text) <= max_chars:
            return text
    return trim(text, max_chars)  # the summary alone is too long: it names every broken file


async def teach_through(reload: ReloadFn, holder: FactBaseHolder, answerer: Answerer, knowledge_dir: Path,
                        question: str, fact_id: str, article: str | None,
                        user: str) -> tuple[Taught, ReloadReport | None]:
    """A Teach click: write the phrasing, reload through the front-end's reloader, then say whether
    the fact now answers (``bot.core.teach``); the reload's report, when there was one."""
    written = await asyncio.to_thread(write_phrasing, holder.current, answerer, knowledge_dir, question, fact_id,
                                      article)
    if isinstance(written, Taught):
        return written, None
    report = await reload(f"teach by {user}")
    taught = await asyncio.to_thread(verify, answerer, question, written)
    log.info("teach by %s: %s", user, taught.message)
    return taught, report
