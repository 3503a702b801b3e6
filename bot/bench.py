"""In-process benchmark of the core: load time and per-question latency p50/p99."""
from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.loader import load_knowledge
from bot.settings import Settings

OUT_OF_SCOPE = ["what's the weather in Kyiv today?", "who won the 2022 world cup?", "tell me a joke",
                "what is the deadline for the quarterly report?", "how many points did our team score?"]


def bench_questions() -> list[str]:
    """The development questions when ../shared/eval is beside the checkout, our own sets about the
    seed article, and a few out of scope; each once."""
    import yaml

    qs: list[str] = []
    paths = [Path("../shared/eval/dev.yaml"), *sorted(Path("tests/data").glob("seed-fresh-*.yaml")),
             Path("tests/data/paraphrases.yaml")]
    for path in paths:
        if path.is_file():
            data = yaml.safe_load(path.read_text())
            qs += [c["q"] for c in data.get("in_scope", []) + data.get("out_of_scope", [])]
    return list(dict.fromkeys(qs + OUT_OF_SCOPE))


def percentile(sorted_values: list[float], pct: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(pct / 100 * (len(sorted_values) - 1))))
    return sorted_values[index]


_LEADS = ("", "hey, ", "so ", "ok ", "quick q: ", "btw ", "hi bot, ", "um ", "well, ", "also ")
_TAILS = ("", "?", " thanks", "??", " pls", " ?", "!", " thx", "...", " :)")


def variant(question: str, n: int) -> str:
    """The ``n``-th way a person might type ``question`` (a chat lead-in, a tail): a string the
    process has not seen, so that no whole-question cache flatters a timing."""
    return f"{_LEADS[n % len(_LEADS)]}{question.rstrip('?')}{_TAILS[(n // len(_LEADS)) % len(_TAILS)]}"


def latencies(ask: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    """Milliseconds per question over ``rounds`` passes, after one warm-up pass; sorted. Every
    timed question is a string not asked before in this process (see ``variant``)."""
    for q in questions:
        ask(q.upper())
    timings = []
    for r in range(max(1, rounds)):
        for q in questions:
            text = variant(q, r + 1)
            t0 = time.perf_counter()
            ask(text)
            timings.append((time.perf_counter() - t0) * 1000)
    return sorted(timings)


def measure_size(knowledge: Path, seeds: Path, rounds: int) -> dict[str, float]:
    """In this process: load time, answer latency p50/p99 and peak RSS for one fact base."""
    import resource

    started = time.perf_counter()
    base = load_knowledge(knowledge, seeds)
    load_s = time.perf_counter() - started
    answerer = Answerer(FactBaseHolder(knowledge, seeds, base))
    timings = latencies(answerer.answer, bench_questions(), rounds)
    return {"articles": len(base.articles), "entries": len(base.entries), "load_s": load_s,
            "p50_ms": percentile(timings, 50), "p99_ms": percentile(timings, 99),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_bm25(seeds: Path, rounds: int) -> dict[str, float]:
    """In this process: the same figures for a BM25 index (bm25s, English stemmer) over the same
    paragraphs, answering each question with its best paragraph. A dev-only comparison."""
    import resource

    import bm25s
    import Stemmer

    from bot.core.loader import read_seed

    stemmer = Stemmer.Stemmer("english")
    started = time.perf_counter()
    corpus = [p for path in sorted(seeds.glob("*.txt")) for p in read_seed(path)[1]]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="en", stemmer=stemmer, show_progress=False),
                    show_progress=False)
    load_s = time.perf_counter() - started
    questions = bench_questions()

    def ask(q: str) -> None:
        tokens = bm25s.tokenize([q], stopwords="en", stemmer=stemmer, show_progress=False)
        if tokens.vocab:
            retriever.retrieve(tokens, k=1, show_progress=False)

    timings = latencies(ask, questions, rounds)
    return {"paragraphs": len(corpus), "load_s": load_s, "p50_ms": percentile(timings, 50),
            "p99_ms": percentile(timings, 99),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _child(call: str) -> dict[str, float]:
    import json
    import subprocess
    import sys

    code = f"import json; from pathlib import Path; from bot.bench import *; print(json.dumps({call}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run_sizes(settings: Settings, sizes: list[int], rounds: int, bm25: bool = False) -> int:
    """The seed plus generated articles at each size, each measured in a fresh process."""
    import tempfile

    from bot.benchgen import write_articles

    seed = next(iter(sorted(settings.seeds_dir.glob("*.txt"))))
    head = f"{'articles':>8} {'entries':>8} {'load s':>7} {'p50 ms':>7} {'p99 ms':>7} {'RSS MB':>7}"
    if bm25:
        head += f" | {'BM25 load s':>11} {'p50 ms':>7} {'p99 ms':>7} {'RSS MB':>7} | {'p99 ours/BM25':>13}"
    print(head)
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            seeds = Path(tmp) / "seeds"
            seeds.mkdir()
            (seeds / seed.name).write_bytes(seed.read_bytes())
            write_articles(seed, seeds, n - 1)
            r = _child(f"measure_size(Path({str(settings.knowledge_dir)!r}), Path({str(seeds)!r}), {rounds})")
            line = (f"{r['articles']:>8} {r['entries']:>8} {r['load_s']:>7.2f} {r['p50_ms']:>7.3f} "
                    f"{r['p99_ms']:>7.3f} {r['peak_rss_mb']:>7.0f}")
            if bm25:
                b = _child(f"measure_bm25(Path({str(seeds)!r}), {rounds})")
                line += (f" | {b['load_s']:>11.2f} {b['p50_ms']:>7.3f} {b['p99_ms']:>7.3f} {b['peak_rss_mb']:>7.0f} |"
                         f" {r['p99_ms'] / b['p99_ms']:>13.2f}")
        print(line, flush=True)
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
    timings = latencies(answerer.answer, questions, rounds)
    print(f"fact base: {len(base.articles)} article(s), {len(base.entries)} entries; load {load_ms:.1f} ms, "
          f"peak traced memory while loading {peak_load / 1e6:.1f} MB")
    print(f"answers: {len(timings)} ({len(questions)} questions x {rounds} rounds); "
          f"p50 {percentile(timings, 50):.3f} ms, p99 {percentile(timings, 99):.3f} ms, "
          f"mean {statistics.fmean(timings):.3f} ms, max {timings[-1]:.3f} ms")
    return 0
