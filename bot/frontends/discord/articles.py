"""Which article ``/source`` reads: the newest by default, one named by id or title, autocomplete."""
from __future__ import annotations

from discord import app_commands

from bot.core.factbase import Article, FactBase
from bot.frontends.common import trim
from bot.frontends.discord.render import CHOICE_LIMIT

MAX_CHOICES = 25


def newest_first(base: FactBase) -> list[Article]:
    """The loaded articles, the most recent first."""
    return sorted(base.articles.values(), key=lambda a: (a.meta.date, a.id), reverse=True)


def find_article(base: FactBase, wanted: str | None) -> Article | None:
    """The article ``wanted`` names (its id, as autocomplete sends it, or its title); the newest without one."""
    articles = newest_first(base)
    if not wanted:
        return articles[0] if articles else None
    key = wanted.strip().lower()
    return next((a for a in articles if key in (a.id, a.meta.title.lower(), a.name.lower())), None)


def article_choices(base: FactBase, typed: str) -> list[app_commands.Choice[str]]:
    """Autocomplete for /source's article: those whose id or title contains what was typed, newest first."""
    key = typed.strip().lower()
    return [app_commands.Choice(name=trim(f"{a.meta.title} ({a.meta.date:%Y-%m-%d})", CHOICE_LIMIT), value=a.id)
            for a in newest_first(base)
            if len(a.id) <= CHOICE_LIMIT and (key in a.id or key in a.meta.title.lower() or key in a.name.lower())
            ][:MAX_CHOICES]
