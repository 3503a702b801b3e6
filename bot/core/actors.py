"""The people and organizations that answer who-questions, found in a sentence.

Each finder returns the span of the answer with a strength (see ``typed``): the agent of the
verb asked about, a role's holder, who said it. The three fall back on one another (who holds
a role or said it may be who acted; who acted may be asked as a role or a report), so they
stay together; whom it was done to is in ``patients``, what a person is in ``descriptions``.
"""
from __future__ import annotations

import re

from bot.core import proper, titles
from bot.core.clauseends import clause_after
from bot.core.factbase import Entry, FactBase
from bot.core.hits import Hit, anchor_hit, answer_names, closest, echo, fresh
from bot.core.kinds import AGENT_NOUNS, TOP_TITLES
from bot.core.nounphrases import attributive, focus_phrase, focus_words, np_before
from bot.core.proper import PARTIES
from bot.core.questions import Question
from bot.core.saying import ACCORDING, PRONOUN_SAID, SAID, nearest_first
from bot.core.spans import Span

Found = tuple[Span | str, float] | None


# The question's verb is one of reporting ("who reported ...", "who announced ..."): who said it.
_REPORTING_TERMS = frozenset({"report", "announc", "claim", "stat", "tell", "post", "say", "warn", "insist",
                              "stress", "not", "add", "declar", "confirm", "reveal", "disclos"})
# Nouns that can do things: "the national weather service issued", "the provincial finance office".
_AGENTIVE = re.compile(r"(?:service|office|department|agency|union|group|council|committee|commission|company|firm|"
                       r"government|ministry|authorities|police|court|board|team|force|forces|army|military|"
                       r"[a-z]+(?:ers|ors|ists|ians|ants|ents|men|women|people|officials|residents))$")
_NP_AFTER = re.compile(r"^\s*((?:the|a|an|its|his|her|their|our)\s+(?:[\w’'-]+\s*){1,5})")
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
    found = [s for s in found if not attributive(text, s)] or found
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
                return clause_after(text, at + np.start(1), 6), 0.9
        subject = [s for s in found if s[1] <= first.start and titles.appositive(text, s, first.start)]
        if subject:
            return subject[0], 1.0
        by_focus = _agent_by_focus(question, text, base)
        if by_focus:
            return by_focus, 1.0
        adjacent = [s for s in found if 0 <= first.start - s[1] <= 3 and not _in_phrase(text, s)]
        if adjacent:
            return adjacent[-1], 1.0
        phrase = np_before(text, first.start)
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
    named = focus_phrase(question, text, base)
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


def _top_terms(base: FactBase) -> frozenset[str]:
    return frozenset(base.lexicon.terms(TOP_TITLES))


# "who runs X?" of a sentence saying X is "run by" someone: the one named after "by" (with "family")
_RUNS_ASKED = re.compile(r"^who (?:runs|ran|owns|owned|manages|managed|operates|operated|heads|headed|leads|led|"
                         r"founded|chairs|chaired)\b")
_RUN_BY_CHARS = 12  # right after a word of what is run
_RUN_BY = re.compile(r"\b(?:run|owned|managed|operated|headed|led|founded|chaired) by "
                     r"((?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*(?: family| group)?)")


PART_OF_TITLE = 0.6  # how sure a name is that holds a title asked without its branch ("army secretary")


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
        lead = titles.lead(text, s[0], base)
        if lead:
            near += text[lead[0]:lead[1]].split()
        after = titles.APPOSITION.match(text[s[1]:])
        if after:
            near += after.group(1).split()
        near_terms = {t for w in near for t in base.lexicon.terms(w)} | set(base.lexicon.terms(" ".join(near)))
        if roles & near_terms:
            # "who heads Aurelis?" is not answered by the board's chair in a sentence that names
            # Aurelis elsewhere: a name the question gives belongs with the role when in the text.
            elsewhere = [t for t in titles.role_qualifiers(question, roles, base)
                         if t in in_text and t not in near_terms]
            if (asked - near_terms) & titles.branch_terms(base):
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
    if titles.holds_another_role(text[found[0][0]:found[0][1]], roles, base):
        return None  # "who's the army secretary?" is not the defence minister who acted in the sentence
    return found[0], found[1] * 0.6


def speaker(question: Question, entry: Entry | None, text: str, hits: list[Hit], base: FactBase) -> Found:
    """Who said it: the person before "said" (past an apposition: "Lorraine Whitaker, who heads
    the bureau, said"), or the source after "according to"."""
    # A name used as a modifier does not speak: "described the Geneva talks ... but warned".
    named = [s for s in proper.names(text) if not attributive(text, s)]
    people = [s for s in named if proper.name_kind(text, s) in ("person", "name")]
    others = [s for s in named if proper.name_kind(text, s) == "org" or proper.acting_country(text, s)]
    for m in nearest_first(list(SAID.finditer(text)), hits):
        for names in (people, others):
            # The name an apposition describes first: not a name inside it ("the Bureau of ... Enforcement").
            before = [s for s in names if s[1] <= m.start() and titles.appositive(text, s, m.start())] or \
                [s for s in names if s[1] <= m.start() and m.start() - s[1] < 60]
            after = [s for s in names if 0 <= s[0] - m.end() < 3]
            if before or after:
                return (before[-1] if before else after[0]), 1.0
    source = ACCORDING.search(text)
    if source:
        return (source.start(1), source.end(1)), 0.9
    if entry is not None and PRONOUN_SAID.search(text) and entry.fact.entities and \
            (person := base.entities.get(entry.fact.entities[0])) is not None and person.kind == "person":
        return person.name, 0.8  # '"... in a traffic jam," she said.': whom the sentence before names
    for m in SAID.finditer(text):  # "..., the city's transport department said."
        phrase = np_before(text, m.start())
        words = text[phrase[0]:phrase[1]] if phrase else ""
        if phrase and _AGENTIVE.search(words) and echo(question, words, base) < 0.75:
            return phrase, 0.8
    if entry is not None and entry.fact.speaker and entry.fact.speaker in base.entities:
        return base.entities[entry.fact.speaker].name, 0.8
    found = agent(question, text, hits, base, by_role=False)
    return (found[0], found[1] * 0.6) if found else None
