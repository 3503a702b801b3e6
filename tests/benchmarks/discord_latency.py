"""Benchmark: time from an injected INTERACTION_CREATE to the stand-in receiving the callback.

    .venv/bin/python -m tests.benchmarks.discord_latency [--n 200]

Runs the real discord.py client against the local Discord stand-in on loopback and prints
p50/p99 over N /ask interactions (after a warm-up).
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.bench import percentile
from tests.frontends.discord.conftest import command, discord_settings, interaction, start_bot
from tests.stand_ins.discord_server import Call, DiscordStandIn

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ["who set the deadline?", "where did the US and Ukraine meet?", "what did vindman say?",
             "what is the deadline for the quarterly report?", "who is tusk"]


async def measure(n: int) -> list[float]:
    stand_in = DiscordStandIn()
    await stand_in.start()
    with tempfile.TemporaryDirectory() as tmp:
        k, s = Path(tmp) / "knowledge", Path(tmp) / "seeds"
        shutil.copytree(ROOT / "knowledge", k)
        shutil.copytree(ROOT / "seeds", s)
        services = await start_bot(discord_settings(stand_in, (k, s)))
        arrived: dict[str, float] = {}
        waiting: dict[str, asyncio.Event] = {}

        def on_callback(call: Call) -> None:
            iid = call.path.split("/")[2]
            arrived[iid] = time.perf_counter()
            if iid in waiting:
                waiting[iid].set()

        stand_in.on_callback = on_callback
        timings: list[float] = []
        try:
            for i in range(n + 20):
                q = QUESTIONS[i % len(QUESTIONS)]
                payload = interaction(stand_in, 2, command("ask", [{"name": "question", "type": 3, "value": q}]))
                waiting[payload["id"]] = asyncio.Event()
                t0 = time.perf_counter()
                await stand_in.dispatch("INTERACTION_CREATE", payload)
                await asyncio.wait_for(waiting[payload["id"]].wait(), 5)
                if i >= 20:  # warm-up
                    timings.append((arrived[payload["id"]] - t0) * 1000)
        finally:
            await services.stop()
            await stand_in.stop()
    return sorted(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    timings = asyncio.run(measure(args.n))
    print(f"discord interaction -> callback over loopback, {len(timings)} interactions: "
          f"p50 {percentile(timings, 50):.2f} ms, p99 {percentile(timings, 99):.2f} ms, "
          f"mean {statistics.fmean(timings):.2f} ms, max {timings[-1]:.2f} ms")


if __name__ == "__main__":
    main()
