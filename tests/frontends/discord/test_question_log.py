"""The question log through the real discord.py client: every question recorded, feedback buttons,
and the admin commands /unanswered and /feedback with their Teach and "Not in the articles" buttons.

One bot (its own SQLite log and knowledge copy) serves the whole module: discord.py waits 2 s for
the guild at every start. Each test asks its own questions, and the module asks at most five
different unanswered ones, so that every group is among the five /unanswered shows with buttons.
"""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.serve import Services
from tests.conftest import private_kb
from tests.frontends.discord.conftest import ADMIN_ID, MEMBER_ID, command, discord_settings, interaction, start_bot
from tests.frontends.discord.test_client import message_create
from tests.stand_ins.discord_server import APP_ID, BOT_ID, CHANNEL_ID, DiscordStandIn

pytestmark = pytest.mark.asyncio(loop_scope="module")
EPHEMERAL = 64
TEACH_TIMEOUT_S = 30.0  # a teach reloads the whole fact base


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(server: DiscordStandIn, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    root = tmp_path_factory.mktemp("question-log")
    k, s = private_kb(root)
    services = await start_bot(discord_settings(server, (k, s), database_path=root / "log.sqlite3"))
    yield services
    await services.stop()


# --- driving the stand-in ---------------------------------------------------------------------
async def respond(stand_in: DiscordStandIn, data: dict[str, Any], kind: int = 2,
                  **kw: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Inject an interaction; the payload sent and the interaction callback the bot answered with."""
    payload = interaction(stand_in, kind, data, **kw)
    await stand_in.dispatch("INTERACTION_CREATE", payload)
    path = f"/interactions/{payload['id']}/"
    await stand_in.wait_for(lambda: bool(stand_in.recorded("POST", path)))
    return payload, stand_in.recorded("POST", path)[0].data


async def followup(stand_in: DiscordStandIn, payload: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
    """The follow-up message the bot sent for a deferred interaction."""
    path = f"/webhooks/{APP_ID}/{payload['token']}"
    await stand_in.wait_for(lambda: bool(stand_in.recorded("POST", path)), timeout)
    return stand_in.recorded("POST", path)[0].data  # type: ignore[no-any-return]


async def admin_reply(stand_in: DiscordStandIn, data: dict[str, Any], kind: int = 2, timeout: float = 5.0,
                      **kw: Any) -> dict[str, Any]:
    """An admin command or click the bot defers (ephemerally) and then answers with a follow-up."""
    payload, cb = await respond(stand_in, data, kind, user_id=ADMIN_ID, **kw)
    assert cb["type"] == 5 and cb["data"]["flags"] & EPHEMERAL, cb
    sent = await followup(stand_in, payload, timeout)
    assert sent["flags"] & EPHEMERAL and sent["allowed_mentions"]["parse"] == []
    return sent


def ask(question: str) -> dict[str, Any]:
    return command("ask", [{"name": "question", "type": 3, "value": question}])


def click(custom_id: str) -> dict[str, Any]:
    return {"custom_id": custom_id, "component_type": 2}


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for row in message.get("components", []) for b in row["components"]]


async def mention(stand_in: DiscordStandIn, text: str, author_id: int = MEMBER_ID, dm: bool = False) -> dict[str, Any]:
    """A mention (or a DM) of the bot; the message the bot replied with (as the stand-in stored it)."""
    path = f"/channels/{CHANNEL_ID + 1 if dm else CHANNEL_ID}/messages"
    before = len(stand_in.recorded("POST", path))
    content = text if dm else f"<@{BOT_ID}> {text}"
    await stand_in.dispatch("MESSAGE_CREATE", message_create(stand_in, content, author_id, dm=dm, mentions_bot=not dm))
    await stand_in.wait_for(lambda: len(stand_in.recorded("POST", path)) > before)
    return stand_in.recorded("POST", path)[before].response  # type: ignore[no-any-return]


def group_field(review: dict[str, Any], question: str) -> tuple[int, dict[str, Any]] | None:
    """The row (0-based) and embed field of ``question``'s group in an /unanswered reply."""
    fields = review["embeds"][0]["fields"] if review.get("embeds") else []
    return next(((i, f) for i, f in enumerate(fields) if question in f["name"]), None)


def rows(path: Path, question: str) -> list[tuple[str, str, int, str | None, str | None]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT platform, kind, answered, fact_id, asker FROM questions WHERE question = ?",
                          (question,)).fetchall()


def flushed(bot: Services) -> Path:
    bot.qlog.flush()
    return bot.settings.database_path


# --- recording and /unanswered ----------------------------------------------------------------
async def test_a_declined_mention_and_dm_are_listed_in_unanswered(bot: Services, server: DiscordStandIn) -> None:
    reply = await mention(server, "what is the capital of mars")
    assert reply["embeds"][0]["title"] == "I don't know that"
    assert not any(b["custom_id"].startswith("talks:vote:") for b in buttons(reply))  # no feedback on a decline
    await mention(server, "What is the capital of Mars?", author_id=ADMIN_ID, dm=True)

    db = flushed(bot)
    (mentioned,) = rows(db, "what is the capital of mars")
    (dm,) = rows(db, "What is the capital of Mars?")
    assert mentioned[:4] == ("discord", "mention", 0, None) and dm[:4] == ("discord", "dm", 0, None)
    assert mentioned[4] and dm[4] and mentioned[4] != dm[4]  # two askers, hashed
    stored = b"".join(p.read_bytes() for p in db.parent.glob(f"{db.name}*"))  # the database and its WAL
    assert str(MEMBER_ID).encode() not in stored and str(ADMIN_ID).encode() not in stored

    review = await admin_reply(server, command("unanswered", [{"name": "days", "type": 4, "value": 1}]))
    assert review["embeds"][0]["title"] == "Unanswered questions, last 1 day(s)"
    found = group_field(review, "What is the capital of Mars?")  # the group shows its latest phrasing
    assert found is not None, review
    row, field = found
    assert "asked 2× by 2 people" in field["value"]
    labels = [b["label"] for b in review["components"][row]["components"]]
    assert labels[-1] == f"{row + 1}. Not in the articles"
    assert all(len(b["custom_id"]) <= 100 for b in buttons(review))


async def test_members_are_refused_the_admin_commands(bot: Services, server: DiscordStandIn,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    for name, action in (("unanswered", "review unanswered questions"), ("feedback", "see the feedback")):
        payload, cb = await respond(server, command(name), user_id=MEMBER_ID)
        assert cb["type"] == 4 and cb["data"]["flags"] & EPHEMERAL
        assert cb["data"]["content"] == f"Sorry, only the bot's admins can {action}."
        assert f"{action} refused: {MEMBER_ID} is not an admin" in caplog.text
        await asyncio.sleep(0.1)
        assert not server.recorded("POST", f"/webhooks/{APP_ID}/{payload['token']}")
    synced = server.recorded("PUT", "/commands")[0].data
    for name in ("unanswered", "feedback"):
        assert int(next(c for c in synced if c["name"] == name)["default_member_permissions"]) == 1 << 5


# --- feedback ---------------------------------------------------------------------------------
async def test_a_feedback_click_is_stored_once_per_user(bot: Services, server: DiscordStandIn) -> None:
    _, cb = await respond(server, ask("who set the deadline?"))
    answer = cb["data"]
    assert answer["embeds"][0]["title"] == "President Trump"
    votes = {b["label"]: b["custom_id"] for b in buttons(answer)}
    assert set(votes) == {"Helpful", "Not helpful"} and all(c.startswith("talks:vote:") for c in votes.values())
    message = server.recorded("POST", "/callback")[-1].response["resource"]["message"]
    # Clicks are routed by custom_id, not a view kept in memory: they work after a restart too.
    assert int(message["id"]) not in bot.discord_client._connection._view_store._views

    acks = []
    for user_id, label in ((MEMBER_ID, "Helpful"), (MEMBER_ID, "Not helpful"), (ADMIN_ID, "Helpful")):
        _, ack = await respond(server, click(votes[label]), kind=3, user_id=user_id, message=message)
        acks.append(ack)
    assert all(a["type"] == 4 and a["data"]["flags"] & EPHEMERAL for a in acks)
    assert "noted as not helpful" in acks[1]["data"]["content"]

    answer_id = votes["Helpful"].split(":")[2]
    with sqlite3.connect(flushed(bot)) as conn:
        stored = conn.execute("SELECT helpful FROM votes WHERE answer_id = ? ORDER BY helpful", (answer_id,)).fetchall()
    assert stored == [(0,), (1,)]  # the member's second click replaced the first
    row = next(r for r in bot.qlog.feedback() if r.fact_id == "thanksgiving-deadline")
    assert (row.helpful, row.not_helpful) == (1, 1)

    # A DM's answer carries the buttons too; a fact voted down lists before one voted even.
    dm = await mention(server, "who is tusk", dm=True)
    down = next(b["custom_id"] for b in buttons(dm) if b["label"] == "Not helpful")
    await respond(server, click(down), kind=3, dm=True, message=dm)
    listed = (await admin_reply(server, command("feedback")))["embeds"][0]["description"].splitlines()
    assert listed[0] == "`who-is.tusk`: 0 helpful, 1 not helpful (“who is tusk”)"
    assert listed[1] == "`thanksgiving-deadline`: 1 helpful, 1 not helpful (“who set the deadline?”)"


async def test_a_suggestion_click_is_recorded_and_gets_feedback_buttons(bot: Services,
                                                                        server: DiscordStandIn) -> None:
    payload, cb = await respond(server, ask("what colour is the cat of the kremlin"))
    suggestions = buttons(cb["data"])
    assert suggestions and all(b["custom_id"].startswith("talks:suggest:") for b in suggestions)
    putin = next(b for b in suggestions if "Putin" in b["label"])
    message = server.recorded("POST", f"/interactions/{payload['id']}/")[0].response["resource"]["message"]
    store = bot.discord_client._connection._view_store
    await server.wait_for(lambda: int(message["id"]) in store._views)
    _, answered = await respond(server, click(putin["custom_id"]), kind=3, message=message)
    assert answered["data"]["embeds"][0]["title"].startswith("President Putin")
    assert [b["label"] for b in buttons(answered["data"])] == ["Helpful", "Not helpful"]
    assert rows(flushed(bot), "Who is President Putin?")[0][:4] == ("discord", "button", 1, "who-is.putin")


# --- teaching ---------------------------------------------------------------------------------
async def test_a_teach_click_makes_the_question_answered(bot: Services, server: DiscordStandIn) -> None:
    question = "whose brainchild was the T-day cutoff"
    _, before = await respond(server, ask(question))
    assert before["data"]["embeds"][0]["title"] == "I don't know that"

    review = await admin_reply(server, command("unanswered"))
    found = group_field(review, question)
    assert found is not None, review
    row, field = found
    candidates = [line for line in field["value"].splitlines() if "`" in line]
    i = next(i for i, line in enumerate(candidates) if "`thanksgiving-deadline`" in line)
    teach = review["components"][row]["components"][i]
    assert teach["label"] == f"{row + 1}. Teach: President Trump"
    message = server.message(CHANNEL_ID, review)

    _, refused = await respond(server, click(teach["custom_id"]), kind=3, user_id=MEMBER_ID, message=message)
    assert refused["data"]["content"] == "Sorry, only the bot's admins can teach the bot."
    overlay = bot.settings.knowledge_dir / "local"
    assert not overlay.exists()

    taught = await admin_reply(server, click(teach["custom_id"]), kind=3, message=message, timeout=TEACH_TIMEOUT_S)
    assert taught["content"].startswith(f"Taught: “{question}” is now answered"), taught
    assert question in "".join(p.read_text() for p in overlay.glob("*.yaml"))

    _, after = await respond(server, ask(question))
    assert after["data"]["embeds"][0]["title"] == "President Trump"
    assert (1, "thanksgiving-deadline") in [r[2:4] for r in rows(flushed(bot), question)]


async def test_a_stale_button_asks_for_a_fresh_list(bot: Services, server: DiscordStandIn) -> None:
    _, cb = await respond(server, click("talks:teach:unknown1"), kind=3, user_id=ADMIN_ID)
    assert cb["type"] == 4 and cb["data"]["flags"] & EPHEMERAL and "run /unanswered again" in cb["data"]["content"]


# --- not in the articles ----------------------------------------------------------------------
async def test_not_in_the_articles_removes_the_group(bot: Services, server: DiscordStandIn) -> None:
    marked = "**Who** painted the _Kremlin_ walls @everyone <@&900000000000000003>?"
    await mention(server, "what is the capital of mars")  # another group, which stays
    await mention(server, "who painted the kremlin walls", author_id=ADMIN_ID)
    await mention(server, marked)

    review = await admin_reply(server, command("unanswered"))
    found = group_field(review, "Kremlin")
    assert found is not None, review
    row, field = found
    # What people typed is shown as typed: markdown escaped, mentions broken.
    assert "\\*\\*Who\\*\\* painted the \\_Kremlin\\_ walls" in field["name"]
    assert "@everyone" not in field["name"] and "<@&9" not in field["name"]
    dismiss = review["components"][row]["components"][-1]
    assert dismiss["label"] == f"{row + 1}. Not in the articles"

    done = await admin_reply(server, click(dismiss["custom_id"]), kind=3, message=server.message(CHANNEL_ID, review))
    assert "(2 phrasing(s)) as not in the articles" in done["content"]
    assert bot.qlog.dismissed() >= {marked, "who painted the kremlin walls"}

    again = await admin_reply(server, command("unanswered"))
    assert group_field(again, "Kremlin") is None and group_field(again, "kremlin walls") is None
    assert group_field(again, "what is the capital of mars") is not None
