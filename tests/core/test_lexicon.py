from __future__ import annotations

from dataclasses import replace

import pytest

from bot.core.lexicon import MAX_KEPT_CHARS, build_lexicon, role_terms


def test_remembered_terms_are_a_bounded_lru() -> None:
    lexicon = replace(build_lexicon([], []), cache_entries=100)
    first = lexicon.terms("who set the deadline")
    for n in range(500):
        lexicon.terms(f"question number {n} about the talks")
        if n % 10 == 0:
            assert lexicon.terms("who set the deadline") is first  # used recently: kept
    memo = lexicon._memo
    assert len(memo) == 100 and "question number 0 about the talks" not in memo
    assert "question number 499 about the talks" in memo


def test_long_texts_are_answered_but_not_remembered() -> None:
    lexicon = build_lexicon([], [])
    long_text = "deadline " * (MAX_KEPT_CHARS // 9 + 1)
    assert lexicon.terms(long_text) == lexicon.terms(long_text) and "deadlin" in " ".join(lexicon.terms(long_text))
    assert long_text not in lexicon._memo


def test_a_multi_word_synonym_gives_its_words_the_canonical_term() -> None:
    lexicon = build_lexicon([], [])
    words = lexicon.words_of("Great Plains chief executive Raymond Teller apologised.")
    terms = {w: t for w, (_, _, t) in zip(["Great", "Plains", "chief", "executive"], words, strict=False)}
    assert "ceo" in terms["chief"] and "ceo" in terms["executive"] and "ceo" not in terms["Plains"]


def test_a_verb_is_not_folded_onto_a_noun_that_shares_its_stem() -> None:
    # "makes" once met "company" through "maker": "which company makes X?" then asked about a company twice
    lexicon = build_lexicon([], [])
    assert lexicon.terms("makes") != lexicon.terms("company")


def test_a_word_a_synonym_group_lists_wins_over_another_groups_stem() -> None:
    # "landed" (arrived) stems to "land", which the territory group lists: the land that burned is no arrival
    lexicon = build_lexicon([], [])
    assert lexicon.terms("land") == lexicon.terms("territory")
    assert lexicon.terms("landed") == lexicon.terms("arrived")
    assert lexicon.terms("the ferry got into port") == lexicon.terms("the ferry arrived port")  # not "got" alone
    assert lexicon.terms("did she show up") == lexicon.terms("did she attend")


def test_in_charge_is_leading_not_an_accusation() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("in charge") == lexicon.terms("led")
    assert lexicon.terms("charged") == lexicon.terms("accused")


def test_a_prediction_is_a_forecast() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("predicted") == lexicon.terms("forecast") == lexicon.terms("projected")


def test_a_news_conference_is_a_press_conference() -> None:
    lexicon = build_lexicon([], [])
    assert "press conference" in set(lexicon.terms("at a news conference on Monday")) & \
        set(lexicon.terms("what time was the press conference"))


def test_an_everyday_verb_is_not_folded_onto_a_narrower_sense() -> None:
    lexicon = build_lexicon([], [])
    assert "attend" not in lexicon.terms("the roof came down")  # not turnout
    assert "attend" in lexicon.terms("about 300 people showed up")


def test_a_walkout_is_a_strike_and_a_director_or_run_by_is_leading() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("walkout") == lexicon.terms("strike") == lexicon.terms("stoppage")
    assert lexicon.terms("director") == lexicon.terms("led") == lexicon.terms("run by")


def test_people_living_somewhere_are_its_residents() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("residents")[0] in lexicon.terms("how many people live in the city")
    assert lexicon.terms("residents")[0] in lexicon.terms("a town of 21,000 people, home to the plant")


def test_a_boss_leads_and_being_sorry_is_apologising() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("boss") == lexicon.terms("director") == lexicon.terms("head")
    assert lexicon.terms("apologised") == lexicon.terms("sorry")
    assert lexicon.terms("the vet") == lexicon.terms("the veterinary officer")[:1]


def test_stuck_is_stranded() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("stuck") == lexicon.terms("stranded") == lexicon.terms("trapped")


def test_a_wildfire_or_a_blaze_is_a_fire() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("fire") == lexicon.terms("wildfires") == lexicon.terms("blaze")


def test_approving_is_one_term_however_it_is_said() -> None:
    lexicon = build_lexicon([], [])
    approved = lexicon.terms("approved")
    assert lexicon.terms("approved by") == lexicon.terms("approval") == lexicon.terms("approve") == approved
    assert lexicon.terms("passed") != approved  # a law passed is its own word


def test_a_measurement_is_no_sanction() -> None:
    lexicon = build_lexicon([], [])
    assert not set(lexicon.terms("measured")) & set(lexicon.terms("sanctions"))
    assert lexicon.terms("penalties") == lexicon.terms("sanctions")



def test_a_title_written_in_lower_case_names_its_holder() -> None:
    lexicon = build_lexicon([], [])
    assert frozenset(lexicon.terms("director")) in role_terms("director of its Centre for Tumour Signalling", lexicon)


@pytest.mark.parametrize(("said", "asked"), [
    ("the charge is due to take effect", "when does the charge start"),  # a rule starts when it takes effect
    ("the law came into force", "when did the law start"),
    ("the appeals panel", "the appeals committee"),
    ("looted", "stolen"), ("seized", "stolen"),
    ("chairwoman", "leads"), ("coordinator", "leads"),
    ("checked", "inspected"), ("examined", "inspected"),
    ("projected", "estimated"), ("grew", "rose"),
    ("he was barred from racing", "he was banned from racing"),
    ("appointed", "hired"), ("appoints", "hired"), ("crash", "collision"), ("collided", "collision"),
    ("hike", "increase"), ("hiked", "increase"), ("ppl", "people"), ("abstentions", "abstained"),
    ("the coach was sacked", "fired"), ("his dismissal", "fired"),
    ("forcing about 1,400 residents from their homes", "evacuated"),  # however many are forced out
    ("the vessel struck the sandbank", "hit"),  # what hits something strikes it
    ("groundbreaking is scheduled for January", "they break ground"),  # breaking ground starts a building
])
def test_everyday_synonyms_meet(said: str, asked: str) -> None:
    lexicon = build_lexicon([], [])
    assert set(lexicon.terms(asked)) <= set(lexicon.terms(said))


@pytest.mark.parametrize(("word", "other"), [
    ("hail", "welcomed"),  # the ice, not a greeting
    ("growers", "grew"),  # people who grow, not growth
    ("X Bar", "X ban"), ("ruled out", "banned"),
    ("project", "estimated"), ("tons", "tone"), ("arm", "weapons"),  # a stem that is another everyday word
    ("smashed", "crash"),  # smashed glass is no collision
    ("fired", "fire"), ("missiles were fired", "blaze"),  # dismissed or launched, never burning
    ("million", "mill"), ("care", "car"), ("career", "cars"), ("wine", "won"), ("meters", "met"),
    ("forced", "forces"),  # a stem that is a listed word of another sense
    ("going on", "continuing"),  # "what is going on?" asks what is happening, not what goes on
])
def test_a_homonym_does_not_meet_its_namesakes_synonyms(word: str, other: str) -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms(word) != lexicon.terms(other)

