"""The short answer cut from a span: no stray punctuation or dangling word at its ends."""
from __future__ import annotations

from bot.core.tidy import tidy


def test_a_span_starting_at_the_sentence_before_s_full_stop_drops_it() -> None:
    text = 'The council approved it. "We have listened carefully to every concern," the leader said.'
    start = text.index(". ")
    assert tidy(text, (start, text.index(","))) == "We have listened carefully to every concern"


def test_a_span_cut_mid_clause_ends_on_a_content_word() -> None:
    text = "The board approved the plan of the mayor after a long debate."
    assert tidy(text, (0, text.index(" mayor")), limit=6) == "The board approved the plan…"
