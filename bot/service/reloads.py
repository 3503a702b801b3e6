"""Reloads off the event loop, coalesced: a burst of requests is one reload after the current one."""
from __future__ import annotations

import asyncio
import logging

from bot.core.holder import FactBaseHolder, ReloadReport

log = logging.getLogger("talksbot.reload")


class Reloader:
    """Runs ``holder.reload`` in a worker thread, one at a time.

    A request made while a reload runs joins the next one, which starts when the current one
    ends; every request made meanwhile shares it. So 200 SIGHUPs in a second are at most two
    reloads, and an admin's ``/reload`` always gets a report from a reload that began after
    they asked (the files they just changed are read). Answers are never blocked: the build
    happens off the event loop and the new base is swapped in by one reference assignment.
    """

    def __init__(self, holder: FactBaseHolder) -> None:
        self.holder = holder
        self._next: asyncio.Future[ReloadReport] | None = None
        self._task: asyncio.Task[None] | None = None
        self.completed = 0

    async def request(self, trigger: str) -> ReloadReport:
        """Ask for a reload and wait for the report of the one that serves this request."""
        loop = asyncio.get_running_loop()
        if self._next is None:
            self._next = loop.create_future()
            log.info("reload requested by %s", trigger)
        else:
            log.debug("reload requested by %s: joins the one queued", trigger)
        waiter = self._next
        if self._task is None or self._task.done():
            self._task = loop.create_task(self._run(), name="talksbot-reload")
        return await asyncio.shield(waiter)

    async def _run(self) -> None:
        while self._next is not None:
            waiter, self._next = self._next, None
            try:
                report = await asyncio.to_thread(self.holder.reload)
            except Exception as exc:  # the waiters get it; the next request tries again
                log.exception("reload failed")
                waiter.set_exception(exc)
            else:
                self.completed += 1
                waiter.set_result(report)

    async def wait_idle(self) -> None:
        """Wait for a reload in progress (and the queued one) to finish; used at shutdown."""
        if self._task is not None:
            await asyncio.shield(self._task)
