"""Feeds through ``serve``'s services: two matching entries become two articles, each announced
once in the notify channel on Slack (the real slack-bolt client against the stand-in)."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from tests.conftest import start_services
from tests.frontends.slack.conftest import slack_settings
from tests.stand_ins.news_server import NewsServer
from tests.stand_ins.slack_server import SlackStandIn


async def test_feed_additions_are_announced_on_slack(slack: SlackStandIn, news: NewsServer,
                                                     kb_dirs: tuple[Path, Path]) -> None:
    settings = slack_settings(slack, "http", kb_dirs, feeds=[news.url("/feed.xml")],
                              feed_keywords=["Ukraine", "peace"], feed_notify_channel="CNEWS",
                              fetch_allow_private=True)
    services = await start_services(settings)
    try:
        def announced() -> list[dict[str, Any]]:
            return [p for p in slack.posts() if p.get("channel") == "CNEWS"]

        deadline = asyncio.get_running_loop().time() + 20
        while len(announced()) < 2 and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        posts = announced()
        assert len(posts) == 2, posts
        assert all("New article" in p["text"] for p in posts)
        added = sorted(services.holder.current.articles)
        assert len(added) == 3  # the seed and the two matching entries
        await asyncio.sleep(0.3)
        assert len(announced()) == 2  # each announced once
    finally:
        await services.stop()
