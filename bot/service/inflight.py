"""Work a front-end has acknowledged and not yet delivered, so that shutdown can wait for it."""
from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

# Iterations of the event loop a drain lets run before it counts: slack-bolt starts a listener with
# ``asyncio.ensure_future`` after acknowledging its event, and discord.py runs a command in a task
# it creates when the interaction arrives; such a task takes its hold within its first step.
SETTLE_ITERATIONS = 5


class InFlight:
    """Counts the answers being worked on; ``drain`` waits, bounded, until there are none.

    Front-ends take a ``hold()`` around everything that follows an acknowledgement (answering,
    posting, a deferred follow-up). Shutdown first stops the intake (closes the sockets that
    bring new events), then drains, then closes the HTTP clients the answers are posted with.
    """

    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def count(self) -> int:
        return self._count

    @contextlib.asynccontextmanager
    async def hold(self) -> AsyncIterator[None]:
        """Mark one piece of acknowledged work as in flight for the duration of the block."""
        self._count += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._count -= 1
            if self._count == 0:
                self._idle.set()

    async def drain(self, timeout: float) -> int:
        """Wait up to ``timeout`` seconds for every hold to end; return how many are left."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for _ in range(SETTLE_ITERATIONS):
                await asyncio.sleep(0)
            if self._count == 0:
                return 0
            remaining = deadline - loop.time()
            if remaining <= 0:
                return self._count
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._idle.wait(), remaining)
