"""Source pages: every answer links here, to the paragraph it comes from.

Plain server-rendered HTML with a little CSS, readable on a phone. ``/`` lists the articles,
``/articles/{id}`` shows one with each paragraph anchored ``id="p{n}"`` (the targeted one is
highlighted by CSS ``:target``, or by ``?p=n`` for clients that drop fragments) and the facts
drawn from each paragraph beside it; ``/healthz`` reports the fact base. Everything taken from
an article or the fact base is escaped.
"""
from __future__ import annotations

from html import escape

from aiohttp import web

from bot.core.factbase import Article, FactBase
from bot.core.holder import FactBaseHolder

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
    original = (f" · <a href='{escape(article.meta.url, quote=True)}' rel=noopener>original</a>"
                if article.meta.url else "")
    return (f"<p><a href='/'>All articles</a></p><h1>{escape(article.meta.title)}</h1>"
            f"<p class=meta>{article.meta.date:%B %d, %Y}{credit}{original}</p>{''.join(rows)}")


def add_routes(app: web.Application, holder: FactBaseHolder) -> None:
    """The source pages and the health check, reading whichever base is current."""

    async def index(request: web.Request) -> web.Response:
        return _page("talksbot: articles", render_index(holder.current))

    async def article(request: web.Request) -> web.Response:
        base = holder.current
        found = base.articles.get(request.match_info["article_id"])
        if found is None:
            raise web.HTTPNotFound(text="No such article.")
        p = request.query.get("p", "")
        return _page(found.meta.title, render_article(base, found, int(p) if p.isdigit() else None))

    async def healthz(request: web.Request) -> web.Response:
        base = holder.current
        last = holder.last_reload
        body = {"version": base.version, "articles": len(base.articles), "facts": len(base.facts),
                "last_reload": last[0].isoformat() if last else None,
                "last_reload_ok": last[1].ok if last else None,
                "last_reload_summary": last[1].summary() if last else None}
        return web.json_response(body, status=200 if last is None or last[1].ok else 503)

    app.router.add_get("/", index)
    app.router.add_get("/articles/{article_id}", article)
    app.router.add_get("/healthz", healthz)
