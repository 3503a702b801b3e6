"""What admins review: declined questions grouped with their near-duplicates, each group with
the facts the bot would have answered from; and the least helpful answers.

Grouping is rapidfuzz's token-sort ratio over normalized text: "what is the capital of mars"
and "What is the capital of Mars?" are one group; a group an admin marked "not in the
articles" is left out, with its near-duplicates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.core.answers import Answerer, Guess
from bot.core.text import normalize
from bot.questionlog.store import QuestionLog

#: Two questions whose normalized words have at least this token-sort ratio are one group.
GROUP_SIMILARITY = 88.0
MAX_REVIEWED = 5_000  # the most recent declined questions grouped at most (a view, not an export)


@dataclass
class Group:
    """Near-duplicate declined questions."""

    question: str  # the most recent phrasing
    key: str  # its normalized words
    count: int = 0
    askers: set[str] = field(default_factory=set)
    last_asked: dt.datetime | None = None
    candidates: list[Guess] = field(default_factory=list)

    def to_json_dict(self) -> dict[str, object]:
        """The ``talksbot unanswered --json`` contract: one object per group."""
        return {"question": self.question, "count": self.count, "askers": len(self.askers),
                "last_asked": self.last_asked.isoformat() if self.last_asked else None,
                "candidates": [{"fact_id": c.fact_id, "answer": c.answer, "confidence": c.confidence}
                               for c in self.candidates]}


def _same(a: str, b: str) -> bool:
    return fuzz.token_sort_ratio(a, b) >= GROUP_SIMILARITY


def unanswered(qlog: QuestionLog, answerer: Answerer, days: int, limit: int = 20) -> list[Group]:
    """The declined questions of the last ``days`` days in groups, most asked first (then most
    recent), each with the bot's three best candidate facts for its latest phrasing; a group
    whose latest phrasing the bot answers now (it was taught since) is left out."""
    dismissed = [normalize(q) for q in qlog.dismissed()]
    groups: list[Group] = []
    for row in qlog.declined(days)[:MAX_REVIEWED]:
        key = normalize(row.question)
        if not key or any(_same(key, d) for d in dismissed):
            continue
        group = next((g for g in groups if _same(key, g.key)), None)
        if group is None:
            group = Group(row.question, key, last_asked=row.asked_at)
            groups.append(group)
        group.count += 1
        if row.asker:
            group.askers.add(row.asker)
    groups.sort(key=lambda g: (-g.count, -(g.last_asked.timestamp() if g.last_asked else 0.0)))
    out: list[Group] = []
    for group in groups:
        if len(out) == limit:
            break
        if answerer.answer(group.question).matched:
            continue  # answered now (taught since, or a new article): no longer to review
        group.candidates = answerer.guesses(group.question)
        out.append(group)
    return out


def find_group(qlog: QuestionLog, question: str, days: int) -> list[str]:
    """Every logged declined phrasing in ``question``'s group (for dismissing all of them)."""
    key = normalize(question)
    return list(dict.fromkeys(row.question for row in qlog.declined(days) if _same(normalize(row.question), key)))


def dismiss_group(qlog: QuestionLog, question: str, days: int) -> int:
    """Mark ``question`` and every logged phrasing of its group "not in the articles"; stored
    before it returns (the admin is told, and the next view reads it). How many were marked."""
    qlog.flush()
    phrasings = dict.fromkeys([question, *find_group(qlog, question, days)])
    for phrasing in phrasings:
        qlog.dismiss(phrasing)
    qlog.flush()
    return len(phrasings)
