"""Chat around a question: what ``core_text`` takes off before it is typed."""
from __future__ import annotations

import pytest

from bot.core.chat import core_text
from bot.core.text import normalize


@pytest.mark.parametrize(("question", "core"), [
    ("hey bot, do you know who set the deadline", "who set the deadline"),
    ("quick q: what exactly did the inspection find", "what did the inspection find"),
    ("anyone when is the deadline", "when is the deadline"),
    ("anyone hurt", "anyone hurt"),  # "anyone" asks here, it opens nothing
])
def test_lead_ins_and_hedges_are_taken_off(question: str, core: str) -> None:
    assert core_text(normalize(question)) == core


def test_until_now_is_no_word_of_the_question() -> None:
    # "so far" is not a distance: no sentence needs to say it for the question to be answered
    assert core_text(normalize("how many acres have burned so far")) == "how many acres have burned"
    assert core_text(normalize("how far is the fire from town")) == "how far is the fire from town"


@pytest.mark.parametrize(("question", "core"), [
    ("did any firefighters get hurt", "did any firefighters was hurt"),  # "get" makes the passive: a "was"
    ("how strong did the gusts get", "how strong did the gusts"),  # "get" follows the adjective asked
    ("what did ukraine get", "what did ukraine get"),  # "get" receives
    ("how many votes did the winner get", "how many votes did the winner get"),
    ("when did they get there", "when did they get there"),
    ("how hot did it get at the peak", "how hot did it at the peak"),  # a phrase after it changes nothing
    ("how many fans where at the game", "how many fans were at the game"),  # a hurried "were"
])
def test_get_only_asks_to_receive(question: str, core: str) -> None:
    assert core_text(question) == core
