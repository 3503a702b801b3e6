"""Load and validate ``knowledge/*.yaml`` against the articles in ``seeds/``.

Every problem is collected (not just the first) and reported with its file, the fact or
entity it concerns and a reason, so that ``talksbot check`` and a failed reload can list
them all. Loading either returns a complete ``FactBase`` or raises ``KnowledgeError``.
"""
from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.core.distill import article_date, distill, slug
from bot.core.factbase import Article, Entry, FactBase, finish_index, index_fact
from bot.core.lexicon import Lexicon, build_lexicon
from bot.core.models import Entity, Fact, KnowledgeFile
from bot.core.text import clean

MAX_FILE_BYTES = 5_000_000
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


def read_seed(path: Path) -> tuple[dict[str, str], tuple[str, ...]]:
    """An article file: an optional header, then one paragraph per line.

    The header is ``Key: value`` lines (Title, Date as YYYY-MM-DD, URL, Attribution as a
    comma-separated list) closed by a line ``---``. Paragraph n is the n-th non-empty line
    after it.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    meta: dict[str, str] = {}
    if "---" in (line.strip() for line in lines[:8]):
        end = [line.strip() for line in lines].index("---")
        head = [line.split(":", 1) for line in lines[:end] if ":" in line]
        if head and all(k.strip().lower() in HEADER_KEYS for k, _ in head):
            meta = {k.strip().lower(): v.strip() for k, v in head}
            lines = lines[end + 1:]
    return meta, tuple(line.strip() for line in lines if line.strip())


def read_paragraphs(path: Path) -> tuple[str, ...]:
    """Paragraph n of an article is its n-th non-empty line (after any header)."""
    return read_seed(path)[1]


def _same_text(text: str) -> str:
    # Evidence must be verbatim; only typographic quotes and spacing may differ.
    return clean(text)


def _parse(path: Path, problems: list[Problem]) -> KnowledgeFile | None:
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


def _check_span(name: str, item: str, paragraph: int | None, evidence: str | None,
                paragraphs: tuple[str, ...], problems: list[Problem]) -> None:
    if paragraph is None or evidence is None:
        return
    if paragraph > len(paragraphs):
        problems.append(Problem(name, item, f"paragraph {paragraph} is out of range (the article has "
                                            f"{len(paragraphs)})"))
    elif _same_text(evidence) not in _same_text(paragraphs[paragraph - 1]):
        problems.append(Problem(name, item, f"evidence is not in paragraph {paragraph}: {evidence[:80]!r}"))


def _entity_fact(ent: Entity) -> Fact:
    """A who-is fact synthesized from an entity's role."""
    role = ent.role or ""
    who_is = role if role.lower().startswith(ent.name.lower()) else f"{ent.name}, {role}"
    names = [ent.name, *ent.aliases]
    return Fact(id=f"who-is.{ent.id}", paragraph=ent.paragraph or 1, evidence=ent.evidence or ent.name,
                reply=ent.reply or f"{ent.name}: {role}.",
                answers={"who_is": who_is, "what": role, "which": role},
                questions=[f"who is {n}" for n in names] + [f"tell me about {ent.name}"],
                entities=[ent.id], keywords=[role, "role", "title", "job", "position", "party"])


def _distill_uncurated(seeds_dir: Path, curated: set[str],
                       problems: list[Problem]) -> list[tuple[str, KnowledgeFile, tuple[str, ...]]]:
    """Machine-distilled knowledge for every article in seeds/ that no curated file covers."""
    out = []
    for path in sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []:
        if path.name in curated:
            continue
        try:
            meta, paragraphs = read_seed(path)
            if not paragraphs:
                problems.append(Problem(path.name, "", "the article has no paragraphs"))
                continue
            out.append((f"{path.name} (distilled)",
                        distill(slug(path.stem), path.name, meta, paragraphs, article_date(path)), paragraphs))
        except (UnicodeDecodeError, ValueError, ValidationError) as exc:
            problems.append(Problem(path.name, "", f"cannot distill: {str(exc).splitlines()[0]}"))
    return out


def load_knowledge(knowledge_dir: Path, seeds_dir: Path) -> FactBase:
    """Load every knowledge file, validate it against its article, and index it."""
    problems: list[Problem] = []
    files = sorted([*knowledge_dir.glob("*.yaml"), *knowledge_dir.glob("*.yml")]) if knowledge_dir.is_dir() else []
    parsed: list[tuple[str, KnowledgeFile, tuple[str, ...]]] = []
    for path in files:
        kf = _parse(path, problems)
        if kf is None:
            continue
        seed = seeds_dir / kf.article.seed
        if not seed.is_file():
            problems.append(Problem(path.name, "article.seed", f"article file {kf.article.seed!r} not found in "
                                                               f"{seeds_dir}"))
            continue
        parsed.append((path.name, kf, read_paragraphs(seed)))
    if problems:
        raise KnowledgeError(problems)  # a broken curated file must not be replaced by distilled facts
    parsed += _distill_uncurated(seeds_dir, {kf.article.seed for _, kf, _ in parsed}, problems)
    if not parsed and not problems:
        raise KnowledgeError([Problem(str(knowledge_dir), "", f"no knowledge files (*.yaml) and no articles in "
                                                               f"{seeds_dir}")])

    seen_articles: dict[str, str] = {}
    seen_facts: dict[str, str] = {}
    entities: dict[str, Entity] = {}
    for name, kf, paragraphs in parsed:
        if kf.article.id in seen_articles:
            problems.append(Problem(name, "article.id", f"duplicate article id {kf.article.id!r} "
                                                        f"(also in {seen_articles[kf.article.id]})"))
        seen_articles[kf.article.id] = name
        local: set[str] = set()
        for ent in kf.entities:
            if ent.id in local:
                problems.append(Problem(name, f"entity {ent.id}", "duplicate entity id"))
            local.add(ent.id)
            entities.setdefault(ent.id, ent)
            _check_span(name, f"entity {ent.id}", ent.paragraph, ent.evidence, paragraphs, problems)
        for fact in kf.facts:
            if fact.id in seen_facts:
                problems.append(Problem(name, f"fact {fact.id}", f"duplicate fact id (also in {seen_facts[fact.id]})"))
            seen_facts[fact.id] = name
            _check_span(name, f"fact {fact.id}", fact.paragraph, fact.evidence, paragraphs, problems)
            for eid in [*fact.entities, *([fact.speaker] if fact.speaker else [])]:
                if eid not in local:
                    problems.append(Problem(name, f"fact {fact.id}", f"unknown entity {eid!r}"))
    if problems:
        raise KnowledgeError(problems)
    return _build(parsed, entities)


def paragraph_contexts(kf: KnowledgeFile, paragraphs: tuple[str, ...],
                       lexicon: Lexicon) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per paragraph: its terms with the article title's, and the article's entities it names."""
    title = frozenset(lexicon.terms(kf.article.title))
    names = [(frozenset(lexicon.terms(alias)), ent.id) for ent in kf.entities for alias in (ent.name, *ent.aliases)]
    out = []
    for text in paragraphs:
        terms = frozenset(lexicon.terms(text))
        out.append((terms | title, frozenset(eid for t, eid in names if t and t <= terms)))
    return out or [(title, frozenset())]


def _build(parsed: list[tuple[str, KnowledgeFile, tuple[str, ...]]], entities: dict[str, Entity]) -> FactBase:
    gc.unfreeze()  # the base being replaced: its reference cycles, if any, can be collected again
    lexicon = build_lexicon([kf.synonyms for _, kf, _ in parsed], entities.values())
    entries: list[Entry] = []
    words: set[str] = set(lexicon.words)
    articles: dict[str, Article] = {}
    seen_roles: set[str] = set()
    digest = hashlib.sha256()
    for name, kf, paragraphs in parsed:
        articles[kf.article.id] = Article(kf.article, paragraphs, name)
        digest.update(kf.model_dump_json().encode())
        digest.update("\n".join(paragraphs).encode())
        # One who-is entry per entity: the first article that states its role (curated files first).
        described = [e for e in kf.entities if e.role and e.paragraph and e.id not in seen_roles]
        seen_roles.update(e.id for e in described)
        facts = list(kf.facts) + [_entity_fact(e) for e in described]
        contexts = paragraph_contexts(kf, paragraphs, lexicon)
        for fact in facts:
            context, named = contexts[min(fact.paragraph, len(contexts)) - 1]
            entry, fact_words = index_fact(fact, kf.article.id, lexicon, entities,
                                           is_entity=fact.id.startswith("who-is."), context=context,
                                           context_entities=named)
            entries.append(entry)
            words |= fact_words
    lexicon = replace(lexicon, words=frozenset(words))
    indexed, idf, unknown, postings = finish_index(entries)
    base = FactBase(articles, entities, indexed, lexicon, digest.hexdigest()[:12], idf, unknown, postings)
    base.vectors  # noqa: B018 - built now, while loading, not on the first question
    # The base lives until the next reload: move its objects out of the collector's way, so that
    # full collections do not walk them while a question waits (tens of milliseconds at 1,000 articles).
    gc.collect()
    gc.freeze()
    return base
