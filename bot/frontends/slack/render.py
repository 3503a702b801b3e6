"""Core answers as Slack messages: Block Kit with a plain-text fallback, escaped and trimmed."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from bot.core.answers import Answer
from bot.core.holder import ReloadReport
from bot.frontends.common import report_text, suggestion_label, trim

SECTION_LIMIT = 3000
BLOCK_LIMIT = 50
TEXT_LIMIT = 4000
BUTTON_TEXT_LIMIT = 75
SUGGEST_ACTION = "talks_suggest"
VALUE_LIMIT = 2000  # a button's value
#: A Helpful / Not helpful click: the action id ends in _yes or _no, the value is the answer id.
FEEDBACK_ACTION = "talks_feedback"

_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_LINK_BREAKERS = re.compile(r"[|\s]")


def escape(text: str) -> str:
    """Escape text for Slack mrkdwn so that nothing in it becomes a mention, link or broadcast.

    ``&``, ``<`` and ``>`` are Slack's control characters (``<!channel>`` is only a broadcast
    when the angle brackets are real); a zero-width joiner after ``@`` also keeps a bare
    ``@channel`` inert in clients that would otherwise highlight it.
    """
    return _BROADCAST.sub("@\u2060\\1", _entities(text))


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, text: str) -> str:
    """``text`` (already escaped) as a mrkdwn link to ``url``, or alone when ``url`` is not http(s).

    Inside ``<url|text>`` the URL is escaped like any text, and ``|`` (which would end it) and
    white space (which Slack does not keep in a link) are percent-encoded.
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return text
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return text
    url = _entities(_LINK_BREAKERS.sub(lambda m: quote(m.group()), parts.geturl()))
    return f"<{url}|{text}>"


def section(text: str) -> dict[str, Any]:
    """A mrkdwn section of ``text`` (already escaped), trimmed to Slack's limit."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": trim(text, SECTION_LIMIT)}}


def _quote(text: str) -> str:
    return "\n".join("&gt; " + line for line in text.splitlines() or [""])


def button(action_id: str, text: str, value: str) -> dict[str, Any]:
    """A Block Kit button; ``text`` is plain text (never read as mrkdwn), trimmed to Slack's limit."""
    return {"type": "button", "action_id": action_id, "value": value,
            "text": {"type": "plain_text", "text": trim(text, BUTTON_TEXT_LIMIT)}}


def render(answer: Answer, answer_id: str | None = None) -> dict[str, Any]:
    """Keyword arguments for ``chat.postMessage`` (``text`` and ``blocks``) for one answer; an answer
    with an ``answer_id`` (from the question log) carries Helpful / Not helpful buttons."""
    blocks: list[dict[str, Any]] = []
    if answer.matched and answer.source:
        src = answer.source
        blocks.append(section(f"*{escape(answer.answer or '')}*\n{escape(answer.reply)}"))
        where = link(src.url, escape(src.name))
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": trim(f"Source: {where}, paragraph {src.paragraph} · {escape(src.title)}",
                                            SECTION_LIMIT)}]})
        blocks.append(section(_quote(trim(escape(src.quote), SECTION_LIMIT - 200))))
        if answer_id:
            blocks.append({"type": "actions", "elements": [
                button(f"{FEEDBACK_ACTION}_yes", "Helpful", answer_id),
                button(f"{FEEDBACK_ACTION}_no", "Not helpful", answer_id)]})
        text = f"{answer.answer} — {answer.reply} (Source: {src.name}, paragraph {src.paragraph})"
    else:
        blocks.append(section(escape(answer.reply)))
        text = answer.reply
        if answer.suggestions:
            label = suggestion_label(answer)
            blocks.append({"type": "actions", "elements": [
                button(f"{SUGGEST_ACTION}_{i}", f"{label}: {s}", trim(s, VALUE_LIMIT))
                for i, s in enumerate(answer.suggestions[:3])]})
    return {"text": trim(escape(text), TEXT_LIMIT), "blocks": blocks[:BLOCK_LIMIT]}


def render_text(text: str) -> dict[str, Any]:
    """A plain message (help, refusals) as Block Kit."""
    return {"text": trim(escape(text), TEXT_LIMIT), "blocks": [section(escape(text))]}


def render_report(report: ReloadReport) -> dict[str, Any]:
    """A reload report: the summary, then its problems with file and reason, as many as one section holds."""
    text = report_text(report, SECTION_LIMIT, escape)
    return {"text": trim(text, TEXT_LIMIT), "blocks": [section(text)]}
