"""A local stand-in for news sites: realistic article pages and every way a fetch can go wrong.

The pages carry what real news pages carry around the article (a navigation menu, share
buttons, related links, a comment section, a cookie banner, a footer), so that tests can check
that only the article's own paragraphs come out. It listens on 127.0.0.1 and 127.0.0.2 (the same
port), so that a test can treat one loopback address as "public" and redirect to the other.
"""
from __future__ import annotations

import asyncio
import html
import json
from dataclasses import dataclass

from aiohttp import web

from tests.stand_ins import serve_on_loopback


@dataclass(frozen=True)
class Story:
    path: str
    title: str
    date: str  # YYYY-MM-DD
    author: str
    paragraphs: tuple[str, ...]


DRISCOLL = Story(
    "/news/2025/11/25/driscoll-abu-dhabi.html",
    "Driscoll meets Russian delegation in Abu Dhabi",
    "2025-11-25", "Maria Lindqvist",
    (
        "US Army Secretary Dan Driscoll met a Russian delegation in Abu Dhabi on Monday (November 24) to discuss "
        "the revised peace framework agreed in Geneva.",
        "The talks in the United Arab Emirates lasted more than six hours, according to two officials familiar "
        "with the meeting.",
        "Driscoll, who joined the Geneva talks on Sunday, was sent by President Trump to explain the changes to "
        "the Russian side.",
        "Army spokesman Lieutenant Colonel Jeff Tolbert said the discussions were going well and that the "
        "delegation remained optimistic.",
        "A Ukrainian intelligence delegation led by Kyrylo Budanov was also in Abu Dhabi during the talks.",
        "The revised framework now has 19 points, down from the 28 points of the original American draft.",
        "European officials said they had not been told in advance about the meeting in Abu Dhabi.",
        "The Kremlin declined to comment on the talks, saying only that contacts with Washington continued.",
    ),
)

EUROPE = Story(
    "/world/europe-counter-proposal",
    "European leaders send their own peace proposal to Washington",
    "2025-11-24", "Pieter de Wolff",
    (
        "Britain, France and Germany sent Washington a counter-proposal to the American peace plan on Sunday.",
        "The European text keeps the ceasefire along the current front line but drops the limit on the size of "
        "the Ukrainian army.",
        "German Chancellor Friedrich Merz said Europe would not accept a peace imposed over the heads of "
        "Ukrainians.",
        "The proposal asks for security guarantees modelled on Article 5 of the NATO treaty.",
        "French President Emmanuel Macron spoke with President Zelensky twice over the weekend.",
        "Diplomats in Brussels expect the three governments to present the text to the other members of the "
        "European Union on Tuesday.",
        "The Kremlin said the European proposal was not constructive.",
    ),
)

KREMLIN = Story(
    "/news/2025/11/26/kremlin-plan.html",
    "Kremlin says it has not received the updated plan",
    "2025-11-26", "Anna Volkova",
    (
        "The Kremlin said on Wednesday that it had not yet received the updated version of the American peace "
        "plan.",
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow would study the document once it arrived.",
        "Peskov said it was too early to talk about a meeting between President Putin and President Trump.",
        "Special envoy Steve Witkoff is expected to travel to Moscow next week, according to the White House.",
        "Russian forces continued their attacks on the Zaporizhzhia region overnight, Ukrainian officials said.",
        "The Russian foreign ministry said any agreement must address what it calls the root causes of the war.",
    ),
)

BAKERY = Story(
    "/local/bakery-award.html",
    "Riverside bakery wins regional bread award",
    "2025-11-24", "Tom Hale",
    (
        "A family bakery on Riverside Street won the regional bread award on Saturday.",
        "The judges praised its rye loaf and its cinnamon buns.",
        "The bakery opened in 1987 and employs eleven people.",
        "Its owner said the prize money would go to a new oven.",
    ),
)

PAYWALLED = Story(
    "/premium/ceasefire-analysis.html",
    "What a ceasefire along the front line would mean",
    "2025-11-25", "Jonas Berg",
    (
        "A ceasefire along the current front line would leave about a fifth of Ukraine under Russian control.",
        "Military analysts disagree about whether such a line could hold for long.",
    ),
)

STORIES = (DRISCOLL, EUROPE, KREMLIN, BAKERY, PAYWALLED)
# The same text as DRISCOLL, at another address (a syndicated copy).
MIRROR_PATH = "/syndication/abu-dhabi-talks.html"


def _chrome_top(site: str) -> str:
    return f"""
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience and to show you personalised advertising.
  By continuing to browse you agree to our use of cookies.</p>
  <button>Accept all cookies</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">{site}</a>
  <nav class="main-nav"><ul>
    <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li>
  </ul></nav>
</header>"""


def _chrome_bottom(site: str) -> str:
    return f"""
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/news/2025/11/20/plan-leaked.html">Leaked 28-point plan alarms European capitals</a></li>
  <li><a href="/news/2025/11/21/deadline.html">Trump sets Thanksgiving deadline for Kyiv</a></li>
  <li><a href="/news/2025/11/22/rubio.html">Rubio defends plan before Geneva meeting</a></li>
</ul></aside>
<section id="comments" class="comments">
  <h2>Comments (3)</h2>
  <div class="comment"><p class="comment-author">peacewatcher42</p>
    <p>Nobody believes this will hold more than a week. Mark my words.</p></div>
  <div class="comment"><p class="comment-author">kyiv_reader</p>
    <p>Great reporting as always, thank you for keeping us informed.</p></div>
  <div class="comment"><p class="comment-author">anon</p>
    <p>Why is nobody talking about the grain deal any more?</p></div>
  <form><textarea placeholder="Join the discussion"></textarea><button>Post comment</button></form>
</section>
<footer class="site-footer">
  <p>&copy; 2025 {site}. All rights reserved.</p>
  <ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>
  <li><a href="/terms">Terms of use</a></li><li><a href="/contact">Contact</a></li></ul>
  <p>Sign up for our newsletter to get the day's top stories in your inbox every morning.</p>
</footer>"""


SHARE = """
<div class="share-buttons"><span>Share this article:</span>
  <a href="https://twitter.com/intent/tweet">Twitter</a> <a href="https://facebook.com/sharer">Facebook</a>
  <a href="mailto:?subject=story">Email</a> <button>Copy link</button></div>"""


PAYWALL = """
<div class="paywall-gate"><h2>Subscribe to continue reading</h2>
  <p>This article is for subscribers only. Get unlimited access for $1 a week, cancel any time.</p>
  <a class="button" href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div>"""


def article_page(story: Story, base: str, *, path: str | None = None, visible_date: bool = True,
                 site: str = "The Daily Ledger") -> str:
    """A news page with ``story`` as its article; ``visible_date=False`` keeps the date in <meta> and
    JSON-LD only."""
    url = base + (path or story.path)
    paragraphs = "\n".join(f"    <p>{html.escape(p)}</p>" for p in story.paragraphs)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
                     "datePublished": f"{story.date}T09:30:00Z", "author": {"@type": "Person", "name": story.author},
                     "publisher": {"@type": "Organization", "name": site}})
    byline = (f'<p class="byline">By <span class="author">{html.escape(story.author)}</span>'
              + (f' | <time datetime="{story.date}T09:30:00Z">{story.date}</time>' if visible_date else "")
              + "</p>")
    published = f'\n<meta property="article:published_time" content="{story.date}T09:30:00Z">'
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{html.escape(story.title)} | {site}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="{site}">
<meta property="og:type" content="article">
<meta name="author" content="{html.escape(story.author)}">{published}
<script type="application/ld+json">{ld}</script>
</head><body>
{_chrome_top(site)}
<main>
  <article class="story">
    <h1>{html.escape(story.title)}</h1>
    {byline}
    {SHARE}
    <div class="story-body">
{paragraphs}
    </div>
    {PAYWALL if story is PAYWALLED else SHARE}
  </article>
</main>
{_chrome_bottom(site)}
</body></html>"""


def feed_xml(base: str) -> str:
    """RSS with three entries: two about the talks, one about a bakery."""
    items = []
    for story, summary in ((DRISCOLL, "US and Russian officials discuss the Ukraine peace framework."),
                           (BAKERY, "A local bakery is celebrating its prize."),
                           (EUROPE, "Europe answers the American peace plan.")):
        items.append(f"""  <item>
    <title>{html.escape(story.title)}</title>
    <link>{base}{story.path}</link>
    <guid>{base}{story.path}</guid>
    <description>{html.escape(summary)}</description>
    <pubDate>Mon, 24 Nov 2025 09:30:00 GMT</pubDate>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>The Daily Ledger: World</title>
  <link>{base}/</link>
  <description>World news</description>
{chr(10).join(items)}
</channel></rss>"""


class NewsServer:
    """Serves the stories and the failure cases on 127.0.0.1 and 127.0.0.2 (one port)."""

    HUGE_BYTES = 20 * 1024 * 1024

    def __init__(self) -> None:
        self.port = 0
        self.hits: list[str] = []  # every path requested, in order
        self.cookies_seen: list[str] = []  # Cookie headers received
        self.auth_seen: list[str] = []  # Authorization headers received
        self.user_agents: list[str] = []
        # more pages a test serves at /extra/<name>: HTML text (UTF-8), or bytes sent as "text/html"
        # with no charset in the headers
        self.pages: dict[str, str | bytes] = {}
        self._runner: web.AppRunner | None = None

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/feed.xml", self._feed)
        app.router.add_get(MIRROR_PATH, self._mirror)
        app.router.add_get("/old/driscoll", self._redirect_to(KREMLIN.path))
        app.router.add_get("/go/loopback", self._to_loopback)
        app.router.add_get("/loop/{n}", self._loop)
        app.router.add_get("/missing", self._missing)
        app.router.add_get("/broken", self._broken)
        app.router.add_get("/huge", self._huge)
        app.router.add_get("/huge-declared", self._huge_declared)
        app.router.add_get("/report.pdf", self._pdf)
        app.router.add_get("/slow", self._slow)
        app.router.add_get("/plain.txt", self._plain)
        app.router.add_get("/set-cookie", self._set_cookie)
        app.router.add_get("/extra/{name}", self._extra)
        for story in STORIES:
            app.router.add_get(story.path, self._story(story))
        self._runner, self.port = await serve_on_loopback(app)
        await web.TCPSite(self._runner, "127.0.0.2", self.port).start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _record(self, request: web.Request, handler: web.RequestHandler) -> web.StreamResponse:
        self.hits.append(request.path)
        if "Cookie" in request.headers:
            self.cookies_seen.append(request.headers["Cookie"])
        if "Authorization" in request.headers:
            self.auth_seen.append(request.headers["Authorization"])
        self.user_agents.append(request.headers.get("User-Agent", ""))
        return await handler(request)

    def _story(self, story: Story) -> web.RequestHandler:
        async def handler(request: web.Request) -> web.StreamResponse:
            page = article_page(story, f"http://{request.host}", visible_date=story is not EUROPE)
            return web.Response(text=page, content_type="text/html")
        return handler

    async def _mirror(self, request: web.Request) -> web.StreamResponse:
        page = article_page(DRISCOLL, f"http://{request.host}", path=MIRROR_PATH, site="Wire Digest")
        return web.Response(text=page, content_type="text/html")

    def _redirect_to(self, path: str) -> web.RequestHandler:
        async def handler(request: web.Request) -> web.StreamResponse:
            raise web.HTTPFound(path)
        return handler

    async def _to_loopback(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"http://127.0.0.1:{self.port}{DRISCOLL.path}")

    async def _loop(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/loop/{int(request.match_info['n']) + 1}")

    async def _missing(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPNotFound(text="<html><body><h1>Page not found</h1></body></html>", content_type="text/html")

    async def _broken(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPServiceUnavailable(text="down for maintenance")

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        """20 MB of HTML, streamed without a Content-Length: only reading tells how large it is."""
        resp = web.StreamResponse(headers={"Content-Type": "text/html; charset=utf-8"})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        chunk = ("<p>" + "Lorem ipsum dolor sit amet. " * 36 + "</p>\n").encode()
        sent = 0
        try:
            while sent < self.HUGE_BYTES:
                await resp.write(chunk)
                sent += len(chunk)
            await resp.write_eof()
        except (ConnectionError, RuntimeError):
            pass  # the client stopped reading: what the test wants
        return resp

    async def _huge_declared(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"<p>x</p>" * (self.HUGE_BYTES // 8), content_type="text/html")

    async def _pdf(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n",
                            content_type="application/pdf")

    async def _slow(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(1.5)  # longer than the tests' timeouts
        return web.Response(text="<p>late</p>", content_type="text/html")

    async def _plain(self, request: web.Request) -> web.StreamResponse:
        text = KREMLIN.title + "\n\n" + "\n\n".join(KREMLIN.paragraphs) + "\n"
        return web.Response(text=text, content_type="text/plain")

    async def _set_cookie(self, request: web.Request) -> web.StreamResponse:
        resp = web.HTTPFound(KREMLIN.path)
        resp.set_cookie("session", "secret-session-id")
        raise resp

    async def _extra(self, request: web.Request) -> web.StreamResponse:
        page = self.pages.get(request.match_info["name"])
        if page is None:
            raise web.HTTPNotFound()
        if isinstance(page, bytes):
            return web.Response(body=page, headers={"Content-Type": "text/html"})
        return web.Response(text=page, content_type="text/html")

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        return web.Response(text=feed_xml(f"http://{request.host}"), content_type="application/rss+xml")
