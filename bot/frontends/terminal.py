"""The terminal front-end: one-shot answers, JSON lines for scripts, and an interactive chat."""
from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot.core.answers import Answer, Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder
from bot.core.timeline import dated
from bot.frontends.common import suggestion_label


def clean(text: str) -> str:
    """``text`` with every byte that was not UTF-8 as U+FFFD.

    Python hands such bytes over as lone surrogates (``sys.argv``, or a stream decoding with
    ``surrogateescape``), which no UTF-8 output can encode.
    """
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def tolerate(stream: TextIO) -> None:
    """Let ``stream`` replace what its encoding cannot carry (a byte that is not UTF-8 read in,
    a character an ASCII or Latin-1 terminal cannot show written out) instead of raising."""
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")


def to_question(line: str) -> str:
    """A line typed at the terminal (or a command-line argument) is the question itself."""
    return clean(line.rstrip("\r\n"))


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
            label = suggestion_label(answer)
            lines.append(f"  {label}: " + " | ".join(answer.suggestions[:3]))
    return "\n".join(lines)


def render_timeline(base: FactBase) -> str:
    """Every dated fact in order, each with its source."""
    rows = [f"{day:%Y-%m-%d}  {e.fact.reply}  ({base.articles[e.article_id].name}, paragraph {e.fact.paragraph})"
            for day, e in dated(base)]
    return "\n".join(rows) if rows else "No dated facts."


def to_json_line(answer: Answer) -> str:
    return json.dumps(answer.to_json_dict(), ensure_ascii=False)


Record = Callable[[Answer], object]


def ask(answerer: Answerer, questions: Iterable[str], out: TextIO, as_json: bool, record: Record | None = None) -> int:
    """Answer each question in order; one JSON object per line with ``as_json``; each answer
    passed to ``record`` (the question log) when given."""
    tolerate(out)
    for q in questions:
        answer = answerer.answer(to_question(q))
        if record is not None:
            record(answer)
        print(to_json_line(answer) if as_json else render(answer), file=out, flush=True)
    return 0


CHAT_HELP = "Type a question, or /reload to reload the fact base, /help for help, /quit or Ctrl-D to leave."
PROMPT = "> "
HISTORY_LENGTH = 1000
CTRL_C_HINT = "(Ctrl-C again, Ctrl-D or /quit to leave)"


def history_path() -> Path | None:
    """Where the chat keeps its history: ``$XDG_STATE_HOME/talksbot/history`` when that is set,
    else ``~/.talksbot_history``; None when there is no home directory."""
    state = os.environ.get("XDG_STATE_HOME")
    if state:
        return Path(state) / "talksbot" / "history"
    try:
        return Path.home() / ".talksbot_history"
    except RuntimeError:
        return None


@contextlib.contextmanager
def line_editing(history: Path | None) -> Iterator[None]:
    """GNU readline (or libedit) line editing and history for ``input()`` while in the block,
    when the module is there; a history file that cannot be read or written is done without."""
    try:
        import readline
    except ImportError:
        yield
        return
    readline.set_history_length(HISTORY_LENGTH)
    if history is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)
    try:
        yield
    finally:
        if history is not None:
            with contextlib.suppress(OSError):
                history.parent.mkdir(parents=True, exist_ok=True)
                readline.write_history_file(history)


@contextlib.contextmanager
def unlogged(logger_name: str, level: int = logging.ERROR) -> Iterator[None]:
    """Records of ``logger_name`` below ``level`` are not logged while in the block."""
    logger = logging.getLogger(logger_name)
    before = logger.level
    logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        logger.setLevel(before)


def _reader(inp: TextIO, out: TextIO, interactive: bool, editing: bool) -> Callable[[], str | None]:
    """A function returning the next line typed, or None at the end of input."""
    if editing:
        def typed() -> str | None:
            try:
                return input(PROMPT)
            except EOFError:
                return None
        return typed

    def line() -> str | None:
        if interactive:
            print(PROMPT, end="", file=out, flush=True)
        return inp.readline() or None
    return line


def chat(answerer: Answerer, holder: FactBaseHolder, inp: TextIO, out: TextIO,
         history: Path | None = None, record: Record | None = None) -> int:
    """An interactive chat; works with piped input too (no prompt is shown then).

    On a terminal, lines are edited with readline and kept in ``history`` (by default
    ``history_path()``). Ctrl-D or /quit leaves. Ctrl-C, as in a shell or Python's REPL,
    discards the line being typed (or the answer under way) and shows a fresh prompt with a
    hint; a second Ctrl-C with no line entered in between leaves. With piped input Ctrl-C
    leaves at once. Leaving is always clean, with exit status 0.

    ``/reload`` prints the holder's report here; the holder's own log records of it are held
    back meanwhile, so that the report is not shown twice when the log goes to the terminal.
    """
    interactive = inp.isatty()
    tolerate(inp)  # input() decodes with the errors of sys.stdin too
    tolerate(out)
    if interactive:
        base = holder.current
        print(f"talksbot — {len(base.facts)} facts from {len(base.articles)} article(s). {CHAT_HELP}", file=out)
    editing = interactive and inp is sys.stdin and out is sys.stdout  # input() edits lines only on these
    read = _reader(inp, out, interactive, editing)
    with line_editing(history or history_path()) if editing else contextlib.nullcontext():
        interrupted = False
        while True:
            try:
                if not _chat_turn(answerer, holder, read, out, interactive, record):
                    break
                interrupted = False
            except KeyboardInterrupt:
                if not interactive:
                    break
                if interrupted:
                    print(file=out, flush=True)
                    break
                interrupted = True
                print(f"\n{CTRL_C_HINT}", file=out, flush=True)
    return 0


def _chat_turn(answerer: Answerer, holder: FactBaseHolder, read: Callable[[], str | None], out: TextIO,
               interactive: bool, record: Record | None = None) -> bool:
    """Read and answer one line; False when the chat is over."""
    line = read()
    if line is None:
        if interactive:
            print(file=out)  # the shell's prompt goes on a line of its own after Ctrl-D
        return False
    text = to_question(line).strip()
    if text in ("/quit", "/exit", "quit", "exit"):
        return False
    if text == "/reload":
        with unlogged("bot.core.holder"):
            report = holder.reload()
        print(report.summary(), file=out)
        for problem in report.errors:
            print(f"  {problem}", file=out)
        return True
    if not text and not interactive:
        return True
    answer = answerer.answer(text if text != "/help" else "help")
    if record is not None:
        record(answer)
    print(render(answer), file=out, flush=True)
    return True


def stdin_lines() -> Iterable[str]:
    """Lines of standard input, tolerating bytes that are not UTF-8."""
    tolerate(sys.stdin)
    yield from sys.stdin
