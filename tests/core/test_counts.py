"""Counts: a number with the words it counts, and what is no count."""
from __future__ import annotations

import pytest

from bot.core import spans
from bot.core.counts import counts


def test_a_number_in_a_name_is_not_a_count() -> None:
    text = "Luis Ferraro, president of AAU Local 318, which represents about 3,400 workers, spoke."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["about 3,400 workers"]
    text = "About 3,400 workers walked out along Forest Road 412."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["3,400 workers"]
    text = "The road SR 42 between the villages was closed, leaving about 600 residents cut off."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["about 600 residents"]  # a road's letters and number
    text = "A 9-year-old girl and the US 28-point plan."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["9-year-old girl", "28-point plan"]


def test_hundreds_of_is_a_count_not_a_cut_word() -> None:
    text = "Hundreds of fans stayed behind, and thousands of people left."
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in counts(text)] == [
        ("Hundreds of fans", "fans"), ("thousands of people", "people")]


def test_a_clock_time_is_not_a_count() -> None:
    text = "It was released at 1 p.m. and at 2:30 some 40 people left."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["some 40 people"]


def test_a_participle_before_a_plural_noun_is_part_of_what_is_counted() -> None:
    text = ("It knocked out three neighbouring substations, and 900 evacuees spent the night in a gym "
            "watched by 60 two-person counting teams and four seriously injured patients.")
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in counts(text)] == [
        ("three neighbouring substations", "neighbouring substations"), ("900 evacuees", "evacuees"),
        ("60 two-person counting teams", "two-person counting teams"),
        ("four seriously injured patients", "seriously injured patients")]


def test_how_many_of_them_counts_what_they_are() -> None:
    text = "Three of the hospitalised patients had pneumonia, one of the most serious cases this year."
    counted = [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in counts(text)]
    assert counted[0] == ("Three of the hospitalised patients", "hospitalised patients")
    assert not any(noun and noun.endswith("cases") for _, noun in counted)  # a superlative counts none


def test_a_number_word_inside_another_word_counts_nothing() -> None:
    text = "A tentative deal, in its 19th year, calls off a strike by about 41,000 teachers."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["about 41,000 teachers"]  # not "ten", not "19"


def test_a_speed_keeps_its_rate() -> None:
    text = "Gusts reached 65 kilometres per hour, and 40 firefighters an hour were sent, 12 an hour later."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["65 kilometres per hour", "40 firefighters an hour",
                                                                "12"]


@pytest.mark.parametrize(("text", "expected"), [
    ("It will use up to 1.6 million litres of water a day.", ["up to 1.6 million litres of water a day"]),
    ("Readings reached up to 4 parts per million.", ["up to 4 parts per million"]),
    ("Each morning about 200 trucks a day pass the school.", ["about 200 trucks a day"]),
    ("Rides cost 25 cents a minute.", ["25 cents a minute"]),
    ("Young shoots freeze at around minus 2 degrees.", ["around minus 2 degrees"]),  # how near, and its sign
    ("Three people a year earlier had complained.", ["Three people"]),
])
def test_a_quantity_keeps_the_rate_it_is_told_at(text: str, expected: list[str]) -> None:
    assert [text[a:b] for (a, b), _ in counts(text)] == expected


def test_a_count_keeps_its_sign_its_unit_and_what_it_is_part_of() -> None:
    text = "It fell to minus 9 degrees Celsius; the cap is 15 km/h; only three of the 30 injured riders wore helmets."
    assert [text[a:b] for (a, b), _ in counts(text)] == [
        "minus 9 degrees Celsius", "15 km/h", "only three of the", "three of the 30 injured riders"]


def test_an_unmarked_plural_before_a_plural_noun_modifies_it() -> None:
    text = "Some said about 60 officers, 25 zoo staff and two police drones took part; 300 people watched."
    assert [text[a:b] for (a, b), _ in counts(text)] == [
        "about 60 officers", "25 zoo staff", "two police drones", "300 people"]


def test_the_numbers_of_a_vote_or_a_score_are_no_counts() -> None:
    text = "The 5-4 split tells you the bar is high, and three members abstained."
    assert [text[a:b] for (a, b), _ in counts(text)] == ["three members"]
    assert [text[a:b] for a, b in spans.tallies(text)] == ["5-4"]
    text = "The council approved the tram line late on Tuesday, voting 27 to 24 after a long debate."
    assert [text[a:b] for a, b in spans.tallies(text)] == ["27 to 24"]


def test_a_part_of_a_whole_owned_by_someone_is_one_count() -> None:
    text = "Thirty-one of the state's 178 districts now use the schedule."
    assert "Thirty-one of the state's 178 districts" in [text[a:b] for (a, b), _ in counts(text)]


def test_a_preposition_after_a_number_is_not_what_it_counts() -> None:
    text = "treated 41 people with injuries, up from 16 over the same period last year"
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in counts(text)] == [
        ("41 people", "people"), ("16", None)]
