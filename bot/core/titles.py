"""Titles and appositions around a person's name, and the role a question asks about.

The title or role words right before a name, the apposition set after it, whether only an
apposition stands between a name and its verb; the branches of government that make a title
another one, the names a question gives the role it asks about, whether the article gives
a person another role, and whether a name is only an office ("President of Turkey").
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core import proper
from bot.core.factbase import FactBase
from bot.core.questions import Question
from bot.core.spans import Span
from bot.core.text import normalize

# Not a phrase of time, place or source ("..., according to hospital spokeswoman Clara Dunsmore").
APPOSITION = re.compile(r"^\s*(?:\([^)]{2,40}\))?,(?!\s*(?:and|or|but|while|nor|according|in|at|on|with|from|for|after|"
                        r"before|by|during|until|since)\s)\s*"
                        r"((?:who|which)\s+[^,.;]{3,80}|(?:a|an|the)?\s*[^,.;“\"]{3,80}?)"
                        r"(?=,|\.|;|$)")


# Branches of government and service that make a title another one: the Army Secretary is not
# the Secretary of the Security Council, the Foreign Minister not the Finance Minister.
_BRANCHES = ("army navy air force foreign defense defence finance interior home transport health education energy "
             "justice treasury trade economy labour labor environment agriculture security intelligence")


def branch_terms(base: FactBase) -> frozenset[str]:
    """The terms of the branches (``_BRANCHES``)."""
    return frozenset(base.lexicon.terms(_BRANCHES))


def role_qualifiers(question: Question, roles: set[str], base: FactBase) -> list[str]:
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


def holds_another_role(name: str, roles: set[str], base: FactBase) -> bool:
    """The article gives the person named ``name`` a role, and not the one asked about."""
    known = [e.role for i in base.lexicon.ids_by_alias.get(normalize(name), ())
             if (e := base.entities.get(i)) is not None and e.role]
    return bool(known) and not any(roles & set(base.lexicon.terms(r)) for r in known)


_LEAD_STOP = frozenset("the a an of in on at by said says told and with for to from as his her their its was is "
                       "were are has had have that who which".split())


def lead(text: str, start: int, base: FactBase) -> Span | None:
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


def appositive(text: str, name: Span, verb: int) -> bool:
    """"Priya Nandakumar, who chairs the group Fair Ballot Carver, criticized": only an apposition
    stands between the name and the verb; or the apposition's own relative clause has the verb
    ("Tempora Boards, the Dutch company that supplied the clocks")."""
    between = text[name[1]:verb]
    return bool(_APPOSITION_TO_VERB.fullmatch(between) or _DESCRIBED_THAT.fullmatch(between))


# ", who chairs the group Fair Ballot Carver, "; ", president of AAU Local 318, which represents
# about 3,400 workers, ": an apposition (which may hold a relative clause) between a name and its verb.
_APPOSITION_TO_VERB = re.compile(r",\s+(?:who|which|an?|the|[a-z]+(?: [a-z]+)? (?:of|at|for))\b[^;]{0,160}?,\s*")
_DESCRIBED_THAT = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,4}?(?:that|which|who)\s+")


# Words of an office's name besides its titles ("US Army Secretary", "British Foreign Minister").
_OFFICE_WORDS = frozenset("US U.S. UK EU UN Deputy Acting Former Foreign Defence Defense Interior Finance Health Army "
                          "Navy State Economy Justice Trade Energy Transport Education Labour Labor".split())


def role_only(answer: str) -> bool:
    """Whether every name in the answer is an office, no one's name: "President of Turkey",
    "British Prime Minister", "US Congressman, Democrat" (one word after "of" is whose office)."""
    found = proper.names(answer)
    if not found:
        return False
    for a, b in found:
        piece = answer[a:b]
        if proper.PARTIES.fullmatch(piece):
            continue
        own, *whose = re.split(r"\s+of\s+", piece, maxsplit=1)
        if whose and len(whose[0].split()) > 1:
            return False  # "Secretary of State Pompeo": the name after the office's
        own = own.split()
        if not any(w in proper.TITLE_WORDS for w in own) or \
                not all(w in proper.TITLE_WORDS or w in proper.DEMONYMS or w in _OFFICE_WORDS for w in own):
            return False
    return True
