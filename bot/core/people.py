"""People and places named in an article nobody has curated, with the roles it states.

A person is a capitalized name with some sign of being one: a title in or before the name
("Mayor Linda Okafor", "opposition lawmaker Mykola Kravets"), an apposition after it ("Luis
Ferraro, president of AAU Local 318,"), a party ("Thomas Greer (Independent)"), or a first and
last name. Those signs are the person's role, with the verbatim span that states it, so that
"who is Ferraro?" and "who is the mayor?" can be answered. Places are names the article puts
after "in", "at" or "from", or that end in a place word ("Tessaro River").
"""
from __future__ import annotations

import re

from bot.core import proper, spans
from bot.core.kinds import PERSON_WORD
from bot.core.models import Entity

# Lower-case words that name what someone is ("lawmaker", "spokeswoman", "analyst").
_ROLE_NOUN = re.compile(
    r"^(?:[a-z-]+(?:man|woman|person|ist|ian)|chief|head|minister|envoy|official|member|leader|deputy|aide|expert|"
    r"owner|mayor|governor|councillor|councilor|general|judge|chair|boss|founder|commander|officer|negotiator|"
    r"diplomat|activist|resident|president|secretary|ambassador|director|manager|adviser|advisor|speaker|"
    r"lawmaker|legislator|senator|analyst|economist|reporter|editor|engineer|inspector|worker|employee|teacher|"
    r"professor|researcher|lawyer|attorney|prosecutor|soldier|commissioner|partner|executive|ceo|candidate|"
    r"nominee|veteran|survivor|victim|witness|banker|investor|entrepreneur|consultant|coordinator|supervisor|"
    r"administrator|treasurer|auditor|minister|premier|monarch|king|queen|prince|bishop|priest|coach|"
    r"player|captain|pilot|farmer|owner|operator|critic|opponent|ally|rival|successor|predecessor|host)s?$")
_NOT_ROLE_START = frozenset("because after before when while since which who where and but so with for to at in on "
                            "as if than that this these those its it".split())
_APPOSITION = re.compile(r"^,\s+((?:a|an|the)\s+)?([^,;.“\"()]{3,90}?)(?=,|\.|;|$)")
# Last words of capitalized names of events, services and things, not of people.
_THING_WORDS = frozenset("""Tournament Championship Championships Cup Games Open Festival Fire Summit Conference Forum
Prize Award Awards Trophy Series League Race Marathon Show Fair Expo Week Plan Act Bill Agreement Accord Treaty Report
Fund Project Programme Program Strategy Index Service Services Rescue Corps Police Guard Force Forces Brigade Network
Exchange Market Museum Gallery Library Hospital Clinic Stadium Arena Tower Line Lines Airways Airlines Air Boards
Energy Power Water Foods Motors Systems Technologies Labs Pharma Holdings Partners Capital Media Post""".split())
_PARTIES = r"Democrat|Republican|Independent|Conservative|Labour|Liberal|Socialist|Green"
_PARTY = re.compile(rf"^\s*\(([A-Z][\w ]{{2,30}})\)|^,\s+an?\s+({_PARTIES})\b")
_LEAD_STOP = frozenset("the a an of in on at by said says told and with for to from as his her their its was is "
                       "were are has had have that who which after before when while".split())


def _split_title(words: list[str]) -> int:
    """How many leading words of a capitalized run are its title ("Transport Commissioner",
    "Passenger Mirela Dunstan": a word for someone opening the run is one too)."""
    last = -1
    for i, w in enumerate(words[:-1]):
        if w in proper.TITLE_WORDS or w.strip(".,") in proper.TITLE_WORDS or \
                (i == 0 and len(words) >= 3 and PERSON_WORD.match(w.lower())):
            last = i
    return last + 1


# A capitalized title before the comma of an apposition: "Ondara's Minister of Culture and Heritage, Tobenna Aruwa".
_TITLES = "|".join(map(re.escape, proper.TITLE_WORDS))
_TITLE_BEFORE = re.compile(rf"((?:[A-Z][\w’'-]*['’]s\s+)?(?:[A-Z][a-z]+\s+){{0,2}}(?:{_TITLES})"
                           r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?)?),\s*$")


def _lead(text: str, start: int) -> tuple[int, str] | None:
    """Lower-case role words right before a name ("opposition lawmaker"), or before a comma that
    opens an apposition of the name ("Zelensky's chief of staff, Andriy Yermak", "the Minister of
    Culture, Tobenna Aruwa")."""
    titled = _TITLE_BEFORE.search(text, max(0, start - 80), start)
    if titled:
        return titled.start(1), titled.group(1)
    end = start
    comma = re.search(r",\s*$", text[max(0, start - 3):start])
    if comma:
        end = max(0, start - 3) + comma.start()
    offset = max(0, end - 60)
    words = list(re.finditer(r"[\w’'.-]+", text[offset:end]))
    begin, stop = None, end
    for w in reversed(words):
        word = w.group(0)
        opens = not text[:offset + w.start()].strip() or text[:offset + w.start()].rstrip()[-1:] in ".!?\"“"
        if (word.lower() in _LEAD_STOP and word != "of") or text[offset + w.end():stop].strip() or \
                not (word[:1].islower() or opens):  # "Party leader Ines Cardell" opens its sentence
            break
        begin = stop = offset + w.start()
        if opens:
            break
    if begin is None:
        return None
    lead = text[begin:end].strip()
    if lead.split()[0] == "of" or lead.split()[-1] in ("of", "at", "for", "to") or \
            not any(_ROLE_NOUN.match(w) for w in lead.split()):
        return None
    return begin, lead


def _apposition(text: str, end: int) -> tuple[int, str] | None:
    m = _APPOSITION.match(text[end:])
    if not m:
        return None
    role = m.group(2).strip()
    first = role.split()[0].lower()
    if first in _NOT_ROLE_START or first in ("said", "says", "told", "was", "is", "added") or first[:1].isdigit() \
            or first in spans.NUMBER_WORDS or not any(
            _ROLE_NOUN.match(w.lower()) or w in proper.TITLE_WORDS for w in role.split()[:5]):
        return None
    return end + m.end(), role


def find_people(paragraphs: tuple[str, ...]) -> list[Entity]:
    """People with the role the article first gives them, keyed by full name (two Okafors of
    two articles are two people), and the places it names."""
    found: dict[str, Entity] = {}

    def add(entity: Entity) -> None:
        # The first role an article gives someone is the one it introduces them with.
        known = found.get(entity.id)
        if known is None or (entity.role and not known.role):
            found[entity.id] = entity

    for n, text in enumerate(paragraphs, 1):
        for a, b in proper.names(text):
            words = text[a:b].split()
            k = _split_title(words)
            name_words = words[k:]
            if "of" in name_words[1:]:  # "Priya Castellanos of Brightwater Securities"
                name_words = name_words[:name_words.index("of")]
                b = a + len(" ".join(words[:k + len(name_words)]))
            if not name_words or name_words[0] in proper.TITLE_WORDS or name_words[0] in ("of", "for") or \
                    any(c.isdigit() for c in name_words[-1]):
                continue  # ("Minister of Culture": a title; "Ward 3", "Route 14": numbered things, no one's name)
            kind = proper.name_kind(text, (b - len(" ".join(name_words)), b))
            if kind == "org":
                continue
            if kind == "place" or (kind == "name" and re.search(r"\b(?:in|at|from|near)\s+(?:the\s+)?$",
                                                                 text[max(0, a - 12):a])):
                if len(words) >= 1 and not k:
                    add(Entity(id=slug(text[a:b]), name=text[a:b], kind="place"))
                continue
            name = " ".join(name_words)
            pieces, start, stop = [], a, b
            if k:
                title = " ".join(words[:k])
                of = re.match(r" of ((?:the )?[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)", text[b:])
                if of:  # "President Erdogan of Turkey": President of Turkey
                    title, stop = f"{title} of {of.group(1)}", b + of.end()
                pieces.append(title)
            lead = _lead(text, a)
            if lead and len(name_words) < 2 and re.search(r",\s*$", text[max(0, a - 3):a]):
                lead = None  # "As a NATO member, Turkey": a comma apposition names a person by full name
            if lead:
                start = lead[0]
                pieces.insert(0, lead[1])
            party = _PARTY.match(text[b:])
            appos = _apposition(text, b)
            if party:
                pieces.append(party.group(1) or party.group(2))
                stop = b + party.end()
            elif appos:
                pieces.append(appos[1])
                stop = appos[0]
            if not pieces and len(name_words) >= 2 and name_words[-1] in _THING_WORDS and not k:
                # "World Cup", "Varnholt Regional Fire": a thing by its whole name, not a person "Cup"
                add(Entity(id=slug(name), name=name, kind="event"))
                continue
            if not pieces and len(name_words) < 2:
                continue
            role = ", ".join(pieces) or None
            aliases = [name_words[-1]] if len(name_words) >= 2 else []
            add(Entity(id=slug(name), name=name, kind="person", aliases=aliases, role=role,
                       paragraph=n if role else None, evidence=text[start:stop].strip(" ,") if role else None))
    return _merge_surnames(found)


def _merge_surnames(found: dict[str, Entity]) -> list[Entity]:
    """"Driscoll, a former Army officer" is Daniel Driscoll: a surname alone joins the full name's entity."""
    full = {e.name.split()[-1]: e for e in found.values() if e.kind == "person" and len(e.name.split()) >= 2}
    out = dict(found)
    for key, e in found.items():
        whole = full.get(e.name) if e.kind == "person" and len(e.name.split()) == 1 else None
        if whole is None:
            continue
        del out[key]
        if e.role and not whole.role:
            out[whole.id] = whole.model_copy(update={"role": e.role, "paragraph": e.paragraph, "evidence": e.evidence})
    return list(out.values())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"
