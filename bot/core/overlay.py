"""Phrasings taught from chat: ``knowledge/local/ARTICLE.yaml``, merged into the article on load.

An overlay is small, human-readable and safe to commit: for each fact id of the article, the
questions admins taught as alternate phrasings of it::

    article: geneva-talks-2025-11-23
    phrasings:
      deadline-thanksgiving:
        - whose idea was the T-day cutoff

It is validated like any knowledge file; a phrasing for a fact the article does not have is
reported and left out, and the article loads without it (a bad overlay never takes an article
down). Facts distilled from an article's text have ids from their position
(``ARTICLE.pN.sI``), stable while the text is unchanged.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from bot.core.files import Problem
from bot.core.models import KnowledgeFile, _Strict

LOCAL_DIR = "local"
HEADER = ("# Phrasings taught from chat (talksbot teach, or the unanswered view): each question is an\n"
          "# alternate phrasing of the fact whose id it is listed under. Safe to edit and to commit.\n")


class Overlay(_Strict):
    """The taught phrasings of one article."""

    article: str
    phrasings: dict[str, list[str]] = Field(default_factory=dict)


def overlay_path(knowledge_dir: Path, article_id: str) -> Path:
    """Where the taught phrasings of ``article_id`` live."""
    return knowledge_dir / LOCAL_DIR / f"{article_id}.yaml"


def read_overlay(path: Path, problems: list[Problem]) -> Overlay | None:
    """The overlay at ``path`` (None when there is none or it is invalid; problems say why)."""
    if not path.is_file():
        return None
    name = f"{LOCAL_DIR}/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Overlay.model_validate(raw)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(Problem(name, "", f"cannot read: {str(exc).splitlines()[0]}"))
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(Problem(name, ".".join(str(x) for x in err["loc"]), err["msg"]))
    return None


def merge(kf: KnowledgeFile, overlay: Overlay, name: str, problems: list[Problem]) -> KnowledgeFile:
    """``kf`` with the overlay's phrasings added to its facts; a phrasing of a fact it does not
    have, or an overlay of another article, is reported and left out."""
    if overlay.article != kf.article.id:
        problems.append(Problem(name, "article", f"names article {overlay.article!r}, not {kf.article.id!r}"))
        return kf
    ids = {f.id for f in kf.facts}
    for fact_id in overlay.phrasings:
        if fact_id not in ids:
            problems.append(Problem(name, f"fact {fact_id}", "the article has no such fact"))
    facts = [f.model_copy(update={"questions": list(dict.fromkeys([*f.questions, *overlay.phrasings[f.id]]))})
             if overlay.phrasings.get(f.id) else f for f in kf.facts]
    return kf.model_copy(update={"facts": facts})


def add_phrasing(knowledge_dir: Path, article_id: str, fact_id: str, question: str) -> Path:
    """Add ``question`` as a phrasing of ``fact_id`` to the article's overlay, atomically (a
    reader sees the old file or the new one, never half of one)."""
    path = overlay_path(knowledge_dir, article_id)
    current = read_overlay(path, []) or Overlay(article=article_id)
    phrasings = {k: list(v) for k, v in current.phrasings.items()}
    if question not in phrasings.setdefault(fact_id, []):
        phrasings[fact_id].append(question)
    text = HEADER + yaml.safe_dump({"article": article_id, "phrasings": phrasings}, allow_unicode=True,
                                   sort_keys=False, width=120)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
