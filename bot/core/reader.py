"""The reader: the short answer of the asked kind, cut from a retrieved fact.

A curated fact carries short answers per question type; the reader offers the one the question
type wants. It also reads the fact's sentence itself (for a distilled fact, the only reading):
a typed span (see ``spans``) for the kind of answer wanted: a name for who (the actor of the
verb asked about, or the one it acts on), a date or year for when, a place for where, a number
and its noun for how many, a sum for how much, the reason clause for why, the quotation for
what-did-X-say, the speaker for who-said, a person's title or apposition for who-is, the
phrase around the noun of "which <noun>", the deciding clause of a yes/no question. Where no
typed span is found it answers with the shortest clause that holds what was asked. Every answer
is a verbatim span of the source or a curated answer: nothing is stemmed or re-inflected (a span
is trimmed to its short answer in ``tidy``).

The decider chooses among the readings, weighing how each was found.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from bot.core import clauses, patients, proper, shapes, spans, typed
from bot.core.extract import split_sentences
from bot.core.factbase import Entry, FactBase
from bot.core.hits import Hit, distance, echo, gap, hits_in
from bot.core.mentions import find_entities
from bot.core.questions import ANSWER_CHAIN, Question
from bot.core.spans import Span
from bot.core.text import normalize
from bot.core.tidy import tidy

MAX_WORDS = clauses.MAX_WORDS
MAX_QUOTE_WORDS = 30
MAX_REASON_WORDS = 18  # a reason is a clause: "the authority was required to confirm the result with a second test"
# A curated who the question already words by half or more ("some congress members say who
# submitted it?" of "several US Congress members") is who reported it: the sentence is read too.
REPORTER_ECHO = 0.5
_WHO = frozenset({"agent", "patient"})
ANCHOR_CHARS = 40  # 15 to 80 gave the same out of fold (ranker top 1 right 77.1%, was 76.2% with a 60-char cut)
# A right answer sits among the words asked about; a near miss's typed span often sits by other
# words of the sentence. Weighed by the ranker and the decider, out of fold on 49 sets, a window
# of 25 characters either side lifted the right answers at 97% declined from 49.1% to 50.4%
# (40: 50.2%, 60: 50.0%). A curated answer is looked for in its sentence (0.5 when not there).
LOCAL_CHARS = 25
# How much of an appositive description ("Kellaton, the valley's largest town") the question must
# already say for the name it describes to be the answer instead.
ECHOED_DESCRIPTION = 0.5
_NAMED_BEFORE = re.compile(r"\b([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}),\s*$")
_DESCRIBED = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
OPEN_WANTS = frozenset({"thing", "focus", "quote", "manner", "reason", "clause"})
_CHECK = {"year": spans.YEAR, "count": re.compile(r"\d|\b(?:" + "|".join(spans.NUMBER_WORDS) + r")\b"),
          "amount": re.compile(r"\d|\b(?:half|third|quarter|" + "|".join(spans.NUMBER_WORDS) + r")\b")}


class Reading(NamedTuple):  # a tuple: quicker to make than a frozen dataclass, several per question
    """A short answer and how it was found."""

    answer: str | None
    source: str  # "curated", "curated_alt", "typed", "clause" or "none"
    typed: float  # how surely it is the asked kind: 1 curated or found where the question points; 0.3 a clause
    anchored: float  # 1 when the span sits beside what the question asked about, less the farther it is
    echo: float  # share of the answer's terms the question already has
    near: float | None = None  # known weight of the question's words, names aside, within LOCAL_CHARS of the span
    # (None: the span is not in the sentence, as a curated answer the sentence words otherwise)


_OBJECT_ASKED = re.compile(r"^(?:which|what) (?:[\w'-]+ ){1,3}(?:did|does|do|will|would|has|have|had|can|could|should)"
                           r" ")
NONE = Reading(None, "none", 0.0, 0.0, 1.0)
_PASSIVE_ASKED = re.compile(r"^(?:which|what) (?:[\w'-]+ ){1,3}(?:was|were|is|are|has been|have been|had been|got|"
                            r"get|gets) (?:[a-z]+ed|chosen|picked|given|taken|hit|hurt|sent|paid|built|sold|won|"
                            r"beaten)\b")


def read_text(question: Question, entry: Entry, text: str, base: FactBase) -> Reading:
    """A typed span of ``text`` for the question, else its shortest relevant clause."""
    hits = hits_in(question, text, base)
    want = question.want
    found: typed.Found = None
    if want == "speaker":
        found = typed.speaker(question, entry, text, hits, base)
    elif want == "description":
        found = typed.describe(question, text, base)
    elif want == "agent" and _PASSIVE_ASKED.match(question.normalized):
        # "which salvage company was hired?": the one acted on ("Greyhaven has hired Norcastle Salvage")
        found = patients.patient(question, text, hits, base) or typed.agent(question, text, hits, base)
    elif want in typed.FINDERS:
        found = typed.FINDERS[want](question, text, hits, base)
        if found is None and want == "agent" and re.match(r"(?:He|She)\b", text) and entry.fact.entities:
            person = base.entities.get(entry.fact.entities[0])  # whom the pronoun stands for
            found = (person.name, 0.7) if person is not None and person.kind == "person" else None
        if found is None and want == "focus" and question.qtype in ("which", "who"):
            # With the noun asked about not in the sentence, the name that fills its place: "which
            # company built it?" its actor, "which drug did the agency turn down?" what it acted on.
            acted_on = _OBJECT_ASKED.match(question.normalized)
            found = (patients.patient if acted_on else typed.agent)(question, text, hits, base)
            found = (found[0], found[1] * 0.6) if found else None
    if found is not None:
        where, strength = found
        if not isinstance(where, str) and _about_another(question, text, where, base):
            strength *= 0.5
        if want not in ("date", "year") and any(y not in text for y in _years(question.normalized)):
            strength *= YEAR_ELSEWHERE  # "turnout in 2021?": the sentence telling 2021's, not this year's
        elif want in ("count", "amount") and _place_elsewhere(question, text, base):
            strength *= YEAR_ELSEWHERE  # "how many jobs are cut in Cork?": not the sentence without Cork
        if want == "date" and not isinstance(where, str) and _AHEAD_ASKED.match(question.normalized) and \
                _before_the_article(text[where[0]:where[1]], entry, base):
            strength *= PAST_FOR_AHEAD  # "when does the strike end?" is not answered by "ended a 2019 strike"
        elif not isinstance(where, str) and _then_for_now(question, text, where, entry, base):
            strength *= PAST_FOR_AHEAD
        elif want in ("date", "year") and not isinstance(where, str) and _EARLIER_ASKED.search(question.normalized) \
                and not _before_the_article(text[where[0]:where[1]], entry, base):
            strength *= PAST_FOR_AHEAD  # "when was the last quake this deadly?" is no date of this one
        if want in _NAMED_WANTS and not isinstance(where, str):
            where = proper.with_jurisdiction(text, where)
        limit = MAX_QUOTE_WORDS if want in ("quote", "manner") else MAX_REASON_WORDS if want == "reason" else MAX_WORDS
        answer = where if isinstance(where, str) else proper.full_name(tidy(text, where, limit), text)
        if want in _NAMED_WANTS and answer:
            answer = proper.fuller_name(answer, _sentences(_paragraph(entry, base) or text))
        if answer:
            # The nearer the words asked about, the surer: half as sure ANCHOR_CHARS characters away.
            anchored = 1.0 if isinstance(where, str) else 1.0 / (1.0 + distance(where, hits) / ANCHOR_CHARS)
            near = None if isinstance(where, str) else _local(question, text, where, hits, base)
            return Reading(answer, "typed", strength, anchored, echo(question, answer, base), near)
    if want == "focus" and question.focus_word in proper.PLACE_KINDS:
        return NONE  # "which volcano erupted?" is answered by a name or not by this sentence
    span = clauses.clause(question, text, hits, base)
    answer = tidy(text, span) if span is not None else ""
    if not answer or span is None:
        return NONE
    named = _NAMED_BEFORE.search(text, 0, span[0])
    if named and _DESCRIBED.match(answer) and echo(question, answer, base) >= ECHOED_DESCRIPTION:
        # "biggest town in the valley?" of "Kellaton, the valley's largest town": the clause that
        # repeats the question describes the name before it, which is the answer
        span, answer = named.span(1), named.group(1)
    return Reading(answer, "clause", 0.3 * (PAST_FOR_AHEAD if _then_for_now(question, text, span, entry, base) else 1),
                   1.0 if hits else 0.0, echo(question, answer, base), _local(question, text, span, hits, base))


# "when does / will / is ...?" asks about now or later: a date in a year before the article's is
# something else that happened (see ``_before_the_article``).
_AHEAD_ASKED = re.compile(r"^when(?:'s| s| is| are| does| do| will)\b")
PAST_FOR_AHEAD = 0.3
# An earlier event of the kind the article reports: its date lies in an earlier year.
_EARLIER_ASKED = re.compile(r"\b(?:last time|previous|the last \w+ (?:this|that|as|so) \w+|last (?:big|major|similar|"
                            r"such)\b|before this\b)")
_NOW_ASKED = re.compile(r"\b(?:this time|now|currently|so far|at the moment|rn)\b")


def _then_for_now(question: Question, text: str, span: Span, entry: Entry, base: FactBase) -> bool:
    """"any deaths this time?" is not answered by "since 2014, when ... a 3-year-old girl died": the
    question asks about now, the words before the answer date it in an earlier year."""
    return bool(_NOW_ASKED.search(question.normalized)) and \
        _before_the_article(text[max(0, span[0] - 80):span[1]], entry, base)


def _before_the_article(answer: str, entry: Entry, base: FactBase) -> bool:
    years = [int(y) for y in _years(answer)]
    return bool(years) and max(years) < base.articles[entry.article_id].meta.date.year


YEAR_ELSEWHERE = 0.7  # how sure a reading is whose sentence lacks a year (or a place) the question names
_IN_PLACE = re.compile(r"\b(?:in|at) ([a-z][\w'-]*(?: [a-z][\w'-]*)?)")


def _place_elsewhere(question: Question, text: str, base: FactBase) -> bool:
    """Whether the question counts something in a place it names ("in Cork") that the sentence
    read does not name."""
    said = base.lexicon.term_set(text)
    for m in _IN_PLACE.finditer(question.normalized):
        terms = base.lexicon.terms(m.group(1))
        ids = {i for t in terms for i in question.alias_terms.get(t, ())}
        if ids and any((e := base.entities.get(i)) is not None and e.kind == "place" for i in ids) and \
                not any(t in said for t in terms if t in question.alias_terms):
            return True
    return False


def _years(text: str) -> list[str]:
    return spans.YEAR.findall(text)


def _local(question: Question, text: str, span: Span, hits: list[Hit], base: FactBase) -> float:
    """``Reading.near``: the weight of the words asked about, names aside, that the text has within
    ``LOCAL_CHARS`` of ``span`` (each word once, by its spelling)."""
    near = {text[h.start:h.end].lower(): h.weight for h in hits if not h.entity and gap(span, h) <= LOCAL_CHARS}
    return sum(near.values())


# "..., since the 2012 Granite Creek Fire, which burned about 31,000 acres": a relative clause tells
# about the name it follows.
_RELATIVE_HEAD = re.compile(r"((?:[A-Z0-9][\w’'.-]*\s+)*[A-Z][\w’'.-]*),\s+(?:which|who|whose)\s[^,;()“”\"]*$")


def _about_another(question: Question, text: str, span: Span, base: FactBase) -> bool:
    """Whether ``span`` is said, in a relative clause, of another name than the one the question
    asks about, while the sentence names that one too."""
    m = _RELATIVE_HEAD.search(text, max(0, span[0] - 120), span[0])
    if m is None or not question.mentions:
        return False
    head, sentence = base.lexicon.term_set(m.group(1)), base.lexicon.term_set(text)
    head_ids = {eid for ids in find_entities(normalize(m.group(1)), base).values() for eid in ids}
    named = [(terms, ids) for terms, ids in question.mentions if terms and terms <= sentence]
    return bool(named) and not any(terms <= head or ids & head_ids for terms, ids in named)


_NAMED_WANTS = frozenset({"agent", "patient", "holder", "speaker", "name"})


@lru_cache(maxsize=16384)
def _sentences(paragraph: str) -> tuple[str, ...]:
    return tuple(split_sentences(paragraph))


def _paragraph(entry: Entry, base: FactBase) -> str | None:
    article = base.articles.get(entry.article_id)
    if article is None or entry.fact.paragraph > len(article.paragraphs):
        return None
    return article.paragraphs[entry.fact.paragraph - 1]


def sentence_of(entry: Entry, base: FactBase) -> str:
    """The sentence of the paragraph that holds a curated fact's evidence (the evidence itself when
    it spans sentences or is not found)."""
    paragraph = _paragraph(entry, base)
    return entry.fact.evidence if paragraph is None else _sentence_holding(paragraph, entry.fact.evidence)


@lru_cache(maxsize=65536)  # facts are read again and again: split their paragraph once
def _sentence_holding(paragraph: str, evidence: str) -> str:
    for sentence in split_sentences(paragraph):
        if evidence[:40] in sentence:
            return sentence
    return evidence


def read_all(question: Question, entries: Iterable[Entry], base: FactBase) -> list[list[Reading]]:
    """``read`` for each of ``entries``; a sentence several of them share is read once."""
    memo: dict[tuple[str, str | None, str | None], Reading] = {}
    return [read(question, entry, base, memo) for entry in entries]


def read(question: Question, entry: Entry, base: FactBase,
         memo: dict[tuple[str, str | None, str | None], Reading] | None = None) -> list[Reading]:
    """The short answers ``entry`` offers ``question``: its curated slot (if any), then its sentence
    read, unless a curated answer of the asked type already answers a question wanting a specific
    kind of answer (a person, a date, a number: what a person who read the article wrote wins).
    ``memo`` keeps sentence readings for one question (see ``read_all``)."""
    fact = entry.fact
    if entry.is_entity and question.want in ("quote", "manner"):
        return []  # "what did the Polish PM say?" is not answered by who he is
    out = []
    # A distilled fact an admin taught a phrasing to offers its slots as a curated fact does.
    if not fact.distilled or len(fact.questions) > 1:
        for rank, key in enumerate(ANSWER_CHAIN[question.qtype]):
            if key in fact.answers:
                answer = fact.answers[key]
                if (check := _CHECK.get(question.want)) is None or check.search(answer):
                    out.append(Reading(answer, "curated" if rank == 0 else "curated_alt", 1.0 if rank == 0 else 0.5,
                                       1.0, echo(question, answer, base),
                                       _curated_local(question, entry, answer, base)))
                break
        if question.focus == "party" and out and not proper.PARTIES.search(out[0].answer or ""):
            out = []  # "which party is X in?" is not answered by a role without a party
        # A curated answer the question already names ("Vindman" for "vindman thinks who drafted
        # it?") is who reported it, not who did it: the sentence is read too.
        if out and out[0].source == "curated" and question.want in _WHO and (
                out[0].echo >= REPORTER_ECHO or _names_only_asked(question, out[0].answer or "", base)):
            out = []
        if entry.is_entity or (out and out[0].source == "curated" and question.want not in OPEN_WANTS
                               and shapes.shape(question, out[0].answer or "") >= 0):
            return out
    text = fact.evidence if fact.distilled else sentence_of(entry, base)
    # Besides the sentence, a reading depends on the fact's speaker and main entity only (the
    # speaker of a quote, the person a pronoun stands for).
    memo_key = (text, fact.speaker, fact.entities[0] if fact.entities else None)
    if memo is None or (reading := memo.get(memo_key)) is None:
        reading = read_text(question, entry, text, base)
        if memo is not None:
            memo[memo_key] = reading
    if reading.answer is not None and all(r.answer != reading.answer for r in out):
        out.append(reading)
    return out


def _names_only_asked(question: Question, answer: str, base: FactBase) -> bool:
    """The curated who names only someone the question names otherwise ("who did the Ukrainian
    president thank?" of a fact whose who is Zelensky): the one asked about, not the one asked for."""
    named = {i for ids in find_entities(normalize(answer), base).values() for i in ids}
    return bool(named) and named <= question.entities


def _curated_local(question: Question, entry: Entry, answer: str, base: FactBase) -> float | None:
    """``Reading.near`` of a curated answer, from the terms around it in its fact's sentence (the
    same for every question: kept once per fact), None when the sentence does not hold it."""
    window = _window(sentence_of(entry, base), answer)
    if window is None:
        return None
    near = base.lexicon.term_set(window)
    alias = question.alias_terms
    return sum([base.weight(t) for t in question.terms if t in near and t not in alias and t in base.idf])


@lru_cache(maxsize=4096)
def _window(text: str, answer: str) -> str | None:
    i = text.find(answer[:30])
    return None if i < 0 else text[max(0, i - LOCAL_CHARS):i + len(answer) + LOCAL_CHARS]
