"""The benchmarks run and print their figures (the figures themselves are not asserted)."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_discord_latency_benchmark_prints_p50_p99() -> None:
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.discord_latency", "--n", "20"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "20 interactions: p50" in proc.stdout and "p99" in proc.stdout


def test_size_benchmark_prints_ours_bm25_and_the_ratio() -> None:
    proc = subprocess.run([sys.executable, "-m", "bot", "bench", "--articles", "1,3", "--rounds", "1", "--bm25"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.strip().splitlines()
    assert "p99 ours/BM25" in header and "RSS MB" in header
    assert [r.split()[0] for r in rows] == ["1", "3"]
    assert all(len(r.split("|")) == 3 for r in rows)
