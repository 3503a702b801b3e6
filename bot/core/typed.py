"""Typed span finders: the span of a sentence that answers a question of a given kind.

Each finder takes the question, the text and the hits (the words of the text the question
asked about) and returns the span (character offsets, so the answer is verbatim) with a
strength: 1.0 when it is found where the question points (the agent right before the verb
asked about, a count of the noun asked about, a place after "the city of"), lower when only a
span of the right kind is found elsewhere in the sentence. The reader and decider weigh it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core import spans
from bot.core.factbase import Entry, FactBase
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import content_words, normalize, stem

Found = tuple[Span | str, float] | None
MAX_WORDS = 12
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s*&\s*)$")
_SAID = re.compile(r"\b(?:said|says|say|stated|states|told|tells|wrote|writes|posted|added|warned|argued|noted|"
                   r"claimed|insisted|stressed|announced|declared|explained|believes|believed|thinks|called)\b"
                   r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?(?:\s+(?:\w+\s+){0,3}?that)?")
_NOT_NOUN = (r"(?!(?:would|will|has|have|had|is|was|were|are|be|been|can|could|should|may|might|must|did|does|do|"
             r"but|and|or|then|also|later|which|who|that|as)\b)")
_NP_BEFORE = re.compile(rf"\b((?:the|a|an|its|his|her|their|our)\s+(?:{_NOT_NOUN}[\w’'-]+\s+){{0,3}}?"
                        rf"{_NOT_NOUN}[\w’'-]+)\s*$")
# The question's verb is one of reporting ("who reported ...", "who announced ..."): who said it.
_REPORTING_TERMS = frozenset({"report", "announc", "claim", "stat", "tell", "post", "say", "warn", "insist",
                              "stres", "note", "add", "declar", "confirm", "reveal", "disclos"})
# Nouns that can do things: "the national weather service issued", "the provincial finance office".
_AGENTIVE = re.compile(r"(?:service|office|department|agency|union|group|council|committee|commission|company|firm|"
                       r"government|ministry|authorities|police|court|board|team|force|forces|army|military|"
                       r"[a-z]+(?:ers|ors|ists|ians|ants|ents|men|women|people|officials|residents))$")
_NP_AFTER = re.compile(r"^\s*((?:the|a|an|its|his|her|their|our)\s+(?:[\w’'-]+\s*){1,5})")
APPOSITION = re.compile(r"^\s*(?:\([^)]{2,40}\))?,\s*((?:who|which)\s+[^,.;]{3,80}|(?:a|an|the)?\s*[^,.;“\"]{3,80}?)"
                        r"(?=,|\.|;|$)")
PARTIES = re.compile(r"\b(?:Democrat|Democratic|Republican|Independent|Labour|Conservative|Liberal|Green|"
                     r"Socialist|Social Democrat|Christian Democrat)s?\b")
_PLACE_FOCUS = frozenset({"country", "countries", "nation", "nations", "state", "states", "city", "cities",
                          "capital", "capitals", "government", "governments", "side", "sides"})
# Words of a question that ask for money rather than a count.
_MONEY_WORDS = frozenset({"cost", "pay", "price", "worth", "spend", "fund", "loan", "money", "budget", "fee", "bill",
                          "salary", "invest", "raise", "dollar", "euro", "pound", "grant", "bond", "estimat"})


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    weight: float
    entity: bool
    verb: bool = False  # the word is the question's verb


def hits_in(question: Question, text: str, base: FactBase) -> list[Hit]:
    """Words of ``text`` whose terms the question asked about (entity names marked)."""
    asked = set(question.terms)
    out = []
    for start, end, terms in base.lexicon.words_of(text):
        if asked.isdisjoint(terms):
            continue
        shared = [t for t in terms if t in asked]
        if shared:
            weight = max(base.weight(t) for t in shared)
            out.append(Hit(start, end, weight, all(t in question.alias_terms for t in shared),
                           bool(question.verb_terms & set(shared))))
    return out


def echo(question: Question, answer: str, base: FactBase) -> float:
    """The share of the answer's content words (stemmed, synonyms not folded) the question has."""
    words = {stem(w) for w in content_words(normalize(answer))}
    if not words:
        return 1.0
    return len(words & question.stems) / len(words)


def _content(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if not h.entity]


def _anchor(hits: list[Hit]) -> Hit | None:
    """The word the question hinges on: its verb when the text has it ("who *led* the team"),
    else its rarest content word in the text (the first of equals)."""
    content = _content(hits)
    verbs = [h for h in content if h.verb]
    if verbs:
        return verbs[0]
    return max(content, key=lambda h: (h.weight, -h.start)) if content else None


def distance(span: Span, hits: list[Hit]) -> int:
    near = _content(hits) or hits
    if not near:
        return 10_000
    return min(_gap(span, h) for h in near)


def _fresh(question: Question, text: str, found: list[Span], base: FactBase) -> list[Span]:
    """Spans that tell the asker something: not only words of the question."""
    return [s for s in found if text[s[0]:s[1]].strip() and echo(question, text[s[0]:s[1]], base) < 0.75]


def _gap(span: Span, h: Hit) -> int:
    return 0 if h.start >= span[0] and h.end <= span[1] else min(abs(h.start - span[1]), abs(span[0] - h.end))


def _nearest(found: list[Span], hits: list[Hit]) -> Span | None:
    """The span closest to what was asked: each asked word pulls by its weight, the nearer the more
    ("allow 800,000" wins over "600,000 troops" when "allow" is the rarer word asked about)."""
    if not found:
        return None
    if not hits:
        return found[0]

    def pull(h: Hit) -> float:  # the question's verb pulls most, the names it mentions least
        return h.weight * (1.5 if h.verb else 0.5 if h.entity else 1.0)

    return max(found, key=lambda s: (sum(pull(h) / (1 + _gap(s, h) / 15) for h in hits), -s[0]))


def _merge_lists(text: str, found: list[Span]) -> list[Span]:
    """"Britain, France and Germany": names joined by commas or "and" are one answer; a name
    followed by "(Party)" keeps it."""
    out: list[Span] = []
    for s in found:
        if out and _LIST_GAP.match(text[out[-1][1]:s[0]]):
            out[-1] = (out[-1][0], s[1])
        else:
            out.append(s)
    merged = []
    for s in out:
        m = re.match(r"\s*\([A-Z][\w ]{1,30}\)", text[s[1]:])
        merged.append((s[0], s[1] + m.end()) if m else s)
    return merged


def _names(question: Question, text: str, base: FactBase, kinds: tuple[str, ...] = ("org", "name", "person",
                                                                                      "place")) -> list[Span]:
    found = [s for s in spans.names(text) if spans.name_kind(text, s) in kinds
             and not spans.DATE.fullmatch(text[s[0]:s[1]])]  # "Thanksgiving" names a day, not who set it
    return _merge_lists(text, _fresh(question, text, found, base))


def agent(question: Question, text: str, hits: list[Hit], base: FactBase, by_role: bool = True) -> Found:
    """Who did it: the agent after "by", else the name or noun phrase right before the verb asked
    about, else a name before it, else the nearest name."""
    if question.focus_word in ("party", "parties"):
        party = _fresh(question, text, [(m.start(), m.end()) for m in PARTIES.finditer(text)], base)
        return (party[0], 1.0) if party else None
    if by_role and question.focus and question.focus in base.title_terms and question.want == "agent":
        return holder(question, text, hits, base)  # "which union official objected?": who holds that role
    if by_role and question.verb_terms & _REPORTING_TERMS:  # "who reported the numbers?": who said so
        by_focus = _agent_by_focus(question, text, base)  # "which department announced it?"
        return (by_focus, 1.0) if by_focus else speaker(question, None, text, hits, base)
    places = question.focus_word in _PLACE_FOCUS
    found = [s for s in _names(question, text, base, ("org", "name", "person", "place") if places else
                               ("org", "name", "person")) if not PARTIES.fullmatch(text[s[0]:s[1]])]
    first = _anchor(hits)
    if first is not None:
        by = re.match(r"\s*(?:\w+\s+){0,2}?(?:by|between)\s+", text[first.end:first.end + 40])
        if by:
            after = [s for s in found if first.end + by.end() - 1 <= s[0] <= first.end + by.end() + 4]
            if after:
                return after[0], 1.0
            np = _NP_AFTER.match(text[first.end + by.end():])
            if np:
                return spans.clause_after(text, first.end + by.end() + np.start(1), 6), 0.9
        subject = [s for s in found if s[1] <= first.start and _appositive(text, s, first.start)]
        if subject:
            return subject[0], 1.0
        by_focus = _agent_by_focus(question, text, base)
        if by_focus:
            return by_focus, 1.0
        adjacent = [s for s in found if 0 <= first.start - s[1] <= 3]
        if adjacent:
            return adjacent[-1], 1.0
        np = _NP_BEFORE.search(text[:first.start])
        if np and echo(question, np.group(1), base) < 0.75 and not _SAID.search(np.group(1)) and \
                _AGENTIVE.search(np.group(1)):
            return (np.start(1), np.end(1)), 0.8
        before = [s for s in found if s[1] <= first.start and first.start - s[1] < 80]
        if before:
            return before[-1], 0.8
    elif by_focus := _agent_by_focus(question, text, base):
        return by_focus, 1.0
    nearest = _nearest(found, hits)
    if nearest is None and re.match(r"(?:He|She)\b", text):
        return None  # the reader substitutes the person the pronoun stands for (see reader.read_text)
    return (nearest, 0.5) if nearest else None


def _agent_by_focus(question: Question, text: str, base: FactBase) -> Span | None:
    """"Which department announced it?": the city's transport department; "which firm did the work?":
    Calder & Reece, the name that "a firm based in Glasgow" describes."""
    if not question.focus or question.focus_word in _PLACE_FOCUS:
        return None
    named = _focus_phrase(question, text, base)
    if not named:
        return None
    appositive = [s for s in _names(question, text, base) if re.fullmatch(
        r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}", text[s[1]:named[0]])]
    if appositive:
        return appositive[-1]
    return named if len(text[named[0]:named[1]].split()) > 1 else None


def patient(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Whom it was done to ("who did the envoy meet?"): the first name after the verb asked about."""
    anchor = _anchor(hits)
    # Not a place, and not whom the question names as the one acting ("who did the Turkish president call?").
    asker = {t for terms, _ in question.mentions for t in terms}
    found = [s for s in _names(question, text, base, ("org", "name", "person"))
             if not set(base.lexicon.terms(text[s[0]:s[1]])) & asker]
    if anchor is not None:
        after = [s for s in found if s[0] >= anchor.end]
        if after:
            return after[0], 1.0 if after[0][0] - anchor.end < 40 else 0.7
    nearest = _nearest(found, hits)
    return (nearest, 0.5) if nearest else None


def holder(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Who holds the role asked about ("who's the mayor?"): a name with that title before it or
    in the apposition after it ("Helen Marsh, the county health commissioner")."""
    roles = {t for t in question.terms if t in base.title_terms} or ({question.focus} if question.focus else set())
    in_text = {t for _, _, terms in base.lexicon.words_of(text) for t in terms}
    for s in spans.names(text) if roles & in_text else ():
        if echo(question, text[s[0]:s[1]], base) >= 1 or spans.name_kind(text, s) in ("place", "org") or \
                PARTIES.fullmatch(text[s[0]:s[1]]):
            continue
        # The role in the name ("Mayor Denise Okafor"), right before it, or in the apposition after it.
        near = text[s[0]:s[1]].split()
        lead = _lead(text, s[0], base)
        if lead:
            near += text[lead[0]:lead[1]].split()
        after = APPOSITION.match(text[s[1]:])
        if after:
            near += after.group(1).split()
        if roles & {t for w in near for t in base.lexicon.terms(w)}:
            return s, 1.0
    found = agent(question, text, hits, base, by_role=False)
    if found is None or isinstance(found[0], str) or spans.name_kind(text, found[0]) != "person":
        return None  # a role is held by a person: not a party, a place or "the city"
    return found[0], found[1] * 0.6


def describe(question: Question, text: str, base: FactBase) -> Found:
    """What the text says a person is: an apposition, a relative clause, a party, or a title;
    for "which party", only a party."""
    for s in spans.names(text):
        if not question.subject_terms & set(base.lexicon.terms(text[s[0]:s[1]])):
            continue
        if question.focus == "party":
            near = [p for p in PARTIES.finditer(text) if abs(p.start() - s[1]) < 40 or abs(s[0] - p.end()) < 40]
            return ((near[0].start(), near[0].end()), 1.0) if near else None
        m = APPOSITION.match(text[s[1]:])
        if m and not _SAID.match(m.group(1)):
            return (s[1] + m.start(1), s[1] + m.end(1)), 1.0
        party = re.match(r"\s*\(([^)]{2,40})\)", text[s[1]:])
        if party:
            return (s[1] + party.start(1), s[1] + party.end(1)), 1.0
        lead = _lead(text, s[0], base)
        titled = [w for w in text[s[0]:s[1]].split() if w in spans.TITLE_WORDS]
        if titled:
            start = text.index(titled[0], s[0])
            return (lead[0] if lead else start, text.index(titled[-1], start) + len(titled[-1])), 1.0
        if lead:
            return lead, 0.8
    return None


_LEAD_STOP = frozenset("the a an of in on at by said says told and with for to from as his her their its was is "
                       "were are has had have that who which".split())


def _lead(text: str, start: int, base: FactBase) -> Span | None:
    """The title or role words right before a name ("opposition lawmaker", "His spokesman, ")."""
    offset = max(0, start - 60)
    words = list(re.finditer(r"[\w’'.-]+", text[offset:start]))
    begin = None
    end = start
    for w in reversed(words):
        gap = text[offset + w.end():end]
        if w.group(0).lower() in _LEAD_STOP or gap.strip(" ,") or (gap.count(",") and begin is not None):
            break
        begin = offset + w.start()
        end = begin
    if begin is None:
        return None
    lead = text[begin:start].rstrip(" ,")
    if any(t in base.title_terms for w in lead.split() for t in base.lexicon.terms(w)) or lead[:1].islower():
        return begin, begin + len(lead)
    return None


def when(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = _fresh(question, text, list(spans.dates(text)), base)
    if question.want == "year":
        years = [s for s in found if spans.YEAR.search(text[s[0]:s[1]])]
        nearest = _nearest(years, hits)
        return (nearest, 1.0) if nearest else ((found[0], 0.4) if found else None)
    if question.want == "duration":
        lengths = _fresh(question, text, list(spans.durations(text)), base)
        if lengths:
            return _nearest(lengths, hits), 1.0  # type: ignore[return-value]
        return (found[0], 0.5) if found else None
    anchor = re.search(r"\b(since|until|till|by|before|after|from)\b", question.normalized)
    if anchor:
        marked = [s for s in found if re.search(rf"\b{anchor.group(1)}\s*$", text[:s[0]])]
        if marked:
            return marked[0], 1.0
        clause = re.search(rf"\b{anchor.group(1)}\s+", text)
        if clause and not found:
            return spans.clause_after(text, clause.end(), 8), 0.7
    nearest = _nearest(found, hits)
    if nearest is None:
        return None
    return nearest, 1.0 if distance(nearest, hits) < 60 else 0.6


def where(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = _names(question, text, base)
    if question.focus:
        for s in found:
            of = re.search(r"\b([\w-]+) of (?:the )?$", text[max(0, s[0] - 30):s[0]])
            if question.focus in base.lexicon.terms(text[s[0]:s[1]]) or (
                    of and question.focus in base.lexicon.terms(of.group(1))):
                return s, 1.0
    placed = [s for s in found if spans.name_kind(text, s) == "place" or re.search(
        r"\b(?:in|at|from|to|near|outside|on|of)\s+(?:the\s+)?$", text[max(0, s[0] - 12):s[0]])]
    nearest = _nearest(placed or found, hits)
    if nearest is None:
        return None
    return nearest, (0.9 if placed else 0.5) * (0.5 if question.focus else 1.0)


def number(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    counted = spans.counts(text)
    if question.focus:
        # The count of the noun asked about; of two ("from 28 points to a 19-point draft"), the one
        # nearer the other words asked about ("the revised draft").
        of_focus = [whole for whole, noun in counted if noun and question.focus in
                    base.lexicon.terms(text[noun[0]:noun[1]]) and echo(question, text[whole[0]:whole[1]], base) < 1]
        if of_focus:
            return _nearest(of_focus, hits), 1.0  # type: ignore[return-value]
        for m in _ORDINAL.finditer(text):  # "the ninth large-scale attack": how many so far
            if question.focus in {t for w in m.group(0).split() for t in base.lexicon.terms(w)}:
                return (m.start(), m.end()), 0.8
    money = _fresh(question, text, list(spans.amounts(text)), base) if question.want == "amount" else []
    if question.focus_word in ("percentage", "percent", "share", "proportion", "fraction", "rate"):
        money = [s for s in money if re.search(r"percent|per cent|%|half|third|quarter", text[s[0]:s[1]])]
    if money:
        wants_money = bool(_MONEY_WORDS & set(question.terms)) or not question.focus
        return _nearest(money, hits), 1.0 if wants_money else 0.7  # type: ignore[return-value]
    found = _fresh(question, text, [w for w, _ in counted], base)
    if question.focus:
        found = [s for s in found if not spans.YEAR.search(text[s[0]:s[1]])]
    nearest = _nearest(found, hits)
    if nearest is None:
        return None
    if _MONEY_WORDS & set(question.terms):
        return nearest, 0.3  # a count where a sum was asked
    return nearest, 0.5 if question.focus else 0.8


def reason(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = _fresh(question, text, list(spans.reasons(text)), base)
    anchor = _anchor(hits)
    if question.normalized.endswith(" for") and anchor is not None:  # "what did he thank them for?"
        for_ = re.search(r"\bfor\s+", text[anchor.end:])
        if for_:
            return spans.clause_after(text, anchor.end + for_.end(), 12), 1.0
    later = [s for s in found if anchor and s[0] >= anchor.start]
    if later:
        return later[0], 1.0
    return (found[0], 0.7) if found else None


def quote(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    found = list(spans.quotes(text))
    if found:
        if question.want == "manner":
            return min(found, key=lambda s: (s[1] - s[0] > 80, distance(s, hits))), 1.0
        return max(found, key=lambda s: (sum(1 for h in hits if s[0] <= h.start < s[1] and not h.entity),
                                         s[1] - s[0])), 1.0
    said = _SAID.search(text)
    if said and said.end() < len(text) - 10:
        return spans.clause_after(text, said.end(), MAX_WORDS), 0.7
    return None


_MODIFIER_STOP = frozenset(("the", "a", "an", "of", "and", "to", "its", "their", "his", "her", "that", "by", "with",
                            "for", "in", "on", "at", "from"))


def _focus_words(question: Question, text: str, base: FactBase) -> list[Span]:
    """Where the noun of "which <noun>" occurs in the text."""
    return [(a, b) for a, b, terms in base.lexicon.words_of(text) if question.focus in terms]


def _modified_from(text: str, pos: int) -> int:
    """Where the noun phrase ending at ``pos`` starts: up to three modifiers back ("transport")."""
    start = pos
    for w in reversed(list(re.finditer(r"[\w’'-]+", text[:pos]))[-3:]):
        if w.group(0).lower() in _MODIFIER_STOP or text[w.end():start].strip():
            break
        start = w.start()
    return start


def _focus_phrase(question: Question, text: str, base: FactBase) -> Span | None:
    """The noun phrase that ends in the focus noun, with its modifiers ("the city's transport department")."""
    for a, b in _focus_words(question, text, base):
        start = _modified_from(text, a)
        if echo(question, text[start:b], base) < 0.75:
            return start, b
    return None


def focus(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """The phrase around the noun of "which <noun>" (for "what kind of <noun>", with the clause that
    says what kind); a name when the noun is only named nearby."""
    for a, b in _focus_words(question, text, base)[:1]:
        start, end = _modified_from(text, a), b
        if question.kind_of:
            return (start, spans.clause_after(text, end, MAX_WORDS)[1]), 1.0
        tail = re.match(r"(?:\s+\d+[A-Za-z]?\b|\s+[A-Z][\w’'-]*)?(?:\s+(?:of|for|on|against|from)\s+(?:the\s+)?"
                        r"[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)?", text[end:])
        end += tail.end() if tail else 0
        if echo(question, text[start:end], base) < 0.75:
            return (start, end), 1.0
        named = _nearest(_names(question, text, base), hits)
        if named:
            return named, 0.6
        return (spans.clause_after(text, b, MAX_WORDS), 0.5) if b < len(text) - 3 else None
    return None


_MEANS = re.compile(r"\b(?:with|by|through|via|using|thanks to|from|including with|in the form of)\s+")


def means(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """How it is done ("how would the rebuilding be paid for?"): the with/by/through phrase after the
    verb asked about."""
    anchor = _anchor(hits)
    start = anchor.end if anchor else 0
    for m in _MEANS.finditer(text, start):
        span = spans.clause_after(text, m.end(), 8)
        if echo(question, text[span[0]:span[1]], base) < 0.5:
            return (m.start(), span[1]), 1.0 if anchor and m.start() - anchor.end < 60 else 0.6
    return None


_ACCORDING = re.compile(r"\baccording to ((?:the )?(?:[A-Z][\w’'.-]*(?:'s)?\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                        r"(?=[,.;]|$)")


def speaker(question: Question, entry: Entry | None, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Who said it: the person before "said" (past an apposition: "Lorraine Whitaker, who heads
    the bureau, said"), or the source after "according to"."""
    people = [s for s in spans.names(text) if spans.name_kind(text, s) in ("person", "name")]
    others = [s for s in spans.names(text) if spans.name_kind(text, s) == "org"]
    for m in _SAID.finditer(text):
        for names in (people, others):
            before = [s for s in names
                      if s[1] <= m.start() and (m.start() - s[1] < 60 or _appositive(text, s, m.start()))]
            after = [s for s in names if 0 <= s[0] - m.end() < 3]
            if before or after:
                return (before[-1] if before else after[0]), 1.0
    source = _ACCORDING.search(text)
    if source:
        return (source.start(1), source.end(1)), 0.9
    for m in _SAID.finditer(text):  # "..., the city's transport department said."
        np = _NP_BEFORE.search(text[:m.start()])
        if np and _AGENTIVE.search(np.group(1)) and echo(question, np.group(1), base) < 0.75:
            return (np.start(1), np.end(1)), 0.8
    if entry is not None and entry.fact.speaker and entry.fact.speaker in base.entities:
        return base.entities[entry.fact.speaker].name, 0.8
    found = agent(question, text, hits, base, by_role=False)
    return (found[0], found[1] * 0.6) if found else None


def _appositive(text: str, name: Span, verb: int) -> bool:
    """"Priya Nandakumar, who chairs the group Fair Ballot Carver, criticized": only an apposition
    stands between the name and the verb."""
    return bool(re.fullmatch(r",\s+(?:who|which|an?|the)\b[^,;]{0,120},\s*", text[name[1]:verb]))


def name(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    nearest = _nearest(_names(question, text, base), hits)
    return (nearest, 0.7) if nearest else None


CLAUSE = re.compile(r"(?:[^,;:()—]|,(?=\d{3}))+")


def clause(question: Question, text: str, hits: list[Hit], base: FactBase) -> Span | None:
    """The words after the last word asked about, or the shortest clause holding the rarest one."""
    content = _content(hits) or hits
    if not content:
        return None
    if question.want in ("thing", "focus", "reason"):
        for h in sorted(content, key=lambda h: -h.start):
            span = spans.clause_after(text, h.end, MAX_WORDS)
            if len(text[span[0]:span[1]].split()) >= 2 and echo(question, text[span[0]:span[1]], base) < 0.5:
                return span
    if question.want == "clause":  # yes/no: the clause holding the most of what was asked
        clauses = [m for m in CLAUSE.finditer(text) if m.group(0).strip()]
        scored = [(sum(h.weight for h in content if m.start() <= h.start < m.end()), m) for m in clauses]
        best_clause = max(scored, key=lambda sm: (sm[0], -sm[1].start()))[1] if scored else None
        if best_clause is not None and len(best_clause.group(0).split()) <= MAX_WORDS:
            return best_clause.start(), best_clause.end()
    best = max(content, key=lambda h: h.weight)
    for m in CLAUSE.finditer(text):
        if m.start() <= best.start < m.end():
            s, e = m.start(), m.end()
            words = list(re.finditer(r"\S+", text[s:e]))
            if len(words) > MAX_WORDS:
                pos = next(i for i, w in enumerate(words) if s + w.start() >= best.start)
                lo = max(0, min(pos - 4, len(words) - MAX_WORDS))
                s, e = s + words[lo].start(), s + words[min(lo + MAX_WORDS, len(words)) - 1].end()
            return (s, e)
    return None


_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"\d+(?:st|nd|rd|th))(?:[- ][a-z]+){1,3}")
_CONDITION = re.compile(r"\b(?:if|unless|provided(?: that)?|as long as|on condition that|only when|so long as)\s+",
                        re.IGNORECASE)


def condition(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """"Under what condition ...?": the if/unless/as-long-as clause."""
    m = _CONDITION.search(text)
    return ((m.start(), spans.clause_after(text, m.end(), 12)[1]), 1.0) if m else None


FINDERS = {"agent": agent, "patient": patient, "holder": holder, "date": when, "year": when, "duration": when,
           "place": where, "count": number, "amount": number, "reason": reason, "quote": quote, "manner": quote,
           "focus": focus, "name": name, "means": means, "condition": condition}
