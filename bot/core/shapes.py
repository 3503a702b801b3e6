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
"""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core import proper, spans
from bot.core.kinds import AMOUNT_NOUNS, PERSON_WORD
from bot.core.questions import Question
from bot.core.text import stem

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
_WORD = re.compile(r"[a-z0-9]+")

_MONEY_ASKED = re.compile(r"\b(?:cost|costs|costing|pay|paid|pays|price|priced|worth|spend|spent|spending|fund|funding|"
                          r"funded|loan|money|budget|fee|fees|salary|invest|invested|investment|raise|raised|dollars?|"
                          r"euros?|pounds?|grant|bond|fine|fined|compensation|expensive|costly|charge|charged)\b")
# ("per share" and "share price" ask for money)
_PERCENT_ASKED = re.compile(r"\b(?:percent|percentage|per cent|(?<!per )share(?! prices?\b)|proportion|rate|"
                            r"fraction|yield|inflation|unemployment)\b")  # ("bond yield": a percent, not a sum)
_PERCENT = re.compile(rf"%|\b(?:percent|per cent|percentage points?|{spans.ONE_IN})\b")
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(spans.NUMBER_WORDS) +
                     r"|half|third|quarter|fifth|tenth|dozen|several|few|dozens|hundreds|thousands)\b")
_MOMENT = re.compile(rf"(?:{'|'.join(spans.DAYS)})(?:\s+(?:morning|afternoon|evening|night))?(?:\s*\([^)]*\))?"
                     r"|today|tomorrow|yesterday|tonight", re.IGNORECASE)
_DAY_TOLD = re.compile(rf"\b(?:(?:{'|'.join(spans.DAYS)})s?|today|yesterday|tomorrow|day|night|eve)\b|"
                       rf"\b(?:{'|'.join(spans.MONTHS)})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{'|'.join(spans.MONTHS)})\b",
                       re.IGNORECASE)
_CLOCK = re.compile(rf"{spans.CLOCK.pattern}|\b(?:morning|afternoon|evening|night|dawn|dusk)\b", re.IGNORECASE)
# Words after a number that are not the thing counted ("300 of the", "12 more", "5 million").
_NOT_NOUNS = frozenset("of more than million billion thousand hundred percent per times new other full-time "
                       "part-time additional extra".split())
_PEOPLE = frozenset("people person persons individuals residents civilians ppl folks".split())
# Who a count of people is of ("how many people were evacuated?": "2,700 residents").
_PERSONS = _PEOPLE | frozenset("""
residents workers patients pupils students passengers staff members voters fans supporters protesters officers
soldiers troops firefighters children adults employees nurses doctors riders pedestrians tourists visitors villagers
evacuees entrants runners players spectators customers victims survivors migrants refugees teachers miners crew
inmates prisoners volunteers delegates households families homeowners locals citizens adults men women boys girls
""".split())
# A unit of measure a question names ("in megalitres", "how many tonnes"), not "pounds" (also money).
# (a unit something is told per is no unit asked: "how much per hectare?" asks a sum)
_UNIT_ASKED = re.compile(r"(?<!per )(?<!each )(?<!every )"
                         r"\b(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|tonnes?|tons|kilograms?|kg|acres?|"
                         r"hectares?|degrees|litres?|liters?|megalit(?:re|er)s?|gallons?|megawatts?|gigawatts?|"
                         r"barrels?)\b")
_UNITS = frozenset("percent per cent days day weeks week months month years year hours hour minutes points point "
                   "times dollars euros pounds kilometres kilometers miles metres meters seconds second".split())


# A rank below the role asked: "who's the mayor?" is not answered by "Deputy Mayor Sofia Larrain"
# (but an acting or interim holder is often the deputy).
_BELOW_ROLE = re.compile(r"\b(deputy|vice|assistant|associate)[- ]+([a-z]+)", re.IGNORECASE)
# Nationalities (not regions: a British leader is also a European one).
_NATIONS = proper.DEMONYMS - frozenset("European Western Eastern Northern Southern Arab Latin Nordic Baltic Soviet "
                                      "Mediterranean Atlantic Pacific Federal African Asian".split())
_WHOLE_ASKED = re.compile(r"^what (?:are|were) the (\d+|" + "|".join(spans.NUMBER_WORDS) + r") ([a-z]+)")


def _counted_words(answer: str) -> list[str]:
    """The words after the first number of ``answer`` ("two stage wins" -> stage, wins)."""
    counted = spans.COUNT.search(answer)
    return counted.group(0)[counted.end(1) - counted.start():].split() if counted else []


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


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
    have = set(_words(sentence.replace("-", " ")))
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
                _counts_the_kind(answer, focus_word, forms):
            return -1  # "which board members voted for it?" is not answered by "four board members"
        if _is_name(answer):
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
        if _is_name(answer):
            return _new_name(words, answer, _kind_words(normalized, focus_word))
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
    if want == "focus" and not re.search(r"\d", normalized) and _counts_the_kind(answer, focus_word, forms):
        return -1  # "which bus routes were diverted?" is not answered by "three bus routes": which, not how many
    if want == "thing" and not focus and _only_people(answer):
        return -1  # "what does the pilots' union want?" is not answered by "president Conor Hegarty"
    if want == "description" and not re.search(r"[A-Za-z]{3}", answer):
        return -1  # "what is Jennings' job?" is not answered by his age
    if want == "count":
        if _PART_ASKED.match(normalized) and not _PART_TOLD.search(answer):
            return min(0, _count_shape(focus, focus_word, answer, forms, words))  # a whole is not its part
        return _count_shape(focus, focus_word, answer, forms, words)
    if want == "amount":
        return _amount_shape(normalized, focus_word, answer)
    return 0


_COUNTED = re.compile(r"(?:(?:about|some|at least|nearly|roughly|around|more than|up to)\s+)?"
                      r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                      r"dozens of|hundreds of)\s+(?=[a-z])",
                      re.IGNORECASE)


def _only_the_kind(answer: str, focus_word: str, forms: frozenset[str]) -> bool:
    """The answer is the kind asked about with a word or two of description and nothing that names
    or counts one ("nearby neighbourhoods", "the affected areas")."""
    words = re.findall(r"[\w'’-]+", answer)
    return 0 < len(words) <= 3 and not any(w[:1].isupper() or w[:1].isdigit() for w in words) and \
        stem(words[-1].lower()) in {stem(w) for w in forms | {focus_word} if w}


def _counts_the_kind(answer: str, focus_word: str, forms: frozenset[str]) -> bool:
    """The answer is a count of the kind asked about ("three bus routes"), not a measure ("40 percent stake")."""
    counted = _COUNTED.match(answer.strip())
    if not counted:
        return False
    after = re.findall(r"[a-z][\w'-]*", answer.strip()[counted.end():].lower())[:3]
    return bool(after) and after[0] not in _UNITS | _NOT_NOUNS and \
        bool({stem(w) for w in after} & {stem(w) for w in forms | {focus_word} if w})


def _a_person(noun: str) -> bool:
    """Whether a plural or singular noun names people ("officers", "monitors", "travellers")."""
    return noun in _PERSONS or bool(PERSON_WORD.match(noun)) or bool(PERSON_WORD.match(noun.rstrip("s"))) or \
        bool(re.fullmatch(r"[a-z]{3,}(?:ers|ors)", noun))


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


# A number joined to its noun describes another thing: "a 40-minute drive", "a one-day drop".
_ATTRIBUTIVE = re.compile(rf"^(?:[a-z]+ )?(?:{spans.NUMBER_RE})-(?!(?:{'|'.join(spans.NUMBER_WORDS)})\b)([a-z]+) [a-z]",
                          re.IGNORECASE)
_TIME_UNITS = frozenset("second minute hour day week month year".split())


_AGED = re.compile(r"\b\w+[- ](?:year|month|week|day)s?[- ]old\b")


def _count_shape(focus: str, focus_word: str, answer: str, forms: frozenset[str] = frozenset(),
                 asked: frozenset[str] = frozenset()) -> int:
    if focus_word == "times" and spans.TIMES.search(answer):
        return 1  # "how many times ...?": "twice", "on four occasions"
    if not _NUMBER.search(answer.lower()):
        return -1
    if _AGED.search(answer):
        return -1  # "how many have pneumonia?" is not "6-year-old boy": an age counts nothing
    joined = _ATTRIBUTIVE.match(answer)
    if joined and (focus_word or focus) and not joined.group(1).lower().startswith((focus_word or focus)[:4]) and \
            not any(joined.group(1).lower().startswith(f[:4]) for f in forms if len(f) > 3) and \
            not ((focus_word or focus).split()[-1] in _PEOPLE and PERSON_WORD.match(joined.group(1).lower())):
        return -1  # "how many bus drivers?" is not "40-minute drive away"; "28-point plan" counts points
    if not focus_word and not focus:
        return 1
    head = [w.lower() for w in _counted_words(answer)][-1:]
    if head and head[0] in asked and head[0] not in _NOT_NOUNS:
        return 1  # "how many restaurants and cafes ...?": "at least 120 restaurants"
    words = _words(answer)
    focus = (focus_word or focus).split()[-1]  # "construction workers": workers
    # the noun asked, or a word folding onto it ("11 aircraft" for "how many planes")
    stems = tuple({focus.rstrip("s")[:5], *(f.rstrip("s")[:5] for f in forms if len(f) > 2)})
    phrase = [w.lower() for w in _counted_words(answer)]
    if len(phrase) > 1 and not phrase[-1].startswith(stems) and phrase[-1].endswith("s") and \
            any(w.startswith(stems) for w in phrase[:-1]):
        # "two stage wins" counts wins, not stages; "400 police officers" counts the police asked about
        return 1 if _a_person(phrase[-1]) else -1
    if any(w.startswith(stems) for w in words):
        return 1
    if focus in _PEOPLE:  # "how many people ...?": "2,700 residents", not "five villages"
        counted = spans.COUNT.search(answer)
        noun = (counted.group(2) or "").lower() if counted else ""
        if noun in _PERSONS or PERSON_WORD.match(noun) or PERSON_WORD.match(noun.rstrip("s")):
            return 1
        if len(noun) > 4 and any(len(w) > 3 and w not in _PEOPLE and noun.startswith(w[:4]) for w in asked):
            return 1  # "how many people signed it?": "12,300 signatures", one a person, of what they did
        return -1 if any(w in _UNITS for w in words) or (noun.endswith("s") and noun not in _NOT_NOUNS) else 0
    counted = spans.COUNT.search(answer)
    noun = counted.group(2) if counted else None
    if noun and noun.lower() not in _NOT_NOUNS and noun.lower() not in _PEOPLE and not noun.lower().startswith(stems):
        # "four sites" for "how many bottles"; but people called otherwise may be the people asked
        # about ("640 observers" for "how many monitors"): the words cannot tell
        return 0 if _a_person(noun.lower()) and _a_person(focus) else -1
    return -1 if any(w in _UNITS and not w.startswith(stems) for w in words) else 0


_SHARE_OF_SUM = re.compile(r"\bof (?:its|their|the|his|her|a)?\s?(?:[a-z'’-]+ ){0,2}(?:turnover|revenues?|sales|income|"
                           r"budget|profits?|earnings)\b")
# "How big" of a thing asks its size; of a sum, a change or a lead, a sum or a share answers.
_SIZE_ASKED = re.compile(r"^how (?:big|large|small)\b")
_SIZED_BY_SUM = frozenset(AMOUNT_NOUNS) | frozenset(
    "rise rises increase increases hike hikes raise raises jump jumps drop drops fall falls cut cuts loss losses gain "
    "gains discount discounts deal investment grant grants bill bills order award payout settlement bonus stake lead "
    "win package packages aid fund funds loan loans bailout subsidy subsidies donation donations contract contracts "
    "offer offers".split())
# "how far away is it?" told as a travel time: "a 40-minute drive"
_TRAVEL_TIME = re.compile(r"\b(?:minute|hour|day)s?'?[- ](?:\w+ )?(?:drive|walk|ride|flight|journey|trip|sail)\b")
# "how big a raise?", "cost of living rise since 2023?": a change, which a percent may tell
_CHANGE_ASKED = re.compile(r"^how (?:big|large|much of) an? (?:\w+ )?(?:rise|raise|increase|hike|jump|cut|drop|fall)\b|"
                           r"^how (?:big|large) (?:was|is|were|are|will be) (?:the |its |their )?(?:[\w'-]+ ){0,3}"
                           r"(?:rise|raise|increase|hike|jump|cut|drop|fall)$|"
                           r"^how much (?:has|have|had|did|does|do|will|would) .+ (?:lose|lost|fall|fallen|fell|rise|"
                           r"risen|rose|gain|gained|drop|dropped|climb|climbed|grow|grown|grew|decline|declined|"
                           r"increase|increased|jump|jumped)\b|"
                           r"\b(?:rise|raise|increase|hike|jump)(?: since\b| so far\b|$)")
_GROWTH_ASKED = re.compile(r"^how fast\b.*\b(?:grow|growing|grew|grown|rise|rising|rose|risen|increase|increasing|"
                           r"increased|fall|falling|fell|fallen|decline|declining|declined|climb|climbing|climbed|"
                           r"shrink|shrinking|shrank)\b")
# What can be a sum or a share alike: "the deficit target" of a budget is a percent of GDP.
_SUM_OR_SHARE = frozenset({"target", "targets", "goal", "limit", "cap", "ceiling", "threshold", "level", "figure",
                           "deficit", "surplus", "margin", "total", "forecast", "estimate"})


_RATE_WORDS = frozenset({"per", "a", "an", "each", "every"})


def _amount_shape(normalized: str, focus_word: str, answer: str) -> int:
    if not _NUMBER.search(answer.lower()):
        # "what majority is needed?": "a simple majority" says how large, with no number
        return 0 if focus_word in ("majority", "majorities") and "majority" in answer.lower() else -1
    if (joined := _ATTRIBUTIVE.match(answer)) and joined.group(1).lower() in _TIME_UNITS and \
            not spans.MEASURE_ASKED.match(normalized) and not re.search(r"\d", answer[joined.end():]):
        return -1  # "how much did shares fall?" is not "one-day drop"
    # The thing counted ends before what it is per ("250 euros per passenger" counts no passengers)
    # or of ("38 hectares of farmland"); "1,500 of the scooters" counts scooters.
    counted = _counted_words(answer)
    noun = counted[:next((i for i, w in enumerate(counted) if w in _RATE_WORDS or (w == "of" and i > 0)),
                         len(counted))]
    if noun and re.match(r"(?:by )?how (?:much|big|large|long|wide|deep|high|tall)\b", normalized) and \
            stem(noun[-1].lower()) in {stem(w) for w in normalized.split()} and not _PERCENT.fullmatch(noun[-1]):
        return -1  # "by how much did he win?" is not answered by "two stage wins", nor "how big are the gashes?"
        # by "two gashes": the things asked about, counted
    text = normalized
    money, percent = bool(spans.CURRENCY.search(answer)), bool(_PERCENT.search(answer))
    if focus_word in _SUM_OR_SHARE and not _PERCENT_ASKED.search(text):
        return 1 if money or percent else 0
    if _PERCENT_ASKED.search(re.sub(r"\d[\d.,]*\s*(?:percent|per cent)\b", "", text)):  # not "the 14% claim"
        return 1 if percent else (-1 if money else 0)
    if _MONEY_ASKED.search(text.replace("cost of living", "")):
        # "up to 4% of their global annual revenue" is a sum too, told as a share of one; "how big a
        # raise?" may be told as a percent
        return 1 if money else (-1 if percent and not _SHARE_OF_SUM.search(answer) and
                                not _CHANGE_ASKED.search(text) else 0)
    if (money or percent) and (unit := _UNIT_ASKED.search(text)) and unit.group(0) not in answer.lower():
        return -1  # "the capacity in megalitres?" is not answered by "61 percent of capacity"
    if (money or percent) and _SIZE_ASKED.match(text) and not _SIZED_BY_SUM & set(text.split()):
        return -1  # "how big is the zone?", "how big is the site?": its size, not a sum or a share
    if spans.MEASURE_ASKED.match(text):
        # "how high did the water climb?", "how old is she?": a measure or an age, not a sum or a share,
        # nor a count of things ("about 300 supporters", "two poultry farms"); a bare number may be one.
        if percent and _GROWTH_ASKED.search(text):
            return 1  # "how fast have wages been growing?": a rate of growth
        if money or percent:
            return -1
        if spans.MEASURE.search(answer) or (text.startswith("how far") and _TRAVEL_TIME.search(answer)):
            return 1  # "how far away is it?": "about 9 kilometres", or "a 40-minute drive"
        counted = [w for w in noun if w.isalpha()]
        return -1 if counted and not _UNITS.intersection(counted) else 0
    return 1
