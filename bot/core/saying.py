"""Verbs of saying and the sources a sentence gives: "said", "according to", a pronoun that
said it, and which verb of saying stands nearest the words asked about."""
from __future__ import annotations

import re

from bot.core.hits import Hit

SAID = re.compile(r"\b(?:said|says|say|stated|states|told|tells|wrote|writes|posted|added|warned|argued|noted|"
                   r"claimed|insisted|stressed|announced|declared|explained|believes|believed|thinks|called)\b"
                   r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?(?:\s+(?:\w+\s+){0,3}?that)?")


ACCORDING = re.compile(r"\baccording to ((?:the )?(?:[A-Z][\w’'.-]*(?:'s)?\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                       r"(?=[,.;]|$)")


PRONOUN_SAID = re.compile(r"\b(?:(?:he|she)\s+(?:said|says|added|told|explained|noted|warned|insisted)|"
                          r"(?:said|says|added)\s+(?:he|she))\b")


def nearest_first(verbs: list[re.Match[str]], hits: list[Hit]) -> list[re.Match[str]]:
    """Verbs of saying, the one nearest the words asked about first ("Groups warned that ...
    '... one bad storm away from a catastrophe,' said Dr. Castellan": who said the storm words is
    who said that quotation); in the text's order when the question's words are not found."""
    asked = [h for h in hits if not h.entity]
    if len(verbs) < 2 or not asked:
        return verbs
    total = sum(h.weight for h in asked) or 1.0

    def distance(m: re.Match[str]) -> float:
        return sum(h.weight * min(abs(h.start - m.end()), abs(m.start() - h.end)) for h in asked) / total

    return sorted(verbs, key=distance)
