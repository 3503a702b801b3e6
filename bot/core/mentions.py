"""What a question names: the names and aliases it holds as whole words, with the entities
each can mean, and the people it names by their role ("the Polish PM", "the senator")."""
from __future__ import annotations

import re

from bot.core.factbase import FactBase

MAX_ROLE_HOLDERS = 5
_POSSESSIVE = re.compile(r"'s?\b")


def find_entities(normalized: str, base: FactBase) -> dict[str, tuple[str, ...]]:
    """Names and aliases that occur as whole words in the question, longest first, with the
    entities each can mean (a surname may name people of several articles)."""
    padded = " " + _POSSESSIVE.sub("", normalized) + " "
    found: dict[str, tuple[str, ...]] = {}
    by_first = base.lexicon.aliases_by_first_word
    maybe = sorted({pair for w in set(padded.split()) for pair in by_first.get(w, ())}, key=lambda p: -len(p[0]))
    for alias, ids in maybe:
        if f" {alias} " in padded:
            found[alias] = ids
            padded = padded.replace(f" {alias} ", " | ")
    return found


def roles_named(terms: tuple[str, ...], normalized: str, base: FactBase) -> list[tuple[frozenset[str], frozenset[str]]]:
    """People the question names by their role ("the Polish PM", "the senator"): roles whose terms
    the question all has; a one-word role only after "the" or a possessive ("the mayor")."""
    have = set(terms)
    out: list[tuple[frozenset[str], frozenset[str]]] = []
    # The longest roles first: "the turkish president" names Erdogan, not every president as well.
    roles = sorted({(r_terms, tuple(ids)) for t in terms for r_terms, ids in base.lexicon.roles_by_term.get(t, ())},
                   key=lambda r: (-len(r[0]), sorted(r[0])))
    for r_terms, ids in roles:
        if not r_terms <= have or any(r_terms <= o for o, _ in out) or len(ids) > MAX_ROLE_HOLDERS:
            continue  # "the president" of a base with a hundred presidents names nobody in particular
        word = next(iter(r_terms)) if len(r_terms) == 1 else ""  # a one-word role: only as "the <role>"
        named_as_role = rf"\b(?:the|a|an|its|his|her|their|\w+'s?) (?:\w+ )?{re.escape(word)}\w*"
        if word and not re.search(named_as_role, normalized):
            continue
        out.append((r_terms, frozenset(ids)))
    return out
