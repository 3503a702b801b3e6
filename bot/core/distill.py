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
from bot.core.text import normalize

TITLES = ("President", "Senator", "Congressman", "Congresswoman", "Prime Minister", "Secretary of State",
          "Secretary", "Minister", "Chancellor", "General", "Ambassador", "Mr.", "Mrs.", "Ms.", "Dr.")
_NAME = r"[A-Z][a-zA-Z'’-]+(?: [A-Z][a-zA-Z'’-]+)*"
_ROLE_BEFORE = re.compile(rf"((?:[A-Z][a-zA-Z]+ )*(?:{'|'.join(TITLES)})) ({_NAME})(?: \((\w+)\))?")
_ROLE_WORDS = r"(?:President|Minister|Senator|Secretary|Chancellor|leader|head|chief|spokesperson|spokesman|" \
              r"envoy|ambassador|official|Congressman|general|commander|founder|CEO)"
_ROLE_AFTER = re.compile(rf"({_NAME}), the ([^,]{{0,60}}{_ROLE_WORDS}[^,]{{0,60}}),")
_ROLE_OF = re.compile(rf"(President|Prime Minister|Chancellor|King) ({_NAME}) of ({_NAME})")
_PRONOUNS = {"He", "She", "he", "she"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "article"


def _person(name: str) -> str:
    for title in TITLES:
        name = name.removeprefix(title + " ")
    return name.strip()


def find_people(paragraphs: tuple[str, ...]) -> list[Entity]:
    """People named with a title or an apposition, keyed by surname, with the role stated."""
    people: dict[str, Entity] = {}

    def add(name: str, role: str | None, n: int, evidence: str) -> None:
        name = _person(name)
        key = slug(name.split()[-1])
        known = people.get(key)
        if not key or (known and (not role or len(known.role or "") >= len(role))):
            return
        aliases = sorted({name.split()[-1], name} - {name}) if " " in name else []
        people[key] = Entity(id=key, name=name, kind="person", aliases=aliases, role=role, paragraph=n,
                             evidence=evidence)

    for n, text in enumerate(paragraphs, 1):
        for m in _ROLE_OF.finditer(text):
            add(m.group(2), f"{m.group(1)} of {m.group(3)}", n, m.group(0))
        for m in _ROLE_BEFORE.finditer(text):
            role = m.group(1) + (f", {m.group(3)}" if m.group(3) else "")
            add(m.group(2), role.strip(), n, m.group(0))
        for m in _ROLE_AFTER.finditer(text):
            if len(m.group(1).split()) >= 2:
                add(m.group(1), m.group(2), n, m.group(0))
    return list(people.values())


_ORG = re.compile(r"\b((?:the )?(?:[A-Z][a-zA-Z]+ )*(?:House|Congress|Union|Nations|Council|Ministry|Department|"
                  r"Agency|Times|Post|News|Organization|Alliance|Parliament|Commission|Group of [A-Z][a-z]+)"
                  r"(?: of [A-Z][a-z]+)?)(?: \(([A-Z0-9]{2,6})\))?")
_ACRONYM = re.compile(r"\b(NATO|EU|UN|G7|G20|OSCE|IAEA|WHO|IMF|OPEC|Reuters|AP|AFP)\b")


def find_organizations(paragraphs: tuple[str, ...]) -> list[Entity]:
    """Organizations: names ending in an institution word ("The White House", "Group of Seven (G7)")
    and well-known acronyms and agencies."""
    orgs: dict[str, Entity] = {}
    for text in paragraphs:
        for m in _ORG.finditer(text):
            name = re.sub(r"^the ", "", m.group(1), flags=re.IGNORECASE)
            key = slug(m.group(2) or name)
            if key and key not in orgs:
                orgs[key] = Entity(id=key, name=name, kind="organization", aliases=[m.group(2)] if m.group(2) else [])
        for m in _ACRONYM.finditer(text):
            key = slug(m.group(1))
            if key not in orgs:
                orgs[key] = Entity(id=key, name=m.group(1), kind="organization")
    return list(orgs.values())


def _entities_in(sentence: str, people: list[Entity]) -> list[str]:
    norm = f" {normalize(sentence)} "
    return [p.id for p in people if any(f" {normalize(a)} " in norm for a in (p.name, *p.aliases))]


def distill(article_id: str, seed_name: str, meta: dict[str, str], paragraphs: tuple[str, ...],
            default_date: dt.date) -> KnowledgeFile:
    """A knowledge file, every fact machine-distilled, for an article with no curated file."""
    people = find_people(paragraphs)
    known = {p.id for p in people}
    named = people + [o for o in find_organizations(paragraphs) if o.id not in known]
    facts: list[Fact] = []
    speaker: str | None = None
    for n, text in enumerate(paragraphs, 1):
        for i, sentence in enumerate(split_sentences(text), 1):
            subject = find_subject(sentence)
            if subject in _PRONOUNS or (subject is None and sentence.startswith(("He ", "She "))):
                subject = speaker
            ents = _entities_in(sentence, named)
            mentioned: list[str] = []
            if subject:
                mentioned = _entities_in(subject, named)
                if mentioned:
                    speaker = subject
                    ents = mentioned + [e for e in ents if e not in mentioned]
            answers: dict[str, str] = {"what": sentence}
            for key, value in (("who", subject or find_agent(sentence)), ("when", find_date(sentence)),
                               ("where", find_place(sentence)),
                               ("how_many", find_count(sentence)), ("quote", find_quote(sentence)),
                               ("why", find_purpose(sentence))):
                if value:
                    answers[key] = value
            answers["yes_no"] = sentence
            facts.append(Fact(id=f"{article_id}.p{n}.s{i}", paragraph=n, evidence=sentence, reply=sentence,
                              answers=answers, questions=[sentence], entities=ents,
                              speaker=ents[0] if ents and "quote" in answers and subject and mentioned else None,
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
