"""The core stays platform-free, and modules stay small."""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PLATFORM = ("slack_bolt", "slack_sdk", "discord", "aiohttp")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_no_platform_library() -> None:
    files = list((ROOT / "bot" / "core").glob("*.py"))
    assert files
    for path in files:
        assert not _imports(path) & set(PLATFORM), path


def test_core_does_not_import_front_ends() -> None:
    for path in (ROOT / "bot" / "core").glob("*.py"):
        assert "bot.frontends" not in path.read_text(), path


def test_every_module_uses_future_annotations() -> None:
    for path in (ROOT / "bot").rglob("*.py"):
        if path.read_text().strip():
            assert "from __future__ import annotations" in path.read_text(), path
