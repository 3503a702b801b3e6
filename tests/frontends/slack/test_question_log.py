"""The question log through the real slack-bolt app: recording, feedback votes, the admin views, teaching."""
from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.questionlog.sqlite import SqliteLog
from bot.questionlog.store import Helpfulness
from bot.serve import Services
from tests.frontends.slack.conftest import (
    ADMIN,
    action_body,
    command_body,
    event_body,
    post_to_bot,
    slack_settings,
    start_services,
)
from tests.stand_ins.slack_server import SlackStandIn

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
T_DAY = "whose brainchild was the T-day cutoff"  # declined today; fact thanksgiving-deadline answers it
_ids = itertools.count(1)


@pytest.fixture()
async def bot(slack: SlackStandIn, kb_dirs: tuple[Path, Path], tmp_path: Path) -> AsyncIterator[Services]:
    """The bot in HTTP mode with its question log in a temporary SQLite file and a private knowledge/."""
    services = await start_services(slack_settings(slack, "http", kb_dirs, database_path=tmp_path / "log.sqlite3"))
    assert isinstance(services.qlog, SqliteLog) and services.qlog.path == tmp_path / "log.sqlite3"
    yield services
    await services.stop()


async def ask(bot: Services, slack: SlackStandIn, question: str, user: str = "U1") -> dict[str, Any]:
    """Mention the bot with ``question``; the message it posts."""
    n = next(_ids)
    before = len(slack.posts())
    event = {"type": "app_mention", "user": user, "text": f"<@UBOT> {question}", "ts": f"{n}.1", "channel": "C1",
             "event_ts": f"{n}.1"}
    assert (await post_to_bot(bot, event_body(event, event_id=f"EvLog{n}"), JSON)).status == 200
    await slack.wait_for(lambda: len(slack.posts()) > before)
    return slack.posts()[-1]


async def responded(slack: SlackStandIn, before: int) -> dict[str, Any]:
    await slack.wait_for(lambda: len(slack.posts("response_url")) > before, timeout=10)
    return slack.posts("response_url")[-1]


async def talks(bot: Services, slack: SlackStandIn, text: str, user: str = ADMIN) -> dict[str, Any]:
    """``/talks text`` by ``user``; the reply through the command's response_url."""
    before = len(slack.posts("response_url"))
    assert (await post_to_bot(bot, command_body(text, slack.response_url, user=user), FORM)).status == 200
    return await responded(slack, before)


async def click(bot: Services, slack: SlackStandIn, button: dict[str, Any], user: str = ADMIN) -> dict[str, Any]:
    """A click by ``user`` on ``button``; the reply through the click's response_url."""
    before = len(slack.posts("response_url"))
    body = action_body(button["value"], slack.response_url, action_id=button["action_id"], user=user)
    assert (await post_to_bot(bot, body, FORM)).status == 200
    return await responded(slack, before)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]


def button(message: dict[str, Any], label: str, value_prefix: str = "") -> dict[str, Any]:
    found = [b for b in buttons(message) if b["text"]["text"] == label and b["value"].startswith(value_prefix)]
    assert found, f"no {label!r} button in {[b['text']['text'] for b in buttons(message)]}"
    return found[0]


def shown(message: dict[str, Any]) -> str:
    """Everything a message shows: its fallback text and every text of its blocks."""
    texts = [message["text"]]
    for block in message["blocks"]:
        texts += [block["text"]["text"]] if "text" in block else [e["text"]["text"] for e in block["elements"]]
    return "\n".join(texts)


def stored(bot: Services, sql: str) -> list[tuple[Any, ...]]:
    bot.qlog.flush()
    with sqlite3.connect(bot.settings.database_path) as conn:
        return conn.execute(sql).fetchall()


async def test_declined_mention_appears_in_unanswered_for_an_admin(bot: Services, slack: SlackStandIn) -> None:
    declined = await ask(bot, slack, T_DAY)
    assert "I don't know" in declined["text"] and not any(b["action_id"].startswith("talks_feedback")
                                                          for b in buttons(declined))
    await ask(bot, slack, "who set the deadline?", user="U2")  # answered: not in the view
    view = await talks(bot, slack, "unanswered")
    assert view["response_type"] == "ephemeral"
    text = shown(view)
    assert f"*1×* “{T_DAY}”" in text and "1 asker(s), last asked <!date^" in text
    assert "who set the deadline" not in text
    assert "`thanksgiving-deadline` (geneva-talks-2025-11-23): President Trump" in text
    teach = button(view, "Teach: President Trump")
    assert teach["value"] == f"thanksgiving-deadline\ngeneva-talks-2025-11-23\n{T_DAY}"
    assert button(view, "Not in the articles")["value"] == f"7\n{T_DAY}"
    assert all(len(b["value"]) <= 2000 and len(b["text"]["text"]) <= 75 for b in buttons(view))


async def test_unanswered_takes_days_and_says_when_there_is_nothing(bot: Services, slack: SlackStandIn) -> None:
    assert "No unanswered questions in the last 3 day(s)." in shown(await talks(bot, slack, "unanswered 3"))
    assert "Usage: /talks unanswered [days]" in shown(await talks(bot, slack, "unanswered 0"))
    await ask(bot, slack, T_DAY)
    assert f"“{T_DAY}”" in shown(await talks(bot, slack, "Unanswered 30"))


async def test_a_member_is_refused_the_views_and_cannot_teach(bot: Services, slack: SlackStandIn) -> None:
    await ask(bot, slack, T_DAY)
    await ask(bot, slack, "who set the deadline?")
    for command in ("unanswered", "unanswered 30", "feedback"):
        reply = await talks(bot, slack, command, user="U1")
        assert reply["response_type"] == "ephemeral" and "only the bot's admins" in reply["text"]
        assert "T-day" not in json.dumps(reply) and "thanksgiving" not in json.dumps(reply)
        assert not buttons(reply)
    teach = {"action_id": "talks_teach_0_0", "value": f"thanksgiving-deadline\ngeneva-talks-2025-11-23\n{T_DAY}"}
    assert "only the bot's admins" in (await click(bot, slack, teach, user="U1"))["text"]
    dismiss = {"action_id": "talks_dismiss_0", "value": f"7\n{T_DAY}"}
    assert "only the bot's admins" in (await click(bot, slack, dismiss, user="U1"))["text"]
    assert not (bot.settings.knowledge_dir / "local").exists()
    assert "I don't know" in (await ask(bot, slack, T_DAY))["text"]
    assert f"“{T_DAY}”" in shown(await talks(bot, slack, "unanswered"))


async def test_no_admins_configured_means_nobody_reviews(slack: SlackStandIn, kb_dirs: Any, tmp_path: Path) -> None:
    services = await start_services(slack_settings(slack, "http", kb_dirs, admin_user_ids=[],
                                                   database_path=tmp_path / "log.sqlite3"))
    try:
        reply = await talks(services, slack, "unanswered")
        assert "no admins are configured" in reply["text"] and reply["response_type"] == "ephemeral"
    finally:
        await services.stop()


async def test_feedback_click_is_stored_once_per_user(bot: Services, slack: SlackStandIn) -> None:
    answered = await ask(bot, slack, "who set the deadline?")
    yes, no = button(answered, "Helpful"), button(answered, "Not helpful")
    assert (yes["action_id"], no["action_id"]) == ("talks_feedback_yes", "talks_feedback_no")
    assert yes["value"] == no["value"] and len(yes["value"]) == 16
    first = await click(bot, slack, yes, user="U1")
    assert first["text"] == "Thanks — noted." and first["response_type"] == "ephemeral"
    assert first["replace_original"] is False
    second = await click(bot, slack, no, user="U1")  # the same user changes the vote
    assert second["text"] == "Thanks — your vote is changed to “Not helpful”."
    await click(bot, slack, yes, user="U2")
    assert stored(bot, "SELECT COUNT(*) FROM votes") == [(2,)]
    assert bot.qlog.feedback() == [Helpfulness("thanksgiving-deadline", "who set the deadline?", 1, 1)]
    view = await talks(bot, slack, "feedback")
    assert view["response_type"] == "ephemeral"
    assert "`thanksgiving-deadline`: 1 helpful, 1 not helpful" in shown(view)


async def test_feedback_view_lists_least_helpful_first(bot: Services, slack: SlackStandIn) -> None:
    assert "No feedback yet." in shown(await talks(bot, slack, "feedback"))
    deadline = await ask(bot, slack, "who set the deadline?")
    where = await ask(bot, slack, "where did they meet?")
    await click(bot, slack, button(deadline, "Helpful"), user="U1")
    await click(bot, slack, button(where, "Not helpful"), user="U1")
    text = shown(await talks(bot, slack, "feedback"))
    assert text.index("0 helpful, 1 not helpful") < text.index("`thanksgiving-deadline`: 1 helpful, 0 not helpful")


async def test_every_question_is_recorded_with_how_it_was_asked(bot: Services, slack: SlackStandIn) -> None:
    await ask(bot, slack, "who set the deadline?")
    dm = {"type": "message", "channel_type": "im", "user": "U3", "text": "who is tusk", "ts": "5.5", "channel": "D1"}
    await post_to_bot(bot, event_body(dm, event_id="EvDm"), JSON)
    await slack.wait_for(lambda: len(slack.posts()) == 2)
    slash = await talks(bot, slack, "where did they meet?", user="U4")
    assert button(slash, "Helpful")  # a slash command's answer carries the buttons too
    await talks(bot, slack, "help", user="U4")  # not a question: not recorded
    suggested = await click(bot, slack, {"action_id": "talks_suggest_0", "value": "Who set the deadline?"}, user="U5")
    assert suggested["text"].startswith("President Trump") and button(suggested, "Helpful")
    rows = stored(bot, "SELECT platform, kind, question, answered, fact_id, asker FROM questions ORDER BY id")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("slack", "mention", "who set the deadline?", 1), ("slack", "dm", "who is tusk", 1),
        ("slack", "slash", "where did they meet?", 1), ("slack", "button", "Who set the deadline?", 1)]
    assert rows[0][4] == "thanksgiving-deadline"
    assert len({r[5] for r in rows}) == 4 and not any(r[5].startswith("U") for r in rows)
    raw = Path(bot.settings.database_path).read_bytes()
    assert not any(user in raw for user in (b"U1", b"U3", b"U4", b"U5"))


async def test_teach_button_makes_the_question_answered(bot: Services, slack: SlackStandIn) -> None:
    assert "I don't know" in (await ask(bot, slack, T_DAY))["text"]
    view = await talks(bot, slack, "unanswered")
    reply = await click(bot, slack, button(view, "Teach: President Trump", "thanksgiving-deadline\n"))
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == f"Taught: “{T_DAY}” is now answered: President Trump"
    overlay = bot.settings.knowledge_dir / "local" / "geneva-talks-2025-11-23.yaml"
    assert T_DAY in overlay.read_text()
    again = await ask(bot, slack, T_DAY, user="U2")
    assert again["text"].startswith("President Trump") and button(again, "Helpful")


async def test_teaching_a_fact_that_already_answers_says_so(bot: Services, slack: SlackStandIn) -> None:
    value = "thanksgiving-deadline\ngeneva-talks-2025-11-23\nwho set the deadline?"
    reply = await click(bot, slack, {"action_id": "talks_teach_0_0", "value": value})
    assert reply["text"] == "Already answered from that fact: President Trump"
    assert not (bot.settings.knowledge_dir / "local").exists()


async def test_not_in_the_articles_removes_the_group(bot: Services, slack: SlackStandIn) -> None:
    await ask(bot, slack, "what is the capital of mars", user="U1")
    await ask(bot, slack, "What is the capital of Mars?", user="U2")
    await ask(bot, slack, T_DAY)
    view = await talks(bot, slack, "unanswered")
    text = shown(view)
    assert "*2×* “What is the capital of Mars?”" in text and "2 asker(s)" in text and f"“{T_DAY}”" in text
    reply = await click(bot, slack, button(view, "Not in the articles", "7\nWhat is the capital of Mars?"))
    assert reply["text"].startswith("Marked “What is the capital of Mars?” (2 phrasing(s)) as not in the articles")
    after = shown(await talks(bot, slack, "unanswered"))
    assert "capital of mars" not in after.lower() and f"“{T_DAY}”" in after
    assert sorted(q for (q,) in stored(bot, "SELECT question FROM dismissed")) == [
        "What is the capital of Mars?", "what is the capital of mars"]


async def test_asked_text_cannot_mention_or_broadcast_in_the_views(bot: Services, slack: SlackStandIn) -> None:
    await talks(bot, slack, "<!channel> <@U999> what is the capital of mars <https://evil.example|click>", user="U1")
    assert stored(bot, "SELECT COUNT(*) FROM questions WHERE answered = 0") == [(1,)]
    view = await talks(bot, slack, "unanswered")
    text = shown(view)  # what Slack shows; the button values carry the question as asked, never shown
    for injected in ("<!channel>", "<@U999>", "<https://evil.example"):
        assert injected not in text
    assert "&lt;!channel&gt; &lt;@U999&gt; what is the capital of mars &lt;https://evil.example|click&gt;" in text
    assert button(view, "Not in the articles")["value"].startswith("7\n<!channel> <@U999>")
