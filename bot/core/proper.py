"""Proper names in a sentence and their kinds: people, organizations, places.

A name is a capitalized run, trimmed of the words that open sentences or only describe
("Neighbouring", a nationality before a noun); its kind comes from its words and what stands
before and after it (a title, an institution word, "in", an apposition). Rules only, as in
``spans``, whose ``Span`` offsets these are too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.core.spans import DAYS, MONTHS, NUMBER_WORDS, Span

# A capitalized run: a name, with the small words names carry ("Port of Spain", "Calder & Reece"; not
# "on the": "the ferry Helga Stornes on the Baltic Sea" is two names).
NAME = re.compile(r"(?:[A-Z][\w’'.-]*|[A-Z]{2,}\d*|G\d+)"
                  r"(?:(?:\s+(?:of|the|de|del|da|von|van|al|bin|for|a|&|on(?!\s+the\b)))*\s+(?:[A-Z][\w’'.-]*|G\d+|&))*")
# Capitalized words that start sentences or clauses without being names.
_NOT_NAME = frozenset("""
The A An In On At By For From To Of And But Or If When While Where What Which Who Why How This That These Those
It Its He She They We I You His Her Their Our My Your There Here Then However Meanwhile Also Still Yet After
Before During Since Until Although Though As According Asked Despite Under Over With Without About Not No Yes
Last Next Earlier Later Today Tomorrow Yesterday Both Each Every Some Many Most Few Several Such Another Other
Subsequently Additionally Furthermore Moreover Instead Otherwise Nevertheless Nonetheless Separately Overall
Looking Not Everyone Local Residents Officials Critics Engineers Workers Analysts Experts Police Firefighters
Neighbouring Neighboring Nearby Rival Fellow Celsius Fahrenheit Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Tonight Now Once Only Just Even Almost Nearly Roughly Around Approximately Among Between Across Against Amid
Within Beyond Because Thus Hence Indeed Already Again Never Always Often Sometimes Perhaps Maybe More Less Fewer
Than Whether Unlike Except Including Following Ahead Nobody Somebody Anybody Everybody Someone Anyone Nothing
Something Everything I'll I'm I've I'd I’ll I’m I’ve I’d
""".split()) | frozenset(MONTHS) | frozenset(DAYS)
TITLE_WORDS = frozenset("""
President Vice Prime Minister Senator Sen. Rep. Representative Congressman Congresswoman Secretary Chancellor
General Gen. Ambassador Mayor Governor Gov. Commissioner Director Chief Judge Justice Dr. Mr. Mrs. Ms. Professor
Prof. King Queen Prince Pope Envoy Spokesman Spokeswoman Spokesperson Councilman Councilwoman Councillor Chairman
Chairwoman Chair Deputy Foreign Defense Defence Interior Finance Transport Army Navy Speaker Leader Minister
Supreme Commander Colonel Captain Lieutenant Sergeant Officer Inspector CEO Executive Founder Head Reverend Bishop
Lawmaker Legislator Premier Governor Adviser Advisor Aide Negotiator Analyst Economist Scientist Climatologist
Manager Owner Official Spokesman Chancellor Secretary-General Mayor Treasurer Attorney Prosecutor Marshal
Sheriff Detective Constable Superintendent Warden Administrator Coordinator Principal Dean Headteacher Headmaster
Headmistress Provost Rector Curator Coroner Editor
""".split())
ORG_WORDS = frozenset("""
Union Council Department Ministry Agency Office Committee Commission Parliament Congress Senate House Court Bank
Fund Company Corporation Corp Corp. Inc Inc. Ltd Group Association Institute University College School Hospital
Times Post News Gazette Herald Journal Tribune Reuters Press Radio Television TV Party Alliance Organization
Organisation Federation Authority Board Service Services Engineering Construction Motors Airlines Airways Energy
Systems Technologies Partners Holdings Foundation Club Team Army Navy Force Forces Guard Police Kremlin Pentagon
AG GmbH SA PLC LLC Co. Ltd. Securities Research Capital Bancorp Industries Laboratories Labs Institute Trust
Laboratory Bureau Directorate Inspectorate Consortium Cooperative Co-operative Chamber Mutual Tribunal Assembly
Network Watch Wire Daily Events Therapeutics Chemicals Polymers Salvage Works Society Coalition Front Movement
""".split())
PLACE_WORDS = frozenset("""
City Street Avenue Road Square River Lake Sea Ocean Bay Island Islands Mountains Mountain Valley County State
Province Region District Bridge Park Harbor Harbour Port Airport Station Hall Center Centre Building Palace
Quay Beach Coast Gulf Strait Canal Peninsula Desert Forest Falls Hollow Springs Heights Creek Ridge Hills Grove
Rapids Canyon Junction Landing Township Borough Village Parish Highway Boulevard Plaza
""".split())
# Adjectives of nationality and region: "German partner Voltreon" names Voltreon, not "German".
DEMONYMS = frozenset("""
American Russian Ukrainian German French British Polish Turkish European Chinese Japanese Canadian Italian
Spanish Israeli Iranian Indian Swiss Dutch Belgian Austrian Swedish Norwegian Danish Finnish Irish Scottish
Welsh English Greek Hungarian Czech Slovak Romanian Bulgarian Serbian Croatian Georgian Armenian Belarusian
Saudi Emirati Qatari Egyptian Syrian Iraqi Afghan Pakistani Korean Mexican Brazilian Australian African Asian
Western Eastern Northern Southern Arab Latin Nordic Baltic Soviet Mediterranean Atlantic Pacific Federal
""".split())
# Countries by their everyday English names: a place wherever the name stands ("Germany will send
# ..."), though two capitalized words otherwise read as a person's name ("Saudi Arabia").
COUNTRIES = frozenset("""
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain Bangladesh
Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada
Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea
Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea
Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan
Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia
Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania
Thailand Togo Tonga Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela
Vietnam Yemen Zambia Zimbabwe
""".split()) | frozenset({
    "United States", "United Kingdom", "Saudi Arabia", "South Korea", "North Korea", "South Africa", "New Zealand",
    "Czech Republic", "Costa Rica", "Sri Lanka", "United Arab Emirates", "El Salvador", "Sierra Leone", "South Sudan",
    "North Macedonia", "Papua New Guinea", "Ivory Coast", "Dominican Republic", "Burkina Faso",
    "Bosnia and Herzegovina", "Central African Republic", "East Timor", "Vatican City", "San Marino", "Great Britain",
    "Britain", "England", "Scotland", "Wales", "Northern Ireland", "Holland"})


@lru_cache(maxsize=65536)
def acting_country(text: str, span: Span) -> bool:
    """A country named as one who acts ("Germany will send ...", "Russia submitted it"), not as
    where something is ("in Germany")."""
    before = text[max(0, span[0] - 12):span[0]].split()[-1:] or [""]
    return text[span[0]:span[1]].strip(".,") in COUNTRIES and before[0].lower() not in PLACE_PREPS


_PLACE_FIRST = frozenset("River Lake Mount Port Fort Cape Lake Gulf Bay Isle Saint St. Sea".split())  # "River Alder"
# Nouns that ask for a place by name: "which countries", "which town".
PLACE_NOUNS = frozenset("country countries nation nations city cities town towns village villages state states "
                        "region regions province provinces capital capitals port ports island islands".split())
# Natural features: a name of one is a place ("Mount Caldrenna", "the Lenne river").
FEATURE_NOUNS = frozenset("volcano volcanoes mountain mountains river rivers lake lakes glacier glaciers peak peaks "
                          "island islands".split())
# Nouns of "which <noun>" that only a place's name answers ("which country", "which volcano").
PLACE_KINDS = PLACE_NOUNS | FEATURE_NOUNS
PLACE_PREPS = ("in", "at", "from", "to", "near", "outside", "inside", "across", "into", "toward", "towards", "on",
               "aboard", "onboard", "via", "through")


_OPENING_FORM = re.compile(r"[A-Z][a-z]{3,}(?:ed|ing|ly)")
_OPENING_NEXT = re.compile(r"\s+(?:with|on|to|in|at|by|for|from|the|a|an|after|before|about|into|over|under|as|up|"
                           r"out|his|her|their|its)\b")


_DEMONYM_FORM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|rin)")
_NOUN_NEXT = re.compile(r"\s+([a-z][a-z-]+)\b")
_VERB_NEXT = frozenset("said says told added has had have was is were will would could can may and or but also".split())


# A word ending in a full stop ends a sentence ("... the mayor, Lidia Brenner. All schools ..."),
# unless it is an abbreviation that names carry ("Acme Corp. Holdings", "Gen. Marsh").
_SENTENCE_END_WORD = re.compile(r"\S*[a-z]{3}\.(?=\s)")
_ABBREVIATIONS = frozenset("Corp. Bros. Prof. Capt. Sgt. Supt. Dept. Univ. Assn. Messrs.".split())


def _sentences_of(text: str, start: int, end: int) -> list[Span]:
    """A capitalized run cut where a sentence ends inside it."""
    out = []
    for m in _SENTENCE_END_WORD.finditer(text, start, end):
        if m.group(0) not in _ABBREVIATIONS and m.group(0) not in TITLE_WORDS:
            out.append((start, m.end()))  # its full stop is trimmed with the name
            start = m.end() + 1
    return [*out, (start, end)]


_NUMBER_WORDS = frozenset(NUMBER_WORDS) | {"hundreds", "thousands", "millions"}


def _trim_name(text: str, start: int, end: int) -> Span | None:
    words = text[start:end].split()
    while words and (words[0].strip(".,;:") in _NOT_NAME or words[0].lower() in ("&", "of", "the")):
        start = text.index(words[0], start) + len(words[0])
        while start < end and text[start].isspace():
            start += 1
        words = words[1:]
    while words and (words[-1] in ("&", "of", "the", "for", "on") or words[-1].strip(".,;:") in _NOT_NAME):
        end = text.rindex(words[-1], start, end)
        while end > start and text[end - 1].isspace():
            end -= 1
        words = words[:-1]
    if not words or all(w.strip(".,") in DEMONYMS or re.search(r"-[a-z]+$", w) for w in words):
        return None
    if len(words) == 1 and words[0].strip(".,;:").lower() in _NUMBER_WORDS:
        return None  # "Four board members voted ...": a count opening the sentence ("Two Rivers Bank" is a name)
    if len(words) == 1 and _DEMONYM_FORM.fullmatch(words[0]) and (noun := _NOUN_NEXT.match(text, end)) and \
            noun.group(1) not in _VERB_NEXT:
        return None  # "Montenegrin striker Luka Marovic": a nationality of someone, as "German" is
    if len(words) == 1 and _OPENING_FORM.fullmatch(words[0]) and not text[:start].strip(" “\"") and \
            _OPENING_NEXT.match(text, end):
        return None  # "Compared with patients on a placebo, ...", "Speaking on radio, ...": no name ("Manning said")
    # "Obama's" -> "Obama"; a trailing full stop belongs to the sentence unless it ends a title.
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    if text[end - 1] == "." and words[-1] not in TITLE_WORDS and len(words[-1]) > 3:
        end -= 1
    return (start, end) if end > start else None


# Party names: "(Democrat)" says what a person is, it names no one.
PARTIES = re.compile(r"\b(?:Democrat|Democratic|Republican|Independent|Labour|Conservative|Liberal|Green|"
                     r"Socialist|Social Democrat|Christian Democrat)s?\b")
GROUP = re.compile(r"\b(?:[A-Z][a-z]+(?:an|ean|ian|ese|ish|ern|ic)|Arab|G\d+|NATO|EU)\s+(?:countries|allies|nations|"
                   r"leaders|governments|capitals|partners|states|powers|members)\b")


# Names that go on with a number: "Forest Road 412", "AAU Local 318", "Flight 302", "Gate 5".
_NUMBERED = frozenset("Road Route Highway Street Avenue Local Flight Gate Terminal Building Pier Platform Runway "
                      "Unit Ward District Precinct Block Lot Station Line Bus Train Plant Reactor Well Tower".split())
_NAME_NUMBER = re.compile(r" \d{1,4}[A-Z]?\b(?![,.]\d)")


@lru_cache(maxsize=32768)
def names(text: str) -> tuple[Span, ...]:
    """Capitalized runs that read as names ("Mayor Linda Okafor", "Calder & Reece", "G20")."""
    out: list[Span] = []
    for m in NAME.finditer(text):
        for piece in _sentences_of(text, m.start(), m.end()) if "." in m.group(0) else [m.span()]:
            span = _trim_name(text, *piece)
            if span:
                number = _NAME_NUMBER.match(text, span[1])
                if number and text[span[0]:span[1]].split()[-1] in _NUMBERED:  # "Forest Road 412", "Local 318"
                    span = (span[0], number.end())
                out.append(span)
    groups = [m.span() for m in GROUP.finditer(text)]  # "European countries" answers who as a name does
    if groups:
        out = sorted([s for s in out if not any(g[0] <= s[0] < g[1] for g in groups)] + groups)
    return tuple(out)


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}\d*")


# Whose body it is, in lower case before its name: "the *state* Department of Environmental Protection".
_JURISDICTION = re.compile(r"\b(?:state|federal|national|regional|provincial|county|city|municipal)\s+$")


def with_jurisdiction(text: str, span: Span) -> Span:
    """An organization's name with the lower-case word that says whose it is ("state Department
    of Environmental Protection"): a state and a federal department are two bodies."""
    m = _JURISDICTION.search(text, max(0, span[0] - 12), span[0]) if span[0] else None
    if m and text[span[0]:span[0] + 1].isupper() and name_kind(text, span) == "org":
        return m.start(), span[1]
    return span


def full_name(answer: str, text: str) -> str:
    """An acronym with the name the text spells it out as: "NSSB" -> "National Space Safety Board
    (NSSB)" (a reader who has not seen the acronym defined cannot use it alone)."""
    mark = text.find(f"({answer})") if _ACRONYM.fullmatch(answer) else -1
    if mark > 0:
        for start, end in names(text[:mark]):
            if not text[end:mark].strip():
                return text[start:mark + len(answer) + 2]
    return answer


def fuller_name(answer: str, sentences: Iterable[str]) -> str:
    """A name cut short with the full form the sentences of its paragraph give it: "Glidewell" ->
    "Glidewell Mobility", "Okafor" -> "Dr. Anselm Okafor" (when they have one such name only)."""
    if not answer[:1].isupper() or len(answer.split()) > 2:
        return answer
    longer = {text[a:b] for text in sentences for a, b in names(text)
              if b - a > len(answer) and (text[a:b].startswith(answer + " ") or text[a:b].endswith(" " + answer))}
    return longer.pop() if len(longer) == 1 else answer


_PLACE_THEN = re.compile(rf"\b(?:{'|'.join(PLACE_PREPS)})\s+[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){{0,2}},\s*$")


# How sports clubs' names end: "Ashford United", "Westbury Albion", "Jadran Kotor FC".
CLUB_ENDS = frozenset("United Rovers Athletic Athletico Wanderers Albion Rangers Hotspur FC AFC SC CF".split())
# The last word of a company's name that says what it sells ("Tallow Ridge Power", "Brightwater Rail").
TRADE_ENDS = frozenset("""Power Electric Electricity Gas Water Utilities Telecom Rail Railway Railways Railroad Ferries
Transit Logistics Pharma Pharmaceuticals Foods Mining Steel Media Resources Insurance Solutions Aerospace Shipping
Robotics""".split())
# A wire dateline opens the article: "PELLWORTH, Nov 14 - ", "BRUSSELS (Reuters) - ": where it was filed.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+[A-Z](?=(?:,[^-—–]{0,40})?(?:\s*\([^)]{1,40}\))?\s*[-—–])")
# "Tempora Boards, the Dutch company that supplied ...": what the apposition calls it (but "in
# Clarksville, the company said" is who said it)
_ORG_APPOSED = re.compile(r",\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:company|firm|group|maker|manufacturer|carrier|"
                          r"airline|bank|agency|operator|charity|union|retailer|supplier|insurer|developer|"
                          r"contractor|club|chain|broadcaster|publisher|startup|start-up|conglomerate)\b"
                          r"(?!\s+(?:said|says|added|told|announced|stated|confirmed|reported|wrote)\b)")


def without_dateline(paragraph: str) -> str:
    """An opening paragraph without its wire dateline ("KESSVIK, Nov 27 - Fire broke out ...")."""
    dateline = _DATELINE.match(paragraph)
    dash = re.compile(r"[^-—–]*[-—–]\s*").match(paragraph, dateline.end()) if dateline else None
    return paragraph[dash.end():] if dash else paragraph


def is_dateline(text: str, span: Span) -> bool:
    """The name is the wire dateline opening the article ("KESSVIK, Nov 27 - "): where it was filed."""
    return span[0] == 0 and (dateline := _DATELINE.match(text)) is not None and span[1] <= dateline.end()


@lru_cache(maxsize=65536)
def name_kind(text: str, span: Span) -> str:
    """"person", "org", "place" or "name" (unknown), from the words of the name and before it."""
    words = text[span[0]:span[1]].split()
    if is_dateline(text, span):
        return "place"
    before = text[max(0, span[0] - 12):span[0]].split()[-1:] or [""]
    titled = [i for i, w in enumerate(words[:-1]) if w in TITLE_WORDS and w not in ORG_WORDS]
    if titled and all(w[:1].isupper() and w not in TITLE_WORDS and w not in ORG_WORDS for w in words[titled[-1] + 1:]):
        return "person"  # "Tamarack County Sheriff Dolores Whitaker": a title, then a person's name
    if any(w.strip(".,") in ORG_WORDS for w in words) or "&" in words or _ORG_APPOSED.match(text, span[1]) or \
            (len(words) > 1 and words[-1].strip(".,") in CLUB_ENDS | TRADE_ENDS):
        return "org"
    if any(w in PLACE_WORDS for w in words[1:]) or (len(words) > 1 and words[0] in _PLACE_FIRST) or \
            " ".join(words).strip(".,") in COUNTRIES:
        return "place"
    if words[0] in TITLE_WORDS or (len(words) >= 2 and all(w[:1].isupper() for w in words)
                                   and before[0].lower() not in PLACE_PREPS):
        return "person"
    if before[0].lower() in PLACE_PREPS or _PLACE_THEN.search(text[:span[0]]):
        return "place"  # "in Geneva"; "in Austin, Texas"
    return "name"
