"""The fact base from its files, one article at a time.

Each article (a knowledge file with its text in ``seeds/``, or a text with no knowledge file,
distilled) is read and validated on its own. A broken one keeps its last good version, or stays
out if it never loaded; the others load; every problem is reported with its file and reason. A
reload therefore never loses the articles that are fine to one that is not, and ``serve`` starts
with the valid articles. ``load_knowledge`` is the strict form (``talksbot check``, tests): any
problem raises ``KnowledgeError``.
"""
from __future__ import annotations

import gc
import hashlib
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from bot.core.distill import article_date, distill, slug
from bot.core.factbase import Article, Entry, FactBase, Unit, finish_index, index_fact
from bot.core.files import (
    MAX_SEED_BYTES,
    MAX_SEED_PARAGRAPHS,
    KnowledgeError,
    Problem,
    check_unit,
    parse_knowledge,
    read_paragraphs,
    read_seed,
)
from bot.core.lexicon import CACHE_ENTRIES, Lexicon, build_lexicon
from bot.core.models import Entity, Fact, KnowledgeFile
from bot.core.overlay import LOCAL_DIR, merge, overlay_path, read_overlay
from bot.core.paraphrase import synonym_table

__all__ = ["KnowledgeError", "Problem", "empty_base", "load_articles", "load_knowledge", "read_paragraphs", "read_seed"]


def load_knowledge(knowledge_dir: Path, seeds_dir: Path, max_seed_bytes: int = MAX_SEED_BYTES,
                   max_seed_paragraphs: int = MAX_SEED_PARAGRAPHS, cache_entries: int = CACHE_ENTRIES) -> FactBase:
    """Every article, validated and indexed; any problem raises ``KnowledgeError``."""
    base, problems = load_articles(knowledge_dir, seeds_dir, None, max_seed_bytes, max_seed_paragraphs,
                                   cache_entries)
    if problems:
        raise KnowledgeError(problems)
    if not base.articles:
        raise KnowledgeError([Problem(str(knowledge_dir), "", f"no knowledge files (*.yaml) and no articles in "
                                                               f"{seeds_dir}")])
    return base


def empty_base() -> FactBase:
    """A base with no article: what ``serve`` holds while the articles load."""
    return _build({})


def load_articles(knowledge_dir: Path, seeds_dir: Path, previous: FactBase | None = None,
                  max_seed_bytes: int = MAX_SEED_BYTES,
                  max_seed_paragraphs: int = MAX_SEED_PARAGRAPHS,
                  cache_entries: int = CACHE_ENTRIES) -> tuple[FactBase, list[Problem]]:
    """The base of every article that loads, and the problems of those that do not (each of
    those keeps its version in ``previous``, if it had one)."""
    problems: list[Problem] = []
    units: dict[str, Unit] = {}
    stamps: dict[str, tuple[Stamp, ...]] = {}
    claimed: set[str] = set()  # seeds a knowledge file covers, loaded or not: never distilled instead

    def unchanged(key: str, *paths: Path) -> bool:
        """Reuse the previous load of an article whose files have not changed since (a reload with
        nothing new, e.g. a burst of SIGHUPs, then costs a few stat calls, not a parse)."""
        stamps[key] = tuple(_stamp(p) for p in paths)
        if previous is None or key not in previous.units or previous.stamps.get(key) != stamps[key]:
            return False
        units[key] = previous.units[key]
        return True

    def fall_back(key: str, found: list[Problem]) -> None:
        problems.extend(found)
        stamps.pop(key, None)  # read again next time, and reported again until fixed
        if previous is not None and key in previous.units:
            units[key] = previous.units[key]  # the last good version answers until the file is fixed

    files = sorted([*knowledge_dir.glob("*.yaml"), *knowledge_dir.glob("*.yml")]) if knowledge_dir.is_dir() else []
    for path in files:
        claimed.add(f"{path.stem}.txt")
        if previous is not None and path.name in previous.units:
            before = previous.units[path.name][1].article
            if unchanged(path.name, path, seeds_dir / before.seed, overlay_path(knowledge_dir, before.id)):
                claimed.add(before.seed)
                continue
        found: list[Problem] = []
        read_stamp = _stamp(path)  # taken before reading: a change made meanwhile is read next time
        kf = parse_knowledge(path, found)
        if kf is not None:
            claimed.add(kf.article.seed)
            seed = seeds_dir / kf.article.seed
            seed_stamp = _stamp(seed)
            if not seed.is_file():
                found.append(Problem(path.name, "article.seed", f"article file {kf.article.seed!r} not found in "
                                                                f"{seeds_dir}"))
            else:
                try:
                    paragraphs = read_seed(seed, max_seed_bytes, max_seed_paragraphs)[1]
                    found += check_unit(path.name, kf, paragraphs)
                except (OSError, UnicodeDecodeError, ValueError) as exc:
                    found.append(Problem(kf.article.seed, "", f"cannot read: {str(exc).splitlines()[0]}"))
        if found or kf is None:
            fall_back(path.name, found)
        else:
            taught = overlay_path(knowledge_dir, kf.article.id)
            taught_stamp = _stamp(taught)
            units[path.name] = (path.name, with_overlay(kf, taught, problems), paragraphs)
            stamps[path.name] = (read_stamp, seed_stamp, taught_stamp)
    for path in sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []:
        taught = overlay_path(knowledge_dir, slug(path.stem))
        if path.name in claimed or unchanged(path.name, path, taught):
            continue
        try:
            meta, paragraphs = read_seed(path, max_seed_bytes, max_seed_paragraphs)
            if not paragraphs:
                fall_back(path.name, [Problem(path.name, "", "the article has no paragraphs")])
                continue
            kf = distill(slug(path.stem), path.name, meta, paragraphs, article_date(path))
            units[path.name] = (f"{path.name} (distilled)", with_overlay(kf, taught, problems), paragraphs)
        except (OSError, UnicodeDecodeError, ValueError, ValidationError) as exc:
            fall_back(path.name, [Problem(path.name, "", f"cannot read: {str(exc).splitlines()[0]}")])
    if previous is not None and units.keys() == previous.units.keys() and all(
            units[k] is previous.units[k] for k in units):
        return previous, problems  # nothing changed: no rebuild, no collection
    return _build(_without_clashes(units, problems), stamps, cache_entries), problems


def with_overlay(kf: KnowledgeFile, path: Path, problems: list[Problem]) -> KnowledgeFile:
    """``kf`` with the phrasings taught for it (``overlay``); an invalid overlay is reported and
    left out, and the article loads without it."""
    overlay = read_overlay(path, problems)
    return merge(kf, overlay, f"{LOCAL_DIR}/{path.name}", problems) if overlay is not None else kf


# A file's identity for "unchanged since the last load": inode, size and modification time (ns).
Stamp = tuple[int, int, int]


def _stamp(path: Path) -> Stamp:
    try:
        st = path.stat()
    except OSError:
        return (0, -1, 0)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _without_clashes(units: dict[str, Unit], problems: list[Problem]) -> dict[str, Unit]:
    """An article id or fact id two files share stays with the first file; the second is reported."""
    articles: dict[str, str] = {}
    facts: dict[str, str] = {}
    kept: dict[str, Unit] = {}
    for key, (name, kf, paragraphs) in units.items():
        clash = [Problem(name, "article.id", f"duplicate article id {kf.article.id!r} (also in "
                                             f"{articles[kf.article.id]})")] if kf.article.id in articles else []
        clash += [Problem(name, f"fact {f.id}", f"duplicate fact id (also in {facts[f.id]})")
                  for f in kf.facts if f.id in facts]
        if clash:
            problems.extend(clash)
            continue
        articles[kf.article.id] = name
        facts.update((f.id, name) for f in kf.facts)
        kept[key] = (name, kf, paragraphs)
    return kept


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


def _build(units: dict[str, Unit], stamps: dict[str, tuple[Stamp, ...]] | None = None,
           cache_entries: int = CACHE_ENTRIES) -> FactBase:
    gc.unfreeze()  # the base being replaced: its reference cycles, if any, can be collected again
    parsed = list(units.values())
    entities: dict[str, Entity] = {}
    for _, kf, _ in parsed:
        for ent in kf.entities:
            entities.setdefault(ent.id, ent)
    lexicon = replace(build_lexicon([kf.synonyms for _, kf, _ in parsed], entities.values()),
                      cache_entries=cache_entries)
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
    base = FactBase(articles, entities, indexed, lexicon, digest.hexdigest()[:12], idf, unknown, postings, units,
                    {k: v for k, v in (stamps or {}).items() if k in units})
    base.vectors  # noqa: B018 - built now, while loading, not on the first question
    synonym_table()  # read once, while loading (about 15 ms), not on the first question
    # The base lives until the next reload: move its objects out of the collector's way, so that
    # full collections do not walk them while a question waits (tens of milliseconds at 1,000 articles).
    gc.collect(1)
    gc.freeze()
    return base
