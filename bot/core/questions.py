"""Question analysis: normalized words, typo correction, question type and entities."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.factbase import FactBase
from bot.core.models import QuestionType
from bot.core.text import STOPWORDS, normalize

_AUX = {"is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "has", "have", "had",
        "should", "shall", "may", "might", "must", "isn't", "wasn't", "didn't", "doesn't", "won't", "aren't"}
_SAY = (r"(?:say|said|says|write|wrote|written|tell|told|post|posted|state|stated|remark|remarked|claim|"
        r"claimed|think|believe|mean|tweet|tweeted|comment|declare|announce|argue|warn|express)")
_QUOTE = re.compile(rf"^(?:what|how) (?:did|does|do|has|had|have|was|is) (.+?) (?:{_SAY})\b")
_QUOTE_ALT = re.compile(r"^what (?:was|is|were) (.+?)'s? (?:quote|statement|comment|remark|post|message|words|"
                        r"view|views|opinion|take|position|stance|reaction|verdict)\b")
_LEADS = re.compile(r"^(?:(?:so|ok|okay|hey|hi|please|and|but|also|then|now|well|quick question|question)\s+)+")
_ASK = re.compile(r"^(?:can|could|would) you (?:please )?(?:tell me|let me know|say)\s+|^(?:do|does) "
                  r"(?:you|anyone) know\s+|^i (?:want|would like|d like) to know\s+|^tell me\s+")

# Which short answer each question type takes, most wanted first.
ANSWER_CHAIN: dict[QuestionType, tuple[QuestionType, ...]] = {
    "who": ("who", "which"),
    "who_is": ("who_is", "who"),
    "when": ("when",),
    "where": ("where",),
    "how_many": ("how_many",),
    "what": ("what", "which", "quote"),
    "which": ("which", "what", "who"),
    "why": ("why",),
    "yes_no": ("yes_no",),
    "quote": ("quote", "what"),
}


@dataclass(frozen=True)
class Question:
    """A question as the matcher sees it."""

    text: str
    normalized: str
    qtype: QuestionType
    terms: tuple[str, ...]
    entities: frozenset[str]
    subject: frozenset[str]  # entities the question is about (who is X / what did X say)


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
        candidates = [v for v in vocabulary if v[:1] == w[:1] and abs(len(v) - len(w)) <= 1 + (len(w) > 7)]
        cutoff = 85 if len(w) <= 6 else 80
        best = process.extractOne(w, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
        out.append(best[0] if best else w)
    return out


def find_entities(normalized: str, base: FactBase) -> set[str]:
    """Entity ids whose name or alias occurs as whole words in the question."""
    padded = f" {normalized} "
    found: set[str] = set()
    for alias, eid in base.lexicon.aliases:
        if f" {alias} " in padded:
            found.add(eid)
            padded = padded.replace(f" {alias} ", " | ")
    return found


def classify(normalized: str) -> tuple[QuestionType, str]:
    """The question type and, for who-is and what-did-X-say, the words naming the subject."""
    text = _ASK.sub("", _LEADS.sub("", normalized))
    m = _QUOTE.match(text) or _QUOTE_ALT.match(text)
    if m:
        return "quote", m.group(1)
    m = re.match(r"^(?:who is|who's|who are|who was|who were|whos) (.+)$", text)
    if m:
        return "who_is", m.group(1)
    m = re.match(r"^(?:tell me about|what about|info on|information about|who s) (.+)$", text)
    if m:
        return "who_is", m.group(1)
    first = text.split(" ", 1)[0] if text else ""
    rules: list[tuple[str, QuestionType]] = [
        (r"^how (?:many|much)\b", "how_many"),
        (r"^how (?:quickly|fast|soon|long|early|late)\b", "when"),
        (r"^(?:when|what (?:time|date|day)|which (?:day|date)|by when|until when|since when)\b", "when"),
        (r"^(?:where|in (?:which|what) (?:city|country|place))\b", "where"),
        (r"^(?:why|for what reason|what for)\b", "why"),
        (r"^(?:who|whom|whose|by whom)\b", "who"),
        (r"^(?:which|what (?:countries|country|groups|weapons|agreement|deal))\b", "which"),
    ]
    for pattern, qtype in rules:
        if re.match(pattern, text):
            return qtype, ""
    if first in _AUX:
        return "yes_no", ""
    for pattern, qtype in rules:  # "the deadline was set by whom", "and when is it"
        if re.search(pattern.replace("^", r"\b"), text):
            return qtype, ""
    return "what", ""


def analyze(text: str, base: FactBase) -> Question:
    """Normalize, correct, classify and find the entities of a question."""
    words = correct_typos(normalize(text).split(), base)
    normalized = " ".join(words)
    qtype, subject_text = classify(normalized)
    entities = find_entities(normalized, base)
    subject = find_entities(subject_text, base) if subject_text else set()
    if qtype == "who_is" and not subject:
        qtype = "who"
    terms = tuple(dict.fromkeys(base.lexicon.terms(normalized)))
    return Question(text, normalized, qtype, terms, frozenset(entities), frozenset(subject))
