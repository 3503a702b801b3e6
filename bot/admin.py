"""The admin commands of the command line: ``unanswered``, ``feedback`` and ``teach``.

They read the question log the running bot writes (SQLite allows this while it runs) and
teach through the overlay files the running bot's watcher or next reload picks up.
"""
from __future__ import annotations

import json
import sys
from typing import TextIO

from bot.core.answers import Answerer
from bot.core.holder import FactBaseHolder
from bot.core.teach import teach
from bot.questionlog import QuestionLog
from bot.questionlog.review import unanswered
from bot.settings import Settings


def unanswered_command(qlog: QuestionLog, answerer: Answerer, days: int, as_json: bool,
                       out: TextIO = sys.stdout) -> int:
    """The declined questions of the last ``days`` days, grouped, with the bot's best candidates."""
    if not qlog.status.on:
        print(f"talksbot: the question log is {qlog.status.detail}", file=sys.stderr)
        return 1
    groups = unanswered(qlog, answerer, days)
    if as_json:
        for group in groups:
            print(json.dumps(group.to_json_dict(), ensure_ascii=False), file=out)
        return 0
    if not groups:
        print(f"No unanswered questions in the last {days} day(s).", file=out)
    for group in groups:
        when = f"{group.last_asked:%Y-%m-%d %H:%M} UTC" if group.last_asked else "?"
        print(f"{group.count}x “{group.question}” ({len(group.askers)} asker(s), last {when})", file=out)
        for guess in group.candidates:
            print(f"    {guess.fact_id}: {guess.answer} ({guess.confidence:.2f})", file=out)
    return 0


def feedback_command(qlog: QuestionLog, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Per fact, its Helpful / Not helpful votes, least helpful first."""
    if not qlog.status.on:
        print(f"talksbot: the question log is {qlog.status.detail}", file=sys.stderr)
        return 1
    rows = qlog.feedback()
    for row in rows:
        if as_json:
            print(json.dumps({"fact_id": row.fact_id, "question": row.question, "helpful": row.helpful,
                              "not_helpful": row.not_helpful}, ensure_ascii=False), file=out)
        else:
            print(f"{row.fact_id}: {row.helpful} helpful, {row.not_helpful} not helpful (“{row.question}”)", file=out)
    if not rows and not as_json:
        print("No feedback yet.", file=out)
    return 0


def teach_command(settings: Settings, holder: FactBaseHolder, answerer: Answerer, question: str, fact_id: str,
                  article: str | None, as_json: bool, out: TextIO = sys.stdout) -> int:
    """Teach ``question`` as a phrasing of ``fact_id``; exit 0 when the fact now answers it."""
    taught = teach(lambda: holder.current, holder.reload, answerer, settings.knowledge_dir, question, fact_id,
                   article)
    print(json.dumps(taught.to_json_dict(), ensure_ascii=False) if as_json else taught.message, file=out)
    return 0 if taught.answered else 1
