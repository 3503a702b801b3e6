"""The immutable, fully indexed fact base that retrieval reads.

A ``FactBase`` is built once by the loader and never mutated: a reload builds a new one
and swaps the reference (see ``holder``), so a question is always answered from one
consistent base.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.core.lexicon import Lexicon
from bot.core.models import ArticleMeta, Entity, Fact, KnowledgeFile
from bot.core.proper import TITLE_WORDS
from bot.core.qtypes import classify
from bot.core.synonyms import SOFT_WORDS
from bot.core.text import normalize, stem
from bot.core.vectors import VectorIndex

SOFT_WEIGHT = 0.4
SOFT_TERMS = SOFT_WORDS | {stem(w) for w in SOFT_WORDS}


# One article as loaded: the knowledge file's name (or "<seed> (distilled)"), its knowledge, its paragraphs.
Unit = tuple[str, KnowledgeFile, tuple[str, ...]]


@dataclass(frozen=True)
class Article:
    """An article's metadata and its paragraphs (paragraph n is ``paragraphs[n - 1]``)."""

    meta: ArticleMeta
    paragraphs: tuple[str, ...]
    knowledge_file: str

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def name(self) -> str:
        return self.meta.short_name or self.meta.title


@dataclass(frozen=True)
class Entry:
    """A fact as retrieval sees it: the fact plus its precomputed terms."""

    fact: Fact
    article_id: str
    terms: frozenset[str]  # every term: what it states and how it is asked for
    phrasings: tuple[frozenset[str], ...]
    entity_ids: frozenset[str]
    is_entity: bool = False
    phrasing_types: tuple[str, ...] = ()  # the question type of each phrasing
    phrasing_texts: tuple[str, ...] = ()  # each phrasing normalized, its words sorted (token-sort ratio)
    phrasing_weights: tuple[float, ...] = ()  # summed term weights of each phrasing, set once IDF is known
    content: frozenset[str] = frozenset()  # terms of what it states (``terms`` less its question phrasings)
    context: frozenset[str] = frozenset()  # terms of its paragraph, the article title and its people's roles
    context_entities: frozenset[str] = frozenset()  # entities named in its paragraph or the fact
    # Who says what it quotes: its speaker, and, when that is a document ("the joint statement"), the
    # fact's people, groups and countries who issued it ("what did the delegations say?")
    speakers: frozenset[str] = frozenset()

    def knows(self, term: str) -> bool:
        """Whether ``term`` is in ``terms`` or ``context`` (without building their union)."""
        return term in self.terms or term in self.context

    @cached_property
    def phrasing_index(self) -> dict[str, tuple[int, ...]]:
        """Per term, the indices of the phrasings that use it (retrieval visits only those)."""
        out: dict[str, list[int]] = {}
        for i, terms in enumerate(self.phrasings):
            for t in terms:
                out.setdefault(t, []).append(i)
        return {t: tuple(ix) for t, ix in out.items()}

    @cached_property
    def terms_by_type(self) -> dict[str, frozenset[str]]:
        """Per question type of its phrasings, the terms of the phrasings of that type."""
        out: dict[str, frozenset[str]] = {}
        for terms, qtype in zip(self.phrasings, self.phrasing_types, strict=True):
            out[qtype] = out.get(qtype, frozenset()) | terms
        return out


@dataclass(frozen=True)
class FactBase:
    """Articles, entities and indexed facts; read-only once built."""

    articles: dict[str, Article]
    entities: dict[str, Entity]
    entries: tuple[Entry, ...]
    lexicon: Lexicon
    version: str
    idf: dict[str, float] = field(default_factory=dict)
    unknown_weight: float = 1.0
    postings: dict[str, tuple[int, ...]] = field(default_factory=dict)  # term -> indices of entries with it
    units: dict[str, Unit] = field(default_factory=dict)  # file name -> what it loaded, for the next reload
    stamps: dict[str, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)  # its files' (inode, size, mtime)

    @cached_property
    def vectors(self) -> VectorIndex:
        """Numpy arrays over the entries, for narrowing the candidates in a large base."""
        return VectorIndex(self)

    @cached_property
    def title_terms(self) -> frozenset[str]:
        """Terms of the words that name a role or title ("mayor", "senator", "spokesman")."""
        return frozenset(t for w in TITLE_WORDS for t in self.lexicon.terms(w))

    @cached_property
    def article_terms(self) -> dict[str, frozenset[str]]:
        """Per article: every term its facts and paragraphs use."""
        out: dict[str, set[str]] = {}
        for e in self.entries:
            out.setdefault(e.article_id, set()).update(e.context)
        return {k: frozenset(v) for k, v in out.items()}

    @cached_property
    def topics(self) -> tuple[str, ...]:
        """The articles' topics, in article order, without repeats."""
        return tuple(dict.fromkeys(t for a in self.articles.values() for t in a.meta.topics))

    @cached_property
    def entity_postings(self) -> dict[str, tuple[int, ...]]:
        """Entity id -> indices of the entries about it."""
        out: dict[str, list[int]] = {}
        for i, e in enumerate(self.entries):
            for eid in e.entity_ids:
                out.setdefault(eid, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    def candidates(self, terms: Iterable[str], entity_ids: Iterable[str] = ()) -> list[int]:
        """Indices of the entries that share a term or are about one of the entities, in base order."""
        found: set[int] = set()
        for t in terms:
            found.update(self.postings.get(t, ()))
        for eid in entity_ids:
            found.update(self.entity_postings.get(eid, ()))
        return sorted(found)

    @cached_property
    def known_questions(self) -> tuple[str, ...]:
        """Every phrasing of every fact as a question, first phrasings first (for autocomplete)."""
        firsts = [as_question(e.fact.questions[0]) for e in self.entries]
        rest = [as_question(q) for e in self.entries for q in e.fact.questions[1:]]
        return tuple(dict.fromkeys(firsts + rest))

    @cached_property
    def described(self) -> frozenset[str]:
        """Entities with a who-is entry (a role stated in an article)."""
        return frozenset(e.fact.entities[0] for e in self.entries if e.is_entity)

    @property
    def facts(self) -> list[Fact]:
        """The curated and distilled facts (not the synthesized who-is entries)."""
        return [e.fact for e in self.entries if not e.is_entity]

    def weight(self, term: str) -> float:
        """Inverse document frequency of ``term``; words the base never uses weigh most,
        except everyday filler words, which weigh little whether known or not."""
        if term in SOFT_TERMS:
            return min(SOFT_WEIGHT, self.idf.get(term, SOFT_WEIGHT))
        return self.idf.get(term, self.unknown_weight)

    def entry(self, fact_id: str) -> Entry | None:
        return next((e for e in self.entries if e.fact.id == fact_id), None)


def sort_tokens(text: str) -> str:
    """The words of ``text`` sorted: rapidfuzz's token-sort ratio is the plain ratio of these."""
    return " ".join(sorted(text.split()))


def as_question(phrasing: str) -> str:
    """A phrasing as people read it: capitalized, with a question mark."""
    return phrasing[:1].upper() + phrasing[1:] + ("" if phrasing.endswith("?") else "?")


def is_nominal(alias: str, entity: Entity) -> bool:
    """An alias that is a name ("Volodymyr Zelensky"), not a description ("the Polish PM",
    "Prime Minister Tusk"): it neither starts with "the" nor uses a word of the entity's role."""
    words = set(normalize(alias).split())
    role_words = set(normalize(entity.role or "").split()) - {"the", "of", "and"}
    return not normalize(alias).startswith("the ") and not words & role_words


def index_fact(fact: Fact, article_id: str, lexicon: Lexicon, entities: dict[str, Entity],
               is_entity: bool = False, context: frozenset[str] = frozenset(),
               context_entities: frozenset[str] = frozenset()) -> tuple[Entry, set[str]]:
    """Precompute a fact's terms; also return the raw words it contributes to the vocabulary.

    ``context`` is the terms of the fact's paragraph and article title, ``context_entities`` the
    entities its paragraph names; the roles of the people the fact is about join the context.
    """
    texts = [fact.evidence, fact.reply, *fact.keywords, *fact.answers.values()]
    ent_ids = set(fact.entities) | ({fact.speaker} if fact.speaker else set())
    for eid in ent_ids:
        ent = entities.get(eid)
        if ent:
            # Descriptive aliases ("the Polish Prime Minister") would lend their words to every
            # fact about the entity; they count only when the question uses them (see retrieve).
            texts += [ent.name, *(a for a in ent.aliases if is_entity or is_nominal(a, ent))]
    content: set[str] = set()
    words: set[str] = set()
    for t in texts:
        content.update(lexicon.terms(t))
        words.update(normalize(t).split())
    terms = set(content)
    for q in fact.questions:
        terms.update(lexicon.terms(q))
        words.update(normalize(q).split())
    roles = {t for eid in ent_ids if (ent := entities.get(eid)) and ent.role for t in lexicon.terms(ent.role)}
    full_context = context | terms | roles
    phrasings = tuple(frozenset(lexicon.terms(q)) for q in fact.questions)
    # A distilled fact's phrasing is its sentence: it answers every type of question about it.
    types = tuple("any" if fact.distilled else classify(normalize(q)).qtype for q in fact.questions)
    texts_n = tuple(sort_tokens(normalize(q)) for q in fact.questions)
    speakers = {fact.speaker} if fact.speaker else set()
    if fact.speaker and (said_by := entities.get(fact.speaker)) is not None and said_by.kind == "document":
        speakers |= {eid for eid in fact.entities if (ent := entities.get(eid)) and ent.kind != "document"}
    elif fact.speaker and said_by is not None and said_by.kind != "person":
        # "Basketly said it disagreed. '...,' chief executive Tobias Renner said": a body speaks
        # through the people with a role its statement names
        speakers |= {eid for eid in fact.entities if (ent := entities.get(eid)) and ent.kind == "person" and ent.role}
    entry = Entry(fact, article_id, frozenset(terms), phrasings, frozenset(ent_ids), is_entity, types, texts_n,
                  context=frozenset(full_context), context_entities=context_entities | frozenset(ent_ids),
                  content=frozenset(content), speakers=frozenset(speakers))
    return entry, words


def finish_index(entries: list[Entry]) -> tuple[tuple[Entry, ...], dict[str, float], float, dict[str, tuple[int, ...]]]:
    """IDF, per-phrasing weights and the inverted index, once every entry is known."""
    idf, unknown = compute_idf(entries)
    weighted = tuple(replace(e, phrasing_weights=tuple(sum(idf[t] for t in p) for p in e.phrasings))
                     for e in entries)
    postings: dict[str, list[int]] = {}
    for i, e in enumerate(weighted):
        for t in e.terms:
            postings.setdefault(t, []).append(i)
    return weighted, idf, unknown, {t: tuple(ix) for t, ix in postings.items()}


def compute_idf(entries: Iterable[Entry]) -> tuple[dict[str, float], float]:
    """Smoothed IDF per term over entries, and the weight of a term no entry has."""
    entries = list(entries)
    n = len(entries)
    df: dict[str, int] = {}
    for e in entries:
        for t in e.terms:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    # An unknown word weighs twice the rarest known one: a question is about what it names.
    return idf, 2 * math.log((n + 1) / 0.5)
