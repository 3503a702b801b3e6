"""Whom it was done to ("who did the envoy meet?"): the first name after the verb asked about,
not one the question names as the one acting."""
from __future__ import annotations

import re

from bot.core import proper
from bot.core.actors import Found
from bot.core.factbase import FactBase
from bot.core.hits import Hit, anchor_hit, answer_names, closest
from bot.core.mentions import find_entities
from bot.core.questions import Question
from bot.core.text import normalize


def _named_in(name: str, mentions: list[tuple[frozenset[str], frozenset[str]]], base: FactBase) -> bool:
    """Whether the question's ``mentions`` (see ``_mentions``) name ``name``: by one of its names or by
    its role ("trump's envoy" is Mark Delaney); a name the base does not know, by a word of it
    ("Russian" is not the Kremlin's)."""
    ids = {i for found in find_entities(normalize(name), base).values() for i in found}
    if ids:
        return bool(ids & {i for _, named in mentions for i in named})
    return bool(set(base.lexicon.terms(name)) & {t for terms, _ in mentions for t in terms})


def _mentions(question: Question, base: FactBase) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The names and roles the question mentions, less the kind a which-question asks for."""
    kind = _kind_words(question, base)
    return [(terms, named) for terms, named in question.mentions if not terms <= kind]


def _kind_words(question: Question, base: FactBase) -> frozenset[str]:
    """The terms of the kind a which-question asks for ("which *salvage company* got hired?"): they
    name what the answer is, not someone the question already names ("Norcastle Salvage")."""
    if not question.focus_word:
        return frozenset()
    m = re.match(rf"^(?:which|what) ((?:[\w'-]+ ){{0,3}}?{re.escape(question.focus_word)})\b", question.normalized)
    return frozenset(base.lexicon.terms(m.group(1))) if m else frozenset()


def patient(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Whom it was done to ("who did the envoy meet?"): the first name after the verb asked about."""
    anchor = anchor_hit(hits)
    # Not a place, and not whom the question names as the one acting ("who did the Turkish president call?").
    names = [s for s in answer_names(question, text, base)
             if proper.name_kind(text, s) != "place" or proper.acting_country(text, s)]
    mentions = _mentions(question, base)
    found = [s for s in names if not _named_in(text[s[0]:s[1]], mentions, base)]
    if anchor is None or not anchor.verb:
        # The verb asked about is worded otherwise ("spoke with" for "call"): whom the sentence
        # pairs with the one the question names, the next name after that one's.
        actor = next((s for s in names if s not in found), None)
        after_actor = [s for s in found if actor is not None and s[0] > actor[1]]
        if after_actor:
            return after_actor[0], 0.8
    if anchor is not None:
        after = [s for s in found if s[0] >= anchor.end]
        if after:
            return after[0], 1.0 if after[0][0] - anchor.end < 40 else 0.7
    nearest = closest(found, hits)
    return (nearest, 0.5) if nearest else None
