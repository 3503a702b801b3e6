"""Proper names of a sentence and their kinds."""
from __future__ import annotations

import pytest

from bot.core import proper


def _kinds(text: str) -> dict[str, str]:
    return {text[a:b]: proper.name_kind(text, (a, b)) for a, b in proper.names(text)}


def test_a_title_then_a_name_is_a_person_whatever_comes_before_the_title() -> None:
    kinds = _kinds("Tamarack County Sheriff Dolores Whitaker ordered evacuations for Cedar Falls and Pine Hollow.")
    assert kinds["Tamarack County Sheriff Dolores Whitaker"] == "person"
    assert kinds["Cedar Falls"] == kinds["Pine Hollow"] == "place"  # by the last word of the name


def test_a_name_its_apposition_calls_a_company_is_one_wherever_it_stands() -> None:
    kinds = _kinds("The dispute put a spotlight on Tempora Boards, the Dutch company that supplied the clocks.")
    assert kinds["Tempora Boards"] == "org"  # not a place for following "on"
    assert _kinds("The team landed in Port Averon, the capital.")["Port Averon"] == "place"


def test_a_nationality_before_a_noun_is_no_name_even_when_unlisted() -> None:
    text = "Harrowgate City agreed to sign Montenegrin striker Luka Marovic from the Veskarian league."
    assert [text[a:b] for a, b in proper.names(text)] == ["Harrowgate City", "Luka Marovic"]
    said = "Later Adrian said so."
    assert [said[a:b] for a, b in proper.names(said)] == ["Adrian"]  # a name before a verb stays


def test_a_name_may_carry_small_words() -> None:
    text = "A group called Teachers for a Fair Contract met Calder & Reece in Port of Spain."
    assert [text[a:b] for a, b in proper.names(text)] == ["Teachers for a Fair Contract", "Calder & Reece",
                                                          "Port of Spain"]
    ship = "The ferry Helga Stornes on the Baltic Sea sailed from Newcastle on Tyne."
    assert [ship[a:b] for a, b in proper.names(ship)] == ["Helga Stornes", "Baltic Sea", "Newcastle on Tyne"]


def test_a_club_or_a_trust_is_an_organization_not_a_person() -> None:
    kinds = _kinds("Ashford United paid Westbury Albion, and the Westbury Albion Supporters' Trust protested.")
    assert kinds["Ashford United"] == kinds["Westbury Albion"] == "org"
    assert kinds["Westbury Albion Supporters' Trust"] == "org"


def test_an_adjective_opening_a_sentence_is_not_part_of_a_name() -> None:
    text = "Neighbouring Estmark suspended imports from Harlund, as did nearby Ostland."
    assert [text[a:b] for a, b in proper.names(text)] == ["Estmark", "Harlund", "Ostland"]


def test_a_numbered_road_or_union_local_is_one_name() -> None:
    text = "It broke out along Forest Road 412 in District 7, with 1,200 residents on Main Street."
    assert [text[a:b] for a, b in proper.names(text)] == ["Forest Road 412", "District 7", "Main Street"]


def test_a_place_after_a_place_is_a_place() -> None:
    assert _kinds("Meridian, based in Austin, Texas, said it was buying Quillfort.")["Texas"] == "place"
    assert _kinds("Trump met Zelensky, Putin and Erdogan.")["Putin"] != "place"


@pytest.mark.parametrize(("text", "expected"), [
    ("Compared with patients on a placebo, those receiving Cardivant fared better.", ["Cardivant"]),
    ("Speaking on national radio, he said so.", []),
    ("Manning said on Monday that Redding would stay.", ["Manning", "Redding"]),  # surnames, not openers
    ("VERHOLT, Nov 21 — The National Medicines Agency met.", ["VERHOLT", "National Medicines Agency"]),  # dateline
    ("Only about one in three growers carries hail insurance.", []),  # an adverb opening a sentence
    ("Roughly 40 cars were hit near Oberkamm.", ["Oberkamm"]),
    ("\"I'll never forget it,\" said Gwen Abernathy.", ["Gwen Abernathy"]),  # the speaker's "I" names no one
    ("Four board members backed Two Rivers Bank.", ["Two Rivers Bank"]),  # a count opening a sentence is no name
])
def test_an_opening_participle_adverb_or_a_dateline_month_is_no_name(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in proper.names(text)] == expected


@pytest.mark.parametrize(("answer", "expected"), [
    ("Glidewell", "Glidewell Mobility"), ("Okafor", "Dr. Anselm Okafor"), ("Spokeline", "Spokeline"),
    ("the city", "the city")])
def test_a_name_cut_short_gets_the_full_form_its_paragraph_gives(answer: str, expected: str) -> None:
    sentences = ["The scheme is run by Glidewell Mobility and a local firm, Spokeline.",
                 "Dr. Anselm Okafor said Glidewell operates most of them, Okafor added."]
    assert proper.fuller_name(answer, sentences) == expected


@pytest.mark.parametrize(("text", "name", "kind", "acts"), [
    ("Germany will contribute the largest contingent.", "Germany", "place", True),
    ("Saudi Arabia hosted the talks.", "Saudi Arabia", "place", True),  # not a person's first and last name
    ("The talks were held in Saudi Arabia.", "Saudi Arabia", "place", False),
    ("Anna Berg said so.", "Anna Berg", "person", False),
])
def test_a_country_is_a_place_and_acts_unless_something_is_in_it(text: str, name: str, kind: str, acts: bool) -> None:
    span = (text.index(name), text.index(name) + len(name))
    assert (proper.name_kind(text, span), proper.acting_country(text, span)) == (kind, acts)


def test_a_dateline_is_where_the_story_was_filed_and_a_trade_word_ends_a_company() -> None:
    kinds = _kinds("PELLWORTH, Nov 14 - Tallow Ridge Power cut electricity to 40,000 homes.")
    assert kinds == {"PELLWORTH": "place", "Tallow Ridge Power": "org"}  # not a place for its "Ridge"
    assert _kinds("PORT ELLERY, Veskaria, Nov 25 - Ash fell.")["PORT ELLERY"] == "place"
    assert _kinds("BRUSSELS (Reuters) - Ministers met.")["BRUSSELS"] == "place"
    assert _kinds("NATO said on Monday it would act.")["NATO"] != "place"  # capitals alone are no dateline


def test_a_reporting_clause_after_a_name_is_no_apposition() -> None:
    assert _kinds("The plant will be built in Clarksville, the company said.")["Clarksville"] == "place"
    assert _kinds("Tempora Boards, the Dutch company, said it would appeal.")["Tempora Boards"] == "org"


def test_a_name_ends_where_its_sentence_does_but_not_at_an_abbreviation() -> None:
    text = "said the mayor, Lidia Brenner. Mayor John Smith of Acme Corp. Holdings and Dr. Ruiz agreed."
    assert [text[a:b] for a, b in proper.names(text)] == ["Lidia Brenner", "Mayor John Smith of Acme Corp. Holdings",
                                                          "Dr. Ruiz"]


def test_a_body_keeps_the_word_that_says_whose_it_is() -> None:
    text = "Teams from the state Department of Environmental Protection sealed it, with Acme Rail."
    start = text.index("Department")
    assert text[slice(*proper.with_jurisdiction(text, (start, text.index(" sealed"))))] == \
        "state Department of Environmental Protection"
    acme = text.index("Acme")
    assert proper.with_jurisdiction(text, (acme, acme + 9)) == (acme, acme + 9)


def test_a_bureau_a_mutual_or_a_watchdog_group_is_an_organization() -> None:
    assert _kinds("Power Watch and Halvard Mutual backed the National Weather Bureau.") == {
        "Power Watch": "org", "Halvard Mutual": "org", "National Weather Bureau": "org"}
