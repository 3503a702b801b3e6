"""Core answers as Slack messages: Block Kit with a plain-text fallback, escaped and trimmed."""
from __future__ import annotations

import re
from typing import Any

from bot.core.answers import Answer
from bot.core.holder import ReloadReport

SECTION_LIMIT = 3000
BLOCK_LIMIT = 50
TEXT_LIMIT = 4000
BUTTON_TEXT_LIMIT = 75
SUGGEST_ACTION = "talks_suggest"

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)


def escape(text: str) -> str:
    """Escape text for Slack mrkdwn so that nothing in it becomes a mention, link or broadcast.

    ``&``, ``<`` and ``>`` are Slack's control characters (``<!channel>`` is only a broadcast
    when the angle brackets are real); a zero-width joiner after ``@`` also keeps a bare
    ``@channel`` inert in clients that would otherwise highlight it.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _BROADCAST.sub("@\u2060\\1", text)


def trim(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": trim(text, SECTION_LIMIT)}}


def _quote(text: str) -> str:
    return "\n".join("&gt; " + line for line in text.splitlines() or [""])


def render(answer: Answer) -> dict[str, Any]:
    """Keyword arguments for ``chat.postMessage`` (``text`` and ``blocks``) for one answer."""
    blocks: list[dict[str, Any]] = []
    if answer.matched and answer.source:
        src = answer.source
        blocks.append(_section(f"*{escape(answer.answer or '')}*\n{escape(answer.reply)}"))
        name = escape(src.name)
        where = f"<{src.url}|{name}>" if src.url else name
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": trim(f"Source: {where}, paragraph {src.paragraph} · {escape(src.title)}",
                                            SECTION_LIMIT)}]})
        blocks.append(_section(_quote(trim(escape(src.quote), SECTION_LIMIT - 200))))
        text = f"{answer.answer} — {answer.reply} (Source: {src.name}, paragraph {src.paragraph})"
    else:
        blocks.append(_section(escape(answer.reply)))
        text = answer.reply
        if answer.suggestions:
            label = "Did you mean" if answer.kind == "declined" else "Try"
            blocks.append({"type": "actions", "elements": [
                {"type": "button", "action_id": f"{SUGGEST_ACTION}_{i}", "value": trim(s, 2000),
                 "text": {"type": "plain_text", "text": trim(f"{label}: {s}", BUTTON_TEXT_LIMIT)}}
                for i, s in enumerate(answer.suggestions[:3])]})
    return {"text": trim(escape(text), TEXT_LIMIT), "blocks": blocks[:BLOCK_LIMIT]}


def render_text(text: str) -> dict[str, Any]:
    """A plain message (help, refusals) as Block Kit."""
    return {"text": trim(escape(text), TEXT_LIMIT), "blocks": [_section(escape(text))]}


def render_report(report: ReloadReport) -> dict[str, Any]:
    """A reload report: the summary, then every problem with its file and reason."""
    lines = [report.summary()]
    lines += [f"• {p}" for p in report.errors[:40]]
    if len(report.errors) > 40:
        lines.append(f"… and {len(report.errors) - 40} more")
    return render_text("\n".join(lines))
