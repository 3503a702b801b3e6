from __future__ import annotations

import asyncio

from bot.service.inflight import InFlight


async def test_drain_waits_for_every_hold_including_tasks_not_yet_started() -> None:
    inflight = InFlight()
    delivered: list[int] = []

    async def answer(n: int) -> None:
        async with inflight.hold():
            await asyncio.sleep(0.05 * n)
            delivered.append(n)

    # As bolt does after an ack: scheduled, not yet running when the drain begins.
    tasks = [asyncio.ensure_future(answer(n)) for n in range(1, 6)]
    assert await inflight.drain(5.0) == 0
    assert sorted(delivered) == [1, 2, 3, 4, 5] and all(t.done() for t in tasks)


async def test_drain_is_bounded_and_says_how_many_are_left() -> None:
    inflight = InFlight()
    started = asyncio.Event()

    async def stuck() -> None:
        async with inflight.hold():
            started.set()
            await asyncio.sleep(60)

    task = asyncio.create_task(stuck())
    await started.wait()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    assert await inflight.drain(0.2) == 1
    assert loop.time() - t0 < 1.0
    task.cancel()


async def test_a_failing_answer_releases_its_hold() -> None:
    inflight = InFlight()

    async def boom() -> None:
        async with inflight.hold():
            raise RuntimeError("boom")

    results = await asyncio.gather(boom(), return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and inflight.count == 0
    assert await inflight.drain(0.1) == 0
