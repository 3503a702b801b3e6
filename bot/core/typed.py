"""Typed span finders: the span of a sentence that answers a question of a given kind.

Each finder takes the question, the text and the hits (the words of the text the question
asked about) and returns the span (character offsets, so the answer is verbatim) with a
strength: 1.0 when it is found where the question points (the agent right before the verb
asked about, a count of the noun asked about, a place after "the city of"), lower when only a
span of the right kind is found elsewhere in the sentence. The reader and decider weigh it.

``FINDERS`` maps each kind to its finder: people in ``actors`` and ``patients``, times in
``moments``, figures in ``figures`` and ``things``, places in ``places``; the finders of
reasons, quotations, the noun of "which <noun>", names, means and conditions are here.
"""
from __future__ import annotations

import re

from bot.core import proper, spans
from bot.core.actors import Found, agent, holder, speaker
from bot.core.clauseends import clause_after
from bot.core.clauses import MAX_WORDS
from bot.core.descriptions import describe
from bot.core.factbase import FactBase
from bot.core.figures import number
from bot.core.hits import Hit, anchor_hit, answer_names, closest, distance, echo, fresh
from bot.core.moments import when
from bot.core.nounphrases import focus_words, modified_from
from bot.core.patients import patient
from bot.core.places import where
from bot.core.questions import Question
from bot.core.reasons import REASON, WEAK_REASON, reasons
from bot.core.saying import SAID
from bot.core.spans import Span
from bot.core.text import STOPWORDS
from bot.core.things import thing
from bot.core.titles import APPOSITION

__all__ = ["FINDERS", "Found", "agent", "describe", "speaker"]


def reason(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = fresh(question, text, list(reasons(text)), base)
    anchor = anchor_hit(hits)
    if question.normalized.endswith(" for") and anchor is not None:  # "what did he thank them for?"
        for_ = re.search(r"\bfor\s+", text[anchor.end:])
        if for_:
            return clause_after(text, anchor.end + for_.end(), 12), 1.0
    if (cause := _cause_before(text, hits)) is not None:
        return cause, 1.0
    plain = [s for s in found if REASON.match(text, s[0]) and not WEAK_REASON.match(text, s[0])]
    for kind in (plain, found):  # "collapsed amid accusations" rather than "agreed after U.S. mediation"
        later = [s for s in kind if anchor and s[0] >= anchor.start]
        if later:
            return later[0], 1.0
    return ((plain or found)[0], 0.7) if found else None


# "before higher steel prices ... pushed up the cost": what a causing verb's subject did to what was asked
_CAUSING = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )"
                      r"\b(?:(?:pushed|pushes|drove|drives) up|caused|causes|led to|leads to|forced|forces|triggered|"
                      r"triggers|sparked|sparks|prompted|prompts)\b")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:.“\"]|\b(?:before|after|because|when|while|since|as|that|which|but)\b)\s*")


def _cause_before(text: str, hits: list[Hit]) -> Span | None:
    """The subject of a causing verb whose object holds a word asked about ("why has the cost gone
    up?": "higher steel prices and the addition of the river bridge" of "... pushed up the cost")."""
    for m in _CAUSING.finditer(text):
        if not any(not h.entity and m.end() <= h.start < m.end() + 40 for h in hits):
            continue
        start = max((o.end() for o in _CLAUSE_OPENING.finditer(text, 0, m.start())), default=0)
        if 1 <= len(text[start:m.start()].split()) <= 14:
            return start, m.start() - (1 if text[m.start() - 1:m.start()] == " " else 0)
    return None


# How sure a quotation is when the sentence names another speaker: at 0.4, 18 of 21 such readings
# in our sets were right yet 3 answered; at 0.7, held-out +1 and no more wrong answers in our sets.
ANOTHER_SPEAKER = 0.7


def quote(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The quotation (for "how did X describe it", the nearest short one), else what follows "said";
    less sure when the sentence names another speaker than the one asked about."""
    strength = ANOTHER_SPEAKER if _another_speaker(question, text, hits, base) else 1.0
    found = list(spans.quotes(text))
    if found:
        if question.words & _CALLING:  # "what did the CEO call the approval?": the words after "called"
            called = [s for s in found if _CALLED_BEFORE.search(text, max(0, s[0] - 60), s[0]) or (
                _IS_QUOTED.search(text, max(0, s[0] - 16), s[0]) and
                any(not h.entity and 0 <= s[0] - h.end <= 30 for h in hits))]  # "an appeal would be “a waste”"
            if called:
                return called[0], strength
        if question.want == "manner":
            return min(found, key=lambda s: (s[1] - s[0] > 80, distance(s, hits))), strength
        # the quotation with most words asked about; of equals, the one nearest them ("called the size of
        # the fee rise “difficult to justify”"), then the first (news leads with what says most)
        content = [h for h in hits if not h.entity]
        return max(found, key=lambda s: (sum(1 for h in content if s[0] <= h.start < s[1]),
                                         -distance(s, content) if content else 0, -s[0])), strength
    said = SAID.search(text)
    if said and said.end() < len(text) - 10 and not re.match(r"\s*[.;!?]", text[said.end():]):
        # (not "..., officials said. No deaths were reported": what they said came before)
        return clause_after(text, said.end(), MAX_WORDS), 0.7 * strength
    return None


_IS_QUOTED = re.compile(r"\b(?:is|was|were|are|would be|will be|be)\s+[\"“‘']?$")
_CALLING = frozenset("call calls called calling dub dubbed term termed label labelled labeled".split())
_CALLED_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dubb?(?:s|ed|ing)?|termed|label(?:l?ed)?)\b(?:\s+[\w’'-]+){0,4}?"
                            r"\s*(?:as\s+)?[\"“‘']?$"
                            # "dismissed the European plan as “completely unconstructive”"
                            r"|\b(?:describ|dismiss|brand|characteri[sz]|denounc|hail|prais|slamm?|criticis|criticiz)"
                            r"(?:e|es|ed|ing)?\b(?:\s+[\w’'-]+){0,5}?\s+as\s+[\"“‘']?$")


def _another_speaker(question: Question, text: str, hits: list[Hit], base: FactBase) -> bool:
    """"What did the consortium say?" of a sentence in which Aurelis told investors something."""
    if not question.subject_terms:
        return False
    found = speaker(question, None, text, hits, base)
    if found is None or found[1] < 1.0:
        return False
    who = found[0] if isinstance(found[0], str) else text[found[0][0]:found[0][1]]
    if not isinstance(found[0], str) and (role := APPOSITION.match(text[found[0][1]:])):
        who += " " + role.group(1)  # "said Rosa Delacroix, the union's president": the union boss
    return not set(base.lexicon.terms(who)) & question.subject_terms


def focus(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The phrase around the noun of "which <noun>" (for "what kind of <noun>", with the clause that
    says what kind); a name when the noun is only named nearby."""
    if question.focus_word in _MEASURE_NOUNS:  # "what voltage is the substation?": "the 275-kilovolt substation"
        sized = [(m.start(), m.end()) for m in _SIZED.finditer(text)
                 if any(not h.entity and _MODIFIER_GAP.fullmatch(text[m.end():h.start]) for h in hits)]
        if sized:
            return closest(sized, hits, text), 1.0  # type: ignore[return-value]
    for a, b in focus_words(question, text, base)[:1]:
        start, end = modified_from(text, a), b
        if question.kind_of:
            return (start, clause_after(text, end, MAX_WORDS)[1]), 1.0
        apposed = _apposed(text, a)  # "roxadustat, a banned drug": which drug is roxadustat
        if apposed is not None and echo(question, text[apposed[0]:apposed[1]], base) < 0.75:
            return apposed, 1.0
        tail = re.match(r"(?:\s+\d+[A-Za-z]?\b|(?:\s+[A-Z][\w’'-]*){1,4})?"
                        r"(?:\s+(?:of|for|on|against|from)\s+(?:the\s+)?(?:(?!(?:1[89]|20)\d\d\b)[$€£]?\d[\d,]*(?:\.\d+)?"
                        r"(?:\s+(?:million|billion|thousand))?(?:\s+[a-z]+)?|"
                        r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                        r"[\w’'-]+(?:\s+[A-Z][\w’'-]*)*))?", text[end:])  # "a bonus of 200,000 lari" whole
        if tail and not re.search(r"['’]s?$", tail.group(0)):  # not "six precincts on the city's"
            end += tail.end()
            # "a sentence of seven years and six months": the whole measure the tail begins
            end = next((s[1] for s in spans.durations(text) + spans.amounts(text) if b < s[0] < end < s[1]), end)
        if echo(question, text[start:end], base) < 0.75:
            return (start, end), 1.0
        names = answer_names(question, text, base)
        if question.focus_word in proper.PLACE_KINDS:
            # "which 11 countries ...?" is not answered by "Phase III", "which volcano" by the VMGO
            names = [s for s in names if proper.name_kind(text, s) == "place"]
        named = closest(names, hits, text)
        if named:
            return named, 0.6
        if question.focus_word in proper.PLACE_KINDS:
            return None  # "which volcano?" is answered by a name, not by what follows "volcano"
        return (clause_after(text, b, MAX_WORDS), 0.5) if b < len(text) - 3 else None
    return None


# A measure a sentence gives as a modifier of what it measures: "a 275-kilovolt substation".
_MEASURE_NOUNS = frozenset("voltage capacity size length height depth width weight power range output speed diameter "
                           "area".split())
_SIZED = re.compile(r"\b\d[\d,.]*-(?!year-old\b|old\b)(?:[a-z]+-)*[a-z]+\b")
_MODIFIER_GAP = re.compile(r"\s+(?:[a-z-]+\s+)?")
_APPOSED = re.compile(r",\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+['’]s\s+)?"
                      r"(?:(?!(?:in|on|at|of|for|with|by|to|from|and|or|but|as|is|was|were|are)\s)[a-z][\w-]*\s+){0,3}$")


def _apposed(text: str, noun_start: int) -> Span | None:
    """What a noun phrase set after a comma describes: "Nordlicht Bank, the team's second-largest
    sponsor" -> Nordlicht Bank; "roxadustat, a banned drug" -> roxadustat."""
    m = _APPOSED.search(text[:noun_start])
    if m is None:
        return None
    comma = m.start()
    named = [s for s in proper.names(text) if s[1] == comma]
    if named:
        return named[-1]
    word = re.search(r"\b([a-z][\w-]{3,})$", text[:comma])
    return word.span(1) if word and word.group(1) not in STOPWORDS else None


_MEANS = re.compile(r"\b(?:with|by|through|via|using|thanks to|from|including with|in the form of)\s+")


def means(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """How it is done ("how would the rebuilding be paid for?"): the with/by/through phrase after the
    verb asked about."""
    anchor = anchor_hit(hits)
    start = anchor.end if anchor else 0
    for m in _MEANS.finditer(text, start):
        span = clause_after(text, m.end(), 8)
        if echo(question, text[span[0]:span[1]], base) < 0.5:
            return (m.start(), span[1]), 1.0 if anchor and m.start() - anchor.end < 60 else 0.6
    return None

def name(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The name of what the question names ("the Halcyon-3 satellite", "the satellite, Halcyon-3"),
    else the name nearest the words asked about."""
    named = answer_names(question, text, base)
    nouns = focus_words(question, text, base) if question.focus else []
    for _, b in nouns:  # "a Phase III trial called HALCYON-HF": the name it is called, not its modifier
        called = [s for s in named if 0 <= s[0] - b <= 30 and _CALLED.search(text[b:s[0]])]
        if called:
            return called[0], 1.0
    for a, b in nouns:
        beside = [s for s in named if 0 <= a - s[1] <= 1 or 0 <= s[0] - b <= 2]
        if beside:
            return beside[0], 1.0
    nearest = closest(named, hits, text)
    # With the thing named in the sentence but no name beside it, the nearest name is another's.
    return (nearest, 0.4 if nouns else 0.7) if nearest else None


_CALLED = re.compile(r"\b(?:called|named|dubbed|titled|entitled|code-?named|known as)\s+(?:the\s+)?[“\"‘]?$")
_CONDITION = re.compile(r"\b(?:if|unless|provided(?: that)?|as long as|on condition that|only when|so long as)\s+",
                        re.IGNORECASE)


def condition(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """"Under what condition ...?": the if/unless/as-long-as clause."""
    m = _CONDITION.search(text)
    return ((m.start(), clause_after(text, m.end(), 12)[1]), 1.0) if m else None


FINDERS = {"agent": agent, "patient": patient, "holder": holder, "date": when, "year": when, "duration": when,
           "place": where, "count": number, "amount": number, "reason": reason, "quote": quote, "manner": quote,
           "focus": focus, "name": name, "means": means, "condition": condition, "thing": thing}
