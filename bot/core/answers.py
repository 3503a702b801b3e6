"""The answer engine: a question in, a short sourced answer (or an honest "I don't know") out."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process, utils

from bot.core.decider import CONFLICT_MIN_P, Judged, judge, load_model, same_event
from bot.core.factbase import Entry, FactBase, as_question
from bot.core.holder import FactBaseHolder
from bot.core.intents import Intent, detect_intent, intent_reply
from bot.core.links import source_url
from bot.core.models import Fact
from bot.core.questions import Question, analyze
from bot.core.reader import read_all
from bot.core.retrieve import retrieve
from bot.core.scoring import Candidate
from bot.core.text import normalize
from bot.core.timeline import asked_date, dated, event_dates

MAX_QUESTION_CHARS = 1000
# Declined questions still get "did you mean" suggestions from facts that cover at least this share
# of the question.
SUGGEST_FLOOR = 0.3

AnswerKind = Literal["fact", "timeline", "declined", "help", "topics", "greeting", "thanks", "ack", "summary", "empty",
                     "too_long", "no_words"]


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


class Guess(BaseModel):
    """A fact the bot would answer from, right or not: what admins choose from when teaching."""

    fact_id: str
    article: str
    answer: str
    confidence: float


def _suggestion(entry: Entry) -> str:
    return as_question(entry.fact.questions[0])


def names_only(question: Question) -> bool:
    """Whether the question is only a name ("trump?", "Mike Rounds"): one mention and no other word."""
    if question.want != "thing" or len(question.mentions) != 1:
        return False
    return bool(question.terms) and set(question.terms) <= question.mentions[0][0]


class Answerer:
    """Answers questions from whatever fact base the holder has at the moment of asking.

    ``threshold`` overrides the decider's calibrated threshold (``decider.json``) when given.
    """

    def __init__(self, holder: FactBaseHolder, threshold: float | None = None,
                 public_base_url: str | None = None) -> None:
        self.holder = holder
        self.threshold = load_model().threshold if threshold is None else threshold
        self.public_base_url = public_base_url

    def complete(self, partial: str, limit: int = 25) -> list[str]:
        """Known questions that match what has been typed so far (for autocomplete)."""
        known = self.holder.current.known_questions
        if not partial.strip():
            return list(known[:limit])
        hits = process.extract(partial, known, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit,
                               score_cutoff=50)
        return [h[0] for h in hits]

    def judge(self, text: str, base: FactBase | None = None) -> tuple[Question, list[Judged], list[Candidate]]:
        """Retrieve, read and judge: the analysed question, the eligible candidates most probable
        first, and every retrieved candidate (for suggestions)."""
        base = base or self.holder.current
        question = analyze(text, base)
        candidates, weights = retrieve(question, base)
        readings = read_all(question, [c.entry for c in candidates], base)
        return question, judge(question, candidates, readings, weights, base), candidates

    def guesses(self, text: str, limit: int = 3) -> list[Guess]:
        """The best ``limit`` facts for a question whatever the decision, most probable first, each
        with its short answer and the decider's probability (for the unanswered view)."""
        if len(text) > MAX_QUESTION_CHARS:
            return []
        _, judged, _ = self.judge(text)
        out: dict[tuple[str, str], Guess] = {}
        for j in judged:
            entry = j.candidate.entry
            key = (entry.article_id, entry.fact.id)
            if key not in out and j.reading.answer:
                out[key] = Guess(fact_id=entry.fact.id, article=entry.article_id, answer=j.reading.answer,
                                 confidence=round(j.p, 4))
            if len(out) == limit:
                break
        return list(out.values())

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
        day = asked_date(normalize(text), base)
        if day is not None:
            return self._timeline(shown, day, base)
        question, judged, candidates = self.judge(text, base)
        if names_only(question):
            # A bare name ("tusk?") asks who that is, not whichever fact about them ranks first:
            # their who-is entry answers, else the decline suggests what the base says of them.
            judged = [j for j in judged if j.candidate.entry.is_entity]
        best = judged[0] if judged else None
        if best is None or best.p < self.threshold:
            # "Did you mean": the closest facts as the ranker orders them, whatever the decision.
            shown_facts = [j.candidate.entry for j in judged if j.candidate.own >= SUGGEST_FLOOR][:3] or \
                          [c.entry for c in candidates[:3] if c.own >= 0.5 and not c.entry.fact.distilled]
            reply, _ = intent_reply(Intent.DECLINE, base)
            return Answer(question=shown, matched=False, kind="declined", confidence=round(best.p, 4) if best else 0.0,
                          reply=reply, suggestions=list(dict.fromkeys(_suggestion(e) for e in shown_facts)))
        chosen, earlier = best, None
        rival = self._conflict(best, judged, base)
        if rival is not None:
            # Two articles report the same thing differently: the most recent answers, and the reply
            # names the earlier report.
            chosen, earlier = (rival, best) if self._date(rival, base) > self._date(best, base) else (best, rival)
        fact = chosen.candidate.entry.fact
        reply = fact.reply
        if earlier is not None:
            old = base.articles[earlier.candidate.entry.article_id]
            where = f"{old.name}, {old.meta.date:%B %d}, paragraph {earlier.candidate.entry.fact.paragraph}"
            reply += f" An earlier report ({where}) said: {earlier.reading.answer}."
        others = [_suggestion(j.candidate.entry) for j in judged[1:4]
                  if j.p >= self.threshold and j.candidate.entry.fact.id != fact.id]
        return Answer(question=shown, matched=True, kind="fact", answer=chosen.reading.answer, reply=reply,
                      confidence=round(chosen.p, 4), source=self._source(chosen.candidate.entry.article_id, fact, base),
                      suggestions=list(dict.fromkeys(others)), fact_id=fact.id,
                      earlier=self._source(earlier.candidate.entry.article_id, earlier.candidate.entry.fact, base)
                      if earlier else None)

    @staticmethod
    def _date(judged: Judged, base: FactBase) -> dt.date:
        return base.articles[judged.candidate.entry.article_id].meta.date

    def _source(self, article_id: str, fact: Fact, base: FactBase) -> Source:
        article = base.articles[article_id]
        return Source(article=article.id, title=article.meta.title, name=article.name, paragraph=fact.paragraph,
                      quote=article.paragraphs[fact.paragraph - 1], evidence=fact.evidence,
                      url=source_url(article, fact.paragraph, fact.evidence, self.public_base_url))

    def _conflict(self, best: Judged, judged: list[Judged], base: FactBase) -> Judged | None:
        """The most recent confident answer from an article of another date that reports the same
        event (the same entities, mostly the same words besides the answer) differently."""
        rivals = [j for j in judged[1:]
                  if j.candidate.entry.article_id != best.candidate.entry.article_id and not j.candidate.entry.is_entity
                  and self._date(j, base) != self._date(best, base) and j.p >= CONFLICT_MIN_P
                  and normalize(j.reading.answer or "") != normalize(best.reading.answer or "")
                  and same_event(best, j, base)]
        return max(rivals, key=lambda j: (self._date(j, base), j.p), default=None)

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

