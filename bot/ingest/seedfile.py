"""Article files in ``seeds/``: what is already there (for duplicates), and writing a new one safely.

A new file is ``<slug-of-title>-<YYYY-MM-DD>.txt`` in the documented format (a header of Title,
Date, URL and Attribution closed by ``---``, then one paragraph per line), written to a temporary
file first and then moved into place, never over an existing file (``-2``, ``-3``... are added).
The temporary file does not end in ``.txt``, so a reload never sees half an article.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from rapidfuzz import fuzz

from bot.core.files import read_seed
from bot.core.people import slug

SAME_TEXT_RATIO = 90.0  # percent: over this, two texts are one article
# The loader's article id is the file name's slug cut to 60 characters: the title's words, the date
# and a "-N" must fit, or two files could load as one id.
SLUG_WORDS_CHARS = 45
REMOVED_DIR = "removed"
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid)$", re.IGNORECASE)


@dataclass(frozen=True)
class SeedInfo:
    """One article file already in ``seeds/``."""

    name: str
    title: str
    url: str | None
    text: str  # normalized, for comparing


def url_key(url: str) -> str:
    """What makes two addresses the same article: host without ``www.``, path without a trailing
    slash, the query without tracking parameters; scheme, port 80/443 and fragment ignored."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip().lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port not in (None, 80, 443):
        host = f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    return f"{host}{parts.path.rstrip('/') or '/'}" + (f"?{query}" if query else "")


def text_key(paragraphs: tuple[str, ...] | list[str]) -> str:
    """The words of a text, lower-cased, for comparing two texts."""
    text = unicodedata.normalize("NFKC", " ".join(paragraphs)).lower()
    return " ".join(re.findall(r"\w+", text))


def existing_seeds(seeds_dir: Path, max_bytes: int, max_paragraphs: int) -> list[SeedInfo]:
    """Every readable article file in ``seeds/`` (the ones the loader reads: ``*.txt``)."""
    found: list[SeedInfo] = []
    for path in sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []:
        try:
            meta, paragraphs = read_seed(path, max_bytes, max_paragraphs)
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        found.append(SeedInfo(path.name, meta.get("title") or path.stem, meta.get("url") or None,
                              text_key(paragraphs)))
    return found


def same_url(seeds: list[SeedInfo], *urls: str | None) -> SeedInfo | None:
    """The article whose URL is one of ``urls`` (as ``url_key`` compares them)."""
    keys = {url_key(u) for u in urls if u}
    return next((s for s in seeds if s.url and url_key(s.url) in keys), None)


def same_text(seeds: list[SeedInfo], paragraphs: tuple[str, ...]) -> tuple[SeedInfo, float] | None:
    """The article whose text is over ``SAME_TEXT_RATIO`` percent identical to ``paragraphs``, and the ratio."""
    new = text_key(paragraphs)
    best: tuple[SeedInfo, float] | None = None
    for seed in seeds:
        shorter, longer = sorted((len(new), len(seed.text)))
        if not longer or 200.0 * shorter / (shorter + longer) <= SAME_TEXT_RATIO:
            continue  # the lengths alone rule it out: ratio <= 2 * shorter / (shorter + longer)
        ratio = fuzz.ratio(new, seed.text, score_cutoff=SAME_TEXT_RATIO)
        if ratio > SAME_TEXT_RATIO and (best is None or ratio > best[1]):
            best = (seed, ratio)
    return best


def _header_value(value: str) -> str:
    return " ".join(value.replace("---", "—").split())


def seed_text(title: str, date: dt.date, url: str | None, attribution: list[str],
              paragraphs: tuple[str, ...]) -> str:
    """The file's content: the header, ``---``, one paragraph per line."""
    lines = [f"Title: {_header_value(title)}", f"Date: {date.isoformat()}"]
    if url:
        lines.append(f"URL: {_header_value(url)}")
    names = [_header_value(a).replace(",", " ") for a in attribution if a.strip()]
    if names:
        lines.append(f"Attribution: {', '.join(dict.fromkeys(names))}")
    return "\n".join([*lines, "---", *(" ".join(p.split()) for p in paragraphs)]) + "\n"


def file_stem(title: str, date: dt.date) -> str:
    """``<slug-of-title>-<YYYY-MM-DD>``: also the article's id once loaded."""
    words = slug(title)
    if len(words) > SLUG_WORDS_CHARS:  # cut at a word boundary when there is one
        cut = words[: SLUG_WORDS_CHARS + 1]
        words = cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_WORDS_CHARS]
    words = words.strip("-") or "article"
    return f"{words}-{date.isoformat()}"


def write_new(seeds_dir: Path, stem: str, content: str, taken: frozenset[str] = frozenset()) -> Path:
    """Write ``content`` as ``seeds/<stem>.txt`` (or ``<stem>-2.txt``... when that file exists or the
    stem is in ``taken``, the ids of the articles loaded), atomically and never over an existing
    file; the path written."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".adding-", suffix=".tmp", dir=seeds_dir)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        return _place(tmp, seeds_dir, stem, taken)
    finally:
        tmp.unlink(missing_ok=True)


def _place(tmp: Path, folder: Path, stem: str, taken: frozenset[str], suffix: str = ".txt") -> Path:
    """Move ``tmp`` to ``folder/<stem><suffix>`` or the first free ``<stem>-N<suffix>``."""
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        dest = folder / f"{name}{suffix}"
        if name in taken or dest.exists():
            continue
        try:
            os.link(tmp, dest)  # fails if dest exists: no check-then-write race
        except FileExistsError:
            continue
        except OSError:  # no hard links here (some file systems): check, then replace
            if dest.exists():
                continue
            os.replace(tmp, dest)
        return dest
    raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")


def move_aside(path: Path) -> Path:
    """Move an article file into ``seeds/removed/`` (never over a file there); the new path."""
    folder = path.parent / REMOVED_DIR
    folder.mkdir(exist_ok=True)
    for n in range(1, 1000):
        dest = folder / (path.name if n == 1 else f"{path.stem}-{n}{path.suffix}")
        if not dest.exists():
            os.replace(path, dest)
            return dest
    raise FileExistsError(f"no free name for {path.name} in {folder}")
