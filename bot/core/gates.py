"""The gates: what no weighting may let through, before the decider weighs anything.

* a question with no content word the base knows, other than numbers and symbols, is declined
  ("28", "{{7*7}}", "%(name)s");
* a question about someone the base does not know at all is declined ("what did Biden say?",
  "who is Lisa Chen?");
* a reading whose fact and paragraph name none of the entities the question names, or lack a
  number the question names, is not eligible ("what did Putin say about Geneva?" is not
  answered by a sentence about Geneva, nor "what is in point 12?" by the 28-point plan); nor
  is a statement of X's that says nothing of what the question asks X said, nor the holder of
  a role whose stated role lacks part of the one asked about (the prime minister of Japan);
* a reading with no answer is not eligible, nor one plainly not of the asked kind (``shapes``: "a
  Democrat" or the question's own name for who, a percent for a price, a day for how long);
* nor one that names what the question sets aside ("besides the US, who did he thank?").
"""
from __future__ import annotations

import re

from bot.core import shapes
from bot.core.factbase import FactBase
from bot.core.qforms import SAY_WORDS
from bot.core.questions import Question
from bot.core.reader import Reading
from bot.core.scoring import Candidate, Weights
from bot.core.text import stem

# A number the question spells out ("which six precincts") must be in the fact or its paragraph,
# in words or digits, as a number in digits must. ("one" is too often not a number: "which one".)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: str(i) for i, w in
                enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)} | {
                w: str(10 * i) for i, w in enumerate(_TENS, 2)}
_SAY_TERMS = frozenset(stem(w) for w in SAY_WORDS) | {"post", "respond", "announc"}
_SPELLED = {d: stem(w) for w, d in NUMBER_WORDS.items()}  # "50" -> the stem of "fifty"
# What someone said "after the vote", "at the ceremony": the occasion, which the quotation need not name
_WHEN_SAID = re.compile(r"\b(?:say|said|tell|told)\b.*\b(?:after|at|during|before|following|when|while)\b")
_SAID_ABOUT = re.compile(r"\b(?:about|regarding|concerning|of|on)\b")


def _has_number(n: str, context: frozenset[str], terms: frozenset[str]) -> bool:
    spelled = _SPELLED.get(n)
    return n in context or n in terms or (spelled is not None and (spelled in context or spelled in terms))


def answerable(question: Question, w: Weights) -> bool:
    """Gates 1 and 2: some content word the base knows that is not a number or a symbol, and no
    subject the base has never heard of."""
    return any(t.isalpha() and len(t) > 1 for t in w.known) and not question.unknown_subject


def eligible(question: Question, candidate: Candidate, reading: Reading) -> bool:
    """Gates 3 and 4: the fact or its paragraph names an entity the question names and every
    number it names; the fact is about the question's subject (for a quotation, that subject
    is its speaker when it has one); and the reading holds an answer that is not plainly of
    another kind than the one asked."""
    context, terms = candidate.entry.context, candidate.entry.terms
    spelled = () if question.words.isdisjoint(NUMBER_WORDS) else NUMBER_WORDS.items()
    return (candidate.entity > 0 and reading.answer is not None and subject_fit(question, candidate) > 0
            and all(_has_number(n, context, terms) for n in question.terms if n.isdigit())
            and all(any(x in context or x in terms for x in (stem(w), d)) for w, d in spelled if w in question.words)
            and on_topic(question, candidate) and shapes.shape(question, reading.answer) >= 0)


_NAMED = re.compile(r"(?:the\s+)?[A-Z]")
_CONJUNCTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def set_aside(question: Question, reading: Reading, base: FactBase) -> Reading | None:
    """Gate 5: the reading without what the question sets aside, or None when that is all it names
    ("besides Trump, who must finalize it?": "President Zelensky" of "President Trump and President
    Zelensky"; "besides the US, who did Zelensky thank?" is not "the United States")."""
    answer = reading.answer or ""
    if not question.excluded or not question.excluded & base.lexicon.term_set(answer):
        return reading
    cuts = [0, *(i for m in _CONJUNCTS.finditer(answer) for i in m.span()), len(answer)]
    parts = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a]
    kept = [(a, b) for a, b in parts if not question.excluded & base.lexicon.term_set(answer[a:b])]
    # (only a list of names is cut: not "updated and improved")
    if not kept or not all(_NAMED.match(answer, a) for a, _ in parts):
        return None
    whole = answer[kept[0][0]:kept[-1][1]]  # the conjuncts kept, or the first when one set aside is between
    return reading._replace(answer=answer[kept[0][0]:kept[0][1]] if question.excluded & base.lexicon.term_set(whole)
                            else whole)


def on_topic(question: Question, candidate: Candidate) -> bool:
    """"What did Vindman say about the deadline?" needs a statement of Vindman's about the deadline;
    "who is the prime minister of Japan?" a person whose stated role (or article) has every word of it."""
    entry = candidate.entry
    if question.want in ("quote", "manner") and question.subject:
        if _WHEN_SAID.search(question.normalized) and not _SAID_ABOUT.search(question.normalized):
            return True  # "what did the mayor say after the vote?": when, not what about
        # (the verb of saying is no topic: "what did Brandl warn about?" asks what he warned of)
        topic = [t for t in question.terms if t not in question.alias_terms and t not in question.subject_terms
                 and t not in _SAY_TERMS]
        return not topic or any(entry.knows(t) for t in topic)
    if question.want == "holder" and entry.is_entity:
        return all(entry.knows(t) or question.alias_terms.get(t, frozenset()) & entry.entity_ids
                   for t in question.terms)
    return True


def slot_topic(question: Question, candidate: Candidate) -> float:
    """A curated phrasing of the asked type shares a word with the question (1), none does (0), or
    the fact has no phrasing of that type (0.5)."""
    entry = candidate.entry
    same = None if entry.fact.distilled else entry.terms_by_type.get(question.qtype)
    if same is None:
        return 0.5
    return 1.0 if any(t in same for t in question.terms) else 0.0


def subject_fit(question: Question, candidate: Candidate) -> float:
    """The question's subject is the fact's main entity (1), one of them (0.5 for yes/no), not one
    (0), or the question names none (0.5)."""
    if not question.subject:
        return 0.5
    entry = candidate.entry
    if question.want in ("quote", "manner") and entry.fact.speaker:
        # "What did Macron say?" is not answered by what Zelensky said after meeting Macron.
        return 1.0 if question.subject & entry.speakers else 0.0
    if not question.subject & entry.entity_ids:
        # "the AICF secretary": a fact about whoever the question's role names ("Its secretary,
        # Sunita Rao") may not name the body again
        if question.want != "holder":
            return 0.0
        named = {i for t, ids in question.alias_terms.items() if t not in question.subject_terms or
                 not ids & question.subject for i in ids} - question.subject
        return 0.5 if named & entry.entity_ids else 0.0
    # "Is Russia a NATO member?" is about Russia: better when the fact is mainly about it.
    main = entry.fact.entities[:1]
    return 1.0 if question.qtype != "yes_no" or not main or main[0] in question.subject else 0.5
