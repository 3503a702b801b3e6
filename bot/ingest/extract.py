"""The article in a fetched page: its main text as paragraphs, and its metadata (trafilatura).

Boilerplate (navigation, share buttons, related links, comments, cookie banners, footers,
subscription gates) is left out by trafilatura's precision-first extraction; the headline is not
repeated as the first paragraph. The date comes from the page (visible, ``<meta>`` or JSON-LD),
the canonical URL from ``<link rel="canonical">`` or ``og:url`` when it is a web address.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura

from bot.core.text import normalize

MIN_PARAGRAPHS = 3
_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")


@dataclass(frozen=True)
class Extracted:
    title: str | None
    date: dt.date | None
    sitename: str | None
    author: str | None
    canonical_url: str | None
    paragraphs: tuple[str, ...]


def _one_line(value: object) -> str | None:
    """A metadata value fit for a header line: one line, trimmed, or None."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _web_url(value: object) -> str | None:
    text = _one_line(value)
    return text if text and re.match(r"^https?://[^\s/?#]+", text, re.IGNORECASE) else None


def paragraphs_of(text: str, title: str | None) -> tuple[str, ...]:
    """The non-empty lines of the main text, one paragraph each; a first line equal to the title dropped."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line and not _PUNCTUATION_ONLY.match(line)]
    if lines and title and normalize(lines[0]) == normalize(title):
        lines = lines[1:]
    return tuple(lines)


def extract_html(html: str | bytes, url: str) -> Extracted:
    """The article of an HTML page fetched from ``url``; no paragraphs when there is no main text."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False, include_links=False,
                                      favor_precision=True, deduplicate=False)
    if doc is None:
        return Extracted(None, None, None, None, None, ())
    values = doc if isinstance(doc, dict) else {k: getattr(doc, k, None) for k in
                                                ("title", "date", "sitename", "author", "url", "text")}
    title = _one_line(values.get("title"))
    author = _one_line(values.get("author"))
    if author:
        author = ", ".join(a.strip() for a in author.split(";") if a.strip())
    text = values.get("text")
    return Extracted(title=title, date=_date(values.get("date")), sitename=_one_line(values.get("sitename")),
                     author=author, canonical_url=_web_url(values.get("url")),
                     paragraphs=paragraphs_of(text if isinstance(text, str) else "", title))


def extract_plain(text: str) -> Extracted:
    """A plain-text page: paragraphs are separated by blank lines (or one per line when there are none);
    a short first line is the title."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    blocks = [b for b in blocks if b and not _PUNCTUATION_ONLY.match(b)]
    if len(blocks) <= 1:
        blocks = [" ".join(line.split()) for line in text.splitlines()
                  if line.strip() and not _PUNCTUATION_ONLY.match(line.strip())]
    title = blocks[0] if blocks and len(blocks[0].split()) <= 16 and not blocks[0].endswith(".") else None
    return Extracted(title=title, date=None, sitename=None, author=None, canonical_url=None,
                     paragraphs=tuple(blocks[1:] if title else blocks))
