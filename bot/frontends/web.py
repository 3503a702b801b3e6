"""Source pages: every answer links here, to the paragraph it comes from.

Plain server-rendered HTML with a little CSS, readable on a phone. ``/`` lists the articles,
``/articles/{id}`` shows one with each paragraph anchored ``id="p{n}"`` (the targeted one is
highlighted by CSS ``:target``, or by ``?p=n`` for clients that drop fragments) and the facts
drawn from each paragraph beside it; ``/healthz`` reports the fact base. Everything taken from
an article or the fact base is escaped, and only an http(s) URL becomes a link.

``quiet_malformed_requests()`` turns aiohttp's traceback for each malformed HTTP request into
one warning line.
"""
from __future__ import annotations

import logging
from html import escape

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.core.factbase import Article, FactBase
from bot.core.holder import FactBaseHolder
from bot.service.health import Health

__all__ = ["MalformedRequestFilter", "add_routes", "quiet_malformed_requests", "render_article", "render_index"]

CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
h1{font-size:1.4rem}a{color:#1d4ed8}.meta{color:#555}
.para{display:flex;gap:1rem;padding:.5rem;border-radius:6px;scroll-margin-top:2rem}
.para .n{color:#888;min-width:2rem;text-decoration:none}.para .text{flex:2;margin:0}
.para .facts{flex:1;font-size:.85rem;color:#444;margin:0;padding-left:.75rem;list-style:none;
border-left:3px solid #ddd}.para .facts li+li{margin-top:.4rem}
.para:target,.para.hl{background:#fff3bf;outline:2px solid #f0b400}
@media (max-width:40rem){.para{flex-direction:column;gap:.25rem}}
"""


def _page(title: str, body: str) -> web.Response:
    html = (f"<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width,initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body>{body}</body></html>")
    return web.Response(text=html, content_type="text/html")


def paragraph_number(value: str) -> int | None:
    """``?p=`` as a paragraph number, or None (no highlight) for anything but 1 to 6 ASCII digits."""
    # str.isdigit() alone admits '²' and other digits int() rejects, and int() refuses 5,000 digits
    if value.isascii() and value.isdigit() and len(value) <= 6:
        return int(value)
    return None


def is_web_url(url: str | None) -> bool:
    """Whether ``url`` is an http(s) address, the only kind rendered as a link."""
    return url is not None and url.lower().startswith(("http://", "https://"))


def render_index(base: FactBase) -> str:
    counts: dict[str, int] = {}
    for entry in base.entries:
        if not entry.is_entity:
            counts[entry.article_id] = counts.get(entry.article_id, 0) + 1
    items = "".join(
        f"<li><a href='/articles/{escape(a.id, quote=True)}'>{escape(a.meta.title)}</a> "
        f"<span class=meta>{a.meta.date:%B %d, %Y} · {counts.get(a.id, 0)} facts</span></li>"
        for a in sorted(base.articles.values(), key=lambda a: a.meta.date, reverse=True))
    return f"<h1>Articles</h1><ul>{items}</ul>"


def render_article(base: FactBase, article: Article, highlight: int | None = None) -> str:
    by_paragraph: dict[int, list[str]] = {}
    for entry in base.entries:
        if entry.article_id == article.id and not entry.is_entity:
            by_paragraph.setdefault(entry.fact.paragraph, []).append(entry.fact.reply)
    rows = []
    for n, text in enumerate(article.paragraphs, 1):
        facts = "".join(f"<li>{escape(r)}</li>" for r in by_paragraph.get(n, []))
        cls = "para hl" if n == highlight else "para"
        rows.append(f"<section class='{cls}' id=p{n}><a class=n href='#p{n}'>{n}</a>"
                    f"<p class=text>{escape(text)}</p><ul class=facts>{facts}</ul></section>")
    credit = f" · credits {escape(', '.join(article.meta.attribution))}" if article.meta.attribution else ""
    url = article.meta.url
    # the model admits only http(s) URLs; checked again so that no other scheme can become a live link
    original = (f" · <a href='{escape(url, quote=True)}' rel=noopener>original</a>"
                if url is not None and is_web_url(url) else "")
    return (f"<p><a href='/'>All articles</a></p><h1>{escape(article.meta.title)}</h1>"
            f"<p class=meta>{article.meta.date:%B %d, %Y}{credit}{original}</p>{''.join(rows)}")


def add_routes(app: web.Application, holder: FactBaseHolder, health: Health | None = None) -> None:
    """The source pages and ``/healthz`` (see ``bot.service.health``), reading whichever base is current."""
    if health is None:  # the pages alone (tests, a plain web server): the fact base is all there is
        health = Health()
        health.fact_base_loaded = True

    async def index(request: web.Request) -> web.Response:
        return _page("talksbot: articles", render_index(holder.current))

    async def article(request: web.Request) -> web.Response:
        base = holder.current
        found = base.articles.get(request.match_info["article_id"])
        if found is None:
            raise web.HTTPNotFound(text="No such article.")
        return _page(found.meta.title, render_article(base, found, paragraph_number(request.query.get("p", ""))))

    async def healthz(request: web.Request) -> web.Response:
        status, body = health.report(holder)
        return web.json_response(body, status=status)

    app.router.add_get("/", index)
    app.router.add_get("/articles/{article_id}", article)
    app.router.add_get("/healthz", healthz)


class MalformedRequestFilter(logging.Filter):
    """Rewrites aiohttp's "Error handling request" record for a request that cannot be parsed
    (an ``HttpProcessingError``: garbage, a bad header, TLS on the HTTP port) into one WARNING
    line naming the peer and the reason, without the traceback. Errors raised by handlers keep
    theirs. Other records below ``threshold`` (the level the logger had) are dropped, since the
    logger itself is opened to DEBUG: aiohttp logs a first request that is not HTTP at DEBUG.
    """

    def __init__(self, logger: logging.Logger, previous_level: int) -> None:
        super().__init__()
        self.logger, self.previous_level = logger, previous_level

    @property
    def threshold(self) -> int:
        if self.previous_level:
            return self.previous_level
        return self.logger.parent.getEffectiveLevel() if self.logger.parent else logging.WARNING

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError) and str(record.msg).startswith("Error handling request"):
            peer = record.args[0] if isinstance(record.args, tuple) and record.args else "?"
            reason = " ".join(w for w in str(exc.message).split() if w != "^")[:200]
            record.msg, record.args = "malformed HTTP request from %s: %s (%s)", (peer, reason, type(exc).__name__)
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = record.stack_info = None
            return True
        return record.levelno >= self.threshold


def quiet_malformed_requests(logger_name: str = "aiohttp.server") -> MalformedRequestFilter:
    """Log each malformed HTTP request as one WARNING line (peer and reason, no traceback).

    Installs a ``MalformedRequestFilter`` on the logger aiohttp's request handlers use (once:
    a second call returns the installed filter) and sets that logger to DEBUG, the filter then
    applying the level it had before to every other record. Call it before serving.
    """
    logger = logging.getLogger(logger_name)
    for existing in logger.filters:
        if isinstance(existing, MalformedRequestFilter):
            return existing
    quiet = MalformedRequestFilter(logger, logger.level)
    logger.addFilter(quiet)
    logger.setLevel(logging.DEBUG)
    return quiet
