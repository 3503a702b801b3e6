"""Benchmark: Slack and Discord round trips through a real ``talksbot serve`` process.

    .venv/bin/python -m tests.benchmarks.frontend_latency [--n 200] [--in-flight 5]

The stand-ins run in this process; the bot runs as its own process (Socket Mode and the
Discord gateway over loopback), so its CPU time is its own: read from /proc before and after.
For each platform it prints the round trip (a Slack mention sent on the socket -> the
chat.postMessage arriving; a Discord INTERACTION_CREATE sent on the gateway -> the interaction
callback arriving) p50/p99 with ``--in-flight`` questions outstanding at any moment, and the
bot's CPU milliseconds per answer; then Slack again while a SIGHUP reloads the fact base every
``--reload-every-ms``. Every question is a string the bot has not seen before.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.bench import bench_questions, percentile, variant
from tests.frontends.discord.conftest import command, interaction
from tests.serving import ServeProcess, base_env, front_end_env
from tests.stand_ins.discord_server import Call, DiscordStandIn
from tests.stand_ins.slack_server import SlackStandIn

ROOT = Path(__file__).resolve().parents[2]
WARM_UP = 20


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run_load(send: Callable[[int, str], Awaitable[str]], arrived: dict[str, asyncio.Event], n: int,
                   in_flight: int) -> list[float]:
    """Send ``n`` questions keeping ``in_flight`` outstanding; milliseconds of each round trip, sorted."""
    questions = bench_questions()
    counter = itertools.count()
    timings: list[float] = []

    async def worker() -> None:
        while (i := next(counter)) < n:
            text = variant(questions[i % len(questions)], i + 1000)
            t0 = time.perf_counter()
            key = await send(i, text)
            await asyncio.wait_for(arrived[key].wait(), 10)
            timings.append((time.perf_counter() - t0) * 1000)

    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return sorted(timings)


async def hangups(proc: ServeProcess, every_s: float) -> None:
    """Edit a fact's reply and SIGHUP the bot every ``every_s`` seconds until cancelled: real reloads
    (a new base built and swapped in each time) while answers are timed."""
    assert proc.proc is not None
    path = Path(proc.env["TALKSBOT_KNOWLEDGE_DIR"]) / "geneva-talks-2025-11-23.yaml"
    original = path.read_text()
    for n in itertools.count():
        await asyncio.sleep(every_s)
        path.write_text(original.replace("reply: The US and Ukrainian delegations met in Geneva",
                                         f"reply: The US and Ukrainian delegations ({n}) met in Geneva", 1))
        proc.proc.send_signal(signal.SIGHUP)


async def timed(proc_env: dict[str, str], connected: Callable[[], Awaitable[object]],
                send: Callable[[int, str], Awaitable[str]], arrived: dict[str, asyncio.Event], n: int,
                in_flight: int, reload_every: float | None) -> tuple[list[float], float]:
    """Start the bot, wait for it to be healthy and connected, warm up, then time ``n`` answers
    (with reloads every ``reload_every`` s if given); the round trips and CPU ms per answer."""
    proc = ServeProcess(proc_env)
    await proc.start()
    try:
        await proc.health(until=200, timeout=30)
        await connected()
        await run_load(send, arrived, WARM_UP, in_flight)
        assert proc.proc is not None
        reloading = asyncio.create_task(hangups(proc, reload_every)) if reload_every else None
        cpu0 = cpu_seconds(proc.proc.pid)
        timings = await run_load(send, arrived, n, in_flight)
        cpu = cpu_seconds(proc.proc.pid) - cpu0
        if reloading is not None:
            reloading.cancel()
    finally:
        await proc.stop()
    return timings, cpu * 1000 / n


async def slack(proc_env: dict[str, str], stand_in: SlackStandIn, n: int, in_flight: int,
                reload_every: float | None = None) -> tuple[list[float], float]:
    arrived: dict[str, asyncio.Event] = {}
    original = stand_in.delivered

    class Recorder(list[dict[str, object]]):
        def append(self, item: dict[str, object]) -> None:
            super().append(item)
            event = arrived.get(str(item.get("thread_ts")))
            if event is not None:
                event.set()

    stand_in.delivered = Recorder(original)

    async def send(i: int, text: str) -> str:
        ts = f"{i}.{time.time_ns()}"
        arrived[ts] = asyncio.Event()
        await stand_in.send_envelope("events_api", {
            "type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": f"EvB{ts}",
            "event": {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {text}", "ts": ts, "channel": "C9",
                      "event_ts": ts}})
        return ts

    return await timed(proc_env, stand_in.wait_connected, send, arrived, n, in_flight, reload_every)


async def discord(proc_env: dict[str, str], stand_in: DiscordStandIn, n: int, in_flight: int,
                  reload_every: float | None = None) -> tuple[list[float], float]:
    arrived: dict[str, asyncio.Event] = {}

    def on_callback(call: Call) -> None:
        event = arrived.get(call.path.split("/")[2])
        if event is not None:
            event.set()

    stand_in.on_callback = on_callback

    async def send(i: int, text: str) -> str:
        payload = interaction(stand_in, 2, command("ask", [{"name": "question", "type": 3, "value": text[:1000]}]))
        arrived[payload["id"]] = asyncio.Event()
        await stand_in.dispatch("INTERACTION_CREATE", payload)
        return str(payload["id"])

    return await timed(proc_env, stand_in.identified.wait, send, arrived, n, in_flight, reload_every)


async def main_async(n: int, in_flight: int, reload_every: float | None) -> None:
    slack_in, discord_in = SlackStandIn(), DiscordStandIn()
    await slack_in.start()
    await discord_in.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            k, s = Path(tmp) / "knowledge", Path(tmp) / "seeds"
            shutil.copytree(ROOT / "knowledge", k)
            shutil.copytree(ROOT / "seeds", s)
            runs = [("slack", slack, slack_in, None), ("discord", discord, discord_in, None)]
            if reload_every:
                runs.append(("slack while reloading", slack, slack_in, reload_every))
            for name, run, stand_in, every in runs:
                env = base_env((k, s), TALKSBOT_LOG_LEVEL="WARNING",
                               **front_end_env("discord" if name == "discord" else "slack-socket", slack_in,
                                               discord_in))
                timings, cpu_ms = await run(env, stand_in, n, in_flight, every)  # type: ignore[operator]
                print(f"{name}: {len(timings)} answers, {in_flight} in flight: round trip p50 "
                      f"{percentile(timings, 50):.2f} ms, p99 {percentile(timings, 99):.2f} ms, "
                      f"max {timings[-1]:.2f} ms; bot CPU {cpu_ms:.2f} ms per answer"
                      + (f" (a SIGHUP reload every {every * 1000:.0f} ms)" if every else ""), flush=True)
    finally:
        await slack_in.stop()
        await discord_in.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--in-flight", type=int, default=5)
    parser.add_argument("--reload-every-ms", type=float, default=100.0,
                        help="also time Slack with a SIGHUP reload this often (0: skip)")
    args = parser.parse_args()
    asyncio.run(main_async(args.n, args.in_flight, args.reload_every_ms / 1000 or None))


if __name__ == "__main__":
    main()
