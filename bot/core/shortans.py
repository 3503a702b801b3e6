"""Short answers for machine-distilled facts, cut from the sentence around what was asked.

A curated fact carries its short answers; a distilled one has a sentence and a few extracted
slots. The cut depends on the question:

* "which <noun>" / "what <noun>": the phrase around that noun ("Javelin anti-tank missiles");
* "who <verb>": the agent after "by"/"between" ("between Turkey and the United Nations"), or
  the subject before "were/was <verb>" ("Poland, Europe, Canada, and Japan");
* yes/no: the words around what was asked ("this deadline is not set in stone");
* otherwise: the words after the last word of the question found in the sentence
  ("what does Erdogan want to restore?" -> "the secure Black Sea grain passage").
"""
from __future__ import annotations

import re

from bot.core.factbase import FactBase
from bot.core.questions import Question
from bot.core.text import STOPWORDS

MAX_WORDS = 10
_WORD = re.compile(r"[\w’'-]+|[“”\"(),.;:!?—]")
_PUNCT = set("“”\"(),.;:!?—")
_HARD = set(".;:!?—")
_QUOTES = set("“”\"")
_COPULA = {"were", "was", "are", "is"}
_HEAD = re.compile(r"^(?:which|what) ((?:\w+ ){0,3}?)(?:did|does|do|is|are|was|were|has|have|had|will|would|can|"
                   r"could|should)\b")


def _trim(text: str) -> str:
    words = text.split()
    return " ".join(words[:MAX_WORDS]) + ("…" if len(words) > MAX_WORDS else "")


def _join(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r"\s+([,.;:!?)])", r"\1", re.sub(r"\(\s+", "(", text)).strip(" ,")


def _hits(question: Question, tokens: list[str], base: FactBase) -> list[int]:
    asked = set(question.terms) - set(question.alias_terms)
    return [i for i, tok in enumerate(tokens) if tok not in _PUNCT and set(base.lexicon.terms(tok)) & asked]


def _phrase_around(tokens: list[str], i: int) -> str:
    start = i
    while (start > 0 and i - start < 4 and tokens[start - 1] not in _PUNCT
           and tokens[start - 1].lower() not in STOPWORDS):
        start -= 1
    end = i + 1
    while end < len(tokens) and end - start < MAX_WORDS and (
            tokens[end][:1].isupper() or tokens[end] in ("of", "and", "(", ")") or tokens[end - 1] == "("):
        end += 1
    return _join(tokens[start:end])


def _after(tokens: list[str], i: int) -> str:
    span: list[str] = []
    for tok in tokens[i + 1:]:
        if (tok in _HARD and span) or (tok == "," and len(span) >= 3) or len(span) >= MAX_WORDS:
            break
        if tok not in _QUOTES and (span or tok not in _PUNCT):
            span.append(tok)
    return _join(span)


def _agent(tokens: list[str], hits: list[int]) -> str | None:
    for i in hits:
        if i + 1 < len(tokens) and tokens[i + 1] in ("by", "between"):
            return _after(tokens, i + 1)
        if i > 0 and tokens[i - 1] in _COPULA:
            start = i - 1
            while start > 0 and tokens[start - 1] not in ("that", "“") and i - start < 12:
                start -= 1
            return _join(tokens[start: i - 1])
    return None


def _window(tokens: list[str], hits: list[int], question: Question, base: FactBase) -> str:
    # Around the last occurrence of the rarest word asked about ("NATO", not "Turkey").
    def weight(i: int) -> float:
        return max((base.weight(t) for t in base.lexicon.terms(tokens[i])), default=0.0)

    center = max(reversed(hits), key=weight)
    start = center
    while start > 0 and center - start < 3 and tokens[start - 1] not in _PUNCT:
        start -= 1
    end = center + 1
    while end < len(tokens) and end - center <= 5 and tokens[end] not in _PUNCT:
        end += 1
    return _join(tokens[start:end])


def cut(question: Question, sentence: str, base: FactBase) -> str:
    """The span of ``sentence`` that answers ``question``; the sentence itself when none is found."""
    tokens = _WORD.findall(sentence)
    hits = _hits(question, tokens, base)
    if not hits:
        return _trim(sentence)
    head = _HEAD.match(question.normalized)
    head_words = [w for w in (head.group(1).split() if head else []) if not w.isdigit() and w not in STOPWORDS]
    nouns = {t for word in head_words for t in base.lexicon.terms(word)}
    phrases = [_phrase_around(tokens, i) for i in hits if set(base.lexicon.terms(tokens[i])) & nouns]
    if phrases:
        return max(phrases, key=len)
    if question.qtype in ("who", "which"):
        agent = _agent(tokens, hits)
        if agent:
            return agent
    if question.qtype == "yes_no":
        return _window(tokens, hits, question, base)
    for i in reversed(hits):
        span = _after(tokens, i)
        if span:
            return span
    return _trim(sentence)


def short_answer(question: Question, text: str, slot: str, distilled: bool, evidence: str, base: FactBase) -> str:
    """The short answer to show: a curated slot as written, a distilled one cut to the question."""
    if not distilled:
        return text
    if slot in ("what", "which", "yes_no"):
        return cut(question, text, base)
    if slot == "who":
        tokens = _WORD.findall(evidence)
        return _agent(tokens, _hits(question, tokens, base)) or _trim(text)
    return _trim(text)
