"""Teaching: a question the bot declined becomes an alternate phrasing of the fact that answers it.

Two steps around the normal reload, so that a running bot reloads through its own (coalescing,
atomic) reloader: ``write_phrasing`` checks the request and writes the overlay
(``knowledge/local/ARTICLE.yaml``, see ``overlay``); after the reload, ``verify`` asks the
question again and says whether that fact now answers it, or why not. ``teach`` does both for
the command line.

A phrasing another fact already has (nearly word for word) is refused: the same question would
then mean two facts, and which one answers would depend on tie-breaking.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from bot.core.answers import MAX_QUESTION_CHARS, Answerer
from bot.core.factbase import Entry, FactBase
from bot.core.overlay import add_phrasing
from bot.core.text import normalize

#: A taught question this close (token-sort ratio of normalized words) to another fact's
#: phrasing would make that phrasing ambiguous.
AMBIGUOUS_SIMILARITY = 95.0


@dataclass(frozen=True)
class Taught:
    """The outcome of teaching one question."""

    question: str
    fact_id: str
    answered: bool
    message: str  # what the admin is told
    article: str | None = None

    def to_json_dict(self) -> dict[str, object]:
        """The ``talksbot teach --json`` contract."""
        return {"question": self.question, "fact_id": self.fact_id, "answered": self.answered,
                "message": self.message}


def _target(base: FactBase, fact_id: str, article: str | None) -> Entry | str:
    found = [e for e in base.entries if e.fact.id == fact_id and not e.is_entity
             and (article is None or e.article_id == article)]
    if not found:
        where = f" in article {article!r}" if article else ""
        return f"there is no fact {fact_id!r}{where}"
    if len({e.article_id for e in found}) > 1:
        names = ", ".join(sorted({e.article_id for e in found}))
        return f"fact {fact_id!r} is in several articles ({names}): name the article"
    return found[0]


def _clash(base: FactBase, target: Entry, question: str) -> str | None:
    key = normalize(question)
    for entry in base.entries:
        if entry.fact.id == target.fact.id and entry.article_id == target.article_id:
            continue
        # A distilled fact's first "phrasing" is its own sentence, not a question anyone taught.
        for phrasing in entry.fact.questions[1 if entry.fact.distilled else 0:]:
            if fuzz.token_sort_ratio(key, normalize(phrasing)) >= AMBIGUOUS_SIMILARITY:
                return (f"“{phrasing}” is already a phrasing of fact {entry.fact.id}: teaching “{question}” to "
                        f"{target.fact.id} would make it ambiguous")
    return None


def write_phrasing(base: FactBase, answerer: Answerer, knowledge_dir: Path, question: str, fact_id: str,
                   article: str | None = None) -> Taught | Entry:
    """Check the request and write the phrasing; the target fact's entry when written (reload
    next, then ``verify``), else the refusal or the fact that already answers it."""
    question = " ".join(question.split())
    if not normalize(question).strip() or len(question) > MAX_QUESTION_CHARS:
        return Taught(question[:200], fact_id, False, "there is no question to teach (empty, symbols only, or over "
                                                      f"{MAX_QUESTION_CHARS:,} characters)")
    target = _target(base, fact_id, article)
    if isinstance(target, str):
        return Taught(question, fact_id, False, target)
    if (clash := _clash(base, target, question)) is not None:
        return Taught(question, fact_id, False, clash, target.article_id)
    now = answerer.answer(question)
    if now.matched and now.fact_id == fact_id:
        return Taught(question, fact_id, True, f"already answered from that fact: {now.answer}", target.article_id)
    add_phrasing(knowledge_dir, target.article_id, fact_id, question)
    return target


def verify(answerer: Answerer, question: str, target: Entry) -> Taught:
    """After the reload: whether the taught fact now answers the question, or why not."""
    question = " ".join(question.split())
    fact_id = target.fact.id
    after = answerer.answer(question)
    if after.matched and after.fact_id == fact_id:
        return Taught(question, fact_id, True, f"taught: “{question}” is now answered: {after.answer}",
                      target.article_id)
    why = (f"it is answered from fact {after.fact_id} instead" if after.matched else
           f"it is still declined (confidence {after.confidence:.2f}, below {answerer.threshold:.2f})")
    return Taught(question, fact_id, False, f"saved as a phrasing of {fact_id}, but {why}", target.article_id)


def teach(base: Callable[[], FactBase], reload: Callable[[], object], answerer: Answerer, knowledge_dir: Path,
          question: str, fact_id: str, article: str | None = None) -> Taught:
    """Write, reload, verify: for the command line (a running bot does the same through its reloader)."""
    written = write_phrasing(base(), answerer, knowledge_dir, question, fact_id, article)
    if isinstance(written, Taught):
        return written
    reload()
    return verify(answerer, question, written)
