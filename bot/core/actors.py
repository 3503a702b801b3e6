"""The people and organizations that answer who-questions, found in a sentence.

Each finder returns the span of the answer with a strength (see ``typed``): the agent of the
verb asked about, the one it acts on, a role's holder, a person's description, who said it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core import proper, spans
from bot.core.factbase import Entry, FactBase
from bot.core.hits import Hit, anchor_hit, answer_names, closest, echo, fresh
from bot.core.kinds import AGENT_NOUNS, TOP_TITLES
from bot.core.proper import PARTIES
from bot.core.questions import Question, find_entities
from bot.core.spans import Span
from bot.core.text import AUXILIARY_VERBS, STOPWORDS, normalize

Found = tuple[Span | str, float] | None

SAID = re.compile(r"\b(?:said|says|say|stated|states|told|tells|wrote|writes|posted|added|warned|argued|noted|"
                   r"claimed|insisted|stressed|announced|declared|explained|believes|believed|thinks|called)\b"
                   r"(?:\s+(?:on|in|at)\s+[A-Z]\w+)?(?:\s+(?:\w+\s+){0,3}?that)?")
_NOT_NOUN = (r"(?!(?:would|will|has|have|had|is|was|were|are|be|been|can|could|should|may|might|must|did|does|do|"
             r"but|and|or|then|also|later|which|who|that|as)\b)")
_NP_BEFORE = re.compile(rf"\b((?:the|a|an|its|his|her|their|our)\s+(?:{_NOT_NOUN}[\w’'-]+\s+){{0,3}}?"
                        rf"{_NOT_NOUN}[\w’'-]+)\s*$")


@lru_cache(maxsize=65536)
def _np_before(text: str, end: int) -> Span | None:
    """The noun phrase that ends right before ``end`` ("the city's transport department")."""
    m = _NP_BEFORE.search(text[:end])
    return (m.start(1), m.end(1)) if m else None


# The question's verb is one of reporting ("who reported ...", "who announced ..."): who said it.
_REPORTING_TERMS = frozenset({"report", "announc", "claim", "stat", "tell", "post", "say", "warn", "insist",
                              "stress", "not", "add", "declar", "confirm", "reveal", "disclos"})
# Nouns that can do things: "the national weather service issued", "the provincial finance office".
_AGENTIVE = re.compile(r"(?:service|office|department|agency|union|group|council|committee|commission|company|firm|"
                       r"government|ministry|authorities|police|court|board|team|force|forces|army|military|"
                       r"[a-z]+(?:ers|ors|ists|ians|ants|ents|men|women|people|officials|residents))$")
_NP_AFTER = re.compile(r"^\s*((?:the|a|an|its|his|her|their|our)\s+(?:[\w’'-]+\s*){1,5})")
# Not a phrase of time, place or source ("..., according to hospital spokeswoman Clara Dunsmore").
APPOSITION = re.compile(r"^\s*(?:\([^)]{2,40}\))?,(?!\s*(?:and|or|but|while|nor|according|in|at|on|with|from|for|after|"
                        r"before|by|during|until|since)\s)\s*"
                        r"((?:who|which)\s+[^,.;]{3,80}|(?:a|an|the)?\s*[^,.;“\"]{3,80}?)"
                        r"(?=,|\.|;|$)")
# Between the verb asked about and a name: the name is its object ("set for Kyiv", "sent it to Moscow").
_OBJECT_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:for|to|with|from|against|into|on|at|toward|towards)\s+(?:the\s+)?")
_MAKE_WORDS = frozenset("make makes made making produce produces produced manufacture manufactures manufactured "
                        "build builds".split())  # (who "designed" it is asked as such and read as any other verb)
_MADE_BY = (re.compile(r"\b(?:made|produced|manufactured|built)\s+by\s+(?:the\s+)?"),
            re.compile(r"\b(?:developed|designed)\s+by\s+(?:the\s+)?"))
# A party's whole name: "Green" goes on in "the Green Civic Alliance", "the Liberal Party".
_PARTY_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][a-z]+){0,3}?\s+(?:Party|Alliance|Front|Union|Movement|Platform|"
                                 r"Coalition|League|Bloc|Congress|Rally)\b(?:\s+of(?:\s+[A-Z][a-z]+)+)?")
_PLACE_FOCUS = frozenset({"country", "countries", "nation", "nations", "state", "states", "city", "cities",
                          "capital", "capitals", "government", "governments", "side", "sides"}) | proper.FEATURE_NOUNS

def agent(question: Question, text: str, hits: list[Hit], base: FactBase, by_role: bool = True) -> Found:
    """Who did it: the agent after "by", else the name or noun phrase right before the verb asked
    about, else a name before it, else the nearest name."""
    if question.focus_word in ("party", "parties"):
        named = [(m.start(), on.end() if (on := _PARTY_NAME_GOES_ON.match(text, m.end())) else m.end())
                 for m in PARTIES.finditer(text)]
        party = fresh(question, text, named, base)
        return (party[0], 1.0) if party else None
    if by_role and question.focus and question.focus in base.title_terms and question.want == "agent" and \
            question.focus_word not in _INSTITUTIONS:  # "which court ...?" asks for a court, not a "court judge"
        return holder(question, text, hits, base)  # "which union official objected?": who holds that role
    if by_role and question.verb_terms & _REPORTING_TERMS:  # "who reported the numbers?": who said so
        by_focus = _agent_by_focus(question, text, base)  # "which department announced it?"
        return (by_focus, 1.0) if by_focus else speaker(question, None, text, hits, base)
    if question.words & _MAKE_WORDS:  # "which company makes Cardivant?": "... made by Halvorsen Therapeutics"
        named = answer_names(question, text, base, ("org", "name", "person"))
        for made_by in _MADE_BY:  # who built it before who designed it
            maker = closest([s for m in made_by.finditer(text) for s in named if 0 <= s[0] - m.end() <= 4], hits, text)
            if maker is not None:
                return maker, 1.0
    places = question.focus_word in _PLACE_FOCUS
    found = [s for s in answer_names(question, text, base) if not PARTIES.fullmatch(text[s[0]:s[1]]) and
             (places or proper.name_kind(text, s) != "place" or proper.acting_country(text, s))]
    if question.focus_word in proper.PLACE_KINDS:
        # "which 11 countries ...?" is not answered by "Phase III", "which volcano ...?" by a volcanologist
        found = [s for s in found if proper.name_kind(text, s) == "place"]
    # A name used as a modifier does not act: "described the Geneva talks", "Kremlin adviser Viktor Lagunov".
    found = [s for s in found if not _attributive(text, s)] or found
    if question.focus_word in _INSTITUTIONS:  # "which court ...?" is not answered by a lawyer's name
        found = [s for s in found if proper.name_kind(text, s) not in ("person", "place")] or found
        called = [s for s in found if question.focus in base.lexicon.terms(text[s[0]:s[1]])]
        if called:  # ... but by "the Court of Arbitration for Sport"
            return closest(called, hits, text), 1.0  # type: ignore[return-value]
    first = anchor_hit(hits)
    if first is not None:
        # The agent of a passive: "built by Aurelis", "estimated at 186 million euros by the provincial
        # finance office" (a few words may come between), after the anchor or another word asked about.
        for h in [first, *(h for h in hits if h is not first and not h.entity)]:
            by = re.match(r"\s*(?:\w+\s+){0,4}?(?:by|between)\s+", text[h.end:h.end + 60])
            if not by:
                continue
            at = h.end + by.end()
            after = [s for s in found if at - 1 <= s[0] <= at + 4]
            if after:
                return after[0], 1.0
            # "flagged by a laboratory technician, Samuel Pruitt": the name the description is of
            described = [s for s in found if _DESCRIBED_NAME.fullmatch(text[at:s[0]]) and
                         not re.match(r"\s+(?:said|says|told|added)\b", text[s[1]:])]
            if described:
                return described[0], 1.0
            np = _NP_AFTER.match(text[at:])
            if np:
                return spans.clause_after(text, at + np.start(1), 6), 0.9
        subject = [s for s in found if s[1] <= first.start and _appositive(text, s, first.start)]
        if subject:
            return subject[0], 1.0
        by_focus = _agent_by_focus(question, text, base)
        if by_focus:
            return by_focus, 1.0
        adjacent = [s for s in found if 0 <= first.start - s[1] <= 3 and not _in_phrase(text, s)]
        if adjacent:
            return adjacent[-1], 1.0
        phrase = _np_before(text, first.start)
        words = text[phrase[0]:phrase[1]] if phrase else ""
        if phrase and echo(question, words, base) < 0.75 and not SAID.search(words) and _AGENTIVE.search(words):
            return phrase, 0.8
        before = [s for s in found if s[1] <= first.start and first.start - s[1] < 80]
        # "Mount Caldrenna in northern Veskaria erupted": a name in a phrase of place is not who acted
        heads = [s for s in before if not _in_phrase(text, s)]
        if before:
            return (heads or before)[-1], 0.8
    elif by_focus := _agent_by_focus(question, text, base):
        return by_focus, 1.0
    if first is not None:  # "the target he had set for Kyiv": whom it is for is not who did it
        found = [s for s in found if not _OBJECT_AFTER.fullmatch(text[first.end:s[0]])]
    nearest = closest(found, hits)
    if nearest is None and re.match(r"(?:He|She)\b", text):
        return None  # the reader substitutes the person the pronoun stands for (see reader.read_text)
    return (nearest, 0.5) if nearest else None


_IN_PHRASE = re.compile(r"\b(?:in|at|from|near|of|outside|across)\s+(?:[a-z]+\s+)?$")


def _in_phrase(text: str, name: Span) -> bool:
    return bool(_IN_PHRASE.search(text[max(0, name[0] - 25):name[0]]))

# Nouns of bodies: "which <noun>" asks for an organization's name, not a person's or a place's.
_INSTITUTIONS = frozenset("court courts university universities union unions firm firms company companies regulator "
                          "regulators agency agencies bank banks ministry committee commission hospital school "
                          "club clubs federation association council authority insurer airline carrier "
                          "organisation organisations organization organizations body bodies institute "
                          "operator operators charity group groups".split())
# "by a laboratory technician, Samuel Pruitt", "by retired chief engineer Margaret Hollis"
_DESCRIBED_NAME = re.compile(r"an?\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+,\s+|"
                             r"(?:(?!(?:the|a|an|in|at|of|from|on|for|to|with|and|or|its|their|his|her|"
                             r"said|says|told)\b)[a-z][\w’'-]*\s+){1,4}")


def _attributive(text: str, span: Span) -> bool:
    after = text[span[1]:span[1] + 60]
    following = re.match(r"\s+([a-z]+)", after)
    if not following or following.group(1) in STOPWORDS:  # "the Court of Arbitration for Sport in Lausanne"
        return False
    if re.search(r"\b(?:the|a|an)\s+$", text[max(0, span[0] - 5):span[0]]):
        return True
    title = re.match(r"(?:\s+[a-z][\w’'-]*){0,2}\s+([a-z]+)\s+[A-Z][a-z]", after)  # "Kremlin adviser Viktor ..."
    return bool(title and title.group(1).capitalize() in proper.TITLE_WORDS)


def _agent_by_focus(question: Question, text: str, base: FactBase) -> Span | None:
    """"Which department announced it?": the city's transport department; "which firm did the work?":
    Calder & Reece, the name that "a firm based in Glasgow" describes."""
    if not question.focus or question.focus_word in _PLACE_FOCUS:
        return None
    names = answer_names(question, text, base)
    for _, b in focus_words(question, text, base):  # "hired cybersecurity firm Harborline Security"
        after = [s for s in names if s[0] > b and not text[b:s[0]].strip()]
        if after:
            return after[0]
    named = _focus_phrase(question, text, base)
    if not named:
        return None
    within = [s for s in names if s[0] <= named[0] and named[1] <= s[1] and s != named]
    if within:  # "the U.S. District Court for the Southern District of Ohio": the whole name
        return within[0]
    appositive = [s for s in names if re.fullmatch(
        r",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,2}", text[s[1]:named[0]])]
    if appositive:
        return appositive[-1]
    return named if len(text[named[0]:named[1]].split()) > 1 else None


def _named_in(name: str, mentions: list[tuple[frozenset[str], frozenset[str]]], base: FactBase) -> bool:
    """Whether the question's ``mentions`` (see ``_mentions``) name ``name``: by one of its names or by
    its role ("trump's envoy" is Mark Delaney); a name the base does not know, by a word of it
    ("Russian" is not the Kremlin's)."""
    ids = {i for found in find_entities(normalize(name), base).values() for i in found}
    if ids:
        return bool(ids & {i for _, named in mentions for i in named})
    return bool(set(base.lexicon.terms(name)) & {t for terms, _ in mentions for t in terms})


def _mentions(question: Question, base: FactBase) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The names and roles the question mentions, less the kind a which-question asks for."""
    kind = _kind_words(question, base)
    return [(terms, named) for terms, named in question.mentions if not terms <= kind]


def _kind_words(question: Question, base: FactBase) -> frozenset[str]:
    """The terms of the kind a which-question asks for ("which *salvage company* got hired?"): they
    name what the answer is, not someone the question already names ("Norcastle Salvage")."""
    if not question.focus_word:
        return frozenset()
    m = re.match(rf"^(?:which|what) ((?:[\w'-]+ ){{0,3}}?{re.escape(question.focus_word)})\b", question.normalized)
    return frozenset(base.lexicon.terms(m.group(1))) if m else frozenset()


def patient(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Whom it was done to ("who did the envoy meet?"): the first name after the verb asked about."""
    anchor = anchor_hit(hits)
    # Not a place, and not whom the question names as the one acting ("who did the Turkish president call?").
    names = [s for s in answer_names(question, text, base)
             if proper.name_kind(text, s) != "place" or proper.acting_country(text, s)]
    mentions = _mentions(question, base)
    found = [s for s in names if not _named_in(text[s[0]:s[1]], mentions, base)]
    if anchor is None or not anchor.verb:
        # The verb asked about is worded otherwise ("spoke with" for "call"): whom the sentence
        # pairs with the one the question names, the next name after that one's.
        actor = next((s for s in names if s not in found), None)
        after_actor = [s for s in found if actor is not None and s[0] > actor[1]]
        if after_actor:
            return after_actor[0], 0.8
    if anchor is not None:
        after = [s for s in found if s[0] >= anchor.end]
        if after:
            return after[0], 1.0 if after[0][0] - anchor.end < 40 else 0.7
    nearest = closest(found, hits)
    return (nearest, 0.5) if nearest else None


def _top_terms(base: FactBase) -> frozenset[str]:
    return frozenset(base.lexicon.terms(TOP_TITLES))


# "who runs X?" of a sentence saying X is "run by" someone: the one named after "by" (with "family")
_RUNS_ASKED = re.compile(r"^who (?:runs|ran|owns|owned|manages|managed|operates|operated|heads|headed|leads|led|"
                         r"founded|chairs|chaired)\b")
_RUN_BY_CHARS = 12  # right after a word of what is run
_RUN_BY = re.compile(r"\b(?:run|owned|managed|operated|headed|led|founded|chaired) by "
                     r"((?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?: family| group)?)")


PART_OF_TITLE = 0.6  # how sure a name is that holds a title asked without its branch ("army secretary")
# Branches of government and service that make a title another one: the Army Secretary is not
# the Secretary of the Security Council, the Foreign Minister not the Finance Minister.
_BRANCHES = ("army navy air force foreign defense defence finance interior home transport health education energy "
             "justice treasury trade economy labour labor environment agriculture security intelligence")


def _branch_terms(base: FactBase) -> frozenset[str]:
    return frozenset(base.lexicon.terms(_BRANCHES))


def holder(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Who holds the role asked about ("who's the mayor?"): a name with that title before it or
    in the apposition after it ("Helen Marsh, the county health commissioner")."""
    # The title asked about ("the mayor"), else the noun of "which <noun>", else the words naming the
    # role ("the builder", "the baker whose shop was wrecked").
    roles = {t for t in question.terms if t in base.title_terms} or (
        {question.focus} if question.focus else set(question.subject_terms) - set(question.alias_terms) or
        set(question.subject_terms))
    top = _top_terms(base)
    if roles & top:  # "who runs / heads Quillfort?": whoever is at its top, by any title
        roles |= top
    in_text = base.lexicon.word_index(text)
    by_body = not question.words.isdisjoint(AGENT_NOUNS)  # "who's the insurer?": a body may hold it
    asked = {t for t in question.terms if t in base.title_terms}
    partial: Found = None
    for s in proper.names(text) if any(r in in_text for r in roles) else ():
        if all(w in proper.TITLE_WORDS for w in text[s[0]:s[1]].split()):
            continue  # "Chief executive Rosalind Achterberg": "Chief" is the title, not whom it names
        kind = proper.name_kind(text, s)
        if echo(question, text[s[0]:s[1]], base) >= 1 or kind == "place" or (kind == "org" and not by_body) or \
                PARTIES.fullmatch(text[s[0]:s[1]]) or proper.GROUP.fullmatch(text[s[0]:s[1]]):
            continue
        # The role in the name ("Mayor Denise Okafor"), right before it, or in the apposition after it.
        near = text[s[0]:s[1]].split()
        lead = _lead(text, s[0], base)
        if lead:
            near += text[lead[0]:lead[1]].split()
        after = APPOSITION.match(text[s[1]:])
        if after:
            near += after.group(1).split()
        near_terms = {t for w in near for t in base.lexicon.terms(w)} | set(base.lexicon.terms(" ".join(near)))
        if roles & near_terms:
            # "who heads Aurelis?" is not answered by the board's chair in a sentence that names
            # Aurelis elsewhere: a name the question gives belongs with the role when in the text.
            elsewhere = [t for t in _role_qualifiers(question, roles, base) if t in in_text and t not in near_terms]
            if (asked - near_terms) & _branch_terms(base):
                # "the army secretary" is not "secretary of the Security Council": half the title
                partial = partial or (s, PART_OF_TITLE * (0.5 if elsewhere else 1.0))
                continue
            return s, 0.5 if elsewhere else 1.0
    if partial is not None:
        return partial
    if _RUNS_ASKED.match(question.normalized):
        for by in _RUN_BY.finditer(text):  # "who runs the duck farm?": "a duck unit run by the Rask family"
            if any(0 <= by.start() - h.end <= _RUN_BY_CHARS for h in hits):
                return by.span(1), 0.9
    found = agent(question, text, hits, base, by_role=False)
    if found is None or isinstance(found[0], str) or proper.name_kind(text, found[0]) != "person":
        return None  # a role is held by a person: not a party, a place or "the city"
    if _holds_another_role(text[found[0][0]:found[0][1]], roles, base):
        return None  # "who's the army secretary?" is not the defence minister who acted in the sentence
    return found[0], found[1] * 0.6


def _role_qualifiers(question: Question, roles: set[str], base: FactBase) -> list[str]:
    """The names the question gives the role asked about: "the *US* president", "the head of
    *Aurelis*" (not "... set a deadline for *Ukraine*", what the holder acted on)."""
    words = question.normalized.split()
    at = [i for i, w in enumerate(words) if set(base.lexicon.terms(w)) & roles]
    if not at:
        return list(question.alias_terms)
    near = " ".join(words[max(0, at[0] - 3):at[-1] + 1])
    after = re.match(r"(?:of|at|for) ((?:the )?(?:[\w'-]+ ){0,3}[\w'-]+)", " ".join(words[at[-1] + 1:]))
    if after:
        near += " " + after.group(1)
    told = set(base.lexicon.terms(near))
    return [t for t in question.alias_terms if t in told]


def _holds_another_role(name: str, roles: set[str], base: FactBase) -> bool:
    """The article gives the person named ``name`` a role, and not the one asked about."""
    known = [e.role for i in base.lexicon.ids_by_alias.get(normalize(name), ())
             if (e := base.entities.get(i)) is not None and e.role]
    return bool(known) and not any(roles & set(base.lexicon.terms(r)) for r in known)


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
        m = APPOSITION.match(text[at:])
        if m and re.fullmatch(r"\s*\d{1,3}", m.group(1)):  # "Greta Holm, 34, a teacher from ...": past the age
            at += m.end(1)
            m = APPOSITION.match(text[at:])
        if m and not SAID.match(m.group(1)):
            return (at + m.start(1), at + m.end(1)), 1.0
        party = re.match(r"\s*\(([^)]{2,40})\)", text[s[1]:])
        if party:
            return (s[1] + party.start(1), s[1] + party.end(1)), 1.0
        lead = _lead(text, s[0], base)
        titled = [w for w in text[s[0]:s[1]].split() if w in proper.TITLE_WORDS]
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
    found = _lead_words(text, start)
    if found is None:
        return None
    begin, lead = found
    if any(t in base.title_terms for w in lead.split() for t in base.lexicon.terms(w)) or lead[:1].islower():
        return begin, begin + len(lead)
    return None


@lru_cache(maxsize=65536)  # the sentences of the facts, read again and again
def _lead_words(text: str, start: int) -> tuple[int, str] | None:
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
    return begin, text[begin:start].rstrip(" ,")

_ACCORDING = re.compile(r"\baccording to ((?:the )?(?:[A-Z][\w’'.-]*(?:'s)?\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
                        r"(?=[,.;]|$)")


def speaker(question: Question, entry: Entry | None, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Who said it: the person before "said" (past an apposition: "Lorraine Whitaker, who heads
    the bureau, said"), or the source after "according to"."""
    # A name used as a modifier does not speak: "described the Geneva talks ... but warned".
    named = [s for s in proper.names(text) if not _attributive(text, s)]
    people = [s for s in named if proper.name_kind(text, s) in ("person", "name")]
    others = [s for s in named if proper.name_kind(text, s) == "org" or proper.acting_country(text, s)]
    for m in _nearest_first(list(SAID.finditer(text)), hits):
        for names in (people, others):
            # The name an apposition describes first: not a name inside it ("the Bureau of ... Enforcement").
            before = [s for s in names if s[1] <= m.start() and _appositive(text, s, m.start())] or \
                [s for s in names if s[1] <= m.start() and m.start() - s[1] < 60]
            after = [s for s in names if 0 <= s[0] - m.end() < 3]
            if before or after:
                return (before[-1] if before else after[0]), 1.0
    source = _ACCORDING.search(text)
    if source:
        return (source.start(1), source.end(1)), 0.9
    if entry is not None and _PRONOUN_SAID.search(text) and entry.fact.entities and \
            (person := base.entities.get(entry.fact.entities[0])) is not None and person.kind == "person":
        return person.name, 0.8  # '"... in a traffic jam," she said.': whom the sentence before names
    for m in SAID.finditer(text):  # "..., the city's transport department said."
        phrase = _np_before(text, m.start())
        words = text[phrase[0]:phrase[1]] if phrase else ""
        if phrase and _AGENTIVE.search(words) and echo(question, words, base) < 0.75:
            return phrase, 0.8
    if entry is not None and entry.fact.speaker and entry.fact.speaker in base.entities:
        return base.entities[entry.fact.speaker].name, 0.8
    found = agent(question, text, hits, base, by_role=False)
    return (found[0], found[1] * 0.6) if found else None


_PRONOUN_SAID = re.compile(r"\b(?:(?:he|she)\s+(?:said|says|added|told|explained|noted|warned|insisted)|"
                           r"(?:said|says|added)\s+(?:he|she))\b")


def _nearest_first(verbs: list[re.Match[str]], hits: list[Hit]) -> list[re.Match[str]]:
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


def _appositive(text: str, name: Span, verb: int) -> bool:
    """"Priya Nandakumar, who chairs the group Fair Ballot Carver, criticized": only an apposition
    stands between the name and the verb; or the apposition's own relative clause has the verb
    ("Tempora Boards, the Dutch company that supplied the clocks")."""
    between = text[name[1]:verb]
    return bool(_APPOSITION_TO_VERB.fullmatch(between) or _DESCRIBED_THAT.fullmatch(between))


# ", who chairs the group Fair Ballot Carver, "; ", president of AAU Local 318, which represents
# about 3,400 workers, ": an apposition (which may hold a relative clause) between a name and its verb.
_APPOSITION_TO_VERB = re.compile(r",\s+(?:who|which|an?|the|[a-z]+(?: [a-z]+)? (?:of|at|for))\b[^;]{0,160}?,\s*")
_DESCRIBED_THAT = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}?(?:that|which|who)\s+")


_MODIFIER_STOP = frozenset(("the", "a", "an", "of", "and", "to", "its", "their", "his", "her", "that", "by", "with",
                            "for", "in", "on", "at", "from"))
_AUXILIARIES = AUXILIARY_VERBS | {"be", "been", "being"}


def focus_words(question: Question, text: str, base: FactBase) -> list[Span]:
    """Where the noun of "which <noun>" occurs in the text."""
    words = base.lexicon.words_of(text)
    # (not a verb of the same stem: "prices have risen" holds no rise asked about as a noun)
    return [words[i][:2] for i in base.lexicon.word_index(text).get(question.focus, ())
            if not _AUXILIARY_BEFORE.search(text, 0, words[i][0])]


_AUXILIARY_BEFORE = re.compile(r"\b(?:have|has|had|is|are|was|were|be|been|will|would|to)\s+$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def modified_from(text: str, pos: int) -> int:
    """Where the noun phrase ending at ``pos`` starts: up to three modifiers back ("transport")."""
    start = pos
    for w in reversed(list(re.finditer(r"[\w’'-]+(?:[.,]\d+)*", text[:pos]))[-3:]):  # "6.5 percent": one word
        if w.group(0).lower() in _AUXILIARIES:
            return pos  # "Halbrook has asked journals": the words after an auxiliary are its verb, no modifier
        if w.group(0).lower() in _MODIFIER_STOP or text[w.end():start].strip():
            break
        start = w.start()
        if w.group(0).lower() in spans.NUMBER_WORDS or w.group(0)[:1].isdigit():
            break  # a count opens its noun phrase: "diverted three bus routes" is "three bus routes"
    # "the Eastgate and Millbrook districts": names coordinated before the noun are its modifiers too
    both = re.search(r"\b([A-Z][\w’'-]+(?:,\s+[A-Z][\w’'-]+)*,?\s+and\s+)$", text[:start])
    return both.start(1) if both and start < pos and text[start].isupper() else start


def _focus_phrase(question: Question, text: str, base: FactBase) -> Span | None:
    """The noun phrase that ends in the focus noun, with its modifiers ("the city's transport department")."""
    for a, b in focus_words(question, text, base):
        start = modified_from(text, a)
        if echo(question, text[start:b], base) < 0.75:
            return start, b
    return None
