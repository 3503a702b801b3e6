"""Several articles: the article a question is about answers, and only the same event conflicts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answers import Answerer
from bot.core.decider import same_event
from bot.core.holder import FactBaseHolder
from tests.conftest import KNOWLEDGE, ROOT, SEEDS

FOLLOW_UP = ROOT / "tests" / "data" / "articles" / "followup-2025-11-26.txt"


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    seeds = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds)
    shutil.copy(FOLLOW_UP, seeds)
    return Answerer(FactBaseHolder(KNOWLEDGE, Path(seeds)))


def test_a_newer_article_answers_what_it_is_about(answerer: Answerer) -> None:
    """The seed's curated 28-point fact does not outrank the follow-up's sentence on the new draft."""
    a = answerer.answer("how many points does the revised draft have?")
    assert a.matched and a.answer is not None and "19" in a.answer
    assert a.source is not None and a.source.article == "followup-2025-11-26"


def test_another_meeting_is_not_a_newer_report_of_this_one(answerer: Answerer) -> None:
    """The follow-up's Abu Dhabi talks do not make Geneva 'an earlier report'."""
    question = "where did the delegations meet for talks?"
    _, judged, _ = answerer.judge(question)
    geneva = judged[0]
    assert geneva.reading.answer == "Geneva" and geneva.candidate.entry.article_id == "geneva-talks-2025-11-23"
    abu_dhabi = [j for j in judged if j.candidate.entry.article_id == "followup-2025-11-26"]
    base = answerer.holder.current
    assert abu_dhabi and not any(same_event(geneva, j, base) for j in abu_dhabi)
    a = answerer.answer(question)
    assert a.earlier is None and (not a.matched or a.answer == "Geneva")


def test_each_answer_cites_its_own_article(answerer: Answerer) -> None:
    # The best reading, whether or not the decider answers it: beside the follow-up, which also
    # speaks of the Thanksgiving deadline, "who set the deadline?" sits at the threshold, so a refit
    # can tip it (README, known misses; the seed alone answers it, tests/core/test_answers.py).
    _, judged, _ = answerer.judge("who set the deadline?")
    assert judged and judged[0].reading.answer == "President Trump"
    assert judged[0].candidate.entry.article_id == "geneva-talks-2025-11-23"
    assert all(j.reading.answer != "President Trump" or j.p <= judged[0].p for j in judged)
    followup = answerer.answer("who is Kirill Dmitriev?")  # a role the follow-up states: a distilled who-is
    assert followup.matched and followup.answer is not None and "Russian Direct Investment Fund" in followup.answer
    assert followup.source is not None and followup.source.article == "followup-2025-11-26"
