"""What a sentence says a person is (who-is questions): the apposition after the name, a party
in brackets, or the title before it."""
from __future__ import annotations

import re

from bot.core import proper, titles
from bot.core.actors import Found
from bot.core.factbase import FactBase
from bot.core.proper import PARTIES
from bot.core.questions import Question
from bot.core.saying import SAID


def describe(question: Question, text: str, base: FactBase) -> Found:
    """What the text says a person is: an apposition, a relative clause, a party, or a title;
    for "which party", only a party."""
    for s in proper.names(text):
        if not question.subject_terms & set(base.lexicon.terms(text[s[0]:s[1]])):
            continue
        if question.focus == "party":
            near = [p for p in PARTIES.finditer(text) if abs(p.start() - s[1]) < 40 or abs(s[0] - p.end()) < 40]
            return ((near[0].start(), near[0].end()), 1.0) if near else None
        at = s[1]
        m = titles.APPOSITION.match(text[at:])
        if m and re.fullmatch(r"\s*\d{1,3}", m.group(1)):  # "Greta Holm, 34, a teacher from ...": past the age
            at += m.end(1)
            m = titles.APPOSITION.match(text[at:])
        if m and not SAID.match(m.group(1)):
            return (at + m.start(1), at + m.end(1)), 1.0
        party = re.match(r"\s*\(([^)]{2,40})\)", text[s[1]:])
        if party:
            return (s[1] + party.start(1), s[1] + party.end(1)), 1.0
        lead = titles.lead(text, s[0], base)
        titled = [w for w in text[s[0]:s[1]].split() if w in proper.TITLE_WORDS]
        if titled:
            start = text.index(titled[0], s[0])
            return (lead[0] if lead else start, text.index(titled[-1], start) + len(titled[-1])), 1.0
        if lead:
            return lead, 0.8
    return None
