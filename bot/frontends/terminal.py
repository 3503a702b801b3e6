"""The terminal front-end: one-shot answers, JSON lines for scripts, and an interactive chat."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from bot.core.answers import Answer, Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.timeline import dated


def to_question(line: str) -> str:
    """A line typed at the terminal is the question itself."""
    return line.rstrip("\r\n")


def render(answer: Answer) -> str:
    """An answer for a person reading a terminal."""
    lines: list[str] = []
    if answer.matched and answer.source:
        lines.append(f"{answer.answer}")
        lines += [f"  {line}" for line in answer.reply.splitlines()]
        src = answer.source
        lines.append(f"  Source: {src.name}, paragraph {src.paragraph}" + (f" — {src.url}" if src.url else ""))
        lines.append(f"  > {src.quote}")
    else:
        lines.append(answer.reply)
        if answer.suggestions:
            label = "Did you mean" if answer.kind == "declined" else "Try"
            lines.append(f"  {label}: " + " | ".join(answer.suggestions[:3]))
    return "\n".join(lines)


def render_timeline(base: FactBase) -> str:
    """Every dated fact in order, each with its source."""
    rows = [f"{day:%Y-%m-%d}  {e.fact.reply}  ({base.articles[e.article_id].name}, paragraph {e.fact.paragraph})"
            for day, e in dated(base)]
    return "\n".join(rows) if rows else "No dated facts."


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json_dict(), ensure_ascii=False)


def ask(answerer: Answerer, questions: Iterable[str], out: TextIO, as_json: bool) -> int:
    """Answer each question in order; one JSON object per line with ``as_json``."""
    for q in questions:
        answer = answerer.answer(to_question(q))
        print(to_json_line(answer) if as_json else render(answer), file=out, flush=True)
    return 0


CHAT_HELP = "Type a question, or /reload to reload the fact base, /help for help, /quit to leave."


def chat(answerer: Answerer, holder: FactBaseHolder, inp: TextIO, out: TextIO) -> int:
    """An interactive chat; works with piped input too (no prompt is shown then)."""
    interactive = inp.isatty()
    if interactive:
        base = holder.current
        print(f"talksbot — {len(base.facts)} facts from {len(base.articles)} article(s). {CHAT_HELP}", file=out)
    while True:
        if interactive:
            print("> ", end="", file=out, flush=True)
        line = inp.readline()
        if not line:
            break
        text = to_question(line).strip()
        if text in ("/quit", "/exit", "quit", "exit"):
            break
        if text == "/reload":
            report = holder.reload()
            print(report.summary(), file=out)
            for problem in report.errors:
                print(f"  {problem}", file=out)
            continue
        if not text and not interactive:
            continue
        print(render(answerer.answer(text if text != "/help" else "help")), file=out, flush=True)
    return 0


def stdin_lines() -> Iterable[str]:
    """Lines of standard input, tolerating bytes that are not UTF-8."""
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    yield from sys.stdin
