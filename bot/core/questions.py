"""Question analysis: normalized words, typo correction, question type and entities."""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.core.factbase import FactBase, sort_tokens
from bot.core.models import QuestionType
from bot.core.qtypes import ANSWER_CHAIN, classify, core_text
from bot.core.text import STOPWORDS, normalize

__all__ = ["ANSWER_CHAIN", "Question", "analyze", "classify", "correct_typos", "find_entities"]

@dataclass(frozen=True)
class Question:
    """A question as the matcher sees it."""

    text: str
    normalized: str
    qtype: QuestionType
    terms: tuple[str, ...]
    entities: frozenset[str]
    subject: frozenset[str]  # entities the question is about (who is X / what did X say)
    alias_terms: dict[str, str] = field(default_factory=dict)  # term -> entity whose alias brought it
    sorted_words: str = ""  # the normalized words sorted, for the token-sort ratio


def correct_typos(words: list[str], base: FactBase) -> list[str]:
    """Replace words the base does not know by the closest known word, when one is close.

    Typos rarely change a word's first letter or its length by more than one, and a word
    whose stem the base knows ("country" for "countries") is not a typo at all.
    """
    vocabulary = base.lexicon.words
    out = []
    for w in words:
        if (w in vocabulary or w in STOPWORDS or len(w) < 4 or w.isdigit()
                or (base.lexicon.terms(w) and all(t in base.idf for t in base.lexicon.terms(w)))):
            out.append(w)
            continue
        candidates = [v for v in base.lexicon.by_initial.get(w[:1], ()) if abs(len(v) - len(w)) <= 1 + (len(w) > 7)]
        cutoff = 85 if len(w) <= 6 else 80
        best = process.extractOne(w, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        out.append(best[0] if best else w)
    return out


def find_entities(normalized: str, base: FactBase) -> dict[str, str]:
    """Entity ids whose name or alias occurs as whole words in the question, with that alias."""
    padded = f" {normalized} "
    found: dict[str, str] = {}
    for alias, eid in base.lexicon.aliases:
        if f" {alias} " in padded:
            found.setdefault(eid, alias)
            padded = padded.replace(f" {alias} ", " | ")
    return found


def analyze(text: str, base: FactBase) -> Question:
    """Normalize, correct, classify and find the entities of a question."""
    words = correct_typos(normalize(text).split(), base)
    normalized = " ".join(words)
    qtype, subject_text = classify(normalized)
    entities = find_entities(normalized, base)
    subject = set(find_entities(subject_text, base)) if subject_text else set()
    if qtype == "who_is" and not subject:
        qtype = "who"
    elif qtype == "who_is" and not subject & base.described:
        # "Who is the prime minister of Poland?": a role-holder, not a description of Poland.
        qtype, subject = "who_role", set()
    elif qtype == "yes_no":
        # "Is Russia a NATO member?" is about Russia: an entity named right after the verb.
        head = " ".join(w for w in normalized.split()[1:4] if w not in ("the", "a", "an"))
        subject = {eid for eid, alias in entities.items() if f" {head} ".startswith(f" {alias} ")}
    terms = tuple(dict.fromkeys(base.lexicon.terms(core_text(normalized))))
    alias_terms = {t: eid for eid, alias in entities.items() for t in base.lexicon.terms(alias)}
    return Question(text, normalized, qtype, terms, frozenset(entities), frozenset(subject), alias_terms,
                    sort_tokens(core_text(normalized)))
