"""What a thing was: a vote's tally ("5-2"), the figure a thing stood at ("Public debt stood at
88.4 percent of GDP"), or what follows the verb asked ("what does Quillfort make?": "a maker of
cybersecurity software").

Like the other finders (``typed``), it returns a span of the text and how surely it is the
answer asked for.
"""
from __future__ import annotations

import re

from bot.core import clauses, spans
from bot.core.actors import Found
from bot.core.clauseends import clause_after
from bot.core.counts import counts
from bot.core.factbase import FactBase
from bot.core.hits import Hit, closest, echo
from bot.core.questions import Question

_TALLY_WORDS = frozenset("vote votes tally score scoreline".split())


def thing(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """"What was the board's vote?": its tally ("5-2"), when the question asks about a vote;
    "what was public debt?": the figure the thing asked about stood at ("Public debt stood at 88.4
    percent of GDP", "chlorine levels of up to 4 parts per million")."""
    if not question.words.isdisjoint(_TALLY_WORDS):
        nearest = closest(list(spans.tallies(text)), hits, text)
        return (nearest, 1.0) if nearest else None
    figures = [*spans.amounts(text), *(w for w, _ in counts(text))]
    stood = []
    for h in hits:
        link = None if h.entity else _STOOD_AT.match(text, h.end)
        at = [f for f in figures if link and f[0] == link.end()]
        if at:
            start, end = max(at, key=lambda f: f[1])
            rate = _RATE.match(text, end)  # "one extra case for every 8,000 people"
            stood.append((start, rate.end() if rate else end))
    nearest = closest(stood, hits, text)  # of two, the one the other words asked about sit by
    if nearest:
        return nearest, 1.0
    # "what does Quillfort make?": what follows the verb asked ("a maker of cybersecurity software")
    # (a verb as written: not a name, nor a doer before a name, "software maker Quillfort")
    verb = next((h for h in hits if h.verb and text[h.start].islower() and
                 (not re.search(r"(?:er|or)s?$", text[h.start:h.end]) or text.startswith(" of ", h.end))), None)
    if verb is not None and question.normalized.startswith(("what did ", "what does ", "what do ", "what will ")):
        after = _OBJECT_START.match(text, verb.end)
        if after and after.end() < len(text) - 3:
            said = clauses.clause(question, text, hits, base)
            if said is not None and said[0] >= verb.end and ":" in text[verb.end:said[0]]:
                return None  # what the colon after the verb announces ("secured one concession: an extra ...")
            start, end = clause_after(text, after.end(), 8)
            # ... up to the words the question already has: "corrosion [in three of its main support cables]"
            cut = _PREP_BEFORE.search(text, start, end)
            if cut and cut.start() > start and echo(question, text[cut.end():end], base) >= 0.5:
                end = cut.start()
            return (start, end), 0.6
    return None


_PREP_BEFORE = re.compile(r"\s+(?:in|on|at|of|for|from|with|to)\b")
# What may stand between a verb and its object: "a maker *of* ...", "looked *at* ...", "wants *the*".
_OBJECT_START = re.compile(r"(?:s|ed|ing)?\s+(?:(?:of|at|for|into|on|to|about)\s+)?(?=[\w$€£“\"])")
_RATE = re.compile(rf"\s+(?:for every|in every|out of every|per|in|out of)\s+{spans.NUMBER_RE}(?:\s+[a-z]+)?")
# How a text gives the figure a thing stands at: "debt stood at", "levels of up to", "rate was".
_STOOD_AT = re.compile(r"\s+(?:stood at|was|were|is|are|reached|hit|totall?ed|came to|amounted to|rose to|fell to|"
                       r"climbed to|dropped to|of)\s+(?:up to\s+)?")
