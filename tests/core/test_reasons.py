"""Reasons: the clauses giving a cause or purpose."""
from __future__ import annotations

import pytest

from bot.core.reasons import reasons


@pytest.mark.parametrize("text", [
    "Data pointed to the second-stage engine, which appeared to shut down 41 seconds early.",
    "The company plans to appeal the ruling.",
    "Negotiators are expected to meet again on Friday.",
])
def test_what_a_verb_s_infinitive_completes_is_no_purpose(text: str) -> None:
    assert reasons(text) == ()


def test_what_a_cause_forced_someone_to_do_is_no_purpose() -> None:
    forced = "A generator failed at 2 a.m., forcing staff to postpone 12 scheduled operations."
    assert reasons(forced) == ()
    bid = "The board voted to drop Monday classes in a bid to cope with a shortage of teachers."
    assert "to cope with a shortage of teachers" in [bid[a:b] for a, b in reasons(bid)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The union blames years of below-inflation pay settlements for the dispute.",
     "blames years of below-inflation pay settlements for the dispute"),
    ("Campaigners argued the decline reflected shorter opening hours.", "reflected shorter opening hours"),
    ("The sell-off was triggered by a profit warning.", "triggered by a profit warning"),
    ("The delay, which Vallejo blamed on a software fault, angered residents.", "blamed on a software fault"),
])
def test_what_someone_blames_or_a_change_reflects_is_a_reason(text: str, expected: str) -> None:
    assert expected in [text[a:b] for a, b in reasons(text)]
