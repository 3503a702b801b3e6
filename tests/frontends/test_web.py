from __future__ import annotations

from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.core.holder import FactBaseHolder
from bot.frontends.web import add_routes


async def client_for(holder: FactBaseHolder) -> TestClient[web.Request, web.Application]:
    app = web.Application()
    add_routes(app, holder)
    client: TestClient[web.Request, web.Application] = TestClient(TestServer(app))
    await client.start_server()
    return client


async def test_index_lists_articles_with_date_and_fact_count(kb_dirs: tuple[Path, Path]) -> None:
    holder = FactBaseHolder(*kb_dirs)
    client = await client_for(holder)
    try:
        html = await (await client.get("/")).text()
        assert "/articles/geneva-talks-2025-11-23" in html
        assert "November 23, 2025" in html and f"{len(holder.current.facts)} facts" in html
    finally:
        await client.close()


async def test_article_page_anchors_every_paragraph_with_its_facts(kb_dirs: tuple[Path, Path]) -> None:
    client = await client_for(FactBaseHolder(*kb_dirs))
    try:
        resp = await client.get("/articles/geneva-talks-2025-11-23?p=8")
        html = await resp.text()
        assert resp.status == 200 and "width=device-width" in html
        for n in range(1, 26):
            assert f"id=p{n}>" in html
        assert "class='para hl' id=p8>" in html and html.count("para hl") == 1
        p8 = html.split("id=p8>")[1].split("</section>")[0]
        assert "initially set Thanksgiving Day" in p8 and "<li>President Trump initially set" in p8
        assert "credits English Epoch Times, Reuters" in html
        assert (await client.get("/articles/nope")).status == 404
    finally:
        await client.close()


async def test_everything_from_articles_is_escaped(kb_dirs: tuple[Path, Path]) -> None:
    k, s = kb_dirs
    seed = s / "geneva-talks-2025-11-23.txt"
    seed.write_text(seed.read_text() + "\n<script>alert(1)</script> & more\n")
    client = await client_for(FactBaseHolder(k, s))
    try:
        html = await (await client.get("/articles/geneva-talks-2025-11-23")).text()
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    finally:
        await client.close()


async def test_healthz_reports_and_turns_503_after_a_failed_reload(kb_dirs: tuple[Path, Path]) -> None:
    k, s = kb_dirs
    holder = FactBaseHolder(k, s)
    client = await client_for(holder)
    try:
        ok = await client.get("/healthz")
        body = await ok.json()
        assert ok.status == 200 and body["articles"] == 1 and body["version"] == holder.current.version
        (k / "bad.yaml").write_text("{")
        holder.reload()
        bad = await client.get("/healthz")
        assert bad.status == 503 and (await bad.json())["last_reload_ok"] is False
    finally:
        await client.close()
