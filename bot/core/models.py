"""Pydantic models of a knowledge file: one article, its entities and its facts."""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: Question types the engine recognizes; a fact's ``answers`` are keyed by them.
QuestionType = Literal["who", "who_is", "who_role", "when", "where", "how_many", "what", "which", "why", "yes_no",
                       "quote"]
ANSWER_KEYS: tuple[str, ...] = ("who", "who_is", "when", "where", "how_many", "what", "which", "why", "yes_no",
                                "quote")

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_WEB_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a valid id (lowercase letters, digits, '-', '_', '.')")
    return value


def _check_url(value: str | None) -> str | None:
    # only http(s): the URL becomes a link on the source pages and in replies
    if value is not None and not _WEB_URL.match(value):
        raise ValueError(f"{value[:60]!r} is not a web address: an article URL must start with http:// or https:// "
                         f"and name a host")
    return value


class ArticleMeta(_Strict):
    """The article a knowledge file distils: where its text lives and whom it credits."""

    id: str
    title: str = Field(min_length=1)
    date: dt.date = Field(description="the date of the events the article reports")
    seed: str = Field(description="file name of the article text in seeds/")
    url: str | None = None
    attribution: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list, description="what people can ask about, for help")
    short_name: str = Field(default="", description="how replies name it, e.g. 'Geneva talks article'")

    _id = field_validator("id")(_check_id)
    _url = field_validator("url")(_check_url)


class Entity(_Strict):
    """A person, country, organization or place, with the names people use for it."""

    id: str
    name: str
    kind: Literal["person", "country", "organization", "place", "group", "event", "document"]
    aliases: list[str] = Field(default_factory=list)
    role: str | None = Field(default=None, description="short description, e.g. 'US Senator, Republican'")
    paragraph: int | None = Field(default=None, ge=1, description="where the role is stated")
    evidence: str | None = None
    reply: str | None = Field(default=None, description="one sentence answering 'who is ...?'")

    _id = field_validator("id")(_check_id)


class Fact(_Strict):
    """One statement of the article, with the short answers each question type gets."""

    id: str
    paragraph: int = Field(ge=1)
    evidence: str = Field(min_length=3, description="verbatim span of the cited paragraph")
    reply: str = Field(min_length=3, description="one sentence of context")
    answers: dict[QuestionType, str] = Field(min_length=1)
    questions: list[str] = Field(min_length=1, description="phrasings of questions it answers")
    entities: list[str] = Field(default_factory=list)
    speaker: str | None = Field(default=None, description="entity id of who is quoted")
    keywords: list[str] = Field(default_factory=list)
    distilled: bool = Field(default=False, description="machine-distilled rather than curated")

    _id = field_validator("id")(_check_id)


class KnowledgeFile(_Strict):
    """The whole of one ``knowledge/*.yaml`` file."""

    article: ArticleMeta
    synonyms: dict[str, list[str]] = Field(default_factory=dict,
                                           description="canonical word -> words people use for it")
    entities: list[Entity] = Field(default_factory=list)
    facts: list[Fact] = Field(min_length=1)
