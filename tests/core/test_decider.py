"""The decider: gates first, then one fitted rule whose weights are data."""
from __future__ import annotations

import json
import random
import string

import pytest

from bot.core import decider
from bot.core.answers import Answerer


def test_every_feature_has_a_fitted_weight_and_a_threshold() -> None:
    data = json.loads(decider.WEIGHTS_FILE.read_text())
    assert set(data["ranker"]["coefficients"]) == set(decider.RANK_FEATURES)
    assert set(data["decider"]["coefficients"]) == set(decider.DECIDE_FEATURES)
    assert 0 < data["threshold"] < 1 and data["cross_validated"]["declined_out_of_scope"] >= 0.97
    model = decider.load_model()
    assert model.threshold == data["threshold"]


def test_the_decider_is_monotone_in_what_it_is_sure_of() -> None:
    model = decider.load_model()
    x = dict.fromkeys(decider.DECIDE_FEATURES, 0.5)
    sure = dict(x, share=1.0, unknown=0.0, unknown_name=0.0)
    unsure = dict(x, share=0.2, unknown=0.8, unknown_name=1.0)
    assert model.decider.probability(sure) > model.decider.probability(unsure)


@pytest.mark.parametrize("garbage", ["28", "{{7*7}}", "%(name)s", "${jndi:ldap://x}", "1/0", "3.14159", "<<>>",
                                     "{0}", "%s %d", "'; DROP TABLE facts; --", "9999999999", "0x1F", "2022",
                                     "November 27", "27/11", "+++", "$$$", "∑∫√", "\\\\n", "null", "None", "NaN"])
def test_numbers_symbols_and_format_strings_never_answer(answerer: Answerer, garbage: str) -> None:
    assert not answerer.answer(garbage).matched


def test_random_garbage_is_declined(answerer: Answerer) -> None:
    rng = random.Random(7)
    alphabet = string.digits + string.punctuation + " "
    kinds = [lambda: "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))),
             lambda: str(rng.randint(0, 10**rng.randint(1, 12))),
             lambda: rng.choice(["{", "%(", "${", "{{", "%"]) + "".join(rng.choice(string.ascii_letters)
                                                                         for _ in range(rng.randint(1, 8))),
             lambda: "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 12)))]
    answered = [t for t in (rng.choice(kinds)() for _ in range(2000)) if answerer.answer(t).matched]
    assert not answered, answered[:10]


def test_a_subject_the_base_does_not_know_is_declined(answerer: Answerer) -> None:
    for question in ("what did Biden say about the deadline?", "who is Lisa Chen?", "What did Macron say?"):
        assert not answerer.answer(question).matched, question


def test_the_calibrated_threshold_is_the_default(answerer: Answerer) -> None:
    assert answerer.threshold == decider.load_model().threshold


def test_answers_agree_when_one_holds_the_others_words_in_any_order() -> None:
    assert decider._agree("Prime Minister Anders Halvik", "Anders Halvik, Prime Minister")
    assert decider._agree("Army Secretary", "Dan Driscoll, US Army Secretary")
    assert not decider._agree("Geneva", "Moscow")
    assert not decider._agree("No", "Yes")  # no content words: only the same text agrees


def test_the_lead_of_an_article_ranks_before_its_background(base) -> None:  # type: ignore[no-untyped-def]
    """News tells the main event first: an earlier paragraph weighs more, as fitted."""
    from bot.core.questions import analyze
    from bot.core.reader import NONE
    from bot.core.retrieve import retrieve

    q = analyze("who set the deadline?", base)
    candidate = retrieve(q, base)[0][0]
    n = max(e.fact.paragraph for e in base.entries)
    first = min(base.entries, key=lambda e: e.fact.paragraph)
    last = max(base.entries, key=lambda e: e.fact.paragraph)
    assert decider.rank_features(q, candidate._replace(entry=first), NONE, 0.0, 1.0, n)["lead"] == 1.0
    assert decider.rank_features(q, candidate._replace(entry=last), NONE, 0.0, 1.0, n)["lead"] == 0.0
    assert decider.load_model().ranker.coefficients["lead"] > 0


def test_a_filler_word_alone_is_no_topic_the_fact_misses(base) -> None:  # type: ignore[no-untyped-def]
    from bot.core.questions import analyze
    from bot.core.scoring import weigh

    q = analyze("who's the polish prime minister mentioned here?", base)
    assert decider._topic(q, weigh(q, base), frozenset()) == 1.0  # names aside, only "mentioned" is left
    asked = analyze("who's the polish prime minister quoted on the plan?", base)
    assert decider._topic(asked, weigh(asked, base), frozenset()) < 1.0
