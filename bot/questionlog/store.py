"""What the question log stores and the one small interface every front-end records through.

A front-end calls ``record(answer, asked)`` after answering and ``vote(...)`` on a feedback
click; admin views read ``unanswered``, ``feedback`` and ``per_day``. Writes never block the
caller (the SQLite store queues them for its writer thread); reads are quick queries meant for
admin commands (front-ends run them off the event loop).

Privacy: the asker is stored only as a salted hash of platform and user id (for counting
distinct askers); the salt is random per database and never leaves it. No names, no raw ids,
no channel ids. ``NullLog`` is the log when it is off (``TALKSBOT_QUESTION_LOG=false``) or
when the database cannot be opened: the bot answers either way.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Literal, Protocol

Platform = Literal["slack", "discord", "chat", "web"]
AskKind = Literal["mention", "dm", "slash", "chat", "button"]
#: Answer kinds that are questions (greetings, help and empty messages are not recorded).
RECORDED_KINDS = frozenset({"fact", "timeline", "declined", "too_long", "no_words"})


@dataclass(frozen=True)
class Asked:
    """Who asked where: the platform, how (a mention, a DM, a slash command...) and the raw user
    id, which is hashed before anything is stored."""

    platform: Platform
    kind: AskKind
    user: str | None = None


@dataclass(frozen=True)
class Logged:
    """One recorded question, as the store returns it (the asker already hashed)."""

    answer_id: str
    question: str
    platform: str
    kind: str
    answered: bool
    fact_id: str | None
    article: str | None
    confidence: float
    asked_at: dt.datetime
    asker: str | None


@dataclass(frozen=True)
class Helpfulness:
    """The votes on one fact's answers."""

    fact_id: str
    question: str  # the latest question it answered with a vote
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class Day:
    """Questions asked on one day (UTC)."""

    day: dt.date
    answered: int
    declined: int


@dataclass
class Status:
    """Whether the log is recording, and why not (for the log and ``/healthz``)."""

    on: bool
    detail: str
    path: str = ""
    dropped: int = field(default=0)  # records that failed to write (reported, never silent)


def new_answer_id() -> str:
    """An opaque id for one answer: feedback buttons carry it."""
    return uuid.uuid4().hex[:16]


class QuestionLog(Protocol):
    """The question log: SQLite today, a server database when replicas share one log."""

    status: Status

    def record(self, question: str, answered: bool, fact_id: str | None, article: str | None,
               confidence: float, kind: str, asked: Asked, answer_id: str | None = None) -> str:
        """Queue one question; returns its answer id (for feedback buttons)."""

    def vote(self, answer_id: str, asked: Asked, helpful: bool) -> None:
        """Queue a Helpful / Not helpful vote: one per user per answer, a second one replaces it."""

    def dismiss(self, question: str) -> None:
        """Mark an unanswered question as "not in the articles": its group is not shown again."""

    def dismissed(self) -> set[str]:
        """The questions marked "not in the articles"."""

    def declined(self, days: int) -> list[Logged]:
        """Declined questions of the last ``days`` days, newest first, dismissed ones left out."""

    def feedback(self) -> list[Helpfulness]:
        """Per fact: its votes, least helpful first."""

    def per_day(self, days: int) -> list[Day]:
        """Answered and declined questions per day over the last ``days`` days."""

    def flush(self) -> None:
        """Wait until every queued write is stored."""

    def close(self) -> None:
        """Store every queued write, then close."""


class NullLog:
    """The log when it is off: records nothing, reads nothing, says why."""

    def __init__(self, detail: str = "off (TALKSBOT_QUESTION_LOG=false)") -> None:
        self.status = Status(False, detail)

    def record(self, question: str, answered: bool, fact_id: str | None, article: str | None,
               confidence: float, kind: str, asked: Asked, answer_id: str | None = None) -> str:
        return answer_id or new_answer_id()

    def vote(self, answer_id: str, asked: Asked, helpful: bool) -> None:
        return None

    def dismiss(self, question: str) -> None:
        return None

    def dismissed(self) -> set[str]:
        return set()

    def declined(self, days: int) -> list[Logged]:
        return []

    def feedback(self) -> list[Helpfulness]:
        return []

    def per_day(self, days: int) -> list[Day]:
        return []

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None
