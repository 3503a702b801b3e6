from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

from bot.core.holder import FactBaseHolder, ReloadReport
from bot.service.reloads import Reloader


class SlowHolder(FactBaseHolder):
    """The real holder, each reload made slow enough to overlap requests, and counted."""

    def __init__(self, knowledge: Path, seeds: Path) -> None:
        super().__init__(knowledge, seeds)
        self.reloads = 0
        self.threads: set[str] = set()

    def reload(self) -> ReloadReport:
        self.reloads += 1
        self.threads.add(threading.current_thread().name)
        time.sleep(0.2)
        return super().reload()


async def test_a_burst_is_one_reload_after_the_current_one(kb_dirs: tuple[Path, Path]) -> None:
    holder = SlowHolder(*kb_dirs)
    reloader = Reloader(holder)
    first = asyncio.create_task(reloader.request("first"))
    await asyncio.sleep(0.05)  # the first is running now
    burst = [asyncio.create_task(reloader.request(f"burst {i}")) for i in range(50)]
    reports = await asyncio.gather(first, *burst)
    assert holder.reloads == 2 and reloader.completed == 2
    assert all(r is reports[1] for r in reports[1:])  # the burst shares the one after the first
    assert threading.main_thread().name not in holder.threads  # off the event loop


async def test_the_loop_keeps_running_while_a_reload_runs(kb_dirs: tuple[Path, Path]) -> None:
    """A reload that ran on the loop would allow one turn in its 200 ms; off the loop, about 200 do.
    (How long an answer may wait meanwhile is measured by the front-end benchmark, under reloads.)"""
    holder = SlowHolder(*kb_dirs)
    reloader = Reloader(holder)
    task = asyncio.create_task(reloader.request("admin"))
    turns = 0
    while not task.done():
        await asyncio.sleep(0.001)
        turns += 1
    assert turns > 50
    assert (await task).version == holder.current.version


async def test_a_request_after_a_reload_gets_a_fresh_one(kb_dirs: tuple[Path, Path]) -> None:
    k, _ = kb_dirs
    holder = SlowHolder(*kb_dirs)
    reloader = Reloader(holder)
    await reloader.request("one")
    (k / "bad.yaml").write_text("{")
    report = await reloader.request("two")
    assert holder.reloads == 2 and not report.ok and "bad.yaml" in report.summary()
