from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.loader import KnowledgeError, load_knowledge, read_paragraphs
from tests.conftest import SEEDS


def _break(kb: Path, old: str, new: str) -> None:
    path = kb / "geneva-talks-2025-11-23.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _problems(kb: Path, seeds: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(kb, seeds)
    return [str(p) for p in info.value.problems]


def test_seed_fact_base_loads(base) -> None:  # type: ignore[no-untyped-def]
    assert list(base.articles) == ["geneva-talks-2025-11-23"]
    assert len(base.facts) >= 40
    assert base.articles["geneva-talks-2025-11-23"].paragraphs[7].startswith("President Trump initially set")


def test_paragraphs_are_non_empty_lines() -> None:
    paragraphs = read_paragraphs(SEEDS / "geneva-talks-2025-11-23.txt")
    assert len(paragraphs) == 25
    assert paragraphs[24].startswith("(This article references")


def test_yaml_syntax_error_names_file_and_line(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "facts:\n", "facts: [\n")
    (problem,) = _problems(kb, seeds)
    assert "geneva-talks-2025-11-23.yaml" in problem and "YAML syntax error" in problem and "line" in problem


def test_unknown_field_names_fact(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "  - id: geneva-meeting\n", "  - id: geneva-meeting\n    colour: blue\n")
    (problem,) = _problems(kb, seeds)
    assert "fact geneva-meeting.colour" in problem and "unknown field" in problem


def test_evidence_not_in_paragraph_names_fact_and_paragraph(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "evidence: after their meeting in Geneva", "evidence: after their meeting in Paris")
    (problem,) = _problems(kb, seeds)
    assert "fact geneva-meeting" in problem and "not in paragraph 1" in problem


def test_duplicate_fact_id(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "  - id: joint-statement\n", "  - id: geneva-meeting\n")
    problems = _problems(kb, seeds)
    assert any("fact geneva-meeting" in p and "duplicate fact id" in p for p in problems)


def test_paragraph_out_of_range(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "  - id: geneva-meeting\n    paragraph: 1\n", "  - id: geneva-meeting\n    paragraph: 99\n")
    (problem,) = _problems(kb, seeds)
    assert "fact geneva-meeting" in problem and "paragraph 99 is out of range" in problem


def test_missing_seed_and_unknown_entity_are_reported(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "entities: [usa, ukraine, geneva, delegations]", "entities: [usa, atlantis]")
    assert any("unknown entity 'atlantis'" in p for p in _problems(kb, seeds))
    (seeds / "geneva-talks-2025-11-23.txt").unlink()
    assert any("not found" in p for p in _problems(kb, seeds))


def test_all_problems_reported_at_once(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    _break(kb, "evidence: after their meeting in Geneva", "evidence: nowhere")
    _break(kb, "evidence: the 28-point peace proposal drafted", "evidence: the 29-point peace proposal drafted")
    assert len(_problems(kb, seeds)) == 2


def test_binary_and_empty_files(kb_dirs) -> None:  # type: ignore[no-untyped-def]
    kb, seeds = kb_dirs
    (kb / "zz-binary.yaml").write_bytes(b"\xff\xfe\x00\x01garbage")
    (kb / "zz-empty.yaml").write_text("")
    problems = _problems(kb, seeds)
    assert any("zz-binary.yaml" in p and "UTF-8" in p for p in problems)
    assert any("zz-empty.yaml" in p and "expected a mapping" in p for p in problems)


def test_loading_reads_the_synonym_table_so_the_first_question_does_not(tmp_path: Path) -> None:
    from bot.core.paraphrase import synonym_table

    synonym_table.cache_clear()
    load_knowledge(tmp_path / "no-knowledge", SEEDS)
    assert synonym_table.cache_info().currsize == 1
