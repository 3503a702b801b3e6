"""The answer engine: a question in, a short sourced answer (or an honest "I don't know") out."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process, utils

from bot.core.factbase import FactBase, as_question
from bot.core.holder import FactBaseHolder
from bot.core.intents import Intent, detect_intent, intent_reply
from bot.core.links import source_url
from bot.core.matcher import Match, rank
from bot.core.models import Fact
from bot.core.questions import Question, analyze
from bot.core.shortans import short_answer
from bot.core.text import normalize
from bot.core.timeline import asked_date, dated, event_dates

MAX_QUESTION_CHARS = 1000
DEFAULT_THRESHOLD = 0.5
# Declined questions still get "did you mean" suggestions from facts that share some meaning.
SUGGEST_FLOOR = 0.08

# Another article's fact answers the same question when it covers the question about as fully.
CONFLICT_COVERAGE = 0.9

AnswerKind = Literal["fact", "timeline", "declined", "help", "topics", "greeting", "thanks", "empty", "too_long",
                     "no_words"]


class Source(BaseModel):
    """Where an answer comes from: the article, the paragraph (1-based) and its text."""

    article: str
    title: str
    name: str
    paragraph: int
    quote: str
    evidence: str
    url: str | None = None


class Answer(BaseModel):
    """What the core says to one question; front-ends only render it."""

    question: str
    matched: bool
    kind: AnswerKind
    answer: str | None = None
    reply: str
    confidence: float = Field(ge=0.0, le=1.0)
    source: Source | None = None
    suggestions: list[str] = Field(default_factory=list)
    fact_id: str | None = None
    earlier: Source | None = Field(default=None, description="an older report that said otherwise")

    def to_json_dict(self) -> dict[str, object]:
        """The batch contract of ``talksbot ask --json`` (see ``../shared/eval/README.md``)."""
        src = None
        if self.source:
            src = {"article": self.source.article, "paragraph": self.source.paragraph,
                   "quote": self.source.quote, "url": self.source.url, "title": self.source.title}
        earlier = self.earlier.model_dump(include={"article", "paragraph", "url"}) if self.earlier else None
        return {"question": self.question, "matched": self.matched, "answer": self.answer, "reply": self.reply,
                "confidence": self.confidence, "source": src, "suggestions": self.suggestions,
                "kind": self.kind, "fact_id": self.fact_id, "earlier": earlier}


def _suggestion(match: Match) -> str:
    return as_question(match.entry.fact.questions[0])


class Answerer:
    """Answers questions from whatever fact base the holder has at the moment of asking."""

    def __init__(self, holder: FactBaseHolder, threshold: float = DEFAULT_THRESHOLD,
                 public_base_url: str | None = None) -> None:
        self.holder = holder
        self.threshold = threshold
        self.public_base_url = public_base_url

    def complete(self, partial: str, limit: int = 25) -> list[str]:
        """Known questions that match what has been typed so far (for autocomplete)."""
        known = self.holder.current.known_questions
        if not partial.strip():
            return list(known[:limit])
        hits = process.extract(partial, known, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit,
                               score_cutoff=50)
        return [h[0] for h in hits]

    def answer(self, text: str) -> Answer:
        """Answer one question. Never raises for any input text."""
        base = self.holder.current  # one base for the whole question, even during a reload
        shown = text.strip()
        if len(shown) > MAX_QUESTION_CHARS:
            return Answer(question=shown[:200] + "…", matched=False, kind="too_long", confidence=0.0,
                          reply=f"That message is {len(shown):,} characters long. Please ask one question in "
                                f"under {MAX_QUESTION_CHARS:,} characters, for example: “Who set the deadline?”")
        intent = detect_intent(text)
        if intent is not Intent.QUESTION:
            reply, suggestions = intent_reply(intent, base)
            return Answer(question=shown, matched=False, kind=intent.value, confidence=0.0, reply=reply,
                          suggestions=suggestions)
        question = analyze(text, base)
        day = asked_date(question.normalized, base)
        if day is not None:
            return self._timeline(shown, day, base)
        matches = rank(question, base)
        best = matches[0] if matches else None
        if best is None or best.score < self.threshold or best.slot is None:
            suggestions = [_suggestion(m) for m in matches[:3] if m.score >= SUGGEST_FLOOR]
            reply, _ = intent_reply(Intent.DECLINE, base)
            return Answer(question=shown, matched=False, kind="declined",
                          confidence=best.score if best else 0.0, reply=reply, suggestions=suggestions)
        short = self._short(question, best, base)
        chosen, earlier = best, None
        rival = self._conflict(question, best, matches, short, base)
        if rival is not None:
            # Two articles disagree: the most recent answers, and the reply names the earlier report.
            chosen, earlier = (rival, best) if self._date(rival, base) > self._date(best, base) else (best, rival)
            if chosen is rival:
                short = self._short(question, rival, base)
        fact = chosen.entry.fact
        reply = fact.reply
        if earlier is not None:
            old = base.articles[earlier.entry.article_id]
            where = f"{old.name}, {old.meta.date:%B %d}, paragraph {earlier.entry.fact.paragraph}"
            reply += f" An earlier report ({where}) said: {self._short(question, earlier, base)}."
        others = [_suggestion(m) for m in matches[1:4] if m.score >= self.threshold * 0.8]
        return Answer(question=shown, matched=True, kind="fact", answer=short, reply=reply,
                      confidence=chosen.score, source=self._source(chosen.entry.article_id, fact, base),
                      suggestions=others, fact_id=fact.id,
                      earlier=self._source(earlier.entry.article_id, earlier.entry.fact, base) if earlier else None)

    @staticmethod
    def _date(match: Match, base: FactBase) -> dt.date:
        return base.articles[match.entry.article_id].meta.date

    def _short(self, question: Question, match: Match, base: FactBase) -> str:
        fact, slot = match.entry.fact, match.slot
        assert slot is not None
        return short_answer(question, fact.answers[slot], slot, fact.distilled,  # type: ignore[index]
                            fact.evidence, base)

    def _source(self, article_id: str, fact: Fact, base: FactBase) -> Source:
        article = base.articles[article_id]
        return Source(article=article.id, title=article.meta.title, name=article.name, paragraph=fact.paragraph,
                      quote=article.paragraphs[fact.paragraph - 1], evidence=fact.evidence,
                      url=source_url(article, fact.paragraph, fact.evidence, self.public_base_url))

    def _conflict(self, question: Question, best: Match, matches: list[Match], short: str,
                  base: FactBase) -> Match | None:
        """The most recent close match from an article of another date whose short answer differs."""
        rivals = [m for m in matches[1:]
                  if m.entry.article_id != best.entry.article_id and m.slot == best.slot and not m.entry.is_entity
                  and self._date(m, base) != self._date(best, base)
                  and m.score >= self.threshold and m.coverage >= max(CONFLICT_COVERAGE, best.coverage - 0.05)
                  and normalize(self._short(question, m, base)) != normalize(short)]
        return max(rivals, key=lambda m: (self._date(m, base), m.score), default=None)

    def _timeline(self, shown: str, day: dt.date, base: FactBase) -> Answer:
        events = [e for _, e in dated(base) if day in event_dates(e, base)]
        if not events:
            reply, _ = intent_reply(Intent.DECLINE, base)
            return Answer(question=shown, matched=False, kind="declined", confidence=0.0,
                          reply=f"I have nothing dated {day:%B %d, %Y}. " + reply)
        lines = [f"• {e.fact.reply} ({base.articles[e.article_id].name}, paragraph {e.fact.paragraph})"
                 for e in events]
        first = events[0]
        return Answer(question=shown, matched=True, kind="timeline", confidence=1.0,
                      answer=f"{len(events)} event{'s' if len(events) != 1 else ''} on {day:%B %d}",
                      reply="\n".join(lines), source=self._source(first.article_id, first.fact, base),
                      fact_id=first.fact.id)
