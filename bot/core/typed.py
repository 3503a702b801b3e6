"""Typed span finders: the span of a sentence that answers a question of a given kind.

Each finder takes the question, the text and the hits (the words of the text the question
asked about) and returns the span (character offsets, so the answer is verbatim) with a
strength: 1.0 when it is found where the question points (the agent right before the verb
asked about, a count of the noun asked about, a place after "the city of"), lower when only a
span of the right kind is found elsewhere in the sentence. The reader and decider weigh it.
"""
from __future__ import annotations

import re

from bot.core import spans
from bot.core.actors import (
    SAID,
    Found,
    agent,
    describe,
    focus_words,
    holder,
    modified_from,
    patient,
    speaker,
)
from bot.core.clauses import MAX_WORDS
from bot.core.factbase import FactBase
from bot.core.hits import Hit, anchor_hit, answer_names, closest, distance, echo, fresh
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import STOPWORDS

__all__ = ["FINDERS", "Found", "agent", "describe", "speaker"]

# Nouns of "what share / percentage ..." that ask for a percent, not a sum.
_SHARE_WORDS = frozenset({"percentage", "percent", "share", "proportion", "fraction", "rate"})
# How near the figure must follow the name asked about ("Finland with 85"), and the place the verb
# asked about ("shifted it to its plant at Kessford"), in characters.
_BESIDE_CHARS = 60
_PLACED_CHARS = 50
_ACTED_CHARS = 12  # a sum right after the word asked about: "throwing out $3.9 million"

# Words of a question that ask for money rather than a count.
_MONEY_WORDS = frozenset({"cost", "pay", "price", "worth", "spend", "fund", "loan", "money", "budget", "fee", "bill",
                          "salary", "invest", "raise", "dollar", "euro", "pound", "grant", "bond", "estimat"})

# A change "from X to Y" (or "Y, up from X"): the question asks for the value before it only when it
# says so ("what was the old budget?"); otherwise the value now.
_FROM = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell|trimmed|cut|raised|increased|reduced)\s+)?from\s+"
                   r"(?:about |around |roughly |some |nearly |almost )?$")
_BEFORE_WORDS = frozenset({"before", "previous", "previously", "old", "original", "originally", "earlier", "former",
                           "formerly", "prior", "initial", "initially", "first"})


def _as_asked(question: Question, text: str, found: list[Span]) -> list[Span]:
    """Of the numbers in ``found``, the new values of a change, or the old ones when the question
    asks about before (see ``_FROM``); all of them when the text states no change."""
    old = [s for s in found if _FROM.search(text[max(0, s[0] - 40):s[0]])]
    if not old or len(old) == len(found):
        return found
    if question.words & _BEFORE_WORDS:
        return old
    return [s for s in found if s not in old]


# "from 4.8 percent of gross domestic product this year to 3.9 percent": a few words may come between
_TO_VALUE = re.compile(rf"(?:\s+[^.;,\d]{{1,50}}?)?\s+to\s+(?:an?\s+)?({spans.NUMBER_RE}(?:-[a-z]+)?)")


def _new_value(question: Question, text: str, span: Span) -> Span:
    """"trimmed from 28 points to 20": the 20, unless the question asks about before."""
    if question.words & _BEFORE_WORDS or not _FROM.search(text[max(0, span[0] - 40):span[0]]):
        return span
    to = _TO_VALUE.match(text, span[1])
    if not to:
        return span
    whole = [s for s in (*spans.amounts(text), *(w for w, _ in spans.counts(text))) if s[0] == to.start(1)]
    return max(whole, key=lambda s: s[1]) if whole else (to.start(1), to.end(1))  # "3.9 percent", not "3.9"


def when(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = fresh(question, text, list(spans.dates(text)), base)
    if question.want == "year":
        years = [s for s in found if spans.YEAR.search(text[s[0]:s[1]])]
        nearest = closest(years, hits, text)
        return (nearest, 1.0) if nearest else ((found[0], 0.4) if found else None)
    if question.want == "duration":
        if spans.HOW_OFTEN.search(question.normalized):
            often = closest(fresh(question, text, list(spans.frequencies(text)), base), hits, text)
            return (often, 1.0) if often else None
        lengths = fresh(question, text, list(spans.durations(text)), base)
        if lengths:
            # "two years of data" measures the data: how long something lasted only failing another
            lasting = [s for s in lengths if not re.match(r"\s+of\s", text[s[1]:])]
            return closest(lasting or lengths, hits, text), 1.0 if lasting else 0.5  # type: ignore[return-value]
        if spans.HOW_LONG_LASTED.search(question.normalized):
            return None  # "how long was the meeting?" is not answered by the day it was held
        return (found[0], 0.5) if found else None  # "how soon ...?": by a date
    if question.focus_word in ("time", "hour"):  # "what time did it start?": a clock time, if there is one
        found = [s for s in found if spans.CLOCK.search(text[s[0]:s[1]])] or found
    anchor = re.search(r"\b(since|until|till|by|before|after|from)\b", question.normalized)
    if anchor:
        marked = [s for s in found if re.search(rf"\b{anchor.group(1)}\s*$", text[:s[0]])]
        if marked:
            return marked[0], 1.0  # "since when ...?": "April 2024", the question has the "since"
        clause = re.search(rf"\b{anchor.group(1)}\s+", text)
        if clause and not found:
            return spans.clause_after(text, clause.end(), 8), 0.7
    # "who had served since June 2023, announced ... on Thursday": a since-date is when a state began,
    # not when the thing asked about happened.
    found = [s for s in found if not re.search(r"\bsince\s+$", text[:s[0]])] or found
    # "Pompeo stated on Sunday that this deadline is not set in stone": the day it was said is not
    # the deadline's, unless the question asks when something was said.
    said = [s for s in found if _SAID_ON.search(text[max(0, s[0] - 40):s[0]])]
    if said and question.words.isdisjoint(_SAYING):
        found = [s for s in found if s not in said] or found
    nearest = closest(found, hits, text)
    if nearest is None:
        return None
    strength = 1.0 if distance(nearest, hits) < 60 else 0.6
    return _marked(text, nearest), strength * (0.5 if nearest in said and question.words.isdisjoint(_SAYING) else 1)


_SAID_ON = re.compile(r"\b(?:said|says|stated|states|told (?:\w+\s+){0,2}?|announced|reported|added|wrote|confirmed|"
                      r"declared|posted|tweeted)\s+(?:on\s+|late\s+|early\s+)?$")
_SAYING = frozenset("say says said saying state stated tell told announce announced announcement report reported "
                    "write wrote post posted tweet tweeted confirm confirmed declare declared statement speak spoke "
                    "talk talked comment commented".split())


_MARKER = re.compile(r"\b(?:by|until|till|before|after|since|within|no later than)\s+$", re.IGNORECASE)


def _marked(text: str, span: Span) -> Span:
    """A date with the word that says how it bounds the event: "by 8 p.m. on Tuesday" is a deadline,
    "after Thanksgiving" not the day itself."""
    before = max(0, span[0] - 16)
    m = _MARKER.search(text, before, span[0])
    return (m.start(), span[1]) if m else span


_HEADING = frozenset({"headed", "heading", "bound", "destination", "going", "sent", "travelling", "traveling",
                      "moved", "shipped", "diverted", "taken"})
_BASED = re.compile(r"\b([A-Z][\w’'.]+(?: [A-Z][\w’'.]+)?)-based\b")


# (not a time: "broke out on Sunday near ..." is placed near, not on Sunday)
_NOT_A_PLACE = rf"(?!(?:{'|'.join(spans.DAYS + spans.MONTHS)}|\d|the (?:morning|afternoon|evening|night)))"
_PLACE_AFTER = re.compile(rf"(?:\s+\w+){{0,1}}?\s+((?:in|on|at|from|inside|outside|aboard|near|along)\s+"
                          rf"{_NOT_A_PLACE}\S)")
# The words before a name that place it: "in Geneva", "along Forest Road 412".
_PLACED_AFTER = re.compile(rf"\b(?:{'|'.join(spans.PLACE_PREPS)}|of|along|off|beside|around)\s+(?:the\s+)?$")


def where(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    # "Kestrel-4", "F-16", "G7": a model or a group, not a place
    found = [s for s in answer_names(question, text, base) if not re.search(r"[A-Za-z]-?\d", text[s[0]:s[1]])]
    if question.focus:
        for s in found:
            of = re.search(r"\b([\w-]+) of (?:the )?$", text[max(0, s[0] - 30):s[0]])
            if question.focus in base.lexicon.terms(text[s[0]:s[1]]) or (
                    of and question.focus in base.lexicon.terms(of.group(1))):
                return s, 1.0
            noun = re.match(r" ([a-z]+)\b", text[s[1]:s[1] + 30])
            if noun and question.focus in base.lexicon.terms(noun.group(1)):  # "the Ashgrove Road crossing"
                return (s[0], s[1] + noun.end()), 1.0
    placed = [s for s in found
              if spans.name_kind(text, s) == "place" or _PLACED_AFTER.search(text[max(0, s[0] - 12):s[0]])]
    placed += [m.span(1) for m in _BASED.finditer(text)]  # "Boston-based cybersecurity firm"
    placed += [m.span() for m in spans.RELATIVE_PLACE.finditer(text)]  # "900 kilometres east of the launch site"
    if question.words & _HEADING:  # "where was the train headed?": where it went to, not where from
        placed = [s for s in placed if re.search(r"\b(?:to|for|towards?)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
                                                 text[max(0, s[0] - 20):s[0]])] or placed
    if any(spans.name_kind(text, s) == "place" for s in placed):  # "of the Defense Council" is no place
        placed = [s for s in placed if spans.name_kind(text, s) != "org"]
    if not placed and question.focus_word in spans.PLACE_NOUNS:
        found = []  # "which 11 countries ...?" is not answered by "Phase III"
    nearest = closest(placed or found, hits, text)
    anchor = anchor_hit(hits)
    if anchor is not None and anchor.verb:
        # Where the verb asked about puts it: "halted production at Linmouth and shifted it to its plant
        # at Kessford" answers "where was production moved?" with Kessford.
        moved = [s for s in placed if 0 <= s[0] - anchor.end < _PLACED_CHARS]
        if moved:
            return moved[0], 0.9
    after = _PLACE_AFTER.match(text, anchor.end) if anchor is not None and anchor.verb else None
    if anchor is not None and after and (nearest is None or distance(nearest, [anchor]) > 60):
        # No name near the verb asked about: the phrase it is placed in ("buried on page nine of ...").
        return spans.clause_after(text, after.start(1), 6), 0.8
    if nearest is None:
        return None
    return nearest, (0.9 if placed else 0.5) * (0.5 if question.focus else 1.0)


def number(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    measured = question.normalized.startswith("how far") and bool(spans.MEASURE_ASKED.match(question.normalized))
    if _STRENGTH_ASKED.match(question.normalized):  # "how strong was the quake?": "magnitude 6.4"
        rated = closest(_all_of(_RATING, text), hits, text)
        if rated is not None:
            return rated, 1.0
    money = fresh(question, text, list(spans.amounts(text)), base) if question.want == "amount" and not measured else []
    qualified = [s for s in money if any(_qualifies(question, text, s, h) for h in hits)]
    if len(qualified) == 1:  # "price per dose?": "1,180 crowns per dose", not "14,160 crowns a year"
        return _new_value(question, text, qualified[0]), 1.0
    if question.focus_word == "times":  # "how many times did he complain?": "twice", not his age
        often = closest(_all_of(_TIMES, text), hits, text)
        return (often, 1.0) if often else None
    counted = spans.counts(text)
    beside = _beside_named(question, text, counted, hits, base)
    if beside is not None:
        return beside, 1.0
    # "of whom an estimated 42,000 would qualify": the count that does what the question asks
    doing = [whole for whole, noun in counted if noun is None and
             any(not h.entity and _DOING_GAP.fullmatch(text[whole[1]:h.start]) for h in hits)]
    if doing:
        return doing[-1], 1.0
    if question.focus:
        # The count of the noun asked about; of two ("from 28 points to a 19-point draft"), the one
        # nearer the other words asked about ("the revised draft").
        of_focus = [whole for whole, noun in counted if noun and question.focus in
                    base.lexicon.terms(text[noun[0]:noun[1]]) and echo(question, text[whole[0]:whole[1]], base) < 1]
        if of_focus:
            chosen = closest(_as_asked(question, text, of_focus), hits, text)
            return (_new_value(question, text, chosen), 1.0) if chosen else None
        for m in _ORDINAL.finditer(text):  # "the ninth large-scale attack": how many so far
            if question.focus in {t for w in m.group(0).split() for t in base.lexicon.terms(w)}:
                return (m.start(), m.end()), 0.8
    priced = _priced(question)
    if question.focus_word in _SHARE_WORDS and (not priced or question.normalized.startswith(("what share",
                                                                                             "what proportion"))):
        # ("what share of the budget ...?": a share, though "budget" speaks of money)
        money = [s for s in money if re.search(r"percent|per cent|%|half|third|quarter", text[s[0]:s[1]])]
    elif priced:  # "the share price": "$47.15", not the "3.8 percent" it rose
        money = [s for s in money if spans.CURRENCY.search(text[s[0]:s[1]])] or money
    anchor = anchor_hit(hits)
    acted = [s for s in money if anchor is not None and 0 <= s[0] - anchor.end < _ACTED_CHARS]
    if acted:  # "throwing out $3.9 million" for "how much was thrown out?"; "cut from 4.8 to 3.9 percent": 3.9
        return _new_value(question, text, _as_asked(question, text, acted)[0]), 1.0
    if money:
        wants_money = priced or not question.focus
        return closest(_as_asked(question, text, money), hits, text), 1.0 if wants_money else 0.7  # type: ignore
    found = _as_asked(question, text, fresh(question, text, [w for w, _ in counted], base))
    if question.focus:
        found = [s for s in found if not spans.YEAR.search(text[s[0]:s[1]])]
    if spans.MEASURE_ASKED.match(question.normalized):  # "how fast was it going?": "41 mph", not "30 trains"
        unit = spans.DISTANCE if question.normalized.startswith("how far") else spans.MEASURE
        found = [s for s in found if unit.search(text[s[0]:s[1]])] or found
    nearest = closest(found, hits, text)
    if anchor is not None:
        # "At least 11 people were killed and more than 4,200 forced from their homes": the count the
        # passive verb asked about is said of comes right before it.
        subject = [s for s in found if _PASSIVE_GAP.fullmatch(text[s[1]:anchor.start])]
        nearest = subject[-1] if subject else nearest
    if nearest is None:
        return None
    if priced:
        return nearest, 0.3  # a count where a sum was asked
    return nearest, 0.5 if question.focus else 0.8


_PER = re.compile(r"\s+(?:per|a|an|each|every)\s+")


def _qualifies(question: Question, text: str, amount: Span, hit: Hit) -> bool:
    """A word of the question says what the sum is per ("1,180 crowns per dose", "14,160 crowns a
    year") or, the very word asked, what it is ("a 160 million euro loan"; "a 14 percent pay rise"
    is not the "payment")."""
    if hit.entity:
        return False
    gap = text[amount[1]:hit.start]
    return bool(_PER.fullmatch(gap)) or (gap == " " and text[hit.start:hit.end].lower() in question.words)


_STRENGTH_ASKED = re.compile(r"^(?:how (?:strong|powerful|big|bad|intense|severe)|"
                             r"what (?:magnitude|category|strength))\b")
# How strength is rated: "a magnitude 6.4 earthquake", "a 5.1-magnitude tremor", "a Category 4 hurricane".
_RATING = re.compile(r"\b(?:[Mm]agnitude[- ]\d+(?:\.\d+)?|\d+(?:\.\d+)?[- ]magnitude|[Cc]ategory[- ]\d\b|"
                     r"\d+(?:\.\d+)? on the Richter scale)")
_TIMES = re.compile(rf"\b(?:once|twice|thrice|{spans.NUMBER_RE} times)\b")
_DOING_GAP = re.compile(r"\s+(?:would|will|could|can|may|might|should|must|did|do|does|have|has|had)\s+")


def _all_of(pattern: re.Pattern[str], text: str) -> list[Span]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


_PASSIVE_GAP = re.compile(r"(?:\s+[a-z]+)?\s+(?:were|was|are|is|have been|has been|had been|will be|would be)\s+")


def _priced(question: Question) -> bool:
    """The question asks for a sum of money ("how much did it cost?", "the share price")."""
    return bool(_MONEY_WORDS & set(question.terms) or question.words & {"price", "prices", "priced"})


def _beside_named(question: Question, text: str, counted: tuple[tuple[Span, Span | None], ...], hits: list[Hit],
                  base: FactBase) -> Span | None:
    """In a list of who got how much ("Germany ... 120 monitors, followed by Finland with 85";
    "Whitfield ... 48.6 percent, while Oyelaran received ... 47.8 percent"), the figure that
    follows the one the question names, with no other name between."""
    named = [h for h in hits if h.entity or (h.start > 0 and text[h.start].isupper())]  # a name, known or not
    if not named or len(named) == len(hits):
        return None
    if question.want == "amount":
        pool = list(spans.amounts(text))
        if _priced(question):
            pool = [s for s in pool if spans.CURRENCY.search(text[s[0]:s[1]])] or pool
        elif question.focus_word in _SHARE_WORDS:
            pool = [s for s in pool if re.search(r"percent|per cent|%", text[s[0]:s[1]])]
    else:
        pool = [w for w, noun in counted if noun is None or question.focus in base.lexicon.terms(text[noun[0]:noun[1]])]
    if len(pool) < 2:
        return None  # one figure: nothing to choose between
    after = [(s[0] - h.end, s) for s in pool for h in named
             if 0 <= s[0] - h.end < _BESIDE_CHARS and not spans.names(text[h.end:s[0]])]
    return min(after)[1] if after else None



def reason(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = fresh(question, text, list(spans.reasons(text)), base)
    anchor = anchor_hit(hits)
    if question.normalized.endswith(" for") and anchor is not None:  # "what did he thank them for?"
        for_ = re.search(r"\bfor\s+", text[anchor.end:])
        if for_:
            return spans.clause_after(text, anchor.end + for_.end(), 12), 1.0
    plain = [s for s in found if spans.REASON.match(text, s[0]) and not spans.WEAK_REASON.match(text, s[0])]
    for kind in (plain, found):  # "collapsed amid accusations" rather than "agreed after U.S. mediation"
        later = [s for s in kind if anchor and s[0] >= anchor.start]
        if later:
            return later[0], 1.0
    return ((plain or found)[0], 0.7) if found else None


def quote(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The quotation (for "how did X describe it", the nearest short one), else what follows "said";
    less sure when the sentence names another speaker than the one asked about."""
    strength = 0.4 if _another_speaker(question, text, hits, base) else 1.0
    found = list(spans.quotes(text))
    if found:
        if question.want == "manner":
            return min(found, key=lambda s: (s[1] - s[0] > 80, distance(s, hits))), strength
        return max(found, key=lambda s: (sum(1 for h in hits if s[0] <= h.start < s[1] and not h.entity),
                                         s[1] - s[0])), strength
    said = SAID.search(text)
    if said and said.end() < len(text) - 10 and not re.match(r"\s*[.;!?]", text[said.end():]):
        # (not "..., officials said. No deaths were reported": what they said came before)
        return spans.clause_after(text, said.end(), MAX_WORDS), 0.7 * strength
    return None


def _another_speaker(question: Question, text: str, hits: list[Hit], base: FactBase) -> bool:
    """"What did the consortium say?" of a sentence in which Aurelis told investors something."""
    if not question.subject_terms:
        return False
    found = speaker(question, None, text, hits, base)
    if found is None or found[1] < 1.0:
        return False
    who = found[0] if isinstance(found[0], str) else text[found[0][0]:found[0][1]]
    return not set(base.lexicon.terms(who)) & question.subject_terms


def focus(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The phrase around the noun of "which <noun>" (for "what kind of <noun>", with the clause that
    says what kind); a name when the noun is only named nearby."""
    for a, b in focus_words(question, text, base)[:1]:
        start, end = modified_from(text, a), b
        if question.kind_of:
            return (start, spans.clause_after(text, end, MAX_WORDS)[1]), 1.0
        apposed = _apposed(text, a)  # "roxadustat, a banned drug": which drug is roxadustat
        if apposed is not None and echo(question, text[apposed[0]:apposed[1]], base) < 0.75:
            return apposed, 1.0
        tail = re.match(r"(?:\s+\d+[A-Za-z]?\b|\s+[A-Z][\w’'-]*)?(?:\s+(?:of|for|on|against|from)\s+(?:the\s+)?"
                        r"[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)?", text[end:])
        if tail and not re.search(r"['’]s?$", tail.group(0)):  # not "six precincts on the city's"
            end += tail.end()
        if echo(question, text[start:end], base) < 0.75:
            return (start, end), 1.0
        names = answer_names(question, text, base)
        if question.focus_word in spans.PLACE_NOUNS:  # "which 11 countries ...?" is not answered by "Phase III"
            names = [s for s in names if spans.name_kind(text, s) == "place"]
        named = closest(names, hits, text)
        if named:
            return named, 0.6
        return (spans.clause_after(text, b, MAX_WORDS), 0.5) if b < len(text) - 3 else None
    return None


_APPOSED = re.compile(r",\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+['’]s\s+)?"
                      r"(?:(?!(?:in|on|at|of|for|with|by|to|from|and|or|but|as|is|was|were|are)\s)[a-z][\w-]*\s+){0,3}$")


def _apposed(text: str, noun_start: int) -> Span | None:
    """What a noun phrase set after a comma describes: "Nordlicht Bank, the team's second-largest
    sponsor" -> Nordlicht Bank; "roxadustat, a banned drug" -> roxadustat."""
    m = _APPOSED.search(text[:noun_start])
    if m is None:
        return None
    comma = m.start()
    named = [s for s in spans.names(text) if s[1] == comma]
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
        span = spans.clause_after(text, m.end(), 8)
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
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"\d+(?:st|nd|rd|th))(?:[- ][a-z]+){1,3}")
_CONDITION = re.compile(r"\b(?:if|unless|provided(?: that)?|as long as|on condition that|only when|so long as)\s+",
                        re.IGNORECASE)


def condition(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """"Under what condition ...?": the if/unless/as-long-as clause."""
    m = _CONDITION.search(text)
    return ((m.start(), spans.clause_after(text, m.end(), 12)[1]), 1.0) if m else None


_TALLY_WORDS = frozenset("vote votes tally score scoreline".split())


def thing(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """"What was the board's vote?": its tally ("5-2"), when the question asks about a vote;
    "what was public debt?": the figure the thing asked about stood at ("Public debt stood at 88.4
    percent of GDP", "chlorine levels of up to 4 parts per million")."""
    if not question.words.isdisjoint(_TALLY_WORDS):
        nearest = closest(list(spans.tallies(text)), hits, text)
        return (nearest, 1.0) if nearest else None
    figures = [*spans.amounts(text), *(w for w, _ in spans.counts(text))]
    stood = []
    for h in hits:
        link = None if h.entity else _STOOD_AT.match(text, h.end)
        at = [f for f in figures if link and f[0] == link.end()]
        if at:
            start, end = max(at, key=lambda f: f[1])
            rate = _RATE.match(text, end)  # "one extra case for every 8,000 people"
            stood.append((start, rate.end() if rate else end))
    nearest = closest(stood, hits, text)  # of two, the one the other words asked about sit by
    return (nearest, 1.0) if nearest else None


_RATE = re.compile(rf"\s+(?:for every|in every|out of every|per|in|out of)\s+{spans.NUMBER_RE}(?:\s+[a-z]+)?")
# How a text gives the figure a thing stands at: "debt stood at", "levels of up to", "rate was".
_STOOD_AT = re.compile(r"\s+(?:stood at|was|were|is|are|reached|hit|totall?ed|came to|amounted to|rose to|fell to|"
                       r"climbed to|dropped to|of)\s+(?:up to\s+)?")


FINDERS = {"agent": agent, "patient": patient, "holder": holder, "date": when, "year": when, "duration": when,
           "place": where, "count": number, "amount": number, "reason": reason, "quote": quote, "manner": quote,
           "focus": focus, "name": name, "means": means, "condition": condition, "thing": thing}
