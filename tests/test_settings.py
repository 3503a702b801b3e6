from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


def test_defaults_without_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(__import__("os").environ):
        if key.startswith("TALKSBOT_"):
            monkeypatch.delenv(key)
    s = load_settings(env_file=None)
    assert s.knowledge_dir == Path("knowledge") and s.confidence_threshold is None  # the calibrated one
    assert not s.slack_configured and not s.discord_configured
    assert s.admin_user_ids == []


def test_env_prefix_env_file_and_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("TALKSBOT_SLACK_BOT_TOKEN=xoxb-secret\nTALKSBOT_ADMIN_USER_IDS=U1, U2 ,\n")
    monkeypatch.setenv("TALKSBOT_CONFIDENCE_THRESHOLD", "0.7")
    s = load_settings(env_file=env)
    assert s.confidence_threshold == 0.7
    assert s.admin_user_ids == ["U1", "U2"]
    assert s.slack_bot_token is not None and s.slack_bot_token.get_secret_value() == "xoxb-secret"
    assert "xoxb-secret" not in repr(s) and "xoxb-secret" not in str(s.model_dump())


def test_invalid_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALKSBOT_CONFIDENCE_THRESHOLD", "lots")
    with pytest.raises(SettingsError, match="TALKSBOT_CONFIDENCE_THRESHOLD"):
        load_settings(env_file=None)
    monkeypatch.setenv("TALKSBOT_CONFIDENCE_THRESHOLD", "0.5")
    monkeypatch.setenv("TALKSBOT_SLACK_API_URL", "ftp://x")
    with pytest.raises(SettingsError, match="TALKSBOT_SLACK_API_URL"):
        load_settings(env_file=None)


def test_partial_slack_configuration_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TALKSBOT_SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.delenv("TALKSBOT_SLACK_APP_TOKEN", raising=False)
    with pytest.raises(SettingsError, match="TALKSBOT_SLACK_APP_TOKEN"):
        load_settings(env_file=None).check_front_ends()
    monkeypatch.setenv("TALKSBOT_SLACK_MODE", "http")
    monkeypatch.delenv("TALKSBOT_SLACK_SIGNING_SECRET", raising=False)
    with pytest.raises(SettingsError, match="TALKSBOT_SLACK_SIGNING_SECRET"):
        load_settings(env_file=None).check_front_ends()


@pytest.mark.parametrize(("given", "named"), [
    ({"TALKSBOT_SLACK_APP_TOKEN": "xapp-1"}, "TALKSBOT_SLACK_BOT_TOKEN"),
    ({"TALKSBOT_SLACK_SIGNING_SECRET": "s", "TALKSBOT_SLACK_MODE": "http"}, "TALKSBOT_SLACK_BOT_TOKEN"),
    ({"TALKSBOT_SLACK_BOT_TOKEN": "xoxb-1", "TALKSBOT_SLACK_SIGNING_SECRET": "s"}, "TALKSBOT_SLACK_APP_TOKEN"),
    ({"TALKSBOT_DISCORD_GUILD_ID": "123"}, "TALKSBOT_DISCORD_TOKEN"),
])
def test_every_partial_configuration_stops_the_start(monkeypatch: pytest.MonkeyPatch, given: dict[str, str],
                                                     named: str) -> None:
    for key in list(__import__("os").environ):
        if key.startswith("TALKSBOT_"):
            monkeypatch.delenv(key)
    for key, value in given.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=named):
        load_settings(env_file=None).check_front_ends()


def test_complete_configurations_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(__import__("os").environ):
        if key.startswith("TALKSBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("TALKSBOT_SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("TALKSBOT_SLACK_APP_TOKEN", "xapp-1")
    monkeypatch.setenv("TALKSBOT_DISCORD_TOKEN", "d")
    monkeypatch.setenv("TALKSBOT_DISCORD_GUILD_ID", "1")
    load_settings(env_file=None).check_front_ends()
