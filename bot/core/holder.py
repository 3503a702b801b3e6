"""The one place the current fact base lives, and its atomic reload."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.factbase import FactBase
from bot.core.loader import KnowledgeError, Problem, load_knowledge

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadReport:
    """What a reload changed, or why it did not happen."""

    ok: bool
    version: str
    articles_added: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    facts_added: list[str] = field(default_factory=list)
    facts_removed: list[str] = field(default_factory=list)
    facts_changed: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        """One line for logs and chat replies."""
        if not self.ok:
            return f"Reload failed with {len(self.errors)} problem(s); still answering from version {self.version}."
        return (f"Reloaded fact base {self.version}: articles +{len(self.articles_added)} "
                f"-{len(self.articles_removed)}, facts +{len(self.facts_added)} -{len(self.facts_removed)} "
                f"~{len(self.facts_changed)}.")


class FactBaseHolder:
    """Holds the current ``FactBase``; ``reload()`` swaps in a new one only once it is complete.

    Readers take ``current`` once per question, so a question is answered from one base or the
    other, never a mix. Reloads are serialized by a lock; reads never wait for it.
    """

    def __init__(self, knowledge_dir: Path, seeds_dir: Path, base: FactBase | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.seeds_dir = seeds_dir
        self._base = base or load_knowledge(knowledge_dir, seeds_dir)
        self._lock = threading.Lock()
        self.last_reload: tuple[dt.datetime, ReloadReport] | None = None

    @property
    def current(self) -> FactBase:
        return self._base

    def reload(self) -> ReloadReport:
        """Build and validate a new base from disk; swap it in, or keep the old one on error."""
        with self._lock:
            old = self._base
            try:
                new = load_knowledge(self.knowledge_dir, self.seeds_dir)
            except KnowledgeError as exc:
                report = ReloadReport(ok=False, version=old.version, errors=exc.problems)
            except OSError as exc:
                report = ReloadReport(ok=False, version=old.version,
                                      errors=[Problem(str(self.knowledge_dir), "", f"cannot read: {exc}")])
            else:
                report = diff(old, new)
                self._base = new
            self.last_reload = (dt.datetime.now(dt.UTC), report)
        log.info("%s", report.summary())
        for problem in report.errors:
            log.warning("knowledge problem: %s", problem)
        return report


def diff(old: FactBase, new: FactBase) -> ReloadReport:
    """What changed between two bases, by article and fact id."""
    old_facts = {f.id: f for f in old.facts}
    new_facts = {f.id: f for f in new.facts}
    return ReloadReport(
        ok=True, version=new.version,
        articles_added=sorted(set(new.articles) - set(old.articles)),
        articles_removed=sorted(set(old.articles) - set(new.articles)),
        facts_added=sorted(set(new_facts) - set(old_facts)),
        facts_removed=sorted(set(old_facts) - set(new_facts)),
        facts_changed=sorted(k for k in set(old_facts) & set(new_facts) if old_facts[k] != new_facts[k]),
    )
