"""SIGTERM while answers are in flight: everything acknowledged is delivered (a real process)."""
from __future__ import annotations

import signal
from pathlib import Path

from tests.frontends.discord.conftest import ADMIN_ID, command, interaction
from tests.serving import ServeProcess, base_env, front_end_env
from tests.stand_ins.discord_server import DiscordStandIn
from tests.stand_ins.slack_server import SlackStandIn


def mention(n: int) -> dict[str, object]:
    return {"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": f"EvT{n}",
            "event": {"type": "app_mention", "user": "U1", "text": "<@UBOT> who set the deadline?",
                      "ts": f"{n}.1", "channel": "C9", "event_ts": f"{n}.1"}}


async def sigterm_and_wait(proc: ServeProcess) -> float:
    elapsed = await proc.stop(signal.SIGTERM)
    assert proc.proc is not None and proc.proc.returncode == 0
    assert not any("Traceback" in line or "Connector is closed" in line for line in proc.log), "\n".join(proc.log)
    return elapsed


async def test_slack_mentions_acknowledged_before_sigterm_are_all_delivered(
        stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path]) -> None:
    slack, discord = stand_ins
    proc = ServeProcess(base_env(kb_dirs, **front_end_env("slack-socket", slack, discord)))
    await proc.start()
    try:
        await proc.health(until=200, timeout=15)
        await slack.wait_connected()
        # Every first post is rate-limited: the bot must wait a second and post again, after SIGTERM.
        slack.post_errors = [(429, "ratelimited", {"Retry-After": "1"})] * 30
        slack.post_delay = 0.2
        envelopes = [await slack.send_envelope("events_api", mention(n)) for n in range(30)]
        await slack.wait_for(lambda: {a.get("envelope_id") for a in slack.acks} >= set(envelopes))
        assert not slack.delivered
    finally:
        elapsed = await sigterm_and_wait(proc)
    assert len(slack.delivered) == 30 and {d["thread_ts"] for d in slack.delivered} == {f"{n}.1" for n in range(30)}
    assert all(d["text"].startswith("President Trump") for d in slack.delivered)
    assert 1.0 <= elapsed < 10.0


async def test_discord_commands_and_a_deferred_reload_in_flight_at_sigterm_are_delivered(
        stand_ins: tuple[SlackStandIn, DiscordStandIn], kb_dirs: tuple[Path, Path]) -> None:
    slack, discord = stand_ins
    proc = ServeProcess(base_env(kb_dirs, TALKSBOT_ADMIN_USER_IDS=str(ADMIN_ID),
                                 **front_end_env("discord", slack, discord)))
    await proc.start()
    try:
        await proc.health(until=200, timeout=15)
        await discord.identified.wait()
        discord.rate_limited = 21  # each first callback (and the reload's defer) waits out a 429
        asks = [interaction(discord, 2, command("ask", [{"name": "question", "type": 3,
                                                          "value": "who set the deadline"}])) for _ in range(20)]
        reload = interaction(discord, 2, command("reload"), user_id=ADMIN_ID)
        for payload in [*asks, reload]:
            await discord.dispatch("INTERACTION_CREATE", payload)
        await discord.wait_for(lambda: discord.rate_limited == 0)  # all 21 reached Discord once
        assert not discord.delivered
    finally:
        await sigterm_and_wait(proc)
    callbacks = [c for c in discord.delivered if c.path.endswith("/callback")]
    answered = {c.path.split("/")[2] for c in callbacks}
    assert answered >= {a["id"] for a in asks}
    assert any(c.data["data"]["embeds"][0]["title"] == "President Trump" for c in callbacks if c.data["type"] == 4)
    followups = [c for c in discord.delivered if c.path.startswith("/webhooks/")]
    assert len(followups) == 1 and "Reloaded fact base" in followups[0].data["content"]
