"""Noun phrases: where the phrase around a noun starts."""
from __future__ import annotations


def test_a_noun_phrase_starts_at_its_count_not_at_the_verb_before_it() -> None:
    from bot.core.nounphrases import modified_from

    text = "The city's transport authority diverted three bus routes away from the area."
    assert text[modified_from(text, text.index("bus")):text.index(" away")] == "three bus routes"
    text = "The city's transport authority closed the area."
    assert text[modified_from(text, text.index("authority")):].startswith("city's transport authority")


def test_a_noun_that_only_modifies_the_next_is_not_the_one_asked(base) -> None:  # type: ignore[no-untyped-def]
    from bot.core.nounphrases import focus_words
    from bot.core.questions import analyze

    question = analyze("which plan was dropped?", base)
    text = "A plan official said the first plan was dropped."
    assert [text[a:b] for a, b in focus_words(question, text, base)] == ["plan"]
    assert focus_words(question, text, base)[0][0] == text.index("first plan") + len("first ")
