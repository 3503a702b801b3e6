"""The one place the current fact base lives, and its atomic reload."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from bot.core.factbase import FactBase
from bot.core.files import MAX_SEED_BYTES, MAX_SEED_PARAGRAPHS
from bot.core.lexicon import CACHE_ENTRIES
from bot.core.loader import Problem, load_articles

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadReport:
    """What a reload changed, and every file it could not load (with why)."""

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
        changes = (f"articles +{len(self.articles_added)} -{len(self.articles_removed)}, facts "
                   f"+{len(self.facts_added)} -{len(self.facts_removed)} ~{len(self.facts_changed)}")
        if self.ok:
            return f"Reloaded fact base {self.version}: {changes}."
        files = sorted({p.file for p in self.errors})
        return (f"Reloaded fact base {self.version} ({changes}) with {len(self.errors)} problem(s) in "
                f"{', '.join(files)}: those files keep their last good version, or stay out.")

    def problem_lines(self, limit: int) -> list[str]:
        """Each problem as "file: item: reason", at most ``limit`` of them and a count of the rest."""
        lines = [str(p) for p in self.errors[:limit]]
        if len(self.errors) > limit:
            lines.append(f"... and {len(self.errors) - limit} more")
        return lines


class FactBaseHolder:
    """Holds the current ``FactBase``; ``reload()`` swaps in a new one only once it is complete.

    Readers take ``current`` once per question, so a question is answered from one base or the
    other, never a mix. Every article loads on its own (see ``loader``): a broken file keeps
    its last good version and is reported, the others update. Reloads are serialized by a lock;
    reads never wait for it.
    """

    def __init__(self, knowledge_dir: Path, seeds_dir: Path, base: FactBase | None = None,
                 max_seed_bytes: int = MAX_SEED_BYTES, max_seed_paragraphs: int = MAX_SEED_PARAGRAPHS,
                 cache_entries: int = CACHE_ENTRIES) -> None:
        self.knowledge_dir = knowledge_dir
        self.seeds_dir = seeds_dir
        self.limits = (max_seed_bytes, max_seed_paragraphs, cache_entries)
        self._lock = threading.Lock()
        self.last_reload: tuple[dt.datetime, ReloadReport] | None = None
        if base is None:
            base, problems = load_articles(knowledge_dir, seeds_dir, None, *self.limits)
            if problems:  # started with the valid articles: the rest is reported like a reload's
                self.last_reload = (dt.datetime.now(dt.UTC), ReloadReport(False, base.version, errors=problems))
                for problem in problems:
                    log.warning("knowledge problem: %s", problem)
        self._base = base

    @property
    def current(self) -> FactBase:
        return self._base

    def reload(self) -> ReloadReport:
        """Build and validate a new base from disk and swap it in; files that fail keep their last
        good version and are listed in the report."""
        with self._lock:
            old = self._base
            try:
                new, problems = load_articles(self.knowledge_dir, self.seeds_dir, old, *self.limits)
            except OSError as exc:
                report = ReloadReport(ok=False, version=old.version,
                                      errors=[Problem(str(self.knowledge_dir), "", f"cannot read: {exc}")])
            else:
                report = diff(old, new, problems)
                if new.version != old.version:
                    self._base = new
            self.last_reload = (dt.datetime.now(dt.UTC), report)
        log.info("%s", report.summary())
        for problem in report.errors:
            log.warning("knowledge problem: %s", problem)
        return report


def diff(old: FactBase, new: FactBase, problems: list[Problem] | None = None) -> ReloadReport:
    """What changed between two bases, by article and fact id, and the problems met."""
    old_facts = {f.id: f for f in old.facts}
    new_facts = {f.id: f for f in new.facts}
    return ReloadReport(
        ok=not problems, version=new.version,
        articles_added=sorted(set(new.articles) - set(old.articles)),
        articles_removed=sorted(set(old.articles) - set(new.articles)),
        facts_added=sorted(set(new_facts) - set(old_facts)),
        facts_removed=sorted(set(old_facts) - set(new_facts)),
        facts_changed=sorted(k for k in set(old_facts) & set(new_facts) if old_facts[k] != new_facts[k]),
        errors=list(problems or []),
    )
