"""Noun phrases: where the phrase around a noun starts."""
from __future__ import annotations


def test_a_noun_phrase_starts_at_its_count_not_at_the_verb_before_it() -> None:
    from bot.core.nounphrases import modified_from

    text = "The city's transport authority diverted three bus routes away from the area."
    assert text[modified_from(text, text.index("bus")):text.index(" away")] == "three bus routes"
    text = "The city's transport authority closed the area."
    assert text[modified_from(text, text.index("authority")):].startswith("city's transport authority")
