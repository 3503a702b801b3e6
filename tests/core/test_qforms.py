"""The question forms read by pattern alone (``bot.core.qforms``)."""
from __future__ import annotations

from bot.core.qforms import SAY_WORDS, by_rules


def test_a_rule_reads_its_form_at_the_start_or_anywhere() -> None:
    counted = by_rules("how many people were hurt", anchored=True)
    assert counted is not None and (counted.qtype, counted.want) == ("how_many", "count")
    assert by_rules("the deadline was set by whom", anchored=True) is None
    parse = by_rules("the deadline was set by whom", anchored=False)
    assert parse is not None and (parse.qtype, parse.want) == ("who", "agent")


def test_who_said_asks_the_speaker_and_who_did_x_meet_the_one_met() -> None:
    said, met = by_rules("who said that", anchored=True), by_rules("who did the envoy meet", anchored=True)
    assert said is not None and said.want == "speaker" and met is not None and met.want == "patient"
    assert {"said", "told", "wrote"} <= SAY_WORDS
