from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.factbase import FactBase
from bot.core.loader import load_knowledge
from bot.core.paraphrase import entry_of, fold_unknown, synonym_table
from bot.core.questions import analyze

ARTICLE = """Title: Well water scare in Dunmore
Date: 2025-11-12
---

Eleven residents of Dunmore fell ill after drinking well water, the county health office said on Tuesday.

The county closed the well on Wednesday and brought in drinking water by tanker.

"The county ignored our warnings," said an attorney for the families, Rosa Mendel.
"""


@pytest.fixture(scope="module")
def dunmore(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "dunmore-2025-11-12.txt").write_text(ARTICLE)
    return load_knowledge(Path("/nonexistent"), seeds)


def test_the_table_is_words_of_the_first_sense_most_used() -> None:
    table = synonym_table()
    assert "ill" in table["sick"] and "vomit" not in table["sick"]  # the adjective, not the noun
    assert len(table) > 3000 and all(w.isalpha() and s for w, s in table.items())


def test_an_inflected_word_finds_its_entry_and_a_derived_one_does_not() -> None:
    assert entry_of("married") == entry_of("marry") != ()
    assert entry_of("biggest") == entry_of("big") != ()  # a superlative, its adjective
    assert "cut" in entry_of("reduced")  # its own entry (an adjective's) and its verb's
    assert entry_of("finally") == ()  # an adverb is not its adjective ("final": last)


def test_a_word_the_article_never_uses_stands_for_its_synonym_the_article_uses(dunmore: FactBase) -> None:
    q = analyze("how many people got sick?", dunmore)
    assert "sick" not in dunmore.idf and any(t in dunmore.idf for t in dunmore.lexicon.terms("ill"))
    assert set(dunmore.lexicon.terms("ill")) <= set(q.terms) and not set(dunmore.lexicon.terms("sick")) & set(q.terms)
    shut = analyze("when was the well shut?", dunmore)
    assert set(dunmore.lexicon.terms("closed")) <= set(shut.terms)


def test_a_bare_word_is_its_own_topic_not_its_synonym(dunmore: FactBase) -> None:
    # "sick?" alone may be anything about sickness; a synonym's first sense would be a guess
    assert not set(dunmore.lexicon.terms("ill")) & set(analyze("sick?", dunmore).terms)
    assert set(dunmore.lexicon.terms("ill")) <= set(analyze("anyone sick in dunmore?", dunmore).terms)


def test_known_words_names_and_typos_stay_as_they_are(dunmore: FactBase) -> None:
    terms = ("dunmor", "well", "zzyzx")
    assert fold_unknown(terms, "dunmore well zzyzx", dunmore) == terms
    q = analyze("did anyone get sick in Ballykeel?", dunmore)  # a name the base lacks is no synonym's business
    assert any("ballykeel" in t for t in q.terms)


def test_a_count_of_the_synonym_asked_about_is_of_the_asked_kind(dunmore: FactBase) -> None:
    from bot.core.shapes import shape

    assert shape(analyze("how many kids can the program take?", dunmore), "200 children") == 1
    assert shape(analyze("how many spots had trees on the lines?", dunmore), "14 places") == 1
    assert shape(analyze("how many kids can the program take?", dunmore), "14 tankers") == -1


def test_a_subject_worded_as_a_synonym_the_base_uses_is_no_unknown(dunmore: FactBase) -> None:
    # "lawyer" is a word this base never uses, "attorney" is: the lawyer is no one unheard of
    assert not analyze("what did the lawyer say about the county?", dunmore).unknown_subject
    assert analyze("what did the plumber say about the county?", dunmore).unknown_subject
