"""The admin page: bearer token or login cookie, the chart of the recorded days, the tables, escaping,
absent without a token; and a real headless Chromium signing in and rendering the chart."""
from __future__ import annotations

import asyncio
import base64
import datetime as dt
import json
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.core.answers import Answerer
from bot.frontends.admin_page import COOKIE, add_admin_routes, session_value
from bot.frontends.web import add_routes
from bot.questionlog import Asked, NullLog, record_answer
from bot.questionlog.sqlite import SqliteLog
from bot.serve import Services
from bot.settings import Settings
from tests.frontends import test_browser
from tests.stand_ins import serve_on_loopback

TOKEN = "correct-horse-battery-staple-42"
SCRIPT = "<script>alert(1)</script> what is the capital of Venus?"
Client = TestClient[web.Request, web.Application]
browser = test_browser.browser  # the Chromium fixture of the source-page test


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@pytest.fixture()
def qlog(tmp_path: Path, answerer: Answerer) -> Iterator[SqliteLog]:
    """A log with real answers: today 2 answered and 3 declined, two days ago 1 answered; one
    answer voted not helpful twice."""
    log = SqliteLog(tmp_path / "log.sqlite3")
    ids = {}
    for user, q in [("U1", "who set the deadline"), ("U2", "where did the delegations meet"),
                    ("U1", "whose brainchild was the T-day cutoff"), ("U2", "whose brainchild was the T-day cutoff?"),
                    ("U3", SCRIPT), ("U1", "who set the deadline?")]:
        ids[q] = record_answer(log, answerer.answer(q), Asked("slack", "mention", user))
    for user in ("U1", "U2"):
        log.vote(str(ids["who set the deadline"]), Asked("slack", "mention", user), helpful=False)
    log.vote(str(ids["where did the delegations meet"]), Asked("slack", "mention", "U1"), helpful=True)
    log.flush()
    with sqlite3.connect(log.path) as conn:  # one answer asked two days ago
        conn.execute("UPDATE questions SET asked_at = asked_at - 2 * 86400 WHERE question = 'who set the deadline?'")
    yield log
    log.close()


async def started(app: web.Application) -> Client:
    client: Client = TestClient(TestServer(app))
    await client.start_server()
    return client


@pytest.fixture()
async def client(qlog: SqliteLog, answerer: Answerer) -> AsyncIterator[Client]:
    app = web.Application()
    add_routes(app, answerer.holder)
    add_admin_routes(app, qlog, answerer, TOKEN)
    client = await started(app)
    yield client
    await client.close()


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": f"Basic {TOKEN}"},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Cookie": f"{COOKIE}={TOKEN}"}])
async def test_without_the_token_it_is_401_with_the_login_form(client: Client, headers: dict[str, str]) -> None:
    resp = await client.get("/admin", headers=headers)
    html = await resp.text()
    assert resp.status == 401 and resp.headers["WWW-Authenticate"].startswith("Bearer")
    assert "action='/admin/login'" in html and "type=password" in html
    assert "Questions per day" not in html and "thanksgiving-deadline" not in html


async def test_the_bearer_token_shows_the_page(client: Client) -> None:
    resp = await client.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})
    html = await resp.text()
    assert resp.status == 200 and "<svg class=chart" in html
    assert resp.headers["Cache-Control"] == "no-store" and "frame-ancestors 'none'" in resp.headers[
        "Content-Security-Policy"]
    assert "<script" not in html.replace("&lt;script", "")  # no JavaScript at all


async def test_the_login_form_sets_a_cookie_that_works_and_is_not_the_token(client: Client) -> None:
    form = await client.get("/admin/login")
    assert form.status == 200 and "name=token" in await form.text()
    wrong = await client.post("/admin/login", data={"token": "nope"}, allow_redirects=False)
    assert wrong.status == 401 and "not right" in await wrong.text() and not wrong.cookies
    resp = await client.post("/admin/login", data={"token": TOKEN}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/admin"
    set_cookie = resp.headers["Set-Cookie"]
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and "Path=/admin" in set_cookie
    value = resp.cookies[COOKIE].value
    assert TOKEN not in set_cookie and TOKEN not in value and len(value) > 64
    page = await client.get("/admin")  # the client's cookie jar sends it back
    assert page.status == 200 and "<svg class=chart" in await page.text()
    out = await client.post("/admin/logout", allow_redirects=False)
    assert out.status == 303 and (await client.get("/admin")).status == 401


async def test_a_forged_or_expired_cookie_is_refused(client: Client) -> None:
    expires = int(time.time()) + 3600
    for cookie in (session_value("another-token", expires), session_value(TOKEN, int(time.time()) - 1),
                   f"{expires + 1}.{session_value(TOKEN, expires).split('.')[1]}", "garbage", "9" * 500):
        client.session.cookie_jar.clear()
        assert (await client.get("/admin", headers={"Cookie": f"{COOKIE}={cookie}"})).status == 401, cookie
    assert (await client.get("/admin", headers={"Cookie": f"{COOKIE}={session_value(TOKEN, expires)}"})).status == 200


async def test_the_chart_shows_the_recorded_days(client: Client) -> None:
    html = await (await client.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})).text()
    chart = html.split("<svg class=chart")[1].split("</svg>")[0]
    assert chart.count("<g class=day") == 30
    now, before = today(), today() - dt.timedelta(days=2)
    assert f"<title>{now:%b %d}: 2 answered, 3 declined</title>" in chart
    assert f"<title>{before:%b %d}: 1 answered, 0 declined</title>" in chart
    assert f"<title>{now - dt.timedelta(days=1):%b %d}: 0 answered, 0 declined</title>" in chart
    assert "3 answered and 3 declined in the last 30 days" in html
    table = html.split("<summary>As a table</summary>")[1].split("</table>")[0]
    assert f"<td>{now.isoformat()}</td><td class=n>2</td><td class=n>3</td>" in table
    assert f"<td>{before.isoformat()}</td><td class=n>1</td><td class=n>0</td>" in table


async def test_the_tables_show_unanswered_groups_and_least_helpful_answers(client: Client) -> None:
    html = await (await client.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})).text()
    unanswered = html.split("<h2>Top unanswered questions</h2>")[1].split("</table>")[0]
    rows = unanswered.split("<tr>")[2:]
    assert len(rows) == 2 and "T-day cutoff" in rows[0]
    assert "<td class=n>2</td><td class=n>2</td>" in rows[0]  # asked twice, by two people
    assert "<code>thanksgiving-deadline</code>" in rows[0] and f"{today():%Y-%m-%d}" in rows[0]
    helpful = html.split("<h2>Least helpful answers</h2>")[1].split("</table>")[0]
    assert "<code>thanksgiving-deadline</code>" in helpful and "<td class=n>0</td><td class=n>2</td>" in helpful
    assert "geneva-meeting" not in helpful  # only helpful votes


async def test_user_text_is_escaped(client: Client) -> None:
    html = await (await client.get("/admin", headers={"Authorization": f"Bearer {TOKEN}"})).text()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; what is the capital of Venus?" in html


async def test_the_page_is_absent_without_a_token(answerer: Answerer) -> None:
    app = web.Application()
    add_routes(app, answerer.holder)  # what serve builds when TALKSBOT_ADMIN_TOKEN is not set
    client = await started(app)
    try:
        assert (await client.get("/admin")).status == 404
        assert (await client.get("/admin/login")).status == 404
        assert (await client.post("/admin/login", data={"token": TOKEN})).status == 404
    finally:
        await client.close()
    with pytest.raises(ValueError):
        add_admin_routes(web.Application(), NullLog(), answerer, "")


@pytest.mark.parametrize("token", [None, "", TOKEN])
async def test_serve_adds_the_page_only_when_a_token_is_set(kb_dirs: tuple[Path, Path], tmp_path: Path,
                                                             token: str | None) -> None:
    k, s = kb_dirs
    settings = Settings(_env_file=None, knowledge_dir=k, seeds_dir=s, http_host="127.0.0.1", http_port=0,
                        database_path=tmp_path / "serve.sqlite3", admin_token=token)
    services = Services(settings)
    await services.start_web()
    try:
        async with aiohttp.ClientSession() as session, session.get(
                f"http://127.0.0.1:{services.web_port}/admin", headers={"Authorization": f"Bearer {TOKEN}"}) as resp:
            assert resp.status == (200 if token else 404)
    finally:
        await services.stop()


async def until(devtools: test_browser.DevTools, expression: str, timeout: float = 10.0) -> object:
    """Evaluate ``expression`` in the page until it is truthy; its value."""
    deadline = time.monotonic() + timeout
    while True:
        result = await devtools.call("Runtime.evaluate", expression=expression, returnByValue=True)
        value = result.get("result", {}).get("value")
        if value or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.05)


@pytest.mark.skipif(test_browser.CHROMIUM is None, reason="chromium is not installed (make test installs it)")
async def test_chromium_signs_in_and_renders_the_chart(qlog: SqliteLog, answerer: Answerer,
                                                        browser: test_browser.DevTools, tmp_path: Path) -> None:
    app = web.Application()
    add_admin_routes(app, qlog, answerer, TOKEN)
    runner, port = await serve_on_loopback(app)
    try:
        await browser.call("Page.enable")
        await browser.call("Page.navigate", url=f"http://127.0.0.1:{port}/admin/login")
        assert await until(browser, "!!document.querySelector('input[type=password]')")
        await browser.call("Runtime.evaluate", expression=f"document.getElementById('token').value = {TOKEN!r};"
                                                          "document.querySelector('form.login').submit()")
        seen = await until(browser, """location.pathname === '/admin' && document.readyState === 'complete' &&
            document.querySelector('svg.chart') && JSON.stringify((() => {
                const svg = document.querySelector('svg.chart').getBoundingClientRect();
                const bars = [...document.querySelectorAll('svg.chart g.day')];
                const tall = bars.filter(g => [...g.querySelectorAll('rect')].some(r => r.getBBox().height > 0));
                return {width: svg.width, height: svg.height, bars: bars.length, drawn: tall.length,
                        titles: tall.map(g => g.querySelector('title').textContent), cookie: document.cookie,
                        overflow: document.documentElement.scrollWidth - window.innerWidth};
            })())""")
        assert isinstance(seen, str), "the admin page did not load after signing in"
        page = json.loads(seen)
        assert page["bars"] == 30 and page["drawn"] == 2 and page["width"] > 300 and page["height"] > 100, page
        assert f"{today():%b %d}: 2 answered, 3 declined" in page["titles"]
        assert page["cookie"] == ""  # HttpOnly: no script can read the session
        assert page["overflow"] <= 0, page
        shot = await browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        out = tmp_path / "admin.png"
        out.write_bytes(base64.b64decode(shot["data"]))
        assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and out.stat().st_size > 1000
    finally:
        await runner.cleanup()
