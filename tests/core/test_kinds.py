"""Kind nouns: the words that name the kind of answer a question wants."""
from __future__ import annotations

from bot.core.kinds import kind_noun, names_person


def test_kind_nouns_name_a_kind_of_answer_not_a_topic() -> None:
    assert all(kind_noun(w) for w in ("body", "company", "city", "year", "altitude", "spokesman", "analyst"))
    assert not any(kind_noun(w) for w in ("rocket", "satellite", "bridge", "plan"))


def test_a_person_is_told_from_a_thing() -> None:
    assert names_person("the US envoy") and names_person("the guy leading it")
    assert not names_person("the drug being recalled") and not names_person("the new plant")
