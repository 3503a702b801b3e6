"""``talksbot add URL``, ``talksbot articles`` and ``talksbot remove ID``: the ingest layer from a shell.

They act on the configured ``seeds/``; a running bot with ``TALKSBOT_WATCH=true`` picks the change
up on its own, otherwise its admins reload it.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the ingest layer (trafilatura, aiohttp) is imported only when one of these runs
    from bot.core.answers import Answerer
    from bot.core.holder import FactBaseHolder, ReloadReport
    from bot.settings import Settings

COMMANDS = ("add", "articles", "remove")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The three subcommands, on ``talksbot``'s parser."""
    add = sub.add_parser("add", help="fetch an article from a link into seeds/ and reload")
    add.add_argument("url")
    add.add_argument("--date", type=dt.date.fromisoformat, help="the article's date (YYYY-MM-DD), "
                                                                 "instead of the page's")
    add.add_argument("--title", help="the article's title, instead of the page's")
    add.add_argument("--json", action="store_true", help="print the result as one JSON object")
    articles = sub.add_parser("articles", help="list the articles: id, title, date, source, facts")
    articles.add_argument("--json", action="store_true", help="one JSON object per article")
    remove = sub.add_parser("remove", help="move an article's file to seeds/removed/ and reload")
    remove.add_argument("id", help="the article's id (see `talksbot articles`)")


def _json_default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def run(args: argparse.Namespace, settings: Settings, holder: FactBaseHolder, answerer: Answerer) -> int:
    """Run one of ``COMMANDS``; the exit status (1 when refused)."""
    from bot.ingest.add import add_url, list_articles, remove_article

    async def reload(trigger: str) -> ReloadReport:
        return await asyncio.to_thread(holder.reload)

    if args.command == "articles":
        rows = list_articles(holder.current)
        for row in rows:
            if args.json:
                print(json.dumps(dataclasses.asdict(row), default=_json_default, ensure_ascii=False))
            else:
                print(f"{row.id}  {row.date.isoformat()}  {row.facts:>4} facts  {row.title}"
                      + (f"  ({row.source})" if row.source else ""))
        if not rows and not args.json:
            print("no articles")
        return 0
    if args.command == "add":
        added = asyncio.run(add_url(args.url, settings, holder, answerer, reload, date=args.date, title=args.title,
                                    trigger="talksbot add"))
        if args.json:
            print(json.dumps(dataclasses.asdict(added), default=_json_default, ensure_ascii=False))
        else:
            print(added.message, file=sys.stdout if added.ok else sys.stderr)
        return 0 if added.ok else 1
    removed = asyncio.run(remove_article(args.id, settings, holder, reload))
    print(removed.message, file=sys.stdout if removed.ok else sys.stderr)
    return 0 if removed.ok else 1
