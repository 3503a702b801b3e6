"""The terminal entry point, run as a real subprocess the way users and the scorer run it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, bot_env


def run(*args: str, stdin: str | bytes = "", env: dict[str, str] | None = None,
        cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    full_env = bot_env()
    full_env.update(env or {})
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "bot", *args], input=data, capture_output=True, cwd=cwd,
                          env=full_env, timeout=60)


def test_ask_prints_answer_and_source() -> None:
    out = run("ask", "who set the deadline?").stdout.decode()
    assert out.startswith("President Trump\n")
    assert "paragraph 8" in out and "> President Trump initially set Thanksgiving Day" in out


def test_ask_json_batch_one_line_per_question_in_order() -> None:
    proc = run("ask", "--json", stdin="who set the deadline?\n\nwhat is the capital of France?\nhelp\n")
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [x["question"] for x in lines] == ["who set the deadline?", "", "what is the capital of France?", "help"]
    assert lines[0]["matched"] and lines[0]["source"]["paragraph"] == 8
    assert [x["matched"] for x in lines[1:]] == [False, False, False]


def test_ask_json_survives_binary_stdin() -> None:
    proc = run("ask", "--json", stdin=b"\xff\xfe\x00garbage\nwho set the deadline\n")
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and len(lines) == 2
    assert json.loads(lines[1])["answer"] == "President Trump"


def test_chat_with_piped_input_and_reload() -> None:
    proc = run("chat", stdin="who set the deadline?\n/reload\nwho is tusk\n")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "President Trump" in out and "Reloaded fact base" in out and "Polish Prime Minister" in out


def test_run_without_tokens_is_the_terminal_chat() -> None:
    out = run("run", stdin="who set the deadline?\n").stdout.decode()
    assert "President Trump" in out and "paragraph 8" in out


def test_check_ok_and_broken(tmp_path: Path) -> None:
    ok = run("check")
    assert ok.returncode == 0 and b"OK: 1 article(s)" in ok.stdout
    kb = tmp_path / "kb"
    kb.mkdir()
    good = (ROOT / "knowledge" / "geneva-talks-2025-11-23.yaml").read_text()
    (kb / "a.yaml").write_text(good.replace("evidence: after their meeting in Geneva", "evidence: in Oslo"))
    bad = run("check", env={"TALKSBOT_KNOWLEDGE_DIR": str(kb), "TALKSBOT_SEEDS_DIR": str(ROOT / "seeds")})
    assert bad.returncode == 1
    assert b"a.yaml: fact geneva-meeting: evidence is not in paragraph 1" in bad.stdout


def test_invalid_setting_stops_start_with_its_name() -> None:
    proc = run("ask", "hi", env={"TALKSBOT_CONFIDENCE_THRESHOLD": "2"})
    assert proc.returncode == 2
    assert b"TALKSBOT_CONFIDENCE_THRESHOLD" in proc.stderr


def test_bench_prints_p50_p99() -> None:
    out = run("bench", "--rounds", "2").stdout.decode()
    assert "p50" in out and "p99" in out and "load" in out


def test_timeline_lists_dated_facts_in_order() -> None:
    lines = run("timeline").stdout.decode().splitlines()
    days = [line.split()[0] for line in lines]
    assert days == sorted(days) and days[0] == "2025-11-22"
    assert any("2025-11-27" in line and "paragraph 8" in line for line in lines)


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    env = bot_env()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json"], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"who set the deadline?\n" * 3000)
    proc.stdin.close()
    assert b"President Trump" in proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in proc.stderr.read()


def run_argv(*args: str | bytes, stdin: bytes = b"", env: dict[str, str] | None = None
             ) -> subprocess.CompletedProcess[bytes]:
    """Like ``run``, with command-line arguments as raw bytes where given (as a shell passes them)."""
    full_env = bot_env()
    full_env.update(env or {})
    argv: list[str | bytes] = [os.fsencode(sys.executable), b"-m", b"bot", *args]
    return subprocess.run(argv, input=stdin, capture_output=True, cwd=ROOT, env=full_env, timeout=60)


# a C.UTF-8 locale passes undecodable bytes through (surrogateescape); a strict UTF-8 stdout raises
ENCODINGS = [{"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}, {"PYTHONIOENCODING": "utf-8"}]


@pytest.mark.parametrize("env", ENCODINGS, ids=["c-utf8", "strict-utf8"])
def test_undecodable_bytes_on_the_command_line_are_replaced(env: dict[str, str]) -> None:
    proc = run_argv("ask", "--json", b"\xff who set the deadline", env=env)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    line = json.loads(proc.stdout.decode("utf-8"))  # strict: valid UTF-8 only
    assert line["question"] == "\ufffd who set the deadline" and line["answer"] == "President Trump"
    plain = run_argv("ask", b"\xfe\xff qwzx", env=env)
    assert plain.returncode == 0 and b"Traceback" not in plain.stderr
    plain.stdout.decode("utf-8")


@pytest.mark.parametrize("env", ENCODINGS, ids=["c-utf8", "strict-utf8"])
def test_undecodable_bytes_typed_into_chat_are_replaced(env: dict[str, str]) -> None:
    proc = run_argv("chat", stdin=b"\xff who set the deadline?\n\xfe\xff qwzx\nwho is tusk\n", env=env)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    out = proc.stdout.decode("utf-8")
    assert "President Trump" in out and "Polish Prime Minister" in out


def test_eval_without_the_shared_sets_scores_ours_and_says_what_is_missing(tmp_path: Path) -> None:
    missing = tmp_path / "no-shared-eval"
    proc = run("eval", "--shared", str(missing), "--set", "paraphrases")
    assert proc.returncode == 0, proc.stderr.decode()
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "paraphrases" in out and "shared/" not in out and "median short answer" in out
    assert str(missing) in err and "shared development sets" in err and "tests/data" in err
    by_env = run("eval", "--set", "paraphrases", env={"TALKSBOT_SHARED_EVAL": str(missing)})
    assert by_env.returncode == 0 and str(missing) in by_env.stderr.decode()


def test_eval_scores_sets_kept_elsewhere_and_sums_them(tmp_path: Path) -> None:
    """A held-out batch kept outside tests/data is scored on its own, with a total row."""
    import shutil

    shutil.copy(Path("tests/data/paraphrases.yaml"), tmp_path / "kept-apart.yaml")
    proc = run("eval", "--shared", str(tmp_path / "none"), "--sets", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode()
    rows = proc.stdout.decode().splitlines()
    (mine,) = [r for r in rows if r.startswith("kept-apart")]
    (total,) = [r for r in rows if r.startswith("total (1 sets)")]
    assert mine.split()[1:] == total.split()[3:] and "paraphrases" not in proc.stdout.decode()
    assert str(tmp_path) in proc.stderr.decode()
    quiet = run("eval", "--no-shared", "--sets", str(tmp_path))
    assert quiet.returncode == 0 and not quiet.stderr and "shared/" not in quiet.stdout.decode()
    assert [r for r in quiet.stdout.decode().splitlines() if r.startswith("total (1 sets)")] == [total]


def test_answers_survive_an_output_encoding_that_lacks_their_characters() -> None:
    """A terminal in ASCII or Latin-1 gets '?' for the curly quotes it cannot show, not a crash."""
    question = b"who said the Geneva meeting could be the most effective?\n"
    for env in ({"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}):
        for args in (("ask", question.decode().strip()), ("chat",)):
            proc = run(*args, stdin=question if args == ("chat",) else b"", env=env)
            assert proc.returncode == 0 and b"Traceback" not in proc.stderr, (args, env, proc.stderr.decode())
            assert b"?the most effective and meaningful meeting?" in proc.stdout, proc.stdout
