"""The platform-free core: fact base models and loading, matching and answering.

Nothing under ``bot.core`` may import slack_bolt, slack_sdk or discord; a test asserts it.
"""
from __future__ import annotations
