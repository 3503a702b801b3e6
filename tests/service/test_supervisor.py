from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.service.health import Health
from bot.service.supervisor import Permanent, supervise


async def test_transient_failures_retry_with_growing_delays_then_ok(caplog: pytest.LogCaptureFixture) -> None:
    health = Health()
    tries: list[float] = []
    loop = asyncio.get_running_loop()

    async def attempt() -> None:
        tries.append(loop.time())
        if len(tries) < 4:
            raise ConnectionRefusedError(111, "Connect call failed")
        health.set("slack", "ok")

    await asyncio.wait_for(supervise("slack", health, attempt, first_delay=0.02, max_delay=0.05), 5)
    gaps = [b - a for a, b in itertools.pairwise(tries)]
    assert len(tries) == 4 and gaps[1] >= gaps[0] * 1.5 and gaps[2] <= 0.2
    state = health.state("slack")
    assert state is not None and state.status == "ok"
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 3 and "Connect call failed" in warnings[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)


async def test_permanent_failure_stops_only_that_component(caplog: pytest.LogCaptureFixture) -> None:
    health = Health()
    calls = 0

    async def attempt() -> None:
        nonlocal calls
        calls += 1
        raise Permanent("TALKSBOT_DISCORD_TOKEN was rejected by Discord (401 Unauthorized)")

    await asyncio.wait_for(supervise("discord", health, attempt, first_delay=0.01), 5)
    state = health.state("discord")
    assert calls == 1 and state is not None and state.status == "failed"
    assert "TALKSBOT_DISCORD_TOKEN" in (state.reason or "")
    assert any(r.levelname == "ERROR" and "TALKSBOT_DISCORD_TOKEN" in r.getMessage() for r in caplog.records)


async def test_a_supervisor_stops_at_cancel_even_while_waiting_to_retry() -> None:
    health = Health()

    async def attempt() -> None:
        raise OSError("unreachable")

    task = asyncio.create_task(supervise("slack", health, attempt, first_delay=30))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 1)
