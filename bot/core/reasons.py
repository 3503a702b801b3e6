"""Clauses giving a cause or purpose ("because a shortage of membranes delayed deliveries", "in a
bid to cope with a shortage of teachers"), and the markers that may tell only when, or what
someone said."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core.clauseends import clause_after
from bot.core.spans import Span

REASON = re.compile(r"\b(?:because(?: of)?|due to|owing to|as a result of|caused by|thanks to|after|when|"
                    r"blamed (?:\w+ )?on|attributed (?:\w+ )?to|"  # "which Vallejo blamed on a software fault"
                    r"blames|blamed(?! (?:\w+ )?on\b)|reflected|(?:driven|triggered|prompted|fuelled|fueled) by|"
                    r"so that|in order to|to make up for|for fear of|citing|blaming|amid|over concerns?|"
                    r"arguing(?: that)?|saying(?: that)?|claiming(?: that)?|insisting(?: that)?|"
                    r"for(?= \w+ing\b))\b", re.IGNORECASE)  # "criticised the authority for waiting ..."
# Markers that may only tell when, or what someone said: a reason only when no plainer one is there.
WEAK_REASON = re.compile(r"(?:after|when|arguing|saying|claiming|insisting)\b", re.IGNORECASE)
PURPOSE = re.compile(r"\b(?:in order to|so as to|to) (?!be\b|the\b|a\b|an\b|this\b|that\b|its\b|his\b|her\b|their\b)"
                     r"[a-z]+")


@lru_cache(maxsize=32768)
def reasons(text: str) -> tuple[Span, ...]:
    """Clauses giving a cause or purpose: "because a shortage of membranes delayed deliveries"."""
    out = []
    for m in REASON.finditer(text):
        out.append((m.start(), clause_after(text, m.end(), 14)[1]))
    for m in PURPOSE.finditer(text):
        if not _MADE_TO.search(text, max(0, m.start() - 60), m.start()) and \
                not _COMPLEMENT_TO.search(text, max(0, m.start() - 40), m.start()):
            out.append((m.start(), clause_after(text, m.end(), 12)[1]))
    return tuple(out)


# "which appeared to shut down early", "plans to appeal": what a verb's infinitive completes is no purpose
_COMPLEMENT_TO = re.compile(r"\b(?:appear|seem|expect|likely|unlikely|going|has|have|had|used|able|unable|due|about|"
                            r"need|want|plan|decide|decided|agree|refuse|fail|tend|tri|try|hope|wish|continu|began|"
                            r"begin|start|set|prepared|ready|willing|allowed|vowed|promised)\w*\s+$", re.IGNORECASE)
# "forcing staff to postpone 12 operations": what a cause made someone do, its effect, no purpose
_MADE_TO = re.compile(r"\b(?:forc|caus|prompt|compell?|oblig)\w*\s+(?:[\w'’-]+\s+){1,3}$", re.IGNORECASE)
