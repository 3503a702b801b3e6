"""The benchmarks run and print their figures (the figures themselves are not asserted)."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_frontend_benchmark_prints_round_trips_and_cpu_for_both_platforms() -> None:
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.frontend_latency", "--n", "20"], cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["slack", "discord", "slack while reloading"], proc.stdout
    assert all("20 answers, 5 in flight: round trip p50" in line and "p99" in line and "bot CPU" in line
               for line in lines)


def test_size_benchmark_prints_ours_bm25_and_the_ratio() -> None:
    proc = subprocess.run([sys.executable, "-m", "bot", "bench", "--articles", "1,3", "--rounds", "1", "--bm25"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    header, *rows = proc.stdout.strip().splitlines()
    assert "p99 ours/BM25" in header and "RSS MB" in header
    assert [r.split()[0] for r in rows] == ["1", "3"]
    assert all(len(r.split("|")) == 3 for r in rows)
