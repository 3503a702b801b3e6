"""The general synonyms and soft words, as the fact base weighs them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.factbase import SOFT_WEIGHT, FactBase
from bot.core.loader import load_knowledge
from bot.core.questions import analyze
from bot.core.retrieve import retrieve
from bot.core.text import stem
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def talks(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    seeds = tmp_path_factory.mktemp("seeds")
    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", seeds)
    (seeds / "strike-2025-11-21.txt").write_text(
        "Title: Strike ends\nDate: 2025-11-21\n---\nThe union and the port signed the deal after talks that ran "
        "for 19 hours. A long queue of lorries formed at the gates.\n")
    return load_knowledge(Path("/nonexistent"), seeds)


def test_the_frame_of_how_long_and_what_share_weighs_little(talks: FactBase) -> None:
    # "how long did the talks last?" is answered by "for 19 hours", which never says "long"
    for word in ("long", "share"):
        assert talks.weight(stem(word)) <= SOFT_WEIGHT < talks.weight(stem("queue"))
    question = analyze("how long did the port talks run?", talks)
    candidates, w = retrieve(question, talks)
    assert w.known.get(stem("long"), 0.0) <= SOFT_WEIGHT and candidates


def test_a_connective_weighs_little(talks: FactBase) -> None:
    # "how many were hurt *because* of the strike?" asks about the strike, not about the word "because"
    question = analyze("were any lorries delayed because of the strike again?", talks)
    _, w = retrieve(question, talks)
    assert all(w.known.get(stem(word), 0.0) <= SOFT_WEIGHT for word in ("because", "again"))
    assert w.known[stem("lorries")] > SOFT_WEIGHT


def test_a_zone_is_an_area(talks: FactBase) -> None:
    terms = talks.lexicon.terms  # (WordNet has no such synonym: the shutoff zone is the shutoff area)
    assert terms("zone") == terms("zones") == terms("area")
