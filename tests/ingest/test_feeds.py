"""The feed poller: a loopback RSS feed with three entries, two matching the keywords."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.ingest.add import Added
from bot.ingest.feeds import FeedPoller, matches
from bot.settings import Settings
from tests.conftest import start_services
from tests.ingest.conftest import Kb
from tests.stand_ins.news_server import BAKERY, DRISCOLL, EUROPE, NewsServer


def poller(kb: Kb, news: NewsServer, announced: list[Added] | None, **settings: object) -> FeedPoller:
    config = kb.settings.model_copy(update={"feeds": [news.url("/feed.xml")], "feed_keywords": ["Ukraine", "peace"],
                                            **settings})

    async def announce(added: Added) -> None:
        assert announced is not None
        announced.append(added)

    return FeedPoller(config, kb.holder, kb.answerer, kb.reload, announce if announced is not None else None)


async def test_two_matching_entries_become_two_articles(kb: Kb, news: NewsServer) -> None:
    announced: list[Added] = []
    feeds = poller(kb, news, announced)
    added = await feeds.poll_once()
    assert sorted(a.title or "" for a in added) == sorted([DRISCOLL.title, EUROPE.title])
    assert announced == added and all(a.ok for a in added)
    assert BAKERY.path not in news.hits  # not matching: never fetched
    articles = kb.holder.current.articles
    assert {a.article_id for a in added} <= set(articles) and len(articles) == 3
    assert kb.reloads == [f"feed {news.url('/feed.xml')}"] * 2
    # a second poll adds nothing, and fetches nothing but the feed
    hits = len(news.hits)
    assert await feeds.poll_once() == [] and len(announced) == 2
    assert news.hits[hits:] == ["/feed.xml"]
    # nor does a fresh poller (after a restart): the links are articles already
    assert await poller(kb, news, announced).poll_once() == [] and len(announced) == 2
    assert len(list(kb.seeds.glob("*.txt"))) == 3


async def test_no_keywords_means_every_entry(kb: Kb, news: NewsServer) -> None:
    added = await poller(kb, news, None, feed_keywords=[]).poll_once()
    assert len(added) == 3 and BAKERY.path in news.hits


async def test_refused_entries_are_not_tried_again(kb: Kb, news: NewsServer) -> None:
    (kb.seeds / "x.txt").write_text(f"URL: {news.url(EUROPE.path)}\n---\n" + "\n".join(DRISCOLL.paragraphs) + "\n")
    kb.holder.reload()
    feeds = poller(kb, news, [])
    assert await feeds.poll_once() == []  # Europe: its URL is known; Driscoll: its text is known
    assert news.hits.count(DRISCOLL.path) == 1 and EUROPE.path not in news.hits
    assert await feeds.poll_once() == [] and news.hits.count(DRISCOLL.path) == 1


async def test_an_unreadable_feed_is_logged_not_raised(kb: Kb, news: NewsServer,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    feeds = poller(kb, news, [], feeds=[news.url("/missing"), news.url("/report.pdf")])
    assert await feeds.poll_once() == []
    assert "HTTP 404" in caplog.text and "not an article (application/pdf)" in caplog.text


async def test_run_polls_until_cancelled(kb: Kb, news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    sleeps: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr("bot.ingest.feeds.asyncio.sleep", fake_sleep)
    announced: list[Added] = []
    task = asyncio.create_task(poller(kb, news, announced, feed_interval_minutes=7).run())
    while len(sleeps) < 3:
        await real_sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert sleeps[:3] == [420, 420, 420] and len(announced) == 2 and news.hits.count("/feed.xml") >= 3


def test_keywords_match_words_case_insensitively() -> None:
    assert matches(["Ukraine"], "Talks on UKRAINE resume", "")
    assert matches(["peace plan"], "", "<p>The <b>peace plan</b> is out</p>")
    assert not matches(["war"], "A warm welcome", "Software award")
    assert matches([], "anything", "")


def test_feed_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALKSBOT_FEEDS", " https://a.example/rss , http://b.example/atom,")
    monkeypatch.setenv("TALKSBOT_FEED_KEYWORDS", "Ukraine, peace talks")
    monkeypatch.setenv("TALKSBOT_FEED_NOTIFY_CHANNEL", "C123")
    s = Settings(_env_file=None)
    assert s.feeds == ["https://a.example/rss", "http://b.example/atom"] and s.feed_interval_minutes == 30
    assert s.feed_keywords == ["Ukraine", "peace talks"] and s.feed_notify_channel == "C123"
    assert s.fetch_allow_private is False
    monkeypatch.setenv("TALKSBOT_FEED_INTERVAL_MINUTES", "0")
    with pytest.raises(ValueError, match="feed_interval_minutes"):
        Settings(_env_file=None)
    monkeypatch.delenv("TALKSBOT_FEED_INTERVAL_MINUTES")
    monkeypatch.setenv("TALKSBOT_FEEDS", "file:///etc/passwd")
    with pytest.raises(ValueError, match="feeds"):
        Settings(_env_file=None)
    for name in ("TALKSBOT_FEEDS", "TALKSBOT_FEED_KEYWORDS", "TALKSBOT_FEED_NOTIFY_CHANNEL"):
        monkeypatch.delenv(name)
    s = Settings(_env_file=None)
    assert s.feeds == [] and s.feed_keywords == [] and s.feed_notify_channel is None



async def test_serve_polls_the_feeds_and_stops_polling(kb: Kb, news: NewsServer) -> None:
    settings = kb.settings.model_copy(update={"feeds": [news.url("/feed.xml")], "feed_keywords": ["Ukraine", "peace"],
                                              "http_port": 0, "question_log": False})
    services = await start_services(settings)
    try:
        deadline = asyncio.get_running_loop().time() + 20
        while len(services.holder.current.articles) < 3:
            assert asyncio.get_running_loop().time() < deadline, "the feed's two articles were not added"
            await asyncio.sleep(0.05)
        feeds = services._feeds
        assert feeds is not None and not feeds.done()
    finally:
        await services.stop()
    assert feeds.cancelled()


async def test_serve_without_feeds_polls_nothing(kb: Kb, news: NewsServer) -> None:
    services = await start_services(kb.settings.model_copy(update={"http_port": 0, "question_log": False}))
    try:
        assert services._feeds is None
    finally:
        await services.stop()
    assert news.hits == []
