"""Whether an answer has the shape its question asks for, and whether its sentence contradicts
a qualifier of the question.

Two signals the ranker and the decider weigh (see ``decider``), computed from the words alone:

* ``shape``: +1 when the answer is of the asked kind (a name for who, a date for when, a sum
  of money for "how much did it cost", a count of the noun asked about), -1 when it plainly is
  not ("a Democrat" for who, "22 percent" for a price, "two days" for how many people, a year
  for "what time"), 0 when the words cannot tell.
* ``contrast``: the question names a member of a closed class (an ordinal, a quarter, a month,
  a weekday, a direction of change, a casualty word) that the sentence read does not have,
  while the sentence has another member of the same class: "the second-quarter loss" is not
  answered by the third-quarter loss, nor "how many were injured" by how many were killed.

The shapes of counts and amounts are in ``quantities``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core import proper, spans
from bot.core.kinds import PERSON_WORD, kind_noun
from bot.core.quantities import amount_shape, count_shape, counts_the_kind, lowercase_words
from bot.core.questions import Question
from bot.core.text import stem
from bot.core.titles import role_only

#: Closed classes of qualifiers: a question naming one member is not answered by a sentence
#: naming only another. General English, no article's vocabulary.
CONTRAST_CLASSES: tuple[frozenset[str], ...] = tuple(frozenset(c.split()) for c in (
    "first second third fourth fifth sixth seventh eighth ninth tenth",
    "january february march april june july august september october november december",  # not "may"
    "monday tuesday wednesday thursday friday saturday sunday weekdays weekend weekends",
    "q1 q2 q3 q4",
    "morning afternoon evening night",
    "spring summer autumn winter",
    "injured wounded hurt killed dead died death deaths",
    "rose rise rises risen gained gain increase increased up fell fall falls fallen dropped drop "
    "declined decline decrease decreased down",
    "won win wins lost lose loses",
    "opened open opens closed close closes",
    "north south east west northern southern eastern western",
    "acting interim caretaker temporary permanent",
    "damaged destroyed",
    "earthquake earthquakes quake quakes aftershock aftershocks",
    "minimum maximum",
    "imports exports",
    "men women",
    "adults children",
))
# Words of one class that mean the same (a question's "injured" is a sentence's "wounded").
_SAME = tuple(frozenset(c.split()) for c in (
    "injured wounded hurt", "killed dead died death deaths", "rose rise rises risen gained gain increase increased up",
    "fell fall falls fallen dropped drop declined decline decrease decreased down", "won win wins",
    "lost lose loses", "weekend weekends", "opened open opens", "closed close closes",
    "north northern", "south southern", "east eastern", "west western",
    "earthquake earthquakes quake quakes", "aftershock aftershocks",
))
_MONTHS = CONTRAST_CLASSES[1]
_NOT_PROPER = proper.TITLE_WORDS | proper.PLACE_WORDS | proper.ORG_WORDS | proper.DEMONYMS | proper.CLUB_ENDS | \
    proper.TRADE_ENDS
_CLASS_OF = {w: i for i, c in enumerate(CONTRAST_CLASSES) for w in c}
_SAME_OF = {w: s for s in _SAME for w in s}
_MOMENT = re.compile(rf"(?:{'|'.join(spans.DAYS)})(?:\s+(?:morning|afternoon|evening|night))?(?:\s*\([^)]*\))?"
                     r"|today|tomorrow|yesterday|tonight", re.IGNORECASE)
_DAY_TOLD = re.compile(rf"\b(?:(?:{'|'.join(spans.DAYS)})s?|today|yesterday|tomorrow|day|night|eve)\b|"
                       rf"\b(?:{'|'.join(spans.MONTHS)})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{'|'.join(spans.MONTHS)})\b",
                       re.IGNORECASE)
_CLOCK = re.compile(rf"{spans.CLOCK.pattern}|\b(?:morning|afternoon|evening|night|dawn|dusk)\b", re.IGNORECASE)


# A rank below the role asked: "who's the mayor?" is not answered by "Deputy Mayor Sofia Larrain"
# (but an acting or interim holder is often the deputy).
_BELOW_ROLE = re.compile(r"\b(deputy|vice|assistant|associate)[- ]+([a-z]+)", re.IGNORECASE)
# Nationalities (not regions: a British leader is also a European one).
_NATIONS = proper.DEMONYMS - frozenset("European Western Eastern Northern Southern Arab Latin Nordic Baltic Soviet "
                                      "Mediterranean Atlantic Pacific Federal African Asian".split())
_WHOLE_ASKED = re.compile(r"^what (?:are|were) the (\d+|" + "|".join(spans.NUMBER_WORDS) + r") ([a-z]+)")


# How long someone has held a role (``spans.TENURE_ASKED``): years, not the minutes of a meeting.
_SHORT_SPAN = re.compile(r"\b(?:seconds?|minutes?|hours?|nights?|evenings?|mornings?|afternoons?)\b")
_BEFORE_ASKED = re.compile(r"^(?:who|which \w+) (?:was|were|had been|served as) .*\b(?:before|prior to)\b|"
                           r"\b(?:predecessor|previous (?:ceo|chief|coach|head|mayor|president|owner|manager))\b")
_BEFORE_TOLD = re.compile(r"\b(?:before|former|formerly|previous|previously|predecessor|replac\w*|succeed\w*|"
                          r"took over|taking over|until|ex-|preceded|outgoing|interim)", re.I)
_NOW_ASKED = re.compile(r"^(?:who|who's|whos|which \w+) (?:is |are )?(?:the )?(?:\w+ ){0,3}?(?:\w+ )?now$|"
                        r"^(?:who|who's|whos) (?:is )?(?:the )?(?:current|new|present) ")
_FORMER_TOLD = re.compile(r"\b(?:former|formerly|ex-|outgoing|then-)", re.I)
_NOW_TOLD = re.compile(r"\b(?:now|current|currently|new|incoming|successor|succeeded|replaced|took over|sworn in)\b",
                       re.I)
_FUTURE_ASKED = re.compile(r"^when (?:will|ll|is (?:\w+ ){1,4}going to|are (?:\w+ ){1,4}going to)\b")
_FUTURE_TOLD = re.compile(r"\b(?:will|would|shall|going to|expected|expects?|plans?|planned|scheduled|set to|due|"
                          r"next|deadline|until|by|soon|later|aims?|hopes?|intends?|upcoming|coming|future)\b", re.I)


def contrast(question: Question, sentence: str, *paragraph: frozenset[str]) -> bool:
    """The question's qualifier is missing from ``sentence``, which has a rival of the same class;
    or the question names a month the fact's paragraph (its terms, ``paragraph``) does not; or it
    asks when something will happen and the sentence tells nothing ahead; or who held a role before
    and the sentence says nothing of before, a predecessor or a replacement."""
    if _FUTURE_ASKED.match(question.normalized) and not _FUTURE_TOLD.search(sentence):
        return True  # "when will the war end?" is not answered by what a sentence says happened
    if _BEFORE_ASKED.search(question.normalized) and not _BEFORE_TOLD.search(sentence):
        return True  # "who was CEO before the current one?" is not answered by who is CEO now
    if _NOW_ASKED.search(question.normalized) and _FORMER_TOLD.search(sentence) and not _NOW_TOLD.search(sentence):
        return True  # "who's the mayor now?" is not answered by "former mayor Tobias Wrenfield"
    asked = _qualifiers(question.normalized)
    if not asked:
        return False
    if paragraph and any(w in _MONTHS and not any(stem(w) in p for p in paragraph) for w in asked):
        return True
    have = set(lowercase_words(sentence.replace("-", " ")))
    for w in asked:
        same = _SAME_OF.get(w, frozenset({w}))
        if same & have:
            continue
        if any(_CLASS_OF.get(h) == _CLASS_OF[w] for h in have):
            return True
    return False


@lru_cache(maxsize=4096)
def _qualifiers(normalized: str) -> tuple[str, ...]:
    return tuple(w for w in normalized.replace("-", " ").split() if w in _CLASS_OF)


def _is_name(answer: str) -> bool:
    """A capitalized name that is not a description ("a Democrat", "an American")."""
    return any(not re.search(r"\b(?:a|an)\s+$", answer[:s[0]]) for s in proper.names(answer))



# Places asked for that lie within a country: a country alone does not answer "what state?".
_WITHIN_A_COUNTRY = frozenset("state province city town village county region district suburb".split())


def shape(question: Question, answer: str) -> int:
    """+1 the answer is of the asked kind, -1 it plainly is not, 0 the words cannot tell."""
    return _shape(question.want, question.focus, question.focus_word, question.normalized, question.words, answer,
                  question.focus_forms)


@lru_cache(maxsize=65536)
def _shape(want: str, focus: str, focus_word: str, normalized: str, words: frozenset[str], answer: str,
           forms: frozenset[str] = frozenset()) -> int:
    if want in ("agent", "patient", "speaker", "holder", "name"):
        if want == "name" and focus_word and not PERSON_WORD.match(focus_word) and \
                any(proper.name_kind(answer, s) == "person" and proper.TITLE_WORDS & set(answer[s[0]:s[1]].split())
                    for s in proper.names(answer)):
            return -1  # "the name of the private club" is not "Army Secretary Thomas Reardon"
        if not words & {"acting", "interim"} and any(m.group(2).lower() in words and m.group(1).lower() not in words
                                                     for m in _BELOW_ROLE.finditer(answer)):
            return -1
        asked = {w for w in words if w.capitalize() in _NATIONS}
        said = {w.lower() for w in re.findall(r"[A-Z][a-z]+", answer) if w in _NATIONS}
        if asked and said and not asked & said:
            return -1  # "which British leader ...?" is not answered by "French President Emmanuel Macron"
        if normalized.startswith("which ") and not re.search(r"\d", normalized) and \
                counts_the_kind(answer, focus_word, forms):
            return -1  # "which board members voted for it?" is not answered by "four board members"
        if _is_name(answer):
            if "party" not in words and role_only(answer):
                return -1  # "the turkish president - who?" is not answered by "President of Turkey"
            return _new_name(words, answer, _kind_words(normalized, focus_word))
        # "a Democrat", "an engineer": a description of someone, not who.
        indefinite = re.match(r"(?:a|an)\s", answer.strip())
        return -1 if indefinite or spans.DATE.fullmatch(answer.strip()) or not re.search(r"[a-z]{3}", answer) else 0
    if want == "date":
        if focus_word in ("day", "weekday"):  # "what day ...?": a day, not "September 1998"
            if "week" in words or focus_word == "weekday":  # "what day of the week": its name
                return 1 if re.search(rf"\b(?:{'|'.join(spans.DAYS)})s?\b", answer) else -1
            return 1 if _DAY_TOLD.search(answer) else -1
        if focus_word in ("time", "hour", "hours") or re.search(r"\bwhat time\b", normalized):  # "opening hours"
            return 1 if _CLOCK.search(answer) else -1
        return 1 if spans.DATE.search(answer) else -1
    if want == "year":
        return 1 if spans.YEAR.search(answer) else -1
    if want == "duration":
        if spans.TENURE_ASKED.match(normalized) and _SHORT_SPAN.search(answer):
            return -1  # "how long has she been council chair?" is not "about 15 minutes"
        if spans.HOW_OFTEN.search(normalized):
            return 1 if spans.FREQUENCY.search(answer) else -1
        if spans.DURATION.search(answer) or (spans.LENGTH_ASKED.match(normalized) and spans.LENGTH.search(answer)):
            return 1  # "how long is the tram line?" of a thing: its length
        # "since March 2025" can say how long it has been; "Tuesday" cannot, nor a date how long it lasted
        if spans.HOW_LONG_LASTED.search(normalized) and \
                not re.match(r"(?:since|from|until|till|through|by)\b", answer.strip(), re.IGNORECASE):
            return -1
        return 0 if spans.DATE.search(answer) and not _MOMENT.fullmatch(answer.strip()) else -1
    if want == "place":
        named = proper.names(answer)
        if named and all(proper.TITLE_WORDS & set(answer[n[0]:n[1]].split()[:-1]) and
                         proper.name_kind(answer, n) == "person" for n in named) and \
                not re.search(r"\b(?:in|at|near|outside|on)\s", answer):
            return -1  # "where is the shelter?" is not answered by "Mayor Tanya Brooks"
        # (the question's country may be read as the article's adjective: "croatia" as "croatian")
        within = {m.group(1)[:4] for m in re.finditer(r"\bin ([a-z]+)", normalized)
                  if m.group(1).capitalize() in proper.COUNTRIES | proper.DEMONYMS}
        if within and named and all(answer[a:b] in proper.COUNTRIES and answer[a:a + 4].lower() not in within
                                    for a, b in named):
            return -1  # "where in croatia is the holiday home?" is not answered by "Austria"
        if focus_word in _WITHIN_A_COUNTRY and named and all(answer[a:b] in proper.COUNTRIES for a, b in named):
            return -1  # "what state is the senator from?" is not answered by "Canada"
        if _is_name(answer):
            return -1 if role_only(answer) else _new_name(words, answer, _kind_words(normalized, focus_word))
        # "in an interview": no place in particular (but "where will the money come from?": "from a
        # reserve fund" is where)
        if normalized.endswith(" from") and answer.strip().startswith("from "):
            return 0
        return -1 if re.match(r"(?:(?:in|at|on|from|to|into)\s+)?(?:a|an)\s", answer.strip()) else 0
    if want in ("thing", "focus") and (whole := _WHOLE_ASKED.match(normalized)) and \
            re.search(rf"\b{whole.group(1)}[- ]{whole.group(2)[:4]}", answer.lower()):
        return -1  # "what are the 28 points?" is not answered by "the 28-point plan": the whole, not its parts
    if want == "focus" and normalized.startswith("which ") and _only_the_kind(answer, focus_word, forms):
        return -1  # "which neighbourhoods were under the order?" is not answered by "nearby neighbourhoods"
    if want == "focus" and not re.search(r"\d", normalized) and counts_the_kind(answer, focus_word, forms):
        return -1  # "which bus routes were diverted?" is not answered by "three bus routes": which, not how many
    if want in ("thing", "focus") and (not focus or not (kind_noun(focus_word) or normalized.startswith("whose"))) \
            and _only_people(answer):
        # "what does the pilots' union want?" is not answered by "president Conor Hegarty", nor "what
        # noise did the guide hear?" by the guide's name
        return -1
    if want == "description" and not re.search(r"[A-Za-z]{3}", answer):
        return -1  # "what is Jennings' job?" is not answered by his age
    if want == "count":
        if _PART_ASKED.match(normalized) and not _PART_TOLD.search(answer):
            return min(0, count_shape(focus, focus_word, answer, forms, words))  # a whole is not its part
        return count_shape(focus, focus_word, answer, forms, words)
    if want == "amount":
        return amount_shape(normalized, focus_word, answer)
    return 0


def _only_the_kind(answer: str, focus_word: str, forms: frozenset[str]) -> bool:
    """The answer is the kind asked about with a word or two of description and nothing that names
    or counts one ("nearby neighbourhoods", "the affected areas")."""
    words = re.findall(r"[\w'’-]+", answer)
    return 0 < len(words) <= 3 and not any(w[:1].isupper() or w[:1].isdigit() for w in words) and \
        stem(words[-1].lower()) in {stem(w) for w in forms | {focus_word} if w}


def _only_people(answer: str) -> bool:
    """The answer names people and says nothing else but their titles."""
    named = proper.names(answer)
    if not named or any(proper.name_kind(answer, n) != "person" for n in named):
        return False
    rest = answer
    for a, b in sorted(named, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    titles = {t.lower() for t in proper.TITLE_WORDS}
    return not [w for w in re.findall(r"[A-Za-z][\w'-]+", rest) if w.lower() not in titles | {"and", "the"}]


def _kind_words(normalized: str, focus_word: str) -> frozenset[str]:
    """The words that say what kind the asked noun is: "salvage" in "which salvage company"."""
    if not focus_word:
        return frozenset()
    m = re.search(rf"((?:[\w'-]+ ){{1,2}}){re.escape(focus_word)}\b", normalized)
    return frozenset(m.group(1).split()) if m else frozenset()


# The last words of a name that say what kind of body it is, not which ("Veskavia Airports").
_GENERIC_NAME_WORDS = proper.ORG_WORDS | {"Airport", "Airports", "Port", "Railway", "Railways", "Utilities"}


def _new_name(words: frozenset[str], answer: str, kinds: frozenset[str] = frozenset()) -> int:
    """+1 for a name the question does not already give; -1 when the question already has the
    last proper word (the surname, the place) of every name in the answer ("who replaced
    Lysenko?" is not answered by Andriy Lysenko, nor "which venue in Geneva?" by Geneva). Titles
    and words such as River or Union are not what makes a name new."""
    surnames = []
    found = proper.names(answer)
    if found and all(w.strip(".,") in proper.TITLE_WORDS for a, b in found for w in answer[a:b].split()):
        return -1  # "Chief" alone is a title cut from a name, no name
    for a, b in found:
        if proper.PARTIES.fullmatch(answer[a:b]):
            continue  # "(Democrat)" says what the person named is, it names no one new
        own = [w for w in answer[a:b].split() if w.strip(".,") not in _NOT_PROPER and w[:1].isupper()]
        while len(own) > 1 and own[-1].strip(".,'’").lower() in kinds:
            own.pop()  # "Norcastle Salvage" for "which salvage company?": Norcastle is what is new
        while len(own) > 1 and own[-1].strip(".,'’") in _GENERIC_NAME_WORDS and own[-1].strip(".,'’").lower() in words:
            own.pop()  # "Veskavia Airports" for "who operates the airports?": the airports are its kind
        if own:
            surnames.append(own[-1].strip(".,'’").lower())
    return -1 if surnames and all(w in words for w in surnames) else 1


# "How many of the injured were pedestrians?" asks a part: "Eleven of them", not "41 riders".
_PART_ASKED = re.compile(r"^how many of (?:the|them|those|these)\b")
_PART_TOLD = re.compile(r"\bof\b|\b(?:were|was|are|is)\b")
