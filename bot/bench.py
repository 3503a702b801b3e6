"""In-process benchmark of the core: load time and per-question latency p50/p99."""
from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.settings import Settings

OUT_OF_SCOPE = ["what's the weather in Kyiv today?", "who won the 2022 world cup?", "tell me a joke",
                "what is the deadline for the quarterly report?", "how many points did our team score?"]


def bench_questions() -> list[str]:
    """The development questions when ../shared/eval is beside the checkout, plus a few of our own."""
    import yaml

    qs: list[str] = []
    for path in (Path("../shared/eval/dev.yaml"), Path("tests/data/paraphrases.yaml")):
        if path.is_file():
            data = yaml.safe_load(path.read_text())
            qs += [c["q"] for c in data.get("in_scope", []) + data.get("out_of_scope", [])]
    return qs + OUT_OF_SCOPE


def percentile(sorted_values: list[float], pct: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * (len(sorted_values) - 1))))
    return sorted_values[index]


def measure_size(knowledge: Path, seeds: Path, rounds: int) -> dict[str, float]:
    """In this process: load time, answer latency p50/p99 and peak RSS for one fact base."""
    import resource

    started = time.perf_counter()
    base = load_knowledge(knowledge, seeds)
    load_s = time.perf_counter() - started
    answerer = Answerer(FactBaseHolder(knowledge, seeds, base))
    questions = bench_questions()
    for q in questions:
        answerer.answer(q)
    timings = []
    for _ in range(rounds):
        for q in questions:
            t0 = time.perf_counter()
            answerer.answer(q)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {"articles": len(base.articles), "entries": len(base.entries), "load_s": load_s,
            "p50_ms": percentile(timings, 50), "p99_ms": percentile(timings, 99),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_sizes(settings: Settings, sizes: list[int], rounds: int) -> int:
    """The seed plus generated articles at each size, each measured in a fresh process."""
    import json
    import subprocess
    import sys
    import tempfile

    from bot.benchgen import write_articles

    seed = next(iter(sorted(settings.seeds_dir.glob("*.txt"))))
    print(f"{'articles':>8} {'entries':>8} {'load s':>8} {'p50 ms':>8} {'p99 ms':>8} {'peak RSS MB':>12}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            seeds = Path(tmp) / "seeds"
            seeds.mkdir()
            (seeds / seed.name).write_bytes(seed.read_bytes())
            write_articles(seed, seeds, n - 1)
            code = ("import json,sys; from pathlib import Path; from bot.bench import measure_size; "
                    f"print(json.dumps(measure_size(Path({str(settings.knowledge_dir)!r}), Path({str(seeds)!r}), "
                    f"{rounds})))")
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>8} {r['entries']:>8} {r['load_s']:>8.2f} {r['p50_ms']:>8.3f} {r['p99_ms']:>8.3f} "
              f"{r['peak_rss_mb']:>12.0f}", flush=True)
    return 0


def run_bench(settings: Settings, rounds: int = 50) -> int:
    tracemalloc.start()
    started = time.perf_counter()
    base = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
    load_ms = (time.perf_counter() - started) * 1000
    _, peak_load = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    holder = FactBaseHolder(settings.knowledge_dir, settings.seeds_dir, base)
    answerer = Answerer(holder, settings.confidence_threshold)
    questions = bench_questions()
    for q in questions:  # warm-up
        answerer.answer(q)
    timings: list[float] = []
    for _ in range(max(1, rounds)):
        for q in questions:
            t0 = time.perf_counter()
            answerer.answer(q)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    print(f"fact base: {len(base.articles)} article(s), {len(base.entries)} entries; load {load_ms:.1f} ms, "
          f"peak traced memory while loading {peak_load / 1e6:.1f} MB")
    print(f"answers: {len(timings)} ({len(questions)} questions x {rounds} rounds); "
          f"p50 {percentile(timings, 50):.3f} ms, p99 {percentile(timings, 99):.3f} ms, "
          f"mean {statistics.fmean(timings):.3f} ms, max {timings[-1]:.3f} ms")
    return 0
