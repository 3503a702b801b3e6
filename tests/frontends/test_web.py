from __future__ import annotations

import asyncio
import dataclasses
import logging
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from pydantic import ValidationError

from bot.core.holder import FactBaseHolder
from bot.core.models import ArticleMeta
from bot.frontends.web import add_routes, quiet_malformed_requests, render_article
from tests.stand_ins import serve_on_loopback


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


async def test_healthz_names_a_broken_file_and_the_other_articles_stay(kb_dirs: tuple[Path, Path]) -> None:
    k, s = kb_dirs
    holder = FactBaseHolder(k, s)
    client = await client_for(holder)
    try:
        ok = await client.get("/healthz")
        body = await ok.json()
        assert ok.status == 200 and body["articles"] == 1 and body["version"] == holder.current.version
        assert body["status"] == "ok" and body["components"]["fact_base"]["status"] == "ok"
        (k / "bad.yaml").write_text("{")
        holder.reload()
        degraded = await client.get("/healthz")
        fact_base = (await degraded.json())["components"]["fact_base"]
        assert degraded.status == 200 and fact_base["status"] == "degraded" and fact_base["articles"] == 1
        assert "bad.yaml" in fact_base["reason"] and any("bad.yaml" in p for p in fact_base["problems"])
    finally:
        await client.close()


@pytest.mark.parametrize("p", ["\u00b2", "\u0668", "9" * 5000, "-1", "0x8", "8.0", " 8", "", "999999999999"])
async def test_any_bad_paragraph_number_is_no_highlight(kb_dirs: tuple[Path, Path], p: str) -> None:
    """?p= that is not a plain paragraph number (superscript two, Arabic-Indic digits, 5,000 digits...)
    means no highlight, never an error."""
    client = await client_for(FactBaseHolder(*kb_dirs))
    try:
        resp = await client.get("/articles/geneva-talks-2025-11-23", params={"p": p})
        html = await resp.text()
        assert resp.status == 200 and "id=p8>" in html and "para hl" not in html
    finally:
        await client.close()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,x", "ftp://example.com/a", "//example.com/a", "http:/x", "https://"])
def test_article_meta_accepts_only_http_urls(url: str) -> None:
    with pytest.raises(ValidationError, match="http:// or https://"):
        ArticleMeta(id="a", title="t", date="2025-11-23", seed="a.txt", url=url)  # type: ignore[arg-type]
    ok = ArticleMeta(id="a", title="t", date="2025-11-23", seed="a.txt",  # type: ignore[arg-type]
                     url="HTTPS://example.com/a?b=1")
    assert ok.url == "HTTPS://example.com/a?b=1"


async def test_a_javascript_url_in_a_knowledge_file_never_becomes_a_link(kb_dirs: tuple[Path, Path]) -> None:
    k, s = kb_dirs
    path = k / "geneva-talks-2025-11-23.yaml"
    path.write_text(path.read_text().replace("  seed: geneva-talks-2025-11-23.txt\n",
                                             "  seed: geneva-talks-2025-11-23.txt\n  url: javascript:alert(1)\n"))
    holder = FactBaseHolder(k, s)
    assert holder.last_reload is not None
    assert any("http:// or https://" in p.reason for p in holder.last_reload[1].errors)
    client = await client_for(holder)
    try:
        resp = await client.get("/articles/geneva-talks-2025-11-23")
        assert resp.status == 404 and "javascript:" not in await resp.text()
    finally:
        await client.close()


def test_only_http_urls_are_rendered_as_the_original_link(kb_dirs: tuple[Path, Path]) -> None:
    """Defence in depth: even an article whose meta escaped validation gets no javascript: link."""
    base = FactBaseHolder(*kb_dirs).current
    article = base.articles["geneva-talks-2025-11-23"]

    def with_url(url: str) -> str:
        meta = article.meta.model_copy(update={"url": url})  # model_copy does not validate: the bypass we guard
        return render_article(base, dataclasses.replace(article, meta=meta))

    for bad in ("javascript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/a"):
        html = with_url(bad)
        assert ">original</a>" not in html and "javascript:" not in html and "<b>x</b>" not in html
    html = with_url("https://example.com/a?b=1&c='x'")
    assert "<a href='https://example.com/a?b=1&amp;c=&#x27;x&#x27;' rel=noopener>original</a>" in html


@pytest.mark.parametrize("garbage", [b"GARBAGE\r\n\r\n", b"GET / HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n",
                                     b"GET /\x00 HTTP/1.1\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"],
                         ids=["garbage", "bad-header", "bad-url", "tls-hello"])
async def test_a_malformed_request_logs_one_warning_without_traceback(
        kb_dirs: tuple[Path, Path], caplog: pytest.LogCaptureFixture, garbage: bytes) -> None:
    app = web.Application()
    add_routes(app, FactBaseHolder(*kb_dirs))
    runner, port = await serve_on_loopback(app)
    server_log = logging.getLogger("aiohttp.server")
    level, quiet = server_log.level, quiet_malformed_requests()
    try:
        caplog.set_level(logging.INFO)
        for _ in range(2):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(garbage)
            await writer.drain()
            assert (await reader.read()).startswith(b"HTTP/1.")
            writer.close()
            await writer.wait_closed()
        # a real request still works, and its access line is the only other record
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /articles/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert b" 404 " in (await reader.read()).split(b"\r\n")[0] + b" "
        writer.close()
    finally:
        server_log.removeFilter(quiet)
        server_log.setLevel(level)
        await runner.cleanup()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.levelno for r in warnings] == [logging.WARNING, logging.WARNING], caplog.text
    for record in warnings:
        line = record.getMessage()
        assert "malformed HTTP request from 127.0.0.1" in line and "\n" not in line and len(line) < 300
        assert record.exc_info is None and not record.exc_text
    assert "Traceback" not in caplog.text and "ERROR" not in caplog.text


async def test_quieting_keeps_the_traceback_of_a_real_bug(caplog: pytest.LogCaptureFixture) -> None:
    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("a bug in a handler")

    app = web.Application()
    app.router.add_get("/", broken)
    server_log = logging.getLogger("aiohttp.server")
    level, quiet = server_log.level, quiet_malformed_requests()
    assert quiet_malformed_requests() is quiet  # installing twice is once
    client: TestClient[web.Request, web.Application] = TestClient(TestServer(app))
    await client.start_server()
    try:
        assert (await client.get("/")).status == 500
    finally:
        await client.close()
        server_log.removeFilter(quiet)
        server_log.setLevel(level)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and "a bug in a handler" in caplog.text
