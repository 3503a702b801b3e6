"""Where: the place a sentence gives for a where-question or a "which town / country ...?" (a name
the sentence calls a place, a facility with its town, where the verb asked about puts something,
a place told by its distance from another), and how sure it is that place (see ``typed``)."""
from __future__ import annotations

import re

from bot.core import proper, spans
from bot.core.actors import Found
from bot.core.clauseends import clause_after
from bot.core.factbase import FactBase
from bot.core.hits import Hit, anchor_hit, answer_names, closest, distance
from bot.core.questions import Question
from bot.core.spans import Span

# How near the place the verb asked about must follow it ("shifted it to its plant at Kessford").
_PLACED_CHARS = 50


_HEADING = frozenset({"headed", "heading", "bound", "destination", "going", "sent", "travelling", "traveling",
                      "moved", "shipped", "diverted", "taken"})
_BASED = re.compile(r"\b([A-Z][\w’'.]+(?: [A-Z][\w’'.]+)?)-based\b")


# (not a time: "broke out on Sunday near ..." is placed near, not on Sunday)
_NOT_A_PLACE = rf"(?!(?:{'|'.join(spans.DAYS + spans.MONTHS)}|\d|the (?:morning|afternoon|evening|night)))"
_PLACE_AFTER = re.compile(rf"(?:\s+\w+){{0,1}}?\s+((?:in|on|at|from|inside|outside|aboard|near|along)\s+"
                          rf"{_NOT_A_PLACE}\S)")
# The words before a name that place it: "in Geneva", "along Forest Road 412".
_PLACED_AFTER = re.compile(rf"\b(?:{'|'.join(proper.PLACE_PREPS)}|of|along|off|beside|around)\s+(?:the\s+)?$")


_APPOSED_AFTER = re.compile(r",\s+(?:the|a|an)\s+([a-z][\w -]{0,40}?)(?=[,.;]|\s+(?:was|is|were|are|has|had)\b)")


_NATION_WORDS = frozenset({"country", "countries", "nation", "nations"})
# How sure a place is for "which town ...?" when the sentence does not call it a town: at 0.5,
# 9 of 13 such readings in our sets were right and none answered.
UNCALLED_PLACE = 0.75
# How sure the dateline's town is as where something happened ("KESSVIK, Nov 27 - Fire broke out in the
# engine room ..." does not answer "where on the ship did the fire start?"): none of our sets' dateline
# readings was right.
DATELINE_PLACE = 0.3


_NOUN_AFTER = re.compile(r" ([a-z]+)\b")
_NOUN_AFTER_ONE = re.compile(r" (?!(?:and|or|of|in|on|at|to|the|a|an|said|says|is|was|has|had)\b)[a-z]+ ([a-z]+)\b")


def where(question: Question, text: str, hits: list[Hit], base: FactBase) -> Found:
    # "Kestrel-4", "F-16", "G7": a model or a group, not a place
    found = [s for s in answer_names(question, text, base) if not re.search(r"[A-Za-z]-?\d", text[s[0]:s[1]])]
    if question.focus:
        # "which neighbouring city ...?": the name the sentence gives that word ("Neighbouring Eastbridge")
        modifier = re.search(rf"\b([a-z]{{4,}}) {re.escape(question.focus_word)}\b", question.normalized)
        if modifier and modifier.group(1) not in ("which", "what", "other"):
            qualified = [s for s in found if re.search(rf"\b{modifier.group(1)}\s+$", text[max(0, s[0] - 30):s[0]],
                                                        re.IGNORECASE)]
            if qualified:
                return qualified[0], 1.0
        for s in found:
            of = re.search(r"\b([\w-]+) of (?:the )?$", text[max(0, s[0] - 30):s[0]])
            if question.focus in base.lexicon.terms(text[s[0]:s[1]]) or (
                    of and question.focus in base.lexicon.terms(of.group(1))):
                return s, 1.0
            # "the Ashgrove Road crossing", "the Aldervale wine region"
            following = text[s[1]:s[1] + 40]
            noun = next((m for m in (_NOUN_AFTER.match(following), _NOUN_AFTER_ONE.match(following))
                         if m and question.focus in base.lexicon.terms(m.group(1))), None)
            if noun:
                return (s[0], s[1] + noun.end()), 1.0
            apposed = _APPOSED_AFTER.match(text, s[1])  # "Karsby, the largest of the villages,"
            if apposed and question.focus in base.lexicon.terms(apposed.group(1)):
                return s, 1.0
    placed = [s for s in found if proper.name_kind(text, s) == "place" or _FACILITY.search(text, s[0], s[1]) or
              _PLACED_AFTER.search(text[max(0, s[0] - 12):s[0]])]
    if not question.focus:  # "where did the US and Ukraine meet?": not where the subject is a country
        placed = [s for s in placed if not proper.acting_country(text, s)]
    elif question.focus_word in proper.PLACE_NOUNS:  # "which countries ...?": not "at the University of Caldwell"
        placed = [s for s in placed if proper.name_kind(text, s) == "place" or
                  all(part in proper.COUNTRIES for part in _LIST_PARTS.split(text[s[0]:s[1]]))]
        if question.focus_word in _NATION_WORDS:  # "what country ...?": not "Brannock International Airport"
            placed = [s for s in placed if text[s[0]:s[1]] in proper.COUNTRIES or
                      not proper.PLACE_WORDS & set(text[s[0]:s[1]].split())]
    placed += [m.span(1) for m in _BASED.finditer(text)]  # "Boston-based cybersecurity firm"
    if not question.focus:  # "900 kilometres east of the launch site": where, but no country or town
        placed += [m.span() for m in spans.RELATIVE_PLACE.finditer(text)]
    if question.normalized.endswith(" from") and not question.focus:
        # "where's Kesang from?": where it came from, not where it is ("arrived in Brenmouth from Vasterby Zoo")
        origin = [s for s in placed if re.search(r"\bfrom\s+(?:the\s+)?$", text[max(0, s[0] - 10):s[0]])]
        if origin:
            return _with_town(text, origin[0]), 1.0
    if question.words & _HEADING:  # "where was the train headed?": where it went to, not where from
        placed = [s for s in placed if re.search(r"\b(?:to|for|towards?)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
                                                 text[max(0, s[0] - 20):s[0]])] or placed
    if any(proper.name_kind(text, s) == "place" for s in placed):  # "of the Defense Council" is no place
        placed = [s for s in placed if proper.name_kind(text, s) != "org" or _FACILITY.search(text, s[0], s[1])]
    # "at the National Museum in Kesi": the museum with its town, not the town alone
    placed = [t for t in placed if not any(s != t and s[1] < t[0] and _with_town(text, s)[1] >= t[1] for s in placed)]
    if not placed and question.focus_word in proper.PLACE_NOUNS:
        found = []  # "which 11 countries ...?" is not answered by "Phase III"
    if not placed:  # "where was the protest?" is not answered by "Federation of Public Sector Unions"
        found = [s for s in found if proper.name_kind(text, s) not in ("org", "person")]
    nearest = closest(placed or found, hits, text)
    anchor = anchor_hit(hits)
    if anchor is not None and anchor.verb:
        # Where the verb asked about puts it: "halted production at Linmouth and shifted it to its plant
        # at Kessford" answers "where was production moved?" with Kessford.
        moved = [s for s in placed if 0 <= s[0] - anchor.end < _PLACED_CHARS]
        if moved:
            return _with_town(text, moved[0]), 0.9
    after = _PLACE_AFTER.match(text, anchor.end) if anchor is not None and anchor.verb else None
    if anchor is not None and after and (nearest is None or distance(nearest, [anchor]) > 60):
        # No name near the verb asked about: the phrase it is placed in ("buried on page nine of ...").
        return clause_after(text, after.start(1), 6), 0.8
    if nearest is None:
        return None
    # (where the story was filed is where things happened only when the sentence says nothing nearer)
    filed = DATELINE_PLACE if proper.is_dateline(text, nearest) else 1.0
    return _with_town(text, nearest), (0.9 if placed else 0.5) * (UNCALLED_PLACE if question.focus else 1.0) * filed


# A building or ground is where things happen, though a hospital or a school is also a body.
_FACILITY = re.compile(r"\b(?:Hospital|School|Hall|Centre|Center|Stadium|Arena|University|College|Church|Hotel|"
                       r"Prison|Airport|Station|Museum|Library|Theatre|Theater|Clinic|Park|Street|Road)$")
_IN_TOWN = re.compile(r" in ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\b")


def _with_town(text: str, span: Span) -> Span:
    """A facility or street with the town it is in: "St. Aldric's Hospital in Wexley"; a name with
    the kind of place it names after "the": "the Larkfield allotments", "the Northgate Road bridge",
    "the Tarrow river catchment"."""
    if re.search(r"\bthe\s+$", text[max(0, span[0] - 5):span[0]]) and (kind := _PLACE_KIND.match(text, span[1])):
        more = _PLACE_KIND.match(text, kind.end())  # "the Tarrow river catchment"
        return span[0], (more or kind).end()
    town = _IN_TOWN.match(text, span[1]) if _FACILITY.search(text, span[0], span[1]) else None
    return (span[0], town.end()) if town else span


_LIST_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")  # "Britain, France and Germany"
_PLACE_KIND = re.compile(r" (?:allotments|estate|district|area|neighbou?rhood|suburb|plant|site|factory|mine|farm|"
                         r"camp|bridge|crossing|junction|tunnel|motorway|highway|road|station|airport|port|harbou?r|"
                         r"market|square|stadium|ground|depot|warehouse|refinery|reservoir|dam|valley|hills|woods|"
                         r"forest|border|coast|river|lake|field|fields|complex|terminal|campus|quarter|region|"
                         r"province|county|village|town|city|catchment|basin|delta|estuary|flats|plain|plains)\b")
