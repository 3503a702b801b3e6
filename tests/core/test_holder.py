from __future__ import annotations

import threading

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder


def test_reload_reports_changes(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    holder = FactBaseHolder(kb, seeds)
    path = kb / "geneva-talks-2025-11-23.yaml"
    text = path.read_text()
    text = text.replace("reply: The US and Ukrainian delegations met in Geneva and issued",
                        "reply: The US and Ukrainian delegations met in Geneva, Switzerland, and issued")
    text = text.replace("  - id: revised-framework\n", "  - id: revised-framework-2\n")
    path.write_text(text)
    report = holder.reload()
    assert report.ok
    assert report.facts_changed == ["geneva-meeting"]
    assert report.facts_added == ["revised-framework-2"] and report.facts_removed == ["revised-framework"]
    assert "facts +1 -1 ~1" in report.summary()
    assert holder.current.entry("revised-framework-2") is not None


def test_failed_reload_keeps_the_old_base_answering(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    holder = FactBaseHolder(kb, seeds)
    answerer = Answerer(holder)
    old = holder.current
    (kb / "broken.yaml").write_text("article: {id: x\n")
    report = holder.reload()
    assert not report.ok
    assert report.errors and report.errors[0].file == "broken.yaml"
    assert "Reload failed" in report.summary()
    assert holder.current is old
    assert answerer.answer("who set the deadline").answer == "President Trump"


def test_questions_during_reloads_see_one_whole_base(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    holder = FactBaseHolder(kb, seeds)
    answerer = Answerer(holder)
    stop = threading.Event()
    errors: list[str] = []

    def ask() -> None:
        while not stop.is_set():
            a = answerer.answer("who set the deadline")
            if a.answer != "President Trump" or a.source is None or a.source.paragraph != 8:
                errors.append(repr(a))

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
    versions = set()
    for _ in range(5):
        assert holder.reload().ok
        versions.add(id(holder.current))
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert len(versions) == 5
