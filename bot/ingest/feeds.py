"""News feeds (optional, off by default): new entries that match the keywords become articles.

Every ``TALKSBOT_FEED_INTERVAL_MINUTES`` each feed in ``TALKSBOT_FEEDS`` is fetched with the same
safe fetch as an admin's link (bounded, public addresses only), read with feedparser, and each
entry whose title or summary contains one of ``TALKSBOT_FEED_KEYWORDS`` (any entry when there are
none) and whose link is not already an article is added with ``add_url``. Each addition is logged;
``announce`` is called with each success (the front-ends post it to
``TALKSBOT_FEED_NOTIFY_CHANNEL``). A link that was refused is not tried again by this poller.
"""
from __future__ import annotations

import asyncio
import html
import io
import logging
import re
from collections.abc import Awaitable, Callable

import feedparser  # type: ignore[import-untyped]  # ships no type hints

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.ingest import seedfile
from bot.ingest.add import Added, Reload, add_url
from bot.ingest.fetch import FEED_TYPES, FetchError, fetch
from bot.settings import Settings

log = logging.getLogger(__name__)

Announce = Callable[[Added], Awaitable[None]]
MAX_ENTRIES_PER_FEED = 50  # the newest ones, per poll
_TAG = re.compile(r"<[^>]+>")


def matches(keywords: list[str], *texts: str) -> bool:
    """Whether any keyword occurs in the texts (case-insensitive, as words: "war" is not "warm");
    with no keywords every entry matches."""
    if not keywords:
        return True
    haystack = " ".join(html.unescape(_TAG.sub(" ", t)) for t in texts).lower()
    return any(re.search(rf"(?<!\w){re.escape(k.lower())}(?!\w)", haystack) for k in keywords)


class FeedPoller:
    """Polls the configured feeds and adds the matching entries."""

    def __init__(self, settings: Settings, holder: FactBaseHolder, answerer: Answerer, reload: Reload,
                 announce: Announce | None = None) -> None:
        self.settings = settings
        self.holder = holder
        self.answerer = answerer
        self.reload = reload
        self.announce = announce
        self._tried: set[str] = set()  # links already tried and refused: not fetched again

    async def poll_once(self) -> list[Added]:
        """One pass over every feed; the articles added (successes only)."""
        added: list[Added] = []
        for feed_url in self.settings.feeds:
            for link in await self._matching_links(feed_url):
                result = await add_url(link, self.settings, self.holder, self.answerer, self.reload,
                                       trigger=f"feed {feed_url}")
                if not result.ok:
                    self._tried.add(link)
                    log.info("feed %s: %s not added: %s", feed_url, link, result.message)
                    continue
                log.info("feed %s: added %s (%s) from %s", feed_url, result.article_id, result.title, link)
                added.append(result)
                if self.announce is not None:
                    try:
                        await self.announce(result)
                    except Exception:
                        log.exception("feed %s: announcing %s failed", feed_url, result.article_id)
        return added

    async def _matching_links(self, feed_url: str) -> list[str]:
        try:
            page = await fetch(feed_url, allow_private=self.settings.fetch_allow_private, types=FEED_TYPES)
        except FetchError as exc:
            log.warning("feed %s: cannot be read: %s", feed_url, exc)
            return []
        # A stream, never bytes or a string: feedparser would open a string that names a file or URL.
        parsed = await asyncio.to_thread(feedparser.parse, io.BytesIO(page.body),
                                         response_headers={"content-location": page.final_url,
                                                           "content-type": page.content_type})
        if parsed.get("bozo") and not parsed.entries:
            log.warning("feed %s: not a feed (%s)", feed_url, parsed.get("bozo_exception"))
            return []
        limits = (self.settings.max_seed_bytes, self.settings.max_seed_paragraphs)
        seeds = await asyncio.to_thread(seedfile.existing_seeds, self.holder.seeds_dir, *limits)
        links: list[str] = []
        for entry in parsed.entries[:MAX_ENTRIES_PER_FEED]:
            link = str(entry.get("link") or "").strip()
            if not link or link in self._tried or link in links:
                continue
            if not matches(self.settings.feed_keywords, str(entry.get("title", "")), str(entry.get("summary", ""))):
                continue
            if seedfile.same_url(seeds, link) is not None:
                continue
            links.append(link)
        return links

    async def run(self) -> None:
        """Poll now and then every ``feed_interval_minutes``, until cancelled; a failing poll is logged."""
        log.info("feeds: polling %d feed(s) every %d minute(s)", len(self.settings.feeds),
                 self.settings.feed_interval_minutes)
        while True:
            try:
                added = await self.poll_once()
                if added:
                    log.info("feeds: %d article(s) added", len(added))
            except Exception:
                log.exception("feeds: the poll failed")
            await asyncio.sleep(self.settings.feed_interval_minutes * 60)
