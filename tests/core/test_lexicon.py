from __future__ import annotations

from dataclasses import replace

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


def test_a_rule_taking_effect_or_coming_into_force_starts() -> None:
    lexicon = build_lexicon([], [])
    start = set(lexicon.terms("when does it start"))
    assert start <= set(lexicon.terms("The charge is due to take effect on Monday"))
    assert start <= set(lexicon.terms("the law came into force in May"))


def test_a_title_written_in_lower_case_names_its_holder() -> None:
    lexicon = build_lexicon([], [])
    assert frozenset(lexicon.terms("director")) in role_terms("director of its Centre for Tumour Signalling", lexicon)


def test_a_panel_is_a_committee() -> None:
    lexicon = build_lexicon([], [])
    assert set(lexicon.terms("who chaired the appeals panel")) >= set(lexicon.terms("committee"))


def test_looting_or_seizing_is_stealing() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("looted") == lexicon.terms("seized") == lexicon.terms("stolen")


def test_hail_is_weather_and_growers_are_people_not_a_rise() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("hail") != lexicon.terms("welcomed")
    assert lexicon.terms("growers") != lexicon.terms("grew") and lexicon.terms("grew") == lexicon.terms("rose")


def test_a_chairwoman_or_a_coordinator_leads() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("chairwoman") == lexicon.terms("coordinator") == lexicon.terms("leads")


def test_checking_is_inspecting() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("checked") == lexicon.terms("inspected") == lexicon.terms("examined")


def test_a_bar_is_no_ban_nor_ruling_something_out() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("posted on X Bar") != lexicon.terms("posted on X ban")
    assert lexicon.terms("barred from racing")[0] == lexicon.terms("banned")[0]
    assert lexicon.terms("ruled out") != lexicon.terms("banned")


def test_a_stem_that_is_an_everyday_word_of_another_sense_keeps_its_own_term() -> None:
    lexicon = build_lexicon([], [])
    assert lexicon.terms("projected") == lexicon.terms("estimated")
    assert lexicon.terms("project") != lexicon.terms("estimated")  # the project is no estimate
    assert lexicon.terms("tons") != lexicon.terms("tone") and lexicon.terms("arm") != lexicon.terms("weapons")
