"""Supervised start of a front-end: transient failures retry with backoff, permanent ones stop it."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.service.health import Health

log = logging.getLogger("talksbot.serve")

FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
# A connection attempt that neither succeeds nor fails in this long counts as a transient failure.
ATTEMPT_TIMEOUT_S = 10.0


class Permanent(Exception):
    """A failure retrying cannot fix, such as a rejected token; the message names the setting."""


def describe(exc: BaseException) -> str:
    """A one-line reason for a failure, for the log and ``/healthz`` (never a traceback)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    if isinstance(exc, TimeoutError):
        return f"no answer within {ATTEMPT_TIMEOUT_S:.0f} s"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


async def supervise(name: str, health: Health, attempt: Callable[[], Awaitable[None]],
                    first_delay: float = FIRST_DELAY_S, max_delay: float = MAX_DELAY_S) -> None:
    """Run ``attempt`` until it returns; retry transient failures, stop at a ``Permanent`` one.

    ``attempt`` sets the component ok itself once it is connected (and may keep running while
    it serves). A transient failure is logged at WARNING with its reason and retried after a
    delay that doubles up to ``max_delay``; a permanent one is logged at ERROR and ends this
    front-end only: the others keep running and ``/healthz`` says which one failed and why.
    """
    delay = first_delay
    health.set(name, "starting")
    while True:
        try:
            await attempt()
            return
        except asyncio.CancelledError:
            raise
        except Permanent as exc:
            health.set(name, "failed", str(exc))
            log.error("%s: %s; this front-end is stopped (the others keep running)", name, exc)
            return
        except Exception as exc:  # any other failure is worth another try
            reason = describe(exc)
            health.set(name, "retrying", reason)
            log.warning("%s: %s; retrying in %.0f s", name, reason, delay)
        await asyncio.sleep(delay)
        delay = min(delay * 2, max_delay)
