from __future__ import annotations

from pathlib import Path

from bot.core.holder import FactBaseHolder
from bot.core.loader import empty_base
from bot.service.health import Health


def test_starting_until_the_articles_load_then_ok(kb_dirs: tuple[Path, Path]) -> None:
    holder = FactBaseHolder(*kb_dirs, empty_base())
    health = Health()
    health.set("web", "ok")
    status, body = health.report(holder)
    assert status == 503 and body["components"]["fact_base"]["status"] == "starting"
    holder.reload()
    health.fact_base_loaded = True
    status, body = health.report(holder)
    assert status == 200 and body["status"] == "ok" and body["articles"] == 1


def test_any_configured_component_not_ok_is_503_with_its_reason(kb_dirs: tuple[Path, Path]) -> None:
    holder = FactBaseHolder(*kb_dirs)
    health = Health()
    health.fact_base_loaded = True
    health.set("slack", "retrying", "ClientConnectorError: Cannot connect to host")
    health.set("discord", "ok")
    status, body = health.report(holder)
    assert status == 503 and body["status"] == "unhealthy"
    assert body["components"]["slack"] == {**body["components"]["slack"], "status": "retrying",
                                           "reason": "ClientConnectorError: Cannot connect to host"}


def test_a_probe_turns_a_lost_connection_into_retrying(kb_dirs: tuple[Path, Path]) -> None:
    holder = FactBaseHolder(*kb_dirs)
    health = Health()
    health.fact_base_loaded = True
    connected = [True]
    health.set("slack", "ok", probe=lambda: None if connected[0] else "the Socket Mode connection was lost")
    assert health.report(holder)[0] == 200
    connected[0] = False
    status, body = health.report(holder)
    assert status == 503 and body["components"]["slack"]["reason"] == "the Socket Mode connection was lost"


def test_no_article_at_all_is_failed(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    (tmp_path / "s").mkdir()
    holder = FactBaseHolder(tmp_path / "k", tmp_path / "s")
    health = Health()
    health.fact_base_loaded = True
    status, body = health.report(holder)
    assert status == 503 and body["components"]["fact_base"]["status"] == "failed"
