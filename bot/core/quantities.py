"""Whether a number answer has the shape its question asks for: a count of the noun asked about
("2,700 residents" for how many people, not "four sites" for bottles), an amount of the kind
asked (money for a price, not a percent; a measure for "how high"); and, for "which <noun>",
whether the answer only counts the things asked about ("three bus routes").

Part of the ``shape`` signal (see ``shapes``), computed from the words alone.
"""
from __future__ import annotations

import re

from bot.core import spans
from bot.core.kinds import AMOUNT_NOUNS, PERSON_WORD
from bot.core.text import stem

_MONEY_ASKED = re.compile(r"\b(?:cost|costs|costing|pay|paid|pays|price|priced|worth|spend|spent|spending|fund|funding|"
                          r"funded|loan|money|budget|fee|fees|salary|invest|invested|investment|raise|raised|dollars?|"
                          r"euros?|pounds?|grant|bond|fine|fined|compensation|expensive|costly|charge|charged)\b")
# ("per share" and "share price" ask for money)
_PERCENT_ASKED = re.compile(r"\b(?:percent|percentage|per cent|(?<!per )share(?! prices?\b)|proportion|rate|"
                            r"fraction|yield|inflation|unemployment)\b")  # ("bond yield": a percent, not a sum)
_PERCENT = re.compile(rf"%|\b(?:percent|per cent|percentage points?|{spans.ONE_IN})\b")
_NUMBER = re.compile(r"\d|\b(?:" + "|".join(spans.NUMBER_WORDS) +
                     r"|half|third|quarter|fifth|tenth|dozen|several|few|dozens|hundreds|thousands)\b")
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


def _counted_words(answer: str) -> list[str]:
    """The words after the first number of ``answer`` ("two stage wins" -> stage, wins)."""
    counted = spans.COUNT.search(answer)
    return counted.group(0)[counted.end(1) - counted.start():].split() if counted else []


_WORD = re.compile(r"[a-z0-9]+")


def lowercase_words(text: str) -> list[str]:
    """The words of ``text``, lowercased: runs of letters and digits."""
    return _WORD.findall(text.lower())


_COUNTED = re.compile(r"(?:(?:about|some|at least|nearly|roughly|around|more than|up to)\s+)?"
                      r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                      r"dozens of|hundreds of)\s+(?=[a-z])",
                      re.IGNORECASE)


def counts_the_kind(answer: str, focus_word: str, forms: frozenset[str]) -> bool:
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


# A number joined to its noun describes another thing: "a 40-minute drive", "a one-day drop".
_ATTRIBUTIVE = re.compile(rf"^(?:[a-z]+ )?(?:{spans.NUMBER_RE})-(?!(?:{'|'.join(spans.NUMBER_WORDS)})\b)([a-z]+) [a-z]",
                          re.IGNORECASE)
_TIME_UNITS = frozenset("second minute hour day week month year".split())


_AGED = re.compile(r"\b\w+[- ](?:year|month|week|day)s?[- ]old\b")


def count_shape(focus: str, focus_word: str, answer: str, forms: frozenset[str] = frozenset(),
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
    words = lowercase_words(answer)
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


def amount_shape(normalized: str, focus_word: str, answer: str) -> int:
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
    if text.startswith("how much") and _SPELL.fullmatch(answer.strip()) and not _TIME_ASKED.search(text):
        return -1  # "how much did they have to put down to appeal?" is not "22 minutes"
    return 1


# A stretch of time alone, and the words of a question that asks for one
_SPELL = re.compile(r"(?:(?:about|around|roughly|nearly|some|more than|up to|under|over) )?\d[\d.,]*[- ]"
                    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)")
_TIME_ASKED = re.compile(r"\b(?:time|long|longer|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b")
