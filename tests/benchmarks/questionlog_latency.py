"""Benchmark: what the question log costs an answer, and how many records per second it stores.

    .venv/bin/python -m tests.benchmarks.questionlog_latency [--n 3000] [--writes 20000]

In this process, over the real fact base: ``--n`` distinct questions answered with the log off
(``NullLog``) and as many with it on (``SqliteLog`` in a temporary folder, its writer thread
running), each answer followed by ``record_answer`` as a front-end does; the two are
interleaved question by question, so that both see the same machine. It prints answer latency
p50/p99 for each and the p99 difference (target: at most 0.2 ms). Then the log's sustained
writes: ``--writes`` answers recorded as fast as they come, then ``flush``, timed until every
record is stored.
"""
from __future__ import annotations

import argparse
import contextlib
import sqlite3
import tempfile
import time
from pathlib import Path

from bot.bench import bench_questions, percentile, variant
from bot.core.answers import Answer, Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.questionlog import Asked, NullLog, QuestionLog, record_answer
from bot.questionlog.sqlite import SqliteLog
from bot.questionlog.store import RECORDED_KINDS

ROOT = Path(__file__).resolve().parents[2]
TARGET_P99_MS = 0.2


def question_pairs(n: int) -> list[tuple[str, str]]:
    """``n`` pairs of distinct questions, one for each arm: two ways of typing the same question,
    so that both arms ask the same mix and no string is asked twice."""
    questions = bench_questions()
    pairs: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i in range(n * 4):
        q = questions[i % len(questions)]
        r = i // len(questions)
        a, b = variant(q, 2 * r + 1), variant(q, 2 * r + 2)
        if a != b and not {a, b} & seen:
            seen |= {a, b}
            pairs.append((a, b))
        if len(pairs) == n:
            break
    return pairs


def timed(answerer: Answerer, qlog: QuestionLog, text: str, asked: Asked) -> float:
    """Milliseconds to answer ``text`` and record it, as a front-end does."""
    t0 = time.perf_counter()
    record_answer(qlog, answerer.answer(text), asked)
    return (time.perf_counter() - t0) * 1000


def latency(answerer: Answerer, log_on: SqliteLog, n: int) -> tuple[list[float], list[float]]:
    """The sorted latencies with the log off and on, interleaved (which goes first alternates)."""
    off_log = NullLog()
    for q in bench_questions():  # warm-up: each question once, in a form not timed later
        record_answer(off_log, answerer.answer(q.upper()), Asked("slack", "mention", "warm-up"))
    off: list[float] = []
    on: list[float] = []
    for i, (a, b) in enumerate(question_pairs(n)):
        asked = Asked("slack", "mention", f"U{i % 97}")
        if i % 2:
            on.append(timed(answerer, log_on, b, asked))
            off.append(timed(answerer, off_log, a, asked))
        else:
            off.append(timed(answerer, off_log, a, asked))
            on.append(timed(answerer, log_on, b, asked))
    log_on.flush()
    return sorted(off), sorted(on)


def writes_per_second(answers: list[Answer], log: SqliteLog, n: int) -> tuple[float, float]:
    """Record ``n`` answers then flush: records stored per second, and the microseconds one
    ``record`` call takes the caller (it only queues)."""
    t0 = time.perf_counter()
    for i in range(n):
        record_answer(log, answers[i % len(answers)], Asked("discord", "slash", f"U{i % 1000}"))
    queued = time.perf_counter() - t0
    log.flush()
    return n / (time.perf_counter() - t0), queued / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=3000, help="distinct questions per arm")
    parser.add_argument("--writes", type=int, default=20_000, help="records for the writes-per-second figure")
    args = parser.parse_args()
    k, s = ROOT / "knowledge", ROOT / "seeds"
    answerer = Answerer(FactBaseHolder(k, s, load_knowledge(k, s)))
    with tempfile.TemporaryDirectory(prefix="talksbot-bench-") as tmp:
        log = SqliteLog(Path(tmp) / "latency.sqlite3")
        try:
            off, on = latency(answerer, log, args.n)
        finally:
            log.close()
        for name, timings in (("off", off), ("on ", on)):
            print(f"answers, log {name}: {len(timings)} distinct questions: p50 {percentile(timings, 50):.3f} ms, "
                  f"p99 {percentile(timings, 99):.3f} ms, max {timings[-1]:.3f} ms", flush=True)
        diff = percentile(on, 99) - percentile(off, 99)
        verdict = "within" if diff <= TARGET_P99_MS else "OVER"
        print(f"p99 difference (on - off): {diff:+.3f} ms ({verdict} the {TARGET_P99_MS} ms target); "
              f"p50 difference {percentile(on, 50) - percentile(off, 50):+.3f} ms", flush=True)
        answers = [a for a in map(answerer.answer, bench_questions()) if a.kind in RECORDED_KINDS]
        path = Path(tmp) / "writes.sqlite3"
        log = SqliteLog(path)
        try:
            rate, record_us = writes_per_second(answers, log, args.writes)
        finally:
            log.close()
        with contextlib.closing(sqlite3.connect(path)) as conn:
            stored = conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
        print(f"writes: {args.writes} records queued, {stored} stored: {rate:,.0f} per second sustained "
              f"(record() takes the caller {record_us:.1f} µs)", flush=True)


if __name__ == "__main__":
    main()
