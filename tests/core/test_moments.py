"""When: the time kinds of answer, read straight from a sentence."""
from __future__ import annotations

from bot.core.factbase import FactBase
from bot.core.hits import hits_in
from bot.core.moments import when
from bot.core.questions import analyze


def _when(base: FactBase, question: str, text: str) -> tuple[str, float] | None:
    q = analyze(question, base)
    found = when(q, text, hits_in(q, text, base), base)
    if found is None:
        return None
    where, strength = found
    return (where if isinstance(where, str) else text[where[0]:where[1]]), strength


def test_a_date_the_question_asks_is_sure_and_another_events_is_not(base: FactBase) -> None:
    text = "Alerts reached residents at 1:15 a.m., long after the talks began."
    assert _when(base, "when did the alerts reach residents?", text) == ("1:15 a.m", 1.0)
    answer = _when(base, "when did the talks begin?", text)
    assert answer is not None and answer[1] < 1


def test_how_long_reads_a_duration_and_how_often_a_frequency(base: FactBase) -> None:
    assert _when(base, "how long did the talks last?", "The talks lasted about five hours on Sunday.") == \
        ("about five hours", 1.0)
    assert _when(base, "how often will the delegations meet?", "The delegations will meet every two weeks.") == \
        ("every two weeks", 1.0)
