"""All of talksbot's settings, in one pydantic-settings model (env prefix ``TALKSBOT_``).

Settings are read once, by the entry point, and passed to what needs them; nothing reads
the environment at import time. See ``config/example.env`` for every setting documented.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ENV_PREFIX = "TALKSBOT_"


class SettingsError(Exception):
    """A setting is missing or invalid; the message names it."""


class Settings(BaseSettings):
    """talksbot's configuration."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_file=".env", env_file_encoding="utf-8",
                                      extra="ignore")

    knowledge_dir: Path = Path("knowledge")
    seeds_dir: Path = Path("seeds")
    # None: the decider's calibrated threshold (bot/core/decider.json).
    confidence_threshold: float | None = Field(default=None, ge=0.0, le=1.0)
    public_base_url: str | None = None
    admin_user_ids: Annotated[list[str], NoDecode] = Field(default_factory=list)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_mode: Literal["socket", "http"] = "socket"
    slack_api_url: str = "https://slack.com/api/"

    discord_token: SecretStr | None = None
    discord_guild_id: int | None = None
    discord_api_url: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg"

    # Bounds on one article text in seeds/: a larger one is reported and stays out (or keeps its
    # last good version); the other articles load.
    max_seed_bytes: int = Field(default=2_000_000, ge=1_000, le=100_000_000)
    max_seed_paragraphs: int = Field(default=5_000, ge=1, le=1_000_000)
    # Texts whose terms are remembered (least recently used dropped first): memory, not answers.
    cache_entries: int = Field(default=50_000, ge=100, le=10_000_000)
    # At SIGTERM/Ctrl-C, how long answers already acknowledged get to be delivered.
    shutdown_timeout_s: float = Field(default=10.0, ge=0.0, le=300.0)

    # The question log (what people asked, answered or not; see bot/questionlog): SQLite, on by
    # default, records older than question_log_days pruned.
    question_log: bool = True
    database_path: Path = Path("data/talksbot.sqlite3")
    question_log_days: int = Field(default=90, ge=1, le=3650)
    # The /admin page is served only when this is set (a bearer token, or the login form).
    admin_token: SecretStr | None = None

    watch: bool = False
    watch_debounce_ms: int = Field(default=500, ge=50, le=60_000)

    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8080, ge=0, le=65535)

    # Adding articles from a link (bot/ingest): pages on loopback, private, link-local or metadata
    # addresses are refused unless this is on (tests, intranets).
    fetch_allow_private: bool = False
    # News feeds polled for new articles (comma-separated RSS/Atom URLs; empty: off), the entries
    # whose title or summary holds one of the keywords (comma-separated; empty: every entry).
    feeds: Annotated[list[str], NoDecode] = Field(default_factory=list)
    feed_interval_minutes: int = Field(default=30, ge=1, le=7 * 24 * 60)
    feed_keywords: Annotated[list[str], NoDecode] = Field(default_factory=list)
    feed_notify_channel: str | None = None

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("feeds", "feed_keywords", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value

    @field_validator("feeds")
    @classmethod
    def _feed_urls(cls, value: list[str]) -> list[str]:
        for url in value:
            if url.split("://", 1)[0].lower() not in ("http", "https"):
                raise ValueError(f"{url[:60]!r} is not an http(s):// URL")
        return value

    @field_validator("feed_notify_channel", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("public_base_url", "slack_api_url", "discord_api_url", "discord_gateway_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and value.split("://", 1)[0] not in ("http", "https", "ws", "wss"):
            raise ValueError("must be an http(s):// or ws(s):// URL")
        return value

    @property
    def slack_configured(self) -> bool:
        return self.slack_bot_token is not None

    @property
    def discord_configured(self) -> bool:
        return self.discord_token is not None

    def check_front_ends(self) -> None:
        """Raise ``SettingsError`` naming everything a partial Slack or Discord configuration lacks.

        Any Slack or Discord setting given without the rest stops the start: an operator who set
        half of it meant the bot to be there, and starting without it would fail silently.
        """
        missing: list[str] = []
        slack_extra = [name for name, value in (("SLACK_APP_TOKEN", self.slack_app_token),
                                                ("SLACK_SIGNING_SECRET", self.slack_signing_secret)) if value]
        if not self.slack_configured and slack_extra:
            missing.append(f"{ENV_PREFIX}SLACK_BOT_TOKEN is missing: {ENV_PREFIX}{slack_extra[0]} is set, and "
                           f"Slack needs the bot token (xoxb-...) as well")
        if self.slack_configured and self.slack_mode == "socket" and self.slack_app_token is None:
            missing.append(f"{ENV_PREFIX}SLACK_APP_TOKEN is missing: Socket Mode needs the app-level token "
                           f"(xapp-...) as well as {ENV_PREFIX}SLACK_BOT_TOKEN")
        if self.slack_configured and self.slack_mode == "http" and self.slack_signing_secret is None:
            missing.append(f"{ENV_PREFIX}SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify "
                           f"Slack's requests")
        if not self.discord_configured and self.discord_guild_id is not None:
            missing.append(f"{ENV_PREFIX}DISCORD_TOKEN is missing: {ENV_PREFIX}DISCORD_GUILD_ID is set, and "
                           f"Discord needs the bot token as well")
        if missing:
            raise SettingsError("; ".join(missing))


def load_settings(env_file: str | Path | None = ".env") -> Settings:
    """Build the settings from the environment and ``.env``; errors name the setting."""
    try:
        return Settings(_env_file=env_file)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            name = ENV_PREFIX + "_".join(str(x) for x in err["loc"][:1]).upper()
            lines.append(f"{name}: {err['msg']}")
        raise SettingsError("invalid settings: " + "; ".join(lines)) from None
