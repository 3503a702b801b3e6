"""Adding an article from a link, listing the articles, removing one: what every front-end calls.

``add_url`` fetches the page (``fetch``: bounded, public addresses only), extracts the article
(``extract``), refuses what is not an article or is already in ``seeds/`` (same URL, or text over
90% identical), writes the article file (``seedfile``), reloads through the caller's reload, and
replies with the title, date, paragraph and fact counts and up to three questions the bot now
answers from it. It never raises: every failure is an ``Added`` with ``ok=False`` and the reason.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.holder import FactBaseHolder, ReloadReport
from bot.core.people import slug
from bot.ingest import seedfile
from bot.ingest.extract import MIN_PARAGRAPHS, Extracted, extract_html, extract_plain
from bot.ingest.fetch import Fetched, FetchError, fetch, fetchable
from bot.ingest.questions import answerable_questions
from bot.settings import Settings

log = logging.getLogger(__name__)

Reload = Callable[[str], Awaitable[ReloadReport]]
MAX_URL_CHARS = 2_000
# Duplicate checks and writing run in worker threads; this keeps two additions (an admin's and the
# feed poller's) from both passing the duplicate check before either has written.
_WRITING = threading.Lock()


@dataclass(frozen=True)
class Added:
    ok: bool
    message: str  # the reply to show: a refusal with its reason, or the success summary
    article_id: str | None = None
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    paragraphs: int = 0
    facts: int = 0
    questions: tuple[str, ...] = ()  # up to three questions the bot now answers from the new article


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str
    date: dt.date
    source: str | None
    facts: int


@dataclass(frozen=True)
class Removed:
    ok: bool
    message: str


def _refused(reason: str) -> Added:
    return Added(False, f"Not added: {reason}.")


def _shown(text: str, limit: int = 80) -> str:
    """User input echoed in a reply: printable, one line, bounded."""
    text = "".join(ch for ch in text if ch.isprintable()).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _existing(base: FactBase, seed: seedfile.SeedInfo) -> str:
    """An article already in seeds/ as a reply names it: its title and id, as loaded when it is."""
    loaded = next((a for a in base.articles.values() if a.meta.seed == seed.name), None)
    if loaded is not None:
        return f"“{loaded.meta.title}” (id {loaded.id})"
    return f"“{seed.title}” (id {slug(Path(seed.name).stem)})"


def fact_counts(base: FactBase) -> Counter[str]:
    """Facts per article (curated and distilled; not the who-is entries made from entities)."""
    return Counter(e.article_id for e in base.entries if not e.is_entity)


async def add_url(url: str, settings: Settings, holder: FactBaseHolder, answerer: Answerer, reload: Reload, *,
                  date: dt.date | None = None, title: str | None = None, trigger: str = "add") -> Added:
    """Fetch ``url``, add its article to ``seeds/``, reload, and say what the bot can now answer."""
    try:
        return await _add(url.strip(), settings, holder, answerer, reload, date, title, trigger)
    except FetchError as exc:
        log.info("add %s refused: %s", _shown(url, 200), exc)
        return _refused(str(exc))
    except Exception:
        log.exception("add %s failed", _shown(url, 200))
        return Added(False, "Not added: something went wrong while adding it (the error is in the bot's log).")


async def _add(url: str, settings: Settings, holder: FactBaseHolder, answerer: Answerer, reload: Reload,
               date: dt.date | None, title: str | None, trigger: str) -> Added:
    if len(url) > MAX_URL_CHARS:
        return _refused(f"the link is over {MAX_URL_CHARS:,} characters")
    fetchable(url)
    limits = (settings.max_seed_bytes, settings.max_seed_paragraphs)
    seeds = await asyncio.to_thread(seedfile.existing_seeds, holder.seeds_dir, *limits)
    if (known := seedfile.same_url(seeds, url)) is not None:
        return _refused(f"already have it: {_existing(holder.current, known)} has this URL")
    page = await fetch(url, allow_private=settings.fetch_allow_private)
    extracted = await asyncio.to_thread(_extract, page)
    paragraphs = extracted.paragraphs
    if len(paragraphs) < MIN_PARAGRAPHS:
        return _refused(f"paywalled or not an article: only {len(paragraphs)} paragraph(s) of text")
    title = _shown(" ".join((title or "").split()) or extracted.title or _first_words(paragraphs[0]), 200)
    undated = date is None and extracted.date is None
    date = date or extracted.date or dt.date.today()
    article_url = extracted.canonical_url or page.final_url
    attribution = [a for a in (extracted.sitename, extracted.author) if a]
    content = seedfile.seed_text(title, date, article_url, attribution, paragraphs)

    def check_and_write() -> Path | Added:
        with _WRITING:
            seeds = seedfile.existing_seeds(holder.seeds_dir, *limits)
            if (same := seedfile.same_url(seeds, url, page.final_url, article_url)) is not None:
                return _refused(f"already have it: {_existing(holder.current, same)} has this URL")
            if (similar := seedfile.same_text(seeds, paragraphs)) is not None:
                seed, ratio = similar
                return _refused(f"already have it: its text is {ratio:.0f}% the same as "
                                f"{_existing(holder.current, seed)}")
            return seedfile.write_new(holder.seeds_dir, seedfile.file_stem(title, date), content,
                                      frozenset(holder.current.articles))

    written = await asyncio.to_thread(check_and_write)
    if isinstance(written, Added):
        log.info("add %s refused: %s", url, written.message)
        return written
    article_id = slug(written.stem)
    log.info("add %s: wrote %s (%d paragraphs); reloading", url, written, len(paragraphs))
    report = await reload(trigger)
    base = holder.current
    if article_id not in base.articles:
        problems = [p.reason for p in report.errors if p.file.startswith(written.name)]
        await asyncio.to_thread(written.unlink, True)
        await reload(f"{trigger}: removing {written.name}, which did not load")
        why = problems[0] if problems else "the reload did not take it in"
        return _refused(f"the article could not be loaded: {why}")
    facts = fact_counts(base)[article_id]
    questions = answerable_questions(answerer, base, article_id)
    lines = [f"Added “{title}” ({date.isoformat()}): {len(paragraphs)} paragraphs, {facts} facts "
             f"(id {article_id})."]
    if undated:
        lines.append("The page gives no date, so today's is used.")
    if questions:
        lines.append("You can now ask:")
        lines += [f"• {q}" for q in questions]
    log.info("added %s from %s: %d paragraphs, %d facts", article_id, article_url, len(paragraphs), facts)
    return Added(True, "\n".join(lines), article_id=article_id, title=title, date=date, url=article_url,
                 paragraphs=len(paragraphs), facts=facts, questions=questions)


def _extract(page: Fetched) -> Extracted:
    if page.content_type == "text/html":  # bytes when the headers name no charset: trafilatura reads <meta charset>
        return extract_html(page.text() if page.charset else page.body, page.final_url)
    return extract_plain(page.text())


def _first_words(paragraph: str) -> str:
    words = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0].split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def list_articles(base: FactBase) -> list[ArticleRow]:
    """Every article loaded, newest first (by date, then id)."""
    facts = fact_counts(base)
    rows = [ArticleRow(a.id, a.meta.title, a.meta.date, a.meta.url or ", ".join(a.meta.attribution) or None,
                       facts[a.id]) for a in base.articles.values()]
    return sorted(rows, key=lambda r: (r.date, r.id), reverse=True)


async def remove_article(article_id: str, settings: Settings, holder: FactBaseHolder, reload: Reload) -> Removed:
    """Move the article's file to ``seeds/removed/`` and reload; never raises."""
    try:
        return await _remove(article_id.strip(), holder, reload)
    except Exception:
        log.exception("remove %s failed", _shown(article_id))
        return Removed(False, "Not removed: something went wrong (the error is in the bot's log).")


async def _remove(article_id: str, holder: FactBaseHolder, reload: Reload) -> Removed:
    article = holder.current.articles.get(article_id)
    if article is None:
        return Removed(False, f"Not removed: no article has the id “{_shown(article_id)}” (the article list "
                              f"shows every id).")
    if not article.knowledge_file.endswith("(distilled)"):
        return Removed(False, f"Not removed: “{article.meta.title}” is curated ({article.knowledge_file} in the "
                              f"knowledge folder); remove it there by hand.")
    path = holder.seeds_dir / article.meta.seed
    if path.parent != holder.seeds_dir or not path.is_file():
        return Removed(False, f"Not removed: the file of “{article.meta.title}” is no longer in the seeds folder.")
    moved = await asyncio.to_thread(seedfile.move_aside, path)
    log.info("remove %s: moved %s to %s; reloading", article_id, path, moved)
    await reload(f"remove {article_id}")
    if article_id in holder.current.articles:
        return Removed(False, f"Moved {path.name} to {seedfile.REMOVED_DIR}/, but “{article.meta.title}” is still "
                              f"loaded: check the reload report.")
    left = len(holder.current.articles)
    return Removed(True, f"Removed “{article.meta.title}” (id {article_id}): its file is now in "
                         f"{seedfile.REMOVED_DIR}/{moved.name}; {left} article(s) left.")
