"""Retrieval scoring: what each word of a question weighs."""
from __future__ import annotations

import pytest

from bot.core.factbase import FactBase
from bot.core.questions import analyze


def test_a_verb_the_base_never_uses_weighs_less_than_a_noun_it_never_uses(base: FactBase) -> None:
    from bot.core.scoring import UNKNOWN_VERB, weigh

    q = analyze("when did zelensky grumble about the deadline?", base)
    (verb,) = q.verb_terms
    assert verb in q.terms and verb not in base.idf
    w = weigh(q, base)
    missing, full = base.weight(verb) * UNKNOWN_VERB, base.weight(verb)
    assert w.unknown_share == pytest.approx(missing / (missing + w.total))
    assert w.unknown_share < full / (full + w.total)  # less than a noun of the same weight would miss


def test_a_light_verb_weighs_little_and_a_unit_of_time_asked_for_is_no_topic(base: FactBase) -> None:
    from bot.core.scoring import LIGHT_VERB, weigh

    q = analyze("when did the joint statement come out?", base)
    (light,) = q.light_terms
    heavy = analyze("when did the joint statement appear?", base)
    assert not heavy.light_terms
    assert weigh(q, base).known.get(light, base.weight(light) * LIGHT_VERB) == pytest.approx(
        base.weight(light) * LIGHT_VERB)
    # a term that another word of the question also gives keeps its weight ("get" folds onto "provide")
    assert analyze("what will ukraine get?", base).light_terms
    assert not analyze("what will ukraine get and what does the framework provide?", base).light_terms
    assert "year" not in analyze("what year was the grain deal?", base).terms
    assert "year" in analyze("what did zelensky say last year?", base).terms
