"""What ``/healthz`` reports: the fact base and every configured front-end, each with a status.

A component is ``ok``, ``starting``, ``retrying`` (a transient failure; the reason says which)
or ``failed`` (a permanent one, such as a rejected token; the reason names the setting). The
fact base is ``ok``, ``degraded`` (some files could not be loaded: they are listed and keep their
last good version, the other articles answer) or ``failed`` (no article at all).

The HTTP status is 503 when any component is not ok, except a degraded fact base: the bot is
answering, and a restart (what an orchestrator does on 503) would not fix a bad file; the
problems are in the body, in the log and in the reload report an admin sees.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from bot.core.holder import FactBaseHolder

log = logging.getLogger("talksbot.health")
Status = Literal["ok", "starting", "retrying", "failed"]
# A live check of a running component: None when fine, else why not (it is then "retrying").
Probe = Callable[[], str | None]
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class State:
    status: Status
    reason: str | None
    since: dt.datetime


class Health:
    """The status of each component, set by whoever runs it (``serve``, the supervisors)."""

    def __init__(self) -> None:
        self._states: dict[str, State] = {}
        self._probes: dict[str, Probe] = {}
        self.fact_base_loaded = False
        # The question log's state, when serve runs one: ("ok" | "degraded", reason). A log that is
        # off because its file cannot be opened is degraded, not failed: the bot still answers.
        self.question_log: Callable[[], tuple[str, str | None]] | None = None

    def set(self, name: str, status: Status, reason: str | None = None, probe: Probe | None = None) -> None:
        """Record a component's status; ``probe`` (while ok) tells whether it is still connected."""
        self._states[name] = State(status, reason, dt.datetime.now(dt.UTC))
        if probe is not None:
            self._probes[name] = probe

    def state(self, name: str) -> State | None:
        """The component's status now (a running component's probe consulted)."""
        state = self._states.get(name)
        if state is not None and state.status == "ok" and name in self._probes:
            try:
                trouble = self._probes[name]()
            except Exception as exc:  # a probe that breaks says so, it does not break /healthz
                trouble = f"health probe failed: {exc}"
            if trouble:
                return State("retrying", trouble, state.since)
        return state

    def report(self, holder: FactBaseHolder | None) -> tuple[int, dict[str, Any]]:
        """The HTTP status and JSON body of ``/healthz``."""
        components: dict[str, dict[str, Any]] = {"fact_base": _fact_base(holder, self.fact_base_loaded)}
        for name in self._states:
            state = self.state(name)
            assert state is not None
            components[name] = {"status": state.status, "reason": state.reason, "since": state.since.isoformat()}
        if self.question_log is not None:
            status, reason = self.question_log()
            components["question_log"] = {"status": status, "reason": reason}
        bad = [n for n, c in components.items() if c["status"] not in ("ok", "degraded")]
        degraded = [n for n, c in components.items() if c["status"] == "degraded"]
        overall = "unhealthy" if bad else "degraded" if degraded else "ok"
        body: dict[str, Any] = {"status": overall, "components": components}
        if holder is not None:
            base = holder.current
            body.update(version=base.version, articles=len(base.articles), facts=len(base.facts))
        return (503 if bad else 200), body


def _fact_base(holder: FactBaseHolder | None, loaded: bool) -> dict[str, Any]:
    if holder is None or not loaded:
        return {"status": "starting", "reason": "loading the articles"}
    base = holder.current
    last = holder.last_reload
    out: dict[str, Any] = {"articles": len(base.articles), "facts": len(base.facts), "version": base.version,
                           "last_reload": last[0].isoformat() if last else None}
    problems = last[1].problem_lines(MAX_PROBLEMS) if last else []
    if not base.articles:
        out.update(status="failed", reason="no article could be loaded", problems=problems)
    elif problems:
        files = sorted({p.file for p in last[1].errors}) if last else []
        out.update(status="degraded", reason=f"{len(last[1].errors) if last else 0} problem(s) in "
                                             f"{', '.join(files)}; the other articles answer", problems=problems)
    else:
        out.update(status="ok", reason=None)
    return out
