"""The files of the fact base: article texts in ``seeds/`` and knowledge files in ``knowledge/``.

Reading and validating one file at a time: every problem is collected (not just the first) with
its file, the fact or entity it concerns and a reason, so that ``talksbot check`` and a reload
report can list them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.core.models import KnowledgeFile
from bot.core.text import clean

MAX_FILE_BYTES = 5_000_000  # a knowledge file
MAX_SEED_BYTES = 2_000_000  # an article
MAX_SEED_PARAGRAPHS = 5_000
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same rules, faster


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge files."""

    file: str
    item: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else self.file
        return f"{where}: {self.reason}"


class KnowledgeError(Exception):
    """The knowledge files cannot be loaded; ``problems`` says why, each with file and item."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


HEADER_KEYS = ("title", "date", "url", "attribution")


class SeedTooLarge(ValueError):
    """An article file over the size bounds."""


def read_seed(path: Path, max_bytes: int = MAX_SEED_BYTES,
              max_paragraphs: int = MAX_SEED_PARAGRAPHS) -> tuple[dict[str, str], tuple[str, ...]]:
    """An article file: an optional header, then one paragraph per line.

    The header is ``Key: value`` lines (Title, Date as YYYY-MM-DD, URL, Attribution as a
    comma-separated list) closed by a line ``---``. Paragraph n is the n-th non-empty line
    after it. A file over ``max_bytes`` or ``max_paragraphs`` raises ``SeedTooLarge``: one
    article that large would hold every reload and answer up (a 100,000-paragraph file took
    minutes and a gigabyte).
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise SeedTooLarge(f"the article is {size:,} bytes, over the limit of {max_bytes:,} "
                           f"(TALKSBOT_MAX_SEED_BYTES)")
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict[str, str] = {}
    if "---" in (line.strip() for line in lines[:8]):
        end = [line.strip() for line in lines].index("---")
        head = [line.split(":", 1) for line in lines[:end] if ":" in line]
        if head and all(k.strip().lower() in HEADER_KEYS for k, _ in head):
            meta = {k.strip().lower(): v.strip() for k, v in head}
            lines = lines[end + 1:]
    paragraphs = tuple(line.strip() for line in lines if line.strip())
    if len(paragraphs) > max_paragraphs:
        raise SeedTooLarge(f"the article has {len(paragraphs):,} paragraphs, over the limit of {max_paragraphs:,} "
                           f"(TALKSBOT_MAX_SEED_PARAGRAPHS)")
    url = meta.get("url", "")
    if url and url.split("://", 1)[0].lower() not in ("http", "https"):
        raise ValueError(f"URL {url[:60]!r} is not an http(s) address")
    return meta, paragraphs


def read_paragraphs(path: Path) -> tuple[str, ...]:
    """Paragraph n of an article is its n-th non-empty line (after any header)."""
    return read_seed(path)[1]


def same_text(text: str) -> str:
    # Evidence must be verbatim; only typographic quotes and spacing may differ.
    return clean(text)


def parse_knowledge(path: Path, problems: list[Problem]) -> KnowledgeFile | None:
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(name, "", f"file is larger than {MAX_FILE_BYTES} bytes"))
            return None
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except UnicodeDecodeError:
        problems.append(Problem(name, "", "not UTF-8 text"))
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problems.append(Problem(name, "", f"YAML syntax error: {where}{getattr(exc, 'problem', exc)}"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(name, "", "expected a mapping with article, entities and facts"))
        return None
    try:
        return KnowledgeFile.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            loc = err["loc"]
            item = ".".join(str(x) for x in loc)
            if len(loc) >= 2 and loc[0] in ("facts", "entities") and isinstance(loc[1], int):
                seq = raw.get(loc[0])
                if isinstance(seq, list) and loc[1] < len(seq) and isinstance(seq[loc[1]], dict):
                    ident = seq[loc[1]].get("id", f"#{loc[1] + 1}")
                    kind = "fact" if loc[0] == "facts" else "entity"
                    rest = "".join(f".{x}" for x in loc[2:])
                    item = f"{kind} {ident}{rest}"
            reason = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(Problem(name, item, reason))
        return None


def check_span(name: str, item: str, paragraph: int | None, evidence: str | None,
                paragraphs: tuple[str, ...], problems: list[Problem]) -> None:
    if paragraph is None or evidence is None:
        return
    if paragraph > len(paragraphs):
        problems.append(Problem(name, item, f"paragraph {paragraph} is out of range (the article has "
                                            f"{len(paragraphs)})"))
    elif same_text(evidence) not in same_text(paragraphs[paragraph - 1]):
        problems.append(Problem(name, item, f"evidence is not in paragraph {paragraph}: {evidence[:80]!r}"))


def check_unit(name: str, kf: KnowledgeFile, paragraphs: tuple[str, ...]) -> list[Problem]:
    """Everything wrong inside one article's knowledge: duplicate ids, evidence that is not in its
    paragraph, a fact naming an entity the file does not define."""
    problems: list[Problem] = []
    seen: set[str] = set()
    spans: list[tuple[str, str, int | None, str | None]] = [
        *(("entity", e.id, e.paragraph, e.evidence) for e in kf.entities),
        *(("fact", f.id, f.paragraph, f.evidence) for f in kf.facts)]
    for kind, ident, paragraph, evidence in spans:
        key = f"{kind} {ident}"
        if key in seen:
            problems.append(Problem(name, key, f"duplicate {kind} id"))
        seen.add(key)
        check_span(name, key, paragraph, evidence, paragraphs, problems)
    local = {e.id for e in kf.entities}
    for fact in kf.facts:
        for eid in [*fact.entities, *([fact.speaker] if fact.speaker else [])]:
            if eid not in local:
                problems.append(Problem(name, f"fact {fact.id}", f"unknown entity {eid!r}"))
    return problems
