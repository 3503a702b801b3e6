"""Noun phrases in a sentence: the one that ends right before a point, a name used as the
modifier of one ("Kremlin adviser Viktor Lagunov"), where the noun of "which <noun>" occurs and
how far its modifiers reach back."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core import proper, spans
from bot.core.factbase import FactBase
from bot.core.hits import echo
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import AUXILIARY_VERBS, STOPWORDS

_NOT_NOUN = (r"(?!(?:would|will|has|have|had|is|was|were|are|be|been|can|could|should|may|might|must|did|does|do|"
             r"but|and|or|then|also|later|which|who|that|as)\b)")
_NP_BEFORE = re.compile(rf"\b((?:the|a|an|its|his|her|their|our)\s+(?:{_NOT_NOUN}[\w’'-]+\s+){{0,3}}?"
                        rf"{_NOT_NOUN}[\w’'-]+)\s*$")


@lru_cache(maxsize=65536)
def np_before(text: str, end: int) -> Span | None:
    """The noun phrase that ends right before ``end`` ("the city's transport department")."""
    m = _NP_BEFORE.search(text[:end])
    return (m.start(1), m.end(1)) if m else None


def attributive(text: str, span: Span) -> bool:
    """Whether the name at ``span`` is used as a modifier ("the Geneva talks", "Kremlin adviser
    Viktor Lagunov"): it names no one who acts or speaks."""
    after = text[span[1]:span[1] + 60]
    following = re.match(r"\s+([a-z]+)", after)
    if not following or following.group(1) in STOPWORDS:  # "the Court of Arbitration for Sport in Lausanne"
        return False
    if re.search(r"\b(?:the|a|an)\s+$", text[max(0, span[0] - 5):span[0]]):
        return True
    title = re.match(r"(?:\s+[a-z][\w’'-]*){0,2}\s+([a-z]+)\s+[A-Z][a-z]", after)  # "Kremlin adviser Viktor ..."
    return bool(title and title.group(1).capitalize() in proper.TITLE_WORDS)


_MODIFIER_STOP = frozenset(("the", "a", "an", "of", "and", "to", "its", "their", "his", "her", "that", "by", "with",
                            "for", "in", "on", "at", "from"))
_AUXILIARIES = AUXILIARY_VERBS | {"be", "been", "being"}


def focus_words(question: Question, text: str, base: FactBase) -> list[Span]:
    """Where the noun of "which <noun>" occurs in the text."""
    words = base.lexicon.words_of(text)
    # (not a verb of the same stem: "prices have risen" holds no rise asked about as a noun)
    # (nor a noun that only modifies the next: "a 41-year-old lift operator" is no lift)
    return [words[i][:2] for i in base.lexicon.word_index(text).get(question.focus, ())
            if not _AUXILIARY_BEFORE.search(text, 0, words[i][0]) and not _COMPOUND_HEAD.match(text, words[i][1])]


_COMPOUND_HEAD = re.compile(r" (?!(?:and|or|but|of|in|on|at|to|for|from|with|by|as|that|which|who|whose|than|then|"
                            r"is|was|were|are|be|been|has|had|have|will|would|can|could|may|might|must|should|did|"
                            r"does|do|said|says|say|told|also|still|now|only|just|again|near|after|before|since|until|"
                            r"while|where|when|if|so|not|no|all|both|each|its|their|his|her)\b)"
                            r"(?:operator|operators|station|stations|company|companies|owner|owners|worker|workers|"
                            r"manager|managers|official|officials|chief|team|teams|staff|crew|crews|union|unions|"
                            r"director|spokesman|spokeswoman|line|lines|plan|plans|fund|funds)\b")
_AUXILIARY_BEFORE = re.compile(r"\b(?:have|has|had|is|are|was|were|be|been|will|would|to)\s+$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def modified_from(text: str, pos: int) -> int:
    """Where the noun phrase ending at ``pos`` starts: up to three modifiers back ("transport")."""
    start = pos
    for w in reversed(list(re.finditer(r"[\w’'-]+(?:[.,]\d+)*", text[:pos]))[-3:]):  # "6.5 percent": one word
        if w.group(0).lower() in _AUXILIARIES:
            return pos  # "Halbrook has asked journals": the words after an auxiliary are its verb, no modifier
        if w.group(0).lower() in _MODIFIER_STOP or text[w.end():start].strip():
            break
        start = w.start()
        if w.group(0).lower() in spans.NUMBER_WORDS or w.group(0)[:1].isdigit():
            break  # a count opens its noun phrase: "diverted three bus routes" is "three bus routes"
    # "the Eastgate and Millbrook districts": names coordinated before the noun are its modifiers too
    both = re.search(r"\b([A-Z][\w’'-]+(?:,\s+[A-Z][\w’'-]+)*,?\s+and\s+)$", text[:start])
    return both.start(1) if both and start < pos and text[start].isupper() else start


def focus_phrase(question: Question, text: str, base: FactBase) -> Span | None:
    """The noun phrase that ends in the focus noun, with its modifiers ("the city's transport department")."""
    for a, b in focus_words(question, text, base):
        start = modified_from(text, a)
        if echo(question, text[start:b], base) < 0.75:
            return start, b
    return None
