"""Socket Mode: the real AsyncSocketModeHandler connects to the stand-in's websocket."""
from __future__ import annotations

from typing import Any

from tests.frontends.slack.conftest import slack_settings, start_services
from tests.stand_ins.slack_server import SlackStandIn


async def test_socket_mode_mention_command_and_acks(slack: SlackStandIn, kb_dirs: Any) -> None:
    services = await start_services(slack_settings(slack, "socket", kb_dirs))
    try:
        opened = [c for c in slack.calls if c.method == "apps.connections.open"]
        assert opened and opened[0].token == "xapp-test-token"
        await slack.wait_connected()
        event = {"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": "EvS1",
                 "event": {"type": "app_mention", "user": "U1", "text": "<@UBOT> where did they meet?",
                           "ts": "7.7", "channel": "C9", "event_ts": "7.7"}}
        env1 = await slack.send_envelope("events_api", event)
        env2 = await slack.send_envelope("events_api", event, retry=1)  # Slack's retry: same event id
        command = {"command": "/talks", "text": "who set the deadline", "user_id": "U1", "channel_id": "C9",
                   "team_id": "T1", "response_url": slack.response_url, "trigger_id": "t", "api_app_id": "A1"}
        env3 = await slack.send_envelope("slash_commands", command)
        await slack.wait_for(lambda: bool(slack.posts()) and bool(slack.posts("response_url")))
        await slack.wait_for(lambda: {a.get("envelope_id") for a in slack.acks} >= {env1, env2, env3})
        assert len(slack.posts()) == 1
        post = slack.posts()[0]
        assert post["channel"] == "C9" and post["thread_ts"] == "7.7" and "Geneva" in post["text"]
        assert slack.posts("response_url")[0]["text"].startswith("President Trump")
    finally:
        await services.stop()
