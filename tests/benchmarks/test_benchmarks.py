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
