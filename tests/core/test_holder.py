from __future__ import annotations

import shutil
import threading
from pathlib import Path

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from tests.conftest import ROOT


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
    assert "problem(s) in broken.yaml" in report.summary()
    assert holder.current is old  # nothing else changed: the same base answers
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
    versions = []  # the bases themselves: an id alone may be reused once an old base is freed
    path = kb / "geneva-talks-2025-11-23.yaml"
    for i in range(5):  # each reload changes a reply, so each builds and swaps in a new base
        path.write_text(path.read_text().replace("issued a joint statement", f"issued joint statement {i}", 1)
                        if i == 0 else path.read_text().replace(f"statement {i - 1}", f"statement {i}", 1))
        assert holder.reload().ok
        versions.append(holder.current)
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert len({id(v) for v in versions}) == 5


NEW_ARTICLE = ("Title: Ceasefire talks in Oslo\nDate: 2025-11-30\n---\n"
               "Negotiators met in Oslo on Sunday to discuss a ceasefire.\n"
               "The Norwegian foreign minister said the talks would resume in December.\n")


def test_one_broken_article_does_not_stop_the_others(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    """A seed that is not text is reported with its file and reason; a new article still loads."""
    kb, seeds = kb_dirs
    holder = FactBaseHolder(kb, seeds)
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\x00 not text")
    (seeds / "oslo-2025-11-30.txt").write_text(NEW_ARTICLE)
    report = holder.reload()
    assert not report.ok and [p.file for p in report.errors] == ["broken.txt"]
    assert "not" in report.errors[0].reason or "decode" in report.errors[0].reason
    assert report.articles_added == ["oslo-2025-11-30"]
    assert set(holder.current.articles) == {"geneva-talks-2025-11-23", "oslo-2025-11-30"}


def test_a_broken_knowledge_file_keeps_its_last_good_version(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    holder = FactBaseHolder(kb, seeds)
    answerer = Answerer(holder, threshold=0.0)
    (kb / "geneva-talks-2025-11-23.yaml").write_text("article: {id: x\n")  # broken YAML
    (seeds / "oslo-2025-11-30.txt").write_text(NEW_ARTICLE)
    report = holder.reload()
    assert not report.ok and report.errors[0].file == "geneva-talks-2025-11-23.yaml"
    assert "YAML syntax error" in report.errors[0].reason
    assert "geneva-talks-2025-11-23" in holder.current.articles  # the last good version answers
    assert not any(e.fact.distilled for e in holder.current.entries if e.article_id == "geneva-talks-2025-11-23")
    assert answerer.answer("who set the deadline").answer == "President Trump"
    assert "oslo-2025-11-30" in holder.current.articles  # and the other article updated


def test_starting_with_a_broken_file_loads_the_rest_and_reports_it(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    (kb / "broken.yaml").write_text("facts: [\n")
    holder = FactBaseHolder(kb, seeds)
    assert "geneva-talks-2025-11-23" in holder.current.articles
    assert holder.last_reload is not None and not holder.last_reload[1].ok
    assert holder.last_reload[1].errors[0].file == "broken.yaml"


def test_seed_size_bounds_and_link_schemes(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    (seeds / "huge.txt").write_text("A paragraph of the article.\n" * 60)
    (seeds / "bad-link.txt").write_text("Title: x\nURL: javascript:alert(1)\n---\nA paragraph.\n")
    holder = FactBaseHolder(kb, seeds, max_seed_paragraphs=50)
    problems = {p.file: p.reason for p in holder.last_reload[1].errors} if holder.last_reload else {}
    assert "60 paragraphs" in problems["huge.txt"] and "TALKSBOT_MAX_SEED_PARAGRAPHS" in problems["huge.txt"]
    assert "http" in problems["bad-link.txt"]
    assert set(holder.current.articles) == {"geneva-talks-2025-11-23"}


def test_a_reload_with_nothing_changed_keeps_the_same_base(kb_dirs: tuple[Path, Path]) -> None:
    holder = FactBaseHolder(*kb_dirs)
    before = holder.current
    report = holder.reload()
    assert holder.current is before and report.ok and not report.facts_changed


def test_a_broken_file_is_reported_at_every_reload_until_fixed(kb_dirs: tuple[Path, Path]) -> None:
    k, _ = kb_dirs
    holder = FactBaseHolder(*kb_dirs)
    path = k / "geneva-talks-2025-11-23.yaml"
    good = path.read_text()
    path.write_text(good.replace("facts:", "facts: [", 1))
    for _ in range(3):
        report = holder.reload()
        assert not report.ok and "geneva-talks-2025-11-23.yaml" in report.summary()
        assert len(holder.current.articles) == 1  # the last good version answers meanwhile
    path.write_text(good.replace("  - id: revised-framework\n", "  - id: revised-framework-b\n"))
    report = holder.reload()
    assert report.ok and report.facts_added == ["revised-framework-b"]


def test_an_edited_seed_is_read_again(kb_dirs: tuple[Path, Path]) -> None:
    _, s = kb_dirs
    shutil.copy(ROOT / "tests/data/articles/storm-2025-10-21.txt", s)
    holder = FactBaseHolder(*kb_dirs)
    seed = s / "storm-2025-10-21.txt"
    before = {f.id for f in holder.current.facts if f.id.startswith("storm")}
    seed.write_text(seed.read_text() + "\nThe storm also closed the harbor bridge for six hours.\n")
    holder.reload()
    after = {f.id for f in holder.current.facts if f.id.startswith("storm")}
    assert len(after) > len(before)
