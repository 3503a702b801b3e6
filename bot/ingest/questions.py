"""Questions the bot can answer from a newly added article, to show the admin who added it.

Candidates are built from the article's distilled facts and entities with a few general patterns
("Who is <person>?" for a person the article gives a role, "Who <rest of a sentence>?" for a
sentence whose subject was found, "What did <person> say?" for a quotation or reported speech);
each is asked for real, and only those answered from the new article are kept.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import zip_longest

from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.models import Fact

MAX_WORDS = 14
MAX_CANDIDATES = 40
_DANGLING = frozenset("a an the of to and or in on at for with by from that which who as its their his her".split())
_PAREN = re.compile(r"\s*\([^)]*\)")


def _who_is(base: FactBase, article_id: str) -> Iterator[str]:
    for e in base.entries:
        if e.is_entity and e.article_id == article_id and e.fact.entities:
            entity = base.entities.get(e.fact.entities[0])
            if entity is not None and entity.kind == "person":
                yield f"Who is {entity.name}?"


def _who_did(fact: Fact) -> str | None:
    """"Who met a Russian delegation in Abu Dhabi?" from "US Army Secretary Dan Driscoll met a ..."."""
    who = fact.answers.get("who")
    sentence = fact.evidence
    at = sentence.find(who) if who else -1
    if not who or at < 0 or (at and not sentence[:at].rstrip().endswith(",")) or not who[:1].isupper():
        return None
    rest = _PAREN.sub("", sentence[at + len(who):])
    if fact.answers.get("why"):
        rest = rest.replace(fact.answers["why"], " ")
    rest = re.split(r",\s|;\s|\s[–—-]\s", rest, maxsplit=1)[0]
    words = rest.strip(" .!?:\"“”'").split()
    if len(words) > MAX_WORDS:  # cut, and not after "the", "of", ...
        words = words[:MAX_WORDS]
        while words and words[-1].lower() in _DANGLING:
            words.pop()
    if len(words) < 2 or not words[0].islower():
        return None
    return "Who " + " ".join(words) + "?"


def _what_said(base: FactBase, fact: Fact) -> str | None:
    entity = base.entities.get(fact.speaker) if fact.speaker else None
    if entity is None or entity.kind != "person":
        return None
    return f"What did {entity.name} say?"


def candidate_questions(base: FactBase, article_id: str) -> list[str]:
    """Questions worth trying, the kinds interleaved so that the first few differ."""
    facts = [e.fact for e in base.entries if e.article_id == article_id and not e.is_entity]
    kinds = [list(_who_is(base, article_id)),
             [q for f in facts if (q := _who_did(f))],
             [q for f in facts if (q := _what_said(base, f))]]
    mixed = [q for group in zip_longest(*kinds) for q in group if q]
    return list(dict.fromkeys(mixed))[:MAX_CANDIDATES]


def answerable_questions(answerer: Answerer, base: FactBase, article_id: str, want: int = 3) -> tuple[str, ...]:
    """Up to ``want`` candidates that the bot answers from ``article_id`` (each from another fact)."""
    kept: list[str] = []
    facts: set[str | None] = set()
    for question in candidate_questions(base, article_id):
        answer = answerer.answer(question)
        if answer.matched and answer.source is not None and answer.source.article == article_id \
                and answer.fact_id not in facts:
            kept.append(question)
            facts.add(answer.fact_id)
            if len(kept) == want:
                break
    return tuple(kept)
