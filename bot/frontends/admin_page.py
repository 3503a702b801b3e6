"""The admin page: ``/admin`` on the web server, served only when ``TALKSBOT_ADMIN_TOKEN`` is set.

It shows what the question log knows: questions per day over the last 30 days (answered vs
declined, an inline SVG bar chart with a ``<title>`` per bar and a table fallback, no
JavaScript), the most asked unanswered groups with the bot's best candidate fact, and the
least helpful answers. Everything taken from the log is escaped.

Access: ``Authorization: Bearer TOKEN``, or the login form at ``/admin/login``, which sets an
HttpOnly, SameSite=Strict cookie holding an expiry and an HMAC keyed by the token (never the
token itself): changing the token ends every session. Tokens and cookies are compared in
constant time (``hmac.compare_digest``); anything else gets 401 and the login form. The log is
read (synchronous SQLite) in a worker thread, off the event loop.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import time
from dataclasses import dataclass
from html import escape

from aiohttp import web

from bot.core.answers import Answerer
from bot.frontends.web import CSS
from bot.questionlog.review import Group, unanswered
from bot.questionlog.store import Day, Helpfulness, QuestionLog

__all__ = ["COOKIE", "add_admin_routes", "render_admin", "render_chart", "same_token", "session_value"]

COOKIE = "talksbot_admin"
SESSION_S = 12 * 3600
DAYS = 30
TOP = 10  # rows in each table
ANSWERED, DECLINED = "#2563eb", "#f59e0b"  # blue and amber: apart for every common colour blindness
ADMIN_CSS = """
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0 1.5rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{width:100%;height:auto;max-width:40rem;display:block}.chart text{font:11px system-ui,sans-serif;fill:#555}
.key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin:0 .3rem 0 .6rem;vertical-align:-1px}
.key:first-child{margin-left:0}
form.login{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}
input[type=password]{font:inherit;padding:.3rem;min-width:16rem}button{font:inherit;padding:.3rem .8rem}
.bad{color:#b91c1c}
"""
HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff",
           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                      "frame-ancestors 'none'; base-uri 'none'"}


@dataclass(frozen=True)
class AdminView:
    """What the page shows, read from the log in one go."""

    days: list[Day]
    groups: list[Group]
    least_helpful: list[Helpfulness]
    log_detail: str | None  # why the log is not recording, when it is not


def _html(title: str, body: str, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    html = (f"<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{CSS}{ADMIN_CSS}</style></head><body>{body}</body></html>")
    return web.Response(text=html, content_type="text/html", status=status, headers={**HEADERS, **(headers or {})})


def session_value(token: str, expires: int) -> str:
    """The cookie for a session ending at ``expires`` (Unix seconds): the expiry and an HMAC-SHA256
    keyed by the token, so that the cookie proves the token was known without containing it."""
    mac = hmac.new(token.encode(), f"talksbot-admin-session:{expires}".encode(), hashlib.sha256).hexdigest()
    return f"{expires}.{mac}"


def _valid_session(token: str, cookie: str | None, now: float) -> bool:
    expires, _, _ = (cookie or "").partition(".")
    if not (expires.isascii() and expires.isdigit() and len(expires) <= 12) or int(expires) < now:
        return False
    return hmac.compare_digest(session_value(token, int(expires)).encode(), (cookie or "").encode())


def same_token(given: str, token: str) -> bool:
    """Whether ``given`` is the token, in constant time (digests first: the time says nothing of its length)."""
    return hmac.compare_digest(hashlib.sha256(given.encode()).digest(), hashlib.sha256(token.encode()).digest())


def _authorized(request: web.Request, token: str) -> bool:
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and given:
        return same_token(given.strip(), token)
    return _valid_session(token, request.cookies.get(COOKIE), time.time())


def render_login(failed: bool = False) -> str:
    """The login form (also the body of every 401)."""
    note = "<p class=bad role=alert>That token is not right.</p>" if failed else ""
    return ("<h1>talksbot admin</h1><p>Sign in with the admin token (<code>TALKSBOT_ADMIN_TOKEN</code>), or send "
            f"it as <code>Authorization: Bearer …</code>.</p>{note}"
            "<form class=login method=post action='/admin/login'><label for=token>Admin token</label>"
            "<input type=password id=token name=token autocomplete=current-password required autofocus>"
            "<button type=submit>Sign in</button></form>")


def render_chart(days: list[Day], today: dt.date) -> str:
    """Answered and declined questions per day (UTC) for the ``DAYS`` days up to ``today``, as stacked
    bars in an inline SVG; each bar has a ``<title>``, and a table below says the same."""
    counts = {d.day: d for d in days}
    span = [today - dt.timedelta(days=DAYS - 1 - i) for i in range(DAYS)]
    top = max([counts[d].answered + counts[d].declined for d in span if d in counts] + [1])
    width, height, left, bottom, pad = 600, 200, 30, 20, 8
    slot = (width - left) / DAYS
    scale = (height - bottom - pad) / top
    bars = []
    for i, day in enumerate(span):
        row = counts.get(day, Day(day, 0, 0))
        x = left + i * slot + 1
        label = f"{day:%b %d}: {row.answered} answered, {row.declined} declined"
        y_answered = height - bottom - row.answered * scale
        y_declined = y_answered - row.declined * scale
        bars.append(f"<g class=day data-day='{day.isoformat()}'><title>{escape(label)}</title>"
                    f"<rect x='{x:.1f}' y='{y_answered:.1f}' width='{slot - 2:.1f}' "
                    f"height='{row.answered * scale:.1f}' fill='{ANSWERED}'/>"
                    f"<rect x='{x:.1f}' y='{y_declined:.1f}' width='{slot - 2:.1f}' "
                    f"height='{row.declined * scale:.1f}' fill='{DECLINED}'/></g>")
    ticks = "".join(f"<text x='{x:.1f}' y='{height - 5}' text-anchor={anchor}>{span[i]:%b %d}</text>"
                    for i, x, anchor in ((0, left, "start"), (DAYS // 2, left + (DAYS // 2 + .5) * slot, "middle"),
                                         (DAYS - 1, width, "end")))
    axis = (f"<line x1='{left}' y1='{height - bottom}' x2='{width}' y2='{height - bottom}' stroke='#999'/>"
            f"<text x='{left - 4}' y='{pad + 4}' text-anchor=end>{top}</text>"
            f"<text x='{left - 4}' y='{height - bottom}' text-anchor=end>0</text>")
    total_answered = sum(counts[d].answered for d in span if d in counts)
    total_declined = sum(counts[d].declined for d in span if d in counts)
    summary = f"{total_answered} answered and {total_declined} declined in the last {DAYS} days"
    svg = (f"<svg class=chart viewBox='0 0 {width} {height}' role=img aria-labelledby='chart-title chart-desc' "
           f"xmlns='http://www.w3.org/2000/svg'><title id=chart-title>Questions per day</title>"
           f"<desc id=chart-desc>{summary}; the table below lists each day.</desc>{axis}{''.join(bars)}{ticks}</svg>")
    legend = (f"<p class=meta><span class=key style='background:{ANSWERED}'></span>answered"
              f"<span class=key style='background:{DECLINED}'></span>declined · {summary}</p>")
    rows = "".join(f"<tr><td>{d.day.isoformat()}</td><td class=n>{d.answered}</td><td class=n>{d.declined}</td></tr>"
                   for d in days if d.day in span)
    table = ("<details><summary>As a table</summary><table><thead><tr><th>Day (UTC)</th><th>Answered</th>"
             f"<th>Declined</th></tr></thead><tbody>{rows}</tbody></table></details>")
    return svg + legend + table


def _groups_table(groups: list[Group]) -> str:
    if not groups:
        return f"<p>No unanswered questions in the last {DAYS} days.</p>"
    rows = []
    for g in groups:
        when = f"{g.last_asked:%Y-%m-%d %H:%M} UTC" if g.last_asked else "?"
        best = g.candidates[0] if g.candidates else None
        candidate = (f"<code>{escape(best.fact_id)}</code>: {escape(best.answer)} ({best.confidence:.2f})"
                     if best else "none")
        rows.append(f"<tr><td>{escape(g.question)}</td><td class=n>{g.count}</td><td class=n>{len(g.askers)}</td>"
                    f"<td>{when}</td><td>{candidate}</td></tr>")
    return ("<table><thead><tr><th>Question</th><th>Asked</th><th>Askers</th><th>Last asked</th>"
            f"<th>Best candidate fact</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _feedback_table(rows: list[Helpfulness]) -> str:
    if not rows:
        return "<p>No answer has a “Not helpful” vote.</p>"
    body = "".join(f"<tr><td><code>{escape(r.fact_id)}</code></td><td>{escape(r.question)}</td>"
                   f"<td class=n>{r.helpful}</td><td class=n>{r.not_helpful}</td></tr>" for r in rows)
    return ("<table><thead><tr><th>Fact</th><th>Question</th><th>Helpful</th><th>Not helpful</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def render_admin(view: AdminView, today: dt.date) -> str:
    """The body of the admin page."""
    off = f"<p class=bad>The question log is {escape(view.log_detail)}.</p>" if view.log_detail else ""
    return (f"<h1>talksbot admin</h1>{off}<h2>Questions per day</h2>{render_chart(view.days, today)}"
            f"<h2>Top unanswered questions</h2>{_groups_table(view.groups)}"
            f"<h2>Least helpful answers</h2>{_feedback_table(view.least_helpful)}"
            "<form method=post action='/admin/logout'><button type=submit>Sign out</button></form>")


def read_view(qlog: QuestionLog, answerer: Answerer) -> AdminView:
    """Everything the page shows (synchronous: the log's reads and the candidates' retrieval)."""
    least = [r for r in qlog.feedback() if r.not_helpful > 0][:TOP]
    return AdminView(qlog.per_day(DAYS), unanswered(qlog, answerer, DAYS, TOP), least,
                     None if qlog.status.on else qlog.status.detail)


def add_admin_routes(app: web.Application, qlog: QuestionLog, answerer: Answerer, token: str) -> None:
    """``GET /admin``, ``GET``/``POST /admin/login`` and ``POST /admin/logout``, guarded by ``token``."""
    if not token:
        raise ValueError("the admin token is empty")
    challenge = {"WWW-Authenticate": 'Bearer realm="talksbot admin"'}

    def refused(failed: bool = False) -> web.Response:
        return _html("talksbot admin: sign in", render_login(failed), status=401, headers=challenge)

    async def admin(request: web.Request) -> web.Response:
        if not _authorized(request, token):
            return refused()
        view = await asyncio.to_thread(read_view, qlog, answerer)
        return _html("talksbot admin", render_admin(view, dt.datetime.now(dt.UTC).date()))

    async def login_form(request: web.Request) -> web.Response:
        return _html("talksbot admin: sign in", render_login())

    async def login(request: web.Request) -> web.Response:
        given = (await request.post()).get("token")
        if not isinstance(given, str) or not same_token(given, token):
            return refused(failed=True)
        response = web.Response(status=303, headers={"Location": "/admin", **HEADERS})
        secure = request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"
        response.set_cookie(COOKIE, session_value(token, int(time.time()) + SESSION_S), max_age=SESSION_S,
                            path="/admin", httponly=True, samesite="Strict", secure=secure)
        return response

    async def logout(request: web.Request) -> web.Response:
        response = web.Response(status=303, headers={"Location": "/admin/login", **HEADERS})
        response.del_cookie(COOKIE, path="/admin")
        return response

    app.router.add_get("/admin", admin)
    app.router.add_get("/admin/login", login_form)
    app.router.add_post("/admin/login", login)
    app.router.add_post("/admin/logout", logout)
