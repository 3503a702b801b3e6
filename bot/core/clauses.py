"""The clause that answers when no typed span does: what the question's verb acts on, the clause
that decides a yes/no question, or the shortest clause holding the rarest word asked about."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.clauseends import clause_after
from bot.core.factbase import FactBase
from bot.core.hits import Hit, content_hits, echo
from bot.core.questions import Question
from bot.core.spans import Span

MAX_WORDS = 12  # the longest short answer, in words (a longer span is cut and marked "…")

CLAUSE = re.compile(r"(?:[^,;:()—.]|\.(?!(?<=[a-z]{3}\.)\s+[“\"‘]?[A-Z])|,(?=\d{3})|(?<=\d):(?=\d\d))+")  # nor "11:40"
_NON_SPACE = re.compile(r"\S+")


def clause(question: Question, text: str, hits: list[Hit], base: FactBase) -> Span | None:
    """The words after the last word asked about, or the shortest clause holding the rarest one."""
    content = content_hits(hits) or hits
    if not content:
        return None
    if question.want in ("thing", "focus", "reason"):
        # What the question's verb acts on comes first ("what did she pay?": "paid 189 euros for ..."),
        # then the words after the last word asked about.
        for h in sorted(content, key=lambda h: (not h.verb, -h.start)):
            after = clause_after(text, h.end, MAX_WORDS)
            span = _object(question, text, after, base)
            if len(text[span[0]:span[1]].split()) >= (1 if span != after else 2) and \
                    echo(question, text[span[0]:span[1]], base) < 0.5 and not _ATTRIBUTION.match(text, *span):
                return span
    if question.want == "clause":  # yes/no: the clause holding the most of what was asked
        clauses = [(s, e) for s, e in _clauses(text) if text[s:e].strip()]
        # (", regional fire chief Helen Sorensen said." only says who said it)
        clauses = [c for c in clauses if not _SAID_BY.match(text, *c)] or clauses
        # Of those holding something asked: the one naming what the question is about ("did Meridian's
        # shares rise?" is decided by "while Meridian's stock fell 3.4 percent", not by the other
        # company's rise before it), then one that says something ("The two-person crew, an engineer
        # and a conductor, were not hurt": "were not hurt", not the subject before the apposition).
        # Then the one naming the question's subject ("did any firefighters get hurt?": "although two
        # firefighters were treated", not "No residents were injured").
        named = [h for h in hits if h.entity]
        subject = _subject_terms(question, base)
        read, index = base.lexicon.words_of(text), base.lexicon.word_index(text)
        starts = {read[i][0] for t in subject for i in index.get(t, ())}
        about = [h for h in content if h.start in starts]

        def names(c: Span, asked: list[Hit]) -> bool:
            # "Hungary did not sign ..., but it did not block the aid": "it" names it too, as "who" does
            # in "Feltz, who had partially confessed, wiped his eyes"
            return any(c[0] <= h.start < c[1] for h in asked) or \
                (any(h.start < c[0] for h in asked) and bool(_PRONOUN_START.match(text, c[0])))

        def weight(c: Span) -> float:
            return sum(h.weight for h in content if c[0] <= h.start < c[1])

        heaviest = max((weight(c) for c in clauses), default=0.0)

        def deciding(c: Span) -> tuple[bool, bool, bool, bool, float, int]:
            w = weight(c)
            # the subject counts where the clause holds at least half of the most asked of any clause
            # ("Staff are also angry" names the staff but says nothing of being consulted)
            return (names(c, named), w > 0 and bool(_FINITE.search(text[c[0]:c[1]])),
                    any(h.verb and c[0] <= h.start < c[1] for h in content),
                    names(c, about) and w >= 0.5 * heaviest, w, -c[0])

        chosen = _predicate(text, max(clauses, key=deciding), clauses) if clauses else None
        fitted = _fitted(text, chosen, about, content) if chosen else None
        if fitted is not None:
            return fitted
    best = max(content, key=lambda h: h.weight)
    for s, e in _clauses(text):
        if s <= best.start < e:
            words = _word_spans(text[s:e])
            if len(words) > MAX_WORDS:
                pos = next(i for i, w in enumerate(words) if s + w[0] >= best.start)
                lo = max(0, min(pos - 4, len(words) - MAX_WORDS))
                s, e = s + words[lo][0], s + words[min(lo + MAX_WORDS, len(words)) - 1][1]
            return (s, e)
    return None


# ", officials said": who said it, not what was asked
def _said_by(verbs: str, words: str) -> re.Pattern[str]:
    """A clause that is only who said it: a few words, then one of ``verbs`` (and when)."""
    return re.compile(rf"\s*(?:[\w'’.-]+\s+){{{words}}}?(?:{verbs})(?:\s+on\s+\w+)?\s*[.]?\s*$")


_ATTRIBUTION = _said_by("said|says|told reporters|reported|added|stated|confirmed", "0,5")
# (for a yes/no question, not "reported": "No deaths were reported" says what happened)
_SAID_BY = _said_by("said|says|told reporters|added", "1,6")
_YES_NO_SUBJECT = re.compile(r"^(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)\s+"
                             r"(?:(?:any|the|a|an|all|some|its|their)\s+)?([\w'-]+)")


def _subject_terms(question: Question, base: FactBase) -> frozenset[str]:
    """The terms of the first word after a yes/no question's auxiliary: what it asks about."""
    m = _YES_NO_SUBJECT.match(question.normalized)
    return frozenset(base.lexicon.terms(m.group(1))) if m else frozenset()


_PRONOUN_START = re.compile(r"\s*(?:(?:but|and|while|although|though|yet)\s+)?"
                            r"(?:(?:adding|saying|insisting|noting|arguing)(?:\s+that)?\s+)?(?:it|he|she|they|who)\b")
_COUNT_WORD = re.compile(r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|all|no|the)"
                         r"\s+$",
                         re.IGNORECASE)


def _predicate(text: str, span: Span, clauses: list[Span]) -> Span:
    """A subject set off by an apposition says nothing itself: "The annual poultry show, due to take
    place on November 22, has been cancelled" is decided by "has been cancelled", the first later
    clause of the sentence that starts with its verb."""
    if _FINITE.search(text, *span):
        return span
    for start, end in clauses:
        if start < span[1]:
            continue
        if re.search(r"[.!?]", text[span[1]:start]):
            break  # another sentence
        if _VERB_START.match(text, start):
            return start, end
    return span


_VERB_START = re.compile(r"\s*(?:has|have|had|is|are|was|were|will|would|can|could|did|does|do|has not|have not|"
                         r"said|says|told|[a-z]{3,}ed)\b")


def _fitted(text: str, span: Span, about: list[Hit], content: Sequence[Hit]) -> Span | None:
    """A deciding clause of at most ``MAX_WORDS`` words: too long, it starts at its subject ("two
    firefighters were treated ..."), else at its verb ("will stay closed on Monday and Tuesday"),
    where what decides is said."""
    start, end = span
    verb = _FINITE.search(text, start, end)
    starts = [start]
    subject = [h.start for h in about if start <= h.start < (verb.start() if verb else end)]
    if subject:
        m = _COUNT_WORD.search(text, start, subject[0])  # with its count or article: "two firefighters"
        starts.append(m.start() if m else subject[0])
    if verb:
        starts.append(verb.start())
    fitting = next(((s, end) for s in starts if len(text[s:end].split()) <= MAX_WORDS), None)
    if fitting is None and (negation := _NEGATION.search(text, start, end)) is not None:
        # too long even from its verb: a negation decides ("the request had not been approved by ...")
        words = list(re.finditer(r"\S+", text[start:negation.start()]))
        i = len(words)  # back to its subject: two words, with their article, not past "but", "and" ...
        while i > 0 and len(words) - i < 2 + (words[i - 1].group(0).lower() in _DETERMINERS) and \
                words[i - 1].group(0).lower() not in _JOINERS:
            i -= 1
        return clause_after(text, start + words[i].start() if i < len(words) else negation.start(), MAX_WORDS)
    inside = [h for h in content if start <= h.start < end]
    if fitting is None and inside:
        # or, with no negation, from the last verb whose words reach the heaviest word asked ("turned
        # down a request from airlines to waive…", "would pay all clean-up and salvage costs")
        heaviest = max(inside, key=lambda h: h.weight)
        for v in reversed([m for m in _FINITE.finditer(text, start, end) if not _REPORTING.match(text, m.start())]):
            window = clause_after(text, v.start(), MAX_WORDS)
            if window[0] <= heaviest.start < window[1]:
                return window
    return fitting


_REPORTING = re.compile(r"(?:said|says|told|added|confirmed|stated|testified|described|reported|noted|wrote)\b")


_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_JOINERS = frozenset("but and or while although though yet so that which who because said says told added".split())
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|nobody|none|neither)\b|n[’']t\b")


_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does|do|not|no|never|"
                     r"says|said|[a-z]{2,}ed)\b")
_PHRASE = re.compile(r"\s(?:on|in|at|for|from|to|with|by|during|after|before|over|under|near|of)\s")


def _object(question: Question, text: str, span: Span, base: FactBase) -> Span:
    """What the verb acts on, without the phrase the question already has ("struck a substation
    *on the city's northern outskirts*" for "what was hit on the northern outskirts?"), and with
    what a short clause's colon announces ("secured a concession: an extra 600 million euros")."""
    start, end = span
    if end < len(text) and text[end] == ":" and len(text[start:end].split()) <= 4:
        return clause_after(text, end + 1, MAX_WORDS)
    for m in _PHRASE.finditer(text, start, end):
        if len(text[start:m.start()].split()) >= 1 and echo(question, text[m.start():end], base) >= 0.5:
            return start, m.start()
    return span


@lru_cache(maxsize=32768)  # the sentences of the facts, read again and again
def _clauses(text: str) -> tuple[Span, ...]:
    return tuple((m.start(), m.end()) for m in CLAUSE.finditer(text))


@lru_cache(maxsize=32768)
def _word_spans(text: str) -> tuple[Span, ...]:
    return tuple((m.start(), m.end()) for m in _NON_SPACE.finditer(text))
