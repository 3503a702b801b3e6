"""Machine distillation: facts from an article nobody has curated yet.

Each sentence becomes a fact (its evidence, verbatim) with the short answers the extractors
find: date, place, count, subject, quotation and speaker, purpose. Names become entities, with
a role when the article states one ("US Senator Mike Rounds (Republican)"). Every fact is
marked ``distilled``; a curated file for the same article replaces all of them.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from bot.core import proper
from bot.core.extract import (
    find_agent,
    find_count,
    find_date,
    find_place,
    find_purpose,
    find_quote,
    find_subject,
    split_sentences,
)
from bot.core.models import ArticleMeta, Entity, Fact, KnowledgeFile
from bot.core.people import find_people, slug
from bot.core.text import STOPWORDS, normalize

__all__ = ["article_date", "distill", "find_organizations", "find_people", "slug"]

_PRONOUNS = {"He", "She", "he", "she"}
_REFERS_BACK = re.compile(r"(?:It|They|Its|Their|His|Her|He|She|The (?:[a-z]+ ){0,2}?[a-z]+)\b")
_POSSESSIVE = re.compile(r"(?:His|Her|Their|Its)\b")
_PRONOUN_START = re.compile(r"^(?:He|She)\b|^(?:[^,]{0,40}, )?(?:he|she) (?:said|added|told|called|wrote|noted)\b|"
                            r"^\s*[“\"][^“”\"]+[”\"]\s*(?:he|she) (?:said|added|told|wrote|noted)\b")
REPORTING = re.compile(r"\b(?:said|says|told|wrote|writes|stated|added|warned|argued|insisted|stressed|announced|"
                       r"declared|noted|claimed|called|urged|accused|posted)\b")


_ORG = re.compile(r"\b((?:the )?(?:[A-Z][a-zA-Z]+ )*(?:House|Congress|Union|Nations|Council|Ministry|Department|"
                  r"Agency|Times|Post|News|Organization|Alliance|Parliament|Commission|Group of [A-Z][a-z]+)"
                  r"(?: of [A-Z][a-z]+)?)(?: \(([A-Z0-9]{2,6})\))?")
_ACRONYM = re.compile(r"\b(NATO|EU|UN|G7|G20|OSCE|IAEA|WHO|IMF|OPEC|Reuters|AP|AFP)\b")


def find_organizations(paragraphs: tuple[str, ...]) -> list[Entity]:
    """Organizations: names ending in an institution word ("The White House", "Group of Seven (G7)")
    and well-known acronyms and agencies."""
    orgs: dict[str, Entity] = {}
    lower_case = {w for text in paragraphs for w in re.findall(r"\b[a-z][\w'-]*", text)}
    for text in paragraphs:
        for m in _ORG.finditer(text):
            name = re.sub(r"^the ", "", m.group(1), flags=re.IGNORECASE)
            if " " not in name and name.lower() in lower_case and not m.group(2):
                continue  # "the Department said" of an article that says "the department": no name
            key = slug(m.group(2) or name)
            if key and key not in orgs:
                orgs[key] = Entity(id=key, name=name, kind="organization", aliases=[m.group(2)] if m.group(2) else [])
        for m in _ACRONYM.finditer(text):
            key = slug(m.group(1))
            if key not in orgs:
                orgs[key] = Entity(id=key, name=m.group(1), kind="organization")
        for a, b in proper.names(text):  # "Calder & Reece", "Voltreon AG", "the Port Elling Gazette"
            if " " not in text[a:b] and text[a:b].lower() in lower_case:
                continue  # "Board president Tom Varga" of an article that says "the board": no name
            if proper.name_kind(text, (a, b)) == "org" and (key := slug(text[a:b])) not in orgs:
                orgs[key] = Entity(id=key, name=text[a:b], kind="organization")
    words = {w for text in paragraphs for w in normalize(text).split()}
    for org in orgs.values():
        initials = acronym(org.name)
        if initials and initials not in org.aliases and initials.lower() not in words | STOPWORDS:
            org.aliases.append(initials)
    return list(orgs.values())


_JOINING = frozenset({"of", "for", "and", "the", "on", "&"})


def acronym(name: str) -> str | None:
    """The initials a reader may use for an organization the article only spells out: "ICU" for
    "International Chess Union", "AICF" for "All India Chess Federation". Only for three or more
    capitalized words, and (by the caller) never a word the article or a question uses as a word
    ("WHO" is not a question about the World Health Organization unless spelled so)."""
    words = [w for w in name.split() if w.lower() not in _JOINING]
    if len(words) < 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


# Who a quotation is attributed to right after it: '," said Ruth Amadi' or '," Amadi said'.
_QUOTED_BY = re.compile(r"[,.!?]?[”\"]\s*,?\s*(?:(?:said|says|added|warned|told \w+)\s+((?:[A-Z][\w.'’-]+\s?)+)|"
                        r"((?:[A-Z][\w.'’-]+\s?)+)\s+(?:said|says|added|warned|told|wrote|insisted|stressed))")

# A sentence that is one quotation and nothing else, the speaker's words going on.
_QUOTE_ONLY = re.compile(r"\s*[“\"][^“”\"]+[”\"]\s*")


def _short_for(person: Entity, orgs: list[Entity]) -> bool:
    """A name with no role that starts an organization's name is its short form ("Great Plains
    Northern" of "Great Plains Northern Railway"): the organization's alias, not a person."""
    if person.role or len(person.name.split()) < 2 or person.name.split()[-1] in proper.PLACE_WORDS:
        return False  # ("Carver Street" is a street, whatever "Carver Street Traders' Association" is)
    org = next((o for o in orgs if o.name.startswith(person.name + " ")), None)
    if org is not None and person.name not in org.aliases:
        org.aliases.append(person.name)
    return org is not None


def _entities_in(text: str, people: list[Entity], longest_first: bool = False) -> list[str]:
    """The entities ``text`` names, in ``people``'s order or, ``longest_first``, those named by more
    words first: "Chief Fire Officer Tomas Rehling" is Tomas Rehling before a name that also goes by
    "Fire"."""
    norm = f" {normalize(text)} "
    found: list[tuple[int, int, str]] = []
    for p in people:
        words = max((len(n.split()) for a in (p.name, *p.aliases) if f" {(n := normalize(a))} " in norm), default=0)
        if words:
            found.append((-words if longest_first else 0, len(found), p.id))
    return [eid for _, _, eid in sorted(found)]


def distill(article_id: str, seed_name: str, meta: dict[str, str], paragraphs: tuple[str, ...],
            default_date: dt.date) -> KnowledgeFile:
    """A knowledge file, every fact machine-distilled, for an article with no curated file."""
    people = find_people(paragraphs)
    known = {p.id for p in people}
    orgs = [o for o in find_organizations(paragraphs) if o.id not in known]
    people = [p for p in people if not _short_for(p, orgs)]
    named = people + orgs
    facts: list[Fact] = []
    persons = [p for p in named if p.kind == "person"]
    last_person: str | None = None  # whom "he" or "she" refers to: the person named last, as subject first
    for n, text in enumerate(paragraphs, 1):
        for i, sentence in enumerate(split_sentences(text), 1):
            subject = find_subject(sentence)
            pronoun = subject in _PRONOUNS or bool(_PRONOUN_START.match(sentence))
            ents = _entities_in(sentence, named)
            mentioned: list[str] = []
            if pronoun and last_person:
                subject = last_person
            if subject:
                mentioned = _entities_in(subject, named)
                if mentioned:
                    ents = mentioned + [e for e in ents if e not in mentioned]
            people_here = _entities_in(subject if mentioned and subject else sentence, persons, longest_first=True)
            if people_here and not pronoun:
                last_person = next(p.name for p in persons if p.id == people_here[0])
            answers: dict[str, str] = {"what": sentence}
            for key, value in (("who", subject or find_agent(sentence)), ("when", find_date(sentence)),
                               ("where", find_place(sentence)),
                               ("how_many", find_count(sentence)), ("quote", find_quote(sentence)),
                               ("why", find_purpose(sentence))):
                if value:
                    answers[key] = value
            answers["yes_no"] = sentence
            speaker = ents[0] if ents and subject and mentioned and (
                "quote" in answers or REPORTING.search(sentence)) else None
            attributed = _QUOTED_BY.search(sentence)  # '"This was a warning," said Ruth Amadi': hers
            if attributed and "quote" in answers:
                speaker = next(iter(_entities_in(attributed.group(1) or attributed.group(2), named)), speaker)
            if speaker is None and i > 1 and _QUOTE_ONLY.fullmatch(sentence) and facts[-1].speaker:
                speaker = facts[-1].speaker  # '..., Brunner said. "There was no malfunction."': still Brunner
            if not ents and i > 1 and facts[-1].entities and _REFERS_BACK.match(sentence):
                ents = facts[-1].entities[:1]  # "It ...", "The animal ...": what the sentence before is about
            elif i > 1 and facts[-1].entities and _POSSESSIVE.match(sentence) and facts[-1].entities[0] not in ents:
                # "His campaign manager, Colin Hart, said ...": about Hart, and about whose campaign it is
                ents = [*ents, facts[-1].entities[0]]
            facts.append(Fact(id=f"{article_id}.p{n}.s{i}", paragraph=n, evidence=sentence, reply=sentence,
                              answers=answers, questions=[sentence], entities=ents, speaker=speaker,
                              distilled=True))
    first = split_sentences(paragraphs[0])[0] if paragraphs else article_id
    title = meta.get("title") or (first if len(first.split()) <= 14 else " ".join(first.split()[:12]) + "…")
    date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else default_date
    article = ArticleMeta(id=article_id, title=title, date=date, seed=seed_name, url=meta.get("url") or None,
                          attribution=[a.strip() for a in meta.get("attribution", "").split(",") if a.strip()],
                          short_name=meta.get("title", "")[:40] or f"article {article_id}")
    return KnowledgeFile(article=article, entities=named, facts=facts)


def article_date(path: Path) -> dt.date:
    """The date in a seed file's name (YYYY-MM-DD), else its modification date."""
    m = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
    if m:
        try:
            return dt.date.fromisoformat(m.group(1))
        except ValueError:
            pass
    return dt.date.fromtimestamp(path.stat().st_mtime)
