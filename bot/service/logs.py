"""Library log records that would print a traceback for an expected network failure, made one line."""
from __future__ import annotations

import logging
from collections.abc import Callable


class OneLine(logging.Filter):
    """Turn a library's ``log.exception`` for a failure it retries into one WARNING line.

    discord.py logs "Attempting a reconnect in ..." and slack_sdk's Socket Mode client "Failed to
    connect ... Retrying" with a full traceback each time the network is down; the reason is
    what an operator needs. Records whose message starts with one of ``prefixes`` lose their
    traceback, gain the exception's text and become WARNING; ``on_match`` hears the reason
    (the supervisors use it to say "retrying" in ``/healthz``).
    """

    def __init__(self, prefixes: tuple[str, ...], on_match: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.prefixes = prefixes
        self.on_match = on_match

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(self.prefixes):
            return True
        reason = message
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            text = str(exc).splitlines()[0] if str(exc) else ""
            reason = f"{message} ({type(exc).__name__}{': ' + text if text else ''})"
        record.msg, record.args = reason, None
        record.exc_info, record.exc_text = None, None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        if self.on_match is not None:
            self.on_match(reason)
        return True


def one_line(logger_name: str, prefixes: tuple[str, ...], on_match: Callable[[str], None] | None = None) -> OneLine:
    """Install a ``OneLine`` filter on a library logger; returns it (remove it with ``removeFilter``)."""
    flt = OneLine(prefixes, on_match)
    logging.getLogger(logger_name).addFilter(flt)
    return flt
