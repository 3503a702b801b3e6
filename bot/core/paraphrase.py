"""Everyday synonyms for the words of a question that an article never uses, or nothing for
the words that only frame a question ("the *guy* who won", "burned *down*").

"has anyone gotten *sick*?" of an article that says "fell ill", "who said they were a storm away
from *disaster*?" of one that says "catastrophe": a question word the base does not know (an
English word, not a typo or a name) stands for the first synonym of its most frequent sense,
from WordNet, that the base does use. Only the words of the first sense (see
``bot.wordnet_table``, which builds ``wordnet_synonyms.txt``): rarer senses turned "dig at
Europe" into "slam" and answered near misses. The hand-written ``synonyms`` come first: a word
they fold is never looked up here.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.text import STOPWORDS, content_words, english_words

if TYPE_CHECKING:
    from bot.core.factbase import FactBase

TABLE_FILE = Path(__file__).with_name("wordnet_synonyms.txt")
# Words for someone ("how old is the guy who won?") that ask who, no topic (not men or women: "how
# many women ...?" of an article that never says so is a near miss). Some are also soft words
# (``synonyms.SOFT_WORDS``), which weigh little but still count as missed; these, when the base
# never uses them, do not count at all.
SOMEONE = frozenset("guy guys dude dudes lady ladies fella bloke chap person folks".split())
# A verb's particle ("burned down"; its term is itself): no topic, unless it says how far ("down to
# 20 points").
PARTICLES = frozenset("down up out off over back away".split())


# Inflections undone to find a word's entry ("married": marry, "quitting": quit, "biggest": big); not a stemmer,
# which would take "finally" for "final" and "assessment" for "assess".
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("iest", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                ("ing", ""), ("ing", "e"), ("est", ""), ("est", "e"))


@cache
def synonym_table() -> dict[str, tuple[str, ...]]:
    """Word -> its synonyms, most frequent sense first, from ``TABLE_FILE``."""
    table: dict[str, tuple[str, ...]] = {}
    for line in TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, *synonyms = line.split()
            table[word] = tuple(synonyms)
    return table


def entry_of(word: str) -> tuple[str, ...]:
    """The synonyms of ``word``, then those of the word it inflects ("reduced": decreased, then
    reduce's trim and cut)."""
    table = synonym_table()
    found = list(table.get(word, ()))
    for suffix, ending in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            candidate = next((c for c in (root + ending, root[:-1] if root[-1:] == root[-2:-1] else "")
                              if c in table), None)
            if candidate is not None:
                found += [w for w in table[candidate] if w not in found]
                break
    return tuple(found)


def known_synonym(word: str, base: FactBase) -> str | None:
    """The first synonym of ``word`` whose terms the base all uses, if any."""
    for synonym in entry_of(word):
        if synonym in STOPWORDS:
            continue
        terms = base.lexicon.terms(synonym)
        if terms and all(t in base.idf for t in terms):
            return synonym
    return None


def fold_unknown(terms: tuple[str, ...], text: str, base: FactBase, whole: bool = False) -> tuple[str, ...]:
    """``terms`` of the question ``text`` with each term of an English word the base never uses
    replaced by the terms of its synonym the base does use, and without those of the words that
    only frame the question (``SOMEONE``, ``PARTICLES``). A ``whole`` question of one word ("test?",
    "link?") is its own topic: a synonym's first sense would be a guess."""
    lexicon = base.lexicon
    framing = {t for w in text.split() if w in SOMEONE for t in lexicon.terms(w) if t not in base.idf}
    framing |= {t for t in terms if t in PARTICLES and t not in base.idf and
                not re.search(rf"\b{t} (?:to|from|by)\b", text)}
    terms = tuple(t for t in terms if t not in framing) or terms
    if whole and len(content_words(text)) < 2:
        return terms
    english = english_words()
    replaced: dict[str, list[str]] = {}
    for word in text.split():
        if len(word) < 3 or word in STOPWORDS or word in lexicon.words or word not in english or not word.isalpha():
            continue
        word_terms = lexicon.terms(word)
        if not word_terms or all(t in base.idf for t in word_terms):
            continue
        synonym = known_synonym(word, base)
        if synonym is not None:
            for t in word_terms:
                if t not in base.idf:
                    replaced[t] = lexicon.terms(synonym)
    if not replaced:
        return terms
    return tuple(dict.fromkeys(t2 for t in terms for t2 in replaced.get(t, [t])))
