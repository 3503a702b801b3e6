"""The question log: what people asked, whether the bot answered, and their feedback votes."""
from __future__ import annotations

import logging

from bot.core.answers import Answer
from bot.questionlog.sqlite import LogUnavailable, SqliteLog
from bot.questionlog.store import RECORDED_KINDS, Asked, NullLog, QuestionLog, Status
from bot.settings import Settings

__all__ = ["Asked", "NullLog", "QuestionLog", "Status", "open_log", "record_answer"]

log = logging.getLogger("talksbot.questionlog")


def open_log(settings: Settings) -> QuestionLog:
    """The configured log: SQLite at ``TALKSBOT_DATABASE_PATH``, or ``NullLog`` when it is off or
    the file cannot be opened (reported here with its path; the bot still answers)."""
    if not settings.question_log:
        return NullLog()
    try:
        return SqliteLog(settings.database_path, settings.question_log_days)
    except LogUnavailable as exc:
        log.error("%s; the question log is off", exc)
        return NullLog(f"off: {exc}")


def record_answer(qlog: QuestionLog, answer: Answer, asked: Asked) -> str | None:
    """Record one answered or declined question (not greetings, help or empty messages); returns
    the answer id feedback buttons carry, or None when nothing was recorded."""
    if answer.kind not in RECORDED_KINDS:
        return None
    return qlog.record(answer.question, answer.matched, answer.fact_id,
                       answer.source.article if answer.source else None, answer.confidence, answer.kind, asked)
