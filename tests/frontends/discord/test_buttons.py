"""Feedback buttons beside suggestion buttons, vote custom_ids, and user text shown as typed."""
from __future__ import annotations

import discord

from bot.frontends.discord.feedback import add_vote_buttons, parse_vote
from bot.frontends.discord.render import plain
from bot.frontends.discord.views import SuggestionView


async def _ask(interaction: discord.Interaction, question: str) -> None:
    return None


async def test_vote_buttons_join_suggestions_on_a_row_of_their_own() -> None:
    view = add_vote_buttons(SuggestionView(_ask, ["Who set the deadline?", "Who is Tusk?"]), "0123456789abcdef")
    rows = [[c["custom_id"] for c in row["components"]] for row in view.to_components()]
    assert rows == [["talks:suggest:0", "talks:suggest:1"],
                    ["talks:vote:0123456789abcdef:y", "talks:vote:0123456789abcdef:n"]]
    # The suggestions stay with their view (discord.py dispatches them); the votes are routed by
    # the client, so discord.py keeps nothing for them.
    assert [i.custom_id for i in view.children if i.is_dispatchable()] == ["talks:suggest:0", "talks:suggest:1"]


async def test_vote_buttons_alone_make_a_view_discord_py_does_not_store() -> None:
    view = add_vote_buttons(discord.ui.View(timeout=None), "0123456789abcdef")
    assert [row["components"][0]["label"] for row in view.to_components()] == ["Helpful"]
    assert not view.is_dispatchable()


def test_parse_vote() -> None:
    assert parse_vote("talks:vote:0123456789abcdef:y") == ("0123456789abcdef", True)
    assert parse_vote("talks:vote:0123456789abcdef:n") == ("0123456789abcdef", False)
    for bad in ("talks:vote:0123:maybe", "talks:vote::y", "talks:vote:XYZ:y", "talks:vote:0123:y:extra"):
        assert parse_vote(bad) is None


def test_plain_escapes_markdown_and_breaks_mentions() -> None:
    shown = plain("**bold** _it_ `code` @everyone @here <@123456789012345678> <@&123456789012345678>")
    assert shown.startswith("\\*\\*bold\\*\\* \\_it\\_ \\`code\\`")
    for raw in ("@everyone", "@here", "<@1", "<@&1"):
        assert raw not in shown
