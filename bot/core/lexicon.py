"""Word-level knowledge shared by all articles: synonyms, entity names and roles, vocabulary."""
from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TypeVar

from bot.core.models import Entity
from bot.core.proper import TITLE_WORDS
from bot.core.synonyms import GENERAL_SYNONYMS
from bot.core.text import content_terms, normalize, stem

_K = TypeVar("_K")
_V = TypeVar("_V")
_READ_WORD = re.compile(r"[\w’'$€£%-]+(?:[.,]\d+)*")  # a word as the reader sees it ("3.8", "$47.15")
MAX_KEPT = 50_000
# Texts whose terms are remembered (fact texts while indexing and reading, and questions), least
# recently used dropped first: TALKSBOT_CACHE_ENTRIES. Questions longer than MAX_KEPT_CHARS are not
# remembered: they are rare, unlikely to repeat, and the costliest to keep.
CACHE_ENTRIES = 50_000
MAX_KEPT_CHARS = 300


@dataclass(frozen=True)
class Lexicon:
    """Word-level knowledge shared by all articles: synonyms, entity names, vocabulary."""

    synonyms: dict[str, str]
    phrases: tuple[tuple[str, str], ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]  # (normalized alias, entity ids), longest first
    words: frozenset[str]
    roles: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = ()  # (terms of a role, people holding it)
    cache_entries: int = CACHE_ENTRIES

    @cached_property
    def by_initial(self) -> dict[str, tuple[str, ...]]:
        """The vocabulary grouped by first letter (typos rarely change it)."""
        groups: dict[str, list[str]] = {}
        for w in sorted(self.words):
            groups.setdefault(w[:1], []).append(w)
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def _phrases_by_word(self) -> dict[str, tuple[tuple[str, str], ...]]:
        groups: dict[str, list[tuple[str, str]]] = {}
        for phrase, canonical in self.phrases:
            groups.setdefault(phrase.split()[0], []).append((phrase, canonical))
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def aliases_by_first_word(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """``aliases`` grouped by their first word: a question checks only those it can contain."""
        groups: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for alias, ids in self.aliases:
            groups.setdefault(alias.split()[0], []).append((alias, ids))
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def ids_by_alias(self) -> dict[str, tuple[str, ...]]:
        """The entities each normalized alias names."""
        return dict(self.aliases)

    @cached_property
    def roles_by_term(self) -> dict[str, tuple[tuple[frozenset[str], tuple[str, ...]], ...]]:
        """``roles`` grouped by each of their terms, so a question checks only the roles it can name."""
        groups: dict[str, list[tuple[frozenset[str], tuple[str, ...]]]] = {}
        for terms, ids in self.roles:
            for t in terms:
                groups.setdefault(t, []).append((terms, ids))
        return {k: tuple(v) for k, v in groups.items()}

    @cached_property
    def _memo(self) -> OrderedDict[str, list[str]]:
        return OrderedDict()

    @cached_property
    def _words_memo(self) -> dict[str, tuple[tuple[int, int, tuple[str, ...]], ...]]:
        return {}

    def words_of(self, text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
        """Each word of a sentence with its offsets and terms (the reader's hits come from these).
        Kept per sentence, up to ``MAX_KEPT`` sentences: facts are read again and again."""
        found = self._words_memo.get(text)
        if found is None:
            matches = list(_READ_WORD.finditer(text))
            words = [(m.start(), m.end(), tuple(self.terms(m.group(0)))) for m in matches]
            self._fold_phrases(words, [normalize(m.group(0)) for m in matches])
            found = _keep(self._words_memo, text, tuple(words))
        return found

    def _fold_phrases(self, words: list[tuple[int, int, tuple[str, ...]]], tokens: list[str]) -> None:
        """A multi-word synonym ("chief executive", "forced from their homes") gives each of its words
        the canonical term too: the reader finds the words a question asked about however worded."""
        for i, token in enumerate(tokens):
            for phrase, canonical in self._phrases_by_word.get(token, ()):
                parts = phrase.split()
                if tokens[i:i + len(parts)] == parts:
                    for k in range(i, i + len(parts)):
                        start, end, terms = words[k]
                        if canonical not in terms:
                            words[k] = (start, end, (*terms, canonical))

    @cached_property
    def _index_memo(self) -> dict[str, dict[str, tuple[int, ...]]]:
        return {}

    def word_index(self, text: str) -> dict[str, tuple[int, ...]]:
        """Per term, the positions in ``words_of(text)`` of the words that have it (kept as ``words_of``)."""
        found = self._index_memo.get(text)
        if found is None:
            index: dict[str, list[int]] = {}
            for i, (_, _, terms) in enumerate(self.words_of(text)):
                for t in terms:
                    at = index.setdefault(t, [])
                    if not at or at[-1] != i:  # a word with a term twice is one word
                        at.append(i)
            found = _keep(self._index_memo, text, {t: tuple(ix) for t, ix in index.items()})
        return found

    @cached_property
    def variants(self) -> dict[str, frozenset[str]]:
        """Per canonical term, the single words that fold onto it ("aircraft": plane, planes, jets, ...)."""
        out: dict[str, set[str]] = {}
        for word, canonical in self.synonyms.items():
            out.setdefault(canonical, set()).add(word)
        return {t: frozenset(ws) for t, ws in out.items()}

    @cached_property
    def _set_memo(self) -> dict[str, frozenset[str]]:
        return {}

    def term_set(self, text: str) -> frozenset[str]:
        """``terms(text)`` as a set, kept as ``words_of`` (sentences and answers compared again and again)."""
        found = self._set_memo.get(text)
        if found is None:
            found = _keep(self._set_memo, text, frozenset(self.terms(text)))
        return found

    def terms(self, text: str) -> list[str]:
        """Content terms of ``text`` with multi-word synonyms folded into their canonical word."""
        memo = self._memo
        found = memo.get(text)
        if found is not None:
            memo.move_to_end(text)
            return found
        norm = f" {normalize(text)} "
        words = set(norm.split())
        # Longest phrases first, as in ``phrases``; only those whose first word occurs can match.
        for phrase, canonical in self.phrases if len(words) > 40 else sorted(
                (p for w in words for p in self._phrases_by_word.get(w, ())), key=lambda pc: -len(pc[0])):
            if phrase in norm:
                norm = norm.replace(phrase, f" {canonical} ")
        result = content_terms(norm, self.synonyms)
        if len(text) <= MAX_KEPT_CHARS:
            memo[text] = result
            if len(memo) > self.cache_entries:
                memo.popitem(last=False)
        return result


def _keep(memo: dict[str, _V], text: str, value: _V) -> _V:
    """Remember ``value`` for ``text``, starting afresh when ``MAX_KEPT`` texts are kept (the
    per-sentence memos: facts are read again and again, a question's text rarely)."""
    if len(memo) >= MAX_KEPT:
        memo.clear()
    memo[text] = value
    return value


# Stems of listed words that are everyday words of another sense: "projected" is estimated, a
# "project" is not; "tons" are no "tone", an "arm" no weapon, "direct" flights lead nothing.
_OTHER_SENSE = frozenset("project ton direct low access sit pleas arm stag par lat ceil posit".split())
# Words whose stem is a listed word of another sense: "million" is no "mill" (a plant), "care" and
# "career" no "car", "wine" no "win", "meters" no "met", "forced" from their homes no armed forces.
# Each keeps a term of its own.
_OWN_SENSE = {"million": "million", "millions": "million", "care": "care", "career": "career", "careers": "career",
              "wine": "wine", "wines": "wine", "meter": "meter", "meters": "meter", "forced": "forced",
              "forcing": "forced", "felling": "felling"}


def build_lexicon(synonym_maps: Iterable[dict[str, list[str]]], entities: Iterable[Entity]) -> Lexicon:
    """Fold every knowledge file's synonyms and entity aliases into one lexicon."""
    single: dict[str, str] = {}
    phrases: dict[str, str] = {}
    stems: list[tuple[str, str]] = []
    for mapping in [*synonym_maps, GENERAL_SYNONYMS]:
        for key, variants in mapping.items():
            canonical = normalize(str(key))
            canonical = stem(canonical) if " " not in canonical else canonical
            for variant in variants:
                v = normalize(str(variant))
                if not v:
                    continue
                if " " in v:
                    phrases.setdefault(f" {v} ", canonical)
                else:
                    single.setdefault(v, canonical)
                    stems.append((stem(v), canonical))
    # A word a group lists wins over the stem of another group's word: "land" (territory) is not
    # "landed" (arrived) stemmed.
    for s, canonical in stems:
        if s not in _OTHER_SENSE:
            single.setdefault(s, canonical)
    single.update(_OWN_SENSE)
    alias_ids: dict[str, list[str]] = {}
    people: list[Entity] = []
    for ent in entities:
        for alias in (ent.name, *ent.aliases):
            a = normalize(alias)
            for prefix in ("the ", "mr ", "mrs ", "ms ", "dr "):
                if a.startswith(prefix) and len(a) > len(prefix) + 2:
                    _add(alias_ids, a[len(prefix):], ent.id)
            if a:
                _add(alias_ids, a, ent.id)
        if ent.kind == "person" and ent.role:
            people.append(ent)
    aliases = tuple(sorted(((a, tuple(ids)) for a, ids in alias_ids.items()), key=lambda kv: -len(kv[0])))
    words = {w for a, _ in aliases for w in a.split()} | set(single) | {w for p in phrases for w in p.split()}
    lexicon = Lexicon(single, tuple(sorted(phrases.items(), key=lambda kv: -len(kv[0]))), aliases,
                      frozenset(words))
    role_ids: dict[frozenset[str], list[str]] = {}
    for ent in people:
        for terms in role_terms(ent.role or "", lexicon):
            _add(role_ids, terms, ent.id)
    return replace(lexicon, roles=tuple((t, tuple(ids)) for t, ids in role_ids.items()))


def _add(mapping: dict[_K, list[str]], key: _K, eid: str) -> None:
    ids = mapping.setdefault(key, [])
    if eid not in ids:
        ids.append(eid)


_TITLES = frozenset(w.lower().strip(".") for w in TITLE_WORDS)  # "director of its centre" as "Director"


def role_terms(role: str, lexicon: Lexicon) -> list[frozenset[str]]:
    """The ways a question can name a role's holder: each part of the role ("US Senator",
    "Republican") and each title word in it ("senator"), as sets of terms."""
    out: list[frozenset[str]] = []
    for part in role.split(","):
        terms = frozenset(lexicon.terms(part))
        if terms and terms not in out:
            out.append(terms)
        for word in part.split():
            if word.strip(".").lower() in _TITLES and (t := frozenset(lexicon.terms(word))) and t not in out:
                out.append(t)
    return out
