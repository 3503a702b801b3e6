"""The terminal chat as a person uses it: a real ``python -m bot chat`` on a pseudo-terminal (line
editing, history, Ctrl-C, Ctrl-D), and its reload report, which must be shown once."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, bot_env
from tests.test_cli import run

pty = pytest.importorskip("pty")
termios = pytest.importorskip("termios")
fcntl = pytest.importorskip("fcntl")
UP = "\x1b[A"
PROMPT = "\n> "  # a prompt at the start of a line (quotes in answers are indented)


def _take_terminal() -> None:
    # in the child, after setsid: the pty (its stdin) becomes its controlling terminal, so that
    # Ctrl-C typed there sends SIGINT as in a real terminal; and SIGINT is not ignored, as it is
    # inherited when the tests themselves run in the background ("make test &")
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """``python -m bot chat`` on a pseudo-terminal, and everything it wrote to it."""

    def __init__(self, home: Path, env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        full_env = {k: v for k, v in bot_env().items() if not k.startswith("XDG_")}
        full_env.update({"HOME": str(home), "TERM": "xterm", **(env or {})})
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "chat"], stdin=slave, stdout=slave, stderr=slave,
                                     cwd=ROOT, env=full_env, start_new_session=True, preexec_fn=_take_terminal)
        os.close(slave)
        self.master = master
        self.output = ""

    def type(self, keys: str) -> None:
        # a person types a moment after the prompt shows: readline is then waiting for keys (a
        # Ctrl-C in the instant between the prompt and that wait is taken only at the next key)
        time.sleep(0.2)
        os.write(self.master, keys.encode())

    def expect(self, text: str, count: int = 1, timeout: float = 30) -> None:
        """Read until ``text`` has appeared ``count`` times in all the output."""
        deadline = time.monotonic() + timeout
        while self.output.count(text) < count:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} x{count} not seen in {self.output!r}"
            if select.select([self.master], [], [], left)[0]:
                try:
                    data = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    data = b""
                assert data, f"{text!r} x{count} not seen before the end: {self.output!r}"
                self.output += data.decode("utf-8", "replace")

    def wait(self) -> int:
        try:
            code = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError(f"still running after: {self.output!r}") from None
        while select.select([self.master], [], [], 0.1)[0]:
            try:
                data = os.read(self.master, 4096)
            except OSError:
                break
            if not data:
                break
            self.output += data.decode("utf-8", "replace")
        os.close(self.master)
        return code


def test_history_and_line_editing_with_readline(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    term.expect(PROMPT)
    term.type("who set the deadlinX\x7fe?\r")  # backspace edits the line
    term.expect("paragraph 8")
    term.expect(PROMPT, 2)  # keys typed ahead of the prompt reach the terminal, not readline
    term.type(UP + "\r")  # the up arrow recalls the last question
    term.expect("paragraph 8", 2)
    term.expect(PROMPT, 3)
    term.type("\x04")  # Ctrl-D at an empty prompt leaves
    assert term.wait() == 0 and "Traceback" not in term.output
    assert (tmp_path / ".talksbot_history").read_text().splitlines()[-1] == "who set the deadline?"

    again = Terminal(tmp_path)  # the history outlives the session
    again.expect(PROMPT)
    again.type(UP + "\r")
    again.expect("paragraph 8")
    again.expect(PROMPT, 2)
    again.type("/quit\r")
    assert again.wait() == 0


def test_history_under_xdg_state_home(tmp_path: Path) -> None:
    term = Terminal(tmp_path, {"XDG_STATE_HOME": str(tmp_path / "state")})
    term.expect(PROMPT)
    term.type("who is tusk\r")
    term.expect("Polish Prime Minister")
    term.expect(PROMPT, 2)
    term.type("\x04")
    assert term.wait() == 0
    assert (tmp_path / "state" / "talksbot" / "history").read_text().splitlines() == ["who is tusk"]


def test_a_history_file_that_cannot_be_read_or_written_is_no_crash(tmp_path: Path) -> None:
    (tmp_path / ".talksbot_history").mkdir()  # neither readable nor writable as a file
    term = Terminal(tmp_path)
    term.expect(PROMPT)
    term.type("who is tusk\r")
    term.expect("Polish Prime Minister")
    term.expect(PROMPT, 2)
    term.type("\x04")
    assert term.wait() == 0 and "Traceback" not in term.output and "Error" not in term.output


def test_ctrl_c_clears_the_line_and_twice_leaves(tmp_path: Path) -> None:
    term = Terminal(tmp_path)
    term.expect(PROMPT)
    term.type("who set the dead")
    term.expect("who set the dead")
    term.type("\x03")  # discards the line typed so far and says how to leave
    term.expect("Ctrl-C again")
    term.expect(PROMPT, 2)
    term.type("who is tusk\r")  # a line entered resets the count
    term.expect("Polish Prime Minister")
    term.expect(PROMPT, 3)
    term.type("\x03")
    term.expect("Ctrl-C again", 2)
    term.expect(PROMPT, 4)
    term.type("\x03")
    assert term.wait() == 0, term.output
    assert "Traceback" not in term.output and "KeyboardInterrupt" not in term.output
    assert "paragraph 8" not in term.output  # the discarded line was never asked


def piped_chat(**settings: str) -> subprocess.Popen[bytes]:
    """``talksbot chat`` with piped input, once it has answered a first question."""
    env = bot_env()
    env.update(settings)
    proc = subprocess.Popen([sys.executable, "-m", "bot", "chat"], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"who is tusk\n")
    proc.stdin.flush()
    assert b"Polish Prime Minister" in proc.stdout.readline()
    return proc


def test_ctrl_c_on_piped_chat_leaves_cleanly() -> None:
    proc = piped_chat()
    proc.send_signal(signal.SIGINT)  # SIGINT, as Ctrl-C in the terminal running `... | talksbot chat`
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and b"Traceback" not in err and b"KeyboardInterrupt" not in err


def test_reload_report_is_shown_once() -> None:
    """The chat prints the report; the holder's log line of the same report must not repeat it."""
    proc = run("chat", stdin="/reload\n", env={"TALKSBOT_LOG_LEVEL": "INFO"})
    both = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 0 and both.count("Reloaded fact base") == 1, both
    assert "> " not in proc.stdout.decode()  # piped: no prompt


def test_reload_problems_are_shown_once(kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    kb, seeds = kb_dirs
    proc = piped_chat(TALKSBOT_KNOWLEDGE_DIR=str(kb), TALKSBOT_SEEDS_DIR=str(seeds), TALKSBOT_LOG_LEVEL="INFO")
    (kb / "broken.yaml").write_text("facts: [\n")
    out, err = proc.communicate(b"/reload\n", timeout=60)
    both = out.decode() + err.decode()
    assert proc.returncode == 0 and both.count("Reloaded fact base") == 1, both
    assert both.count("YAML syntax error") == 1 and "broken.yaml" in out.decode(), both
