"""The noun a question asks about, and what a question asks for (``Parse``).

The focus noun of "which <noun>" or "what <noun>" ends where the question's verb begins ("which
company *built* the plant", "which workers *lose* hours"), and says the kind of answer wanted (a
place, a person, a date, an amount). The words both this and ``qtypes`` read a question by are
here too: the auxiliaries and the irregular past forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.kinds import AGENT_NOUNS, AMOUNT_NOUNS, PERSON_NOUNS, PLACE_NOUNS, TIME_NOUNS
from bot.core.models import QuestionType
from bot.core.proper import TITLE_WORDS
from bot.core.spans import NUMBER_WORDS
from bot.core.text import AUXILIARY_VERBS, IRREGULAR_BASES, english_words

AUX = AUXILIARY_VERBS | {"isn't", "wasn't", "didn't", "doesn't", "won't", "aren't", "hasn't", "haven't", "wouldn't",
                         "couldn't", "weren't", "shouldn't"}
AUX_RE = r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|must)"
_KIND_OF = re.compile(r"^(?:kind|kinds|type|types|sort|sorts|form|forms|size|amount|number|level) of ")


@dataclass(frozen=True)
class Parse:
    """What a question asks for: slot type, kind of span, focus noun and the words naming its subject."""

    qtype: QuestionType
    want: str
    focus: str = ""
    subject_text: str = ""
    kind_of: bool = False  # "what kind of <noun>": the answer says what kind
    verb: str = ""  # the question's verb, when its place in the question shows it ("who *led* ...")


def head(words: str) -> str:
    """The focus noun of "which <adjectives> <noun> ...": the last word before the verb."""
    words = re.split(r" (?:of|in|at|on|near|from|outside|inside|about|for|with|against|regarding|concerning|"
                     r"between|among|into|over) ", _KIND_OF.sub("", words.strip()))[0]
    words = _PER_PERIOD.sub("", words)  # "how many flights a day ...": flights
    kept = words.split()
    while len(kept) > 1 and kept[-1] in _TRAILING_ADVERBS:  # "the share price now": the price
        kept.pop()
    return kept[-1] if kept else ""


_PER_PERIOD = re.compile(r" (?:a|an|per|each|every) (?:day|night|week|month|year|hour|season|game|match)$")
_TRAILING_ADVERBS = frozenset("now today currently then again exactly anyway already yet still".split())


IRREGULAR = ("got|get|gets|had|came|went|took|made|drew|wrote|gave|met|led|said|told|built|set|sent|won|lost|held|"
             "brought|bought|began|ran|saw|paid|sold|left|struck|hit|put|spoke|chose|rose|fell|grew|knew|found|"
             "thought|became|kept|stood|flew|fought|broke|shut|meant|cost|sought|taught|threw|wore|hung|dug|"
             "blew|drove|ate|forgot|froze|hid|rode|shook|stole|swore|tore|woke|felt|dealt|lent|spent|bent|caught|"
             "sank|swept|fled|shot|spun|slid|withdrew|oversaw|undertook|slept|swam|sang|drank|fed|bled|crept|"
             "leapt|sat|stuck|sprang|burst|quit|shed|spread|overcame|overtook|withheld|forbade|stung|swung")
_VERB_AFTER = re.compile(rf"^(?:{AUX_RE}|{IRREGULAR}|[\w-]+ed|\w+s)$")  # "co-hosted"
_OBJECT_START = frozenset("the a an to his her their its this that these those it them him with at in on during after "
                          "between over".split())


_PLURAL = re.compile(r"^[a-z-]{3,}[^su']s$")


def _bare_verb(word: str) -> bool:
    """Whether ``word`` is a verb's bare form, as a plural subject governs it ("which parties *make*
    up ...", "which firms *offer* ..."): an irregular one, or a word English also writes with -s and
    with -ed (and no noun asked about: "which bus routes"); no auxiliary."""
    if word in AUX:
        return False
    if word in IRREGULAR_BASES:
        return True
    if not word.isalpha() or word.endswith("s") or word in AGENT_NOUNS or word in PLACE_NOUNS:
        return False
    english = english_words()
    return word + "s" in english and (word + "ed" in english or word + "d" in english)


_NOUN_FOLLOWS = frozenset({"of", "other", "another", "several", "few", "more", "both", "same", "different",
                           "main", *NUMBER_WORDS})


def which(text: str) -> Parse | None:
    words = text.split()[1:]
    if text.startswith("what ") and len(words) > 1 and re.match(rf"^(?:{IRREGULAR}|\w+ed|happens)$", words[0]) and \
            words[1] in _OBJECT_START:
        return None  # "what caused the flooding?", "what happened to the site?": what did it, not which noun
    noun: list[str] = []
    verb = ""
    for i, w in enumerate(words[:6]):
        if w in ("the", "a", "an", "his", "her", "their", "its") and len(noun) > 1:
            verb = noun.pop()  # "which company built the plant": the word before the article was a verb
            break
        # "kinds of facilities", "which two other manufacturers buy ...": a noun follows "of", a number
        # or a quantifier, however much it looks like a verb in -s
        after_of = bool(noun) and (noun[-1] in _NOUN_FOLLOWS or noun[-1].isdigit())
        # ... and a plural noun there ends the noun: what comes next is the verb ("manufacturers *buy*")
        plural_ended = len(noun) > 1 and (noun[-2] in _NOUN_FOLLOWS or noun[-2].isdigit()) and \
            noun[-2] != "of" and noun[-1].endswith("s") and w not in ("of", "and", "or")
        if plural_ended and w not in AUX and w.isalpha():
            verb = w
            break
        if noun and _PLURAL.match(noun[-1]) and not after_of and _bare_verb(w):
            verb = w  # "which workers *lose* hours", "which parties *make* up ...": a plural's verb has no -s
            break
        if w in AUX or (i > 0 and not after_of and _VERB_AFTER.match(w) and w not in AGENT_NOUNS
                        and w not in PLACE_NOUNS):
            verb = "" if w in AUX else w
            break
        noun.append(w)
    if verb and len(noun) > 1 and noun[-1] in ("co", "re", "pre", "non", "self", "over", "under"):
        noun.pop()  # "which leader co-hosted it": normalizing split the verb's prefix off
    if not noun:
        return None
    parse = which_noun(noun)
    return Parse(parse.qtype, parse.want, parse.focus, kind_of=parse.kind_of, verb=verb) if parse else None


def which_noun(noun: list[str]) -> Parse | None:
    focus = head(" ".join(noun))
    if not focus or focus in ("the", "a", "an", "it", "this", "that", "they", "he", "she"):
        return None
    if focus in PLACE_NOUNS:
        return Parse("where", "place", focus)
    if re.match(rf"^{PERSON_NOUNS}$", focus) or focus.capitalize() in TITLE_WORDS:  # "which judge wrote it?"
        return Parse("who", "agent", focus)
    if focus in ("condition", "conditions", "circumstances", "terms", "proviso"):
        return Parse("which", "condition", focus)  # "under what condition will he honor it?"
    if focus in TIME_NOUNS:  # "what's the deadline?" asks for a date
        return Parse("when", "year" if focus.startswith("year") else "date", focus)
    if focus in AGENT_NOUNS:
        return Parse("which", "agent", focus)
    if focus in AMOUNT_NOUNS:
        return Parse("how_many", "amount", focus)
    return Parse("which", "focus", focus, kind_of=bool(_KIND_OF.match(" ".join(noun))))
