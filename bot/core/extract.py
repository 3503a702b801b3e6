"""Heuristic extraction of short answers from one sentence: dates, places, numbers, the
subject, quotations and their speakers. Used by the distiller; no model, no network."""
from __future__ import annotations

import re

from bot.core import spans
from bot.core.spans import DAYS, MONTHS

__all__ = ["DAYS", "MONTHS", "find_agent", "find_count", "find_date", "find_place", "find_purpose", "find_quote",
           "find_subject", "split_sentences"]
_MONTH = "|".join(MONTHS)
_DAY = "|".join(DAYS)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100, "dozens": 24}

DATE = re.compile(
    rf"(?:(?:on )?(?:{_DAY})\s*\((?:{_MONTH})\s+\d{{1,2}}\)"
    rf"|(?:[A-Z][a-z]+ Day\s*)?\((?:{_MONTH})\s+\d{{1,2}}(?:,\s*(?:{_DAY}))?\)"
    rf"|(?:{_MONTH})\s+\d{{1,2}}(?:,\s*\d{{4}})?|(?:on |last |next )?(?:{_DAY})\b|\b(?:19|20)\d{{2}}\b"
    rf"|[Ll]ess than [a-z]+ (?:hours|days|weeks) later|(?:in )?the coming (?:days|weeks)|last week|tomorrow|"
    rf"[A-Z][a-z]+ Day)")
_PLACE_STOP = set(MONTHS) | set(DAYS) | {"The", "This", "He", "She", "It", "They", "We"}
PLACE = re.compile(r"\b(?:in|at) ((?:a |the )?(?:[a-z]+ ){0,2}?(?:[A-Z][\w-]+)(?: [A-Z][\w-]+)*)")
COUNT = re.compile(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")[- ]([a-z]+)")
QUOTE = re.compile(r"“([^”]{3,})”")
SAY = re.compile(r"\b(said|stated|wrote|told|remarked|announced|expressed|mentioned|noted|added|posted|believed|"
                 r"emphasized|reiterated|criticized|thanked|set|issued|hosted|maintained|discussed|met|agreed|"
                 r"submitted|drafted|proposed|criticizing|continues|expressing|called)\b")
_LEAD = re.compile(r"^(?:However|Subsequently|Meanwhile|Also|Then|In another post|According to [^,]+|"
                   r"In the coming days|During [^,]+|As a [^,]+|Less than [^,]+),\s*")


def find_date(sentence: str) -> str | None:
    m = DATE.search(sentence)
    return m.group(0).strip(" ,") if m else None


def find_place(sentence: str) -> str | None:
    for m in PLACE.finditer(sentence):
        words = m.group(1).split()
        if words[-1].strip("(),") not in _PLACE_STOP and not DATE.fullmatch(m.group(1)):
            return f"{m.group(0).split(' ', 1)[0]} {m.group(1)}".strip()
    return None


def find_count(sentence: str) -> str | None:
    for m in COUNT.finditer(sentence):
        n, noun = m.group(1), m.group(2)
        if (n.isdigit() and len(n) == 4) or re.search(rf"(?:{_MONTH})\s*$", sentence[: m.start()]):
            continue  # a year, or the day of a date
        noun = noun if noun.endswith("s") or n in ("one", "1") else noun + "s"
        return f"{n} {noun}"
    return None


def find_subject(sentence: str) -> str | None:
    """The words before the main verb, when they are short enough to be a name or a noun phrase."""
    body = _LEAD.sub("", sentence)
    m = SAY.search(body)
    if not m:
        return None
    subject = body[: m.start()].strip(" ,")
    subject = re.sub(r"\s+(?:also|initially|then|had|has|have|would|will|was|were|is)$", "", subject)
    if "," in subject:  # "Donald Tusk, the Polish Prime Minister, stated": the name before the apposition
        subject = subject.split(",", 1)[0]
    verb = re.search(r"(?<!\bthe)(?<!\ba) [a-z]+ed\b", subject)  # "Ukrainian officials welcomed ... and said"
    if verb:
        subject = subject[: verb.start()]
    if not subject or len(subject.split()) > 9 or (subject[0].islower() and body is sentence):
        return None
    return subject


def find_agent(sentence: str) -> str | None:
    """The agent of a passive verb: "will be finalized by President Trump and President Zelensky"."""
    m = re.search(r"\b\w+ed (?:by|between) ((?:the )?[A-Z][\w-]*(?:[ ,]+(?:and |the |of )*[A-Z][\w-]*)*)", sentence)
    return m.group(1).strip(" ,") if m else None


def find_quote(sentence: str) -> str | None:
    found = spans.quotes(sentence)
    return sentence[found[0][0]:found[0][1]].strip(" ,.") if found else None


def find_purpose(sentence: str) -> str | None:
    m = re.search(r"\b(?:to|because|so that|in order to) ([^,.;]{6,80})", sentence)
    return m.group(0).strip() if m else None


_TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "Capt.",
           "Prof.", "Rev.", "Hon.", "Maj.", "Adm.", "Cmdr.", "No.")
_INITIALISM = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")
# Words that open a sentence rather than continue a name ("... in the U.S. The next day ...").
_OPENERS = frozenset("The A An He She It They We I You This That These Those There But And Or So Yet In On At As "
                     "After Before When While If Its His Her Their Our Some Many Most Such Still However Meanwhile "
                     "Officials Asked".split())


def _name_goes_on(before: str, after: str) -> bool:
    """"filed in the U.S. District Court ...": an initialism before a capitalized word that does
    not open a sentence is part of a name, not the end of a sentence."""
    return bool(_INITIALISM.search(before)) and after.split()[0].strip("“(") not in _OPENERS


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each a verbatim substring of it."""
    parts = re.split(r"(?:(?<=[.!?”])|(?<=[.!?]\"))\s+(?=[A-Z“(])", paragraph)
    out: list[str] = []
    for part in parts:
        # A quotation still open (curly quotes unbalanced, or an odd number of straight ones) goes on.
        open_quote = bool(out) and (out[-1].count("“") > out[-1].count("”") or out[-1].count('"') % 2 == 1)
        if out and (open_quote or len(part) < 25 or out[-1].endswith(_TITLES) or _name_goes_on(out[-1], part)):
            out[-1] = paragraph[paragraph.index(out[-1]): paragraph.index(part) + len(part)]
        else:
            out.append(part)
    return [s for s in out if s.strip()]
