"""Spans of a sentence: counts, sums, dates, times (names: test_proper)."""
from __future__ import annotations

import pytest

from bot.core import proper, spans


def test_a_number_in_a_name_is_not_a_count() -> None:
    text = "Luis Ferraro, president of AAU Local 318, which represents about 3,400 workers, spoke."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["about 3,400 workers"]
    text = "About 3,400 workers walked out along Forest Road 412."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["3,400 workers"]


@pytest.mark.parametrize(("text", "clock"), [("at 1:52 p.m. on Sunday", True), ("at 9 a.m.", True),
                                             ("on Sunday, September 7", False), ("at noon", True)])
def test_clock_times(text: str, clock: bool) -> None:
    assert bool(spans.CLOCK.search(text)) == clock


def test_a_range_of_sums_is_one_amount() -> None:
    text = "It would cost between $60 million and $85 million, or 5 percent and 6 percent of sales."
    assert [text[a:b] for a, b in spans.amounts(text)] == ["between $60 million and $85 million", "5 percent",
                                                            "6 percent of sales"]  # a share with what it is of
    text = "Prices could rise by 8 to 12 percent, after rising from 3 to 5 percent."
    assert [text[a:b] for a, b in spans.amounts(text)] == ["8 to 12 percent", "5 percent"]  # a range; a change


def test_hundreds_of_is_a_count_not_a_cut_word() -> None:
    text = "Hundreds of fans stayed behind, and thousands of people left."
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in spans.counts(text)] == [
        ("Hundreds of fans", "fans"), ("thousands of people", "people")]


def test_a_clock_time_is_not_a_count() -> None:
    text = "It was released at 1 p.m. and at 2:30 some 40 people left."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["some 40 people"]


@pytest.mark.parametrize(("text", "date"), [
    ("to close in the second quarter of 2026, subject to", "the second quarter of 2026"),
    ("a plant by mid-2026.", "mid-2026"),
    ("the inquiry will report within 90 days.", "within 90 days"),
])
def test_quarters_and_halves_of_a_year_are_dates(text: str, date: str) -> None:
    assert date in [text[a:b] for a, b in spans.dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was observed four times between March 11 and June 2 this year.", ["between March 11 and June 2", "this year"]),
    ("Stay indoors between midday and 6 p.m., the mayor said.", ["between midday and 6 p.m"]),  # (its point: _tidy)
    ("The station closed at midnight on Sunday.", ["midnight on Sunday"]),
    ("It moved from Monday to Thursday.", ["Monday", "Thursday"]),  # a change, not one span of time
    ("Letters will no longer come on Saturdays.", ["Saturdays"]),
    ("The ash phase should weaken within 48 to 72 hours.", ["within 48 to 72 hours"]),
])
def test_a_span_of_time_is_one_answer(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in spans.dates(text)] == expected


def test_sums_in_other_currencies_and_fractions() -> None:
    text = "The claim would cost 96 million crowns a year; nurses have lost about a fifth of their pay."
    assert [text[a:b] for a, b in spans.amounts(text)] == ["96 million crowns a year", "about a fifth"]
    assert "Celsius" not in [text[a:b] for a, b in proper.names("It fell to minus 12 degrees. Celsius readings")]


def test_frequencies() -> None:
    text = "a once-a-month injection, reported every six months, twice a week or daily"
    assert [text[a:b] for a, b in spans.frequencies(text)] == ["once-a-month", "every six months", "twice a week",
                                                               "daily"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The 11-member board voted 8-3 in favour", ["8-3"]),
    ("approved on October 28 by 31 votes to 14", ["31 votes to 14"]),
    ("approved on Monday by nine votes to four", ["nine votes to four"]),  # in words
    ("the council voted 26 to 25 late on Tuesday", ["26 to 25"]),
    ("from the 2028-29 season, a 10-15 percent rise", []),  # a season, a range
])
def test_tallies(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in spans.tallies(text)] == expected


def test_a_participle_before_a_plural_noun_is_part_of_what_is_counted() -> None:
    text = ("It knocked out three neighbouring substations, and 900 evacuees spent the night in a gym "
            "watched by 60 two-person counting teams and four seriously injured patients.")
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in spans.counts(text)] == [
        ("three neighbouring substations", "neighbouring substations"), ("900 evacuees", "evacuees"),
        ("60 two-person counting teams", "two-person counting teams"),
        ("four seriously injured patients", "seriously injured patients")]


def test_how_many_of_them_counts_what_they_are() -> None:
    text = "Three of the hospitalised patients had pneumonia, one of the most serious cases this year."
    counted = [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in spans.counts(text)]
    assert counted[0] == ("Three of the hospitalised patients", "hospitalised patients")
    assert not any(noun and noun.endswith("cases") for _, noun in counted)  # a superlative counts none


def test_a_number_word_inside_another_word_counts_nothing() -> None:
    text = "A tentative deal, in its 19th year, calls off a strike by about 41,000 teachers."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["about 41,000 teachers"]  # not "ten", not "19"


def test_a_speed_keeps_its_rate() -> None:
    text = "Gusts reached 65 kilometres per hour, and 40 firefighters an hour were sent, 12 an hour later."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["65 kilometres per hour", "40 firefighters an hour",
                                                                "12"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The council will get around 8.5 million euros a year in taxes.", ["around 8.5 million euros a year"]),
    ("Rides cost 2 euros a minute.", ["2 euros a minute"]),
    ("Rents rose 40 euros a year ago.", ["40 euros"]),  # when, not a rate
    ("Growers get A$4,500 for every hectare, capped at A$180,000 per business.",
     ["A$4,500 for every hectare", "A$180,000 per business"]),
    ("Prices rose 2 per cent.", ["2 per cent"]),  # a percent, no rate
])
def test_a_sum_keeps_the_rate_it_is_told_at(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in spans.amounts(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("It will use up to 1.6 million litres of water a day.", ["up to 1.6 million litres of water a day"]),
    ("Readings reached up to 4 parts per million.", ["up to 4 parts per million"]),
    ("Each morning about 200 trucks a day pass the school.", ["about 200 trucks a day"]),
    ("Rides cost 25 cents a minute.", ["25 cents a minute"]),
    ("Three people a year earlier had complained.", ["Three people"]),
])
def test_a_quantity_keeps_the_rate_it_is_told_at(text: str, expected: list[str]) -> None:
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == expected


def test_a_count_keeps_its_sign_its_unit_and_what_it_is_part_of() -> None:
    text = "It fell to minus 9 degrees Celsius; the cap is 15 km/h; only three of the 30 injured riders wore helmets."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == [
        "minus 9 degrees Celsius", "15 km/h", "only three of the", "three of the 30 injured riders"]


def test_an_unmarked_plural_before_a_plural_noun_modifies_it() -> None:
    text = "Some said about 60 officers, 25 zoo staff and two police drones took part; 300 people watched."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == [
        "about 60 officers", "25 zoo staff", "two police drones", "300 people"]


@pytest.mark.parametrize("text", [
    "Data pointed to the second-stage engine, which appeared to shut down 41 seconds early.",
    "The company plans to appeal the ruling.",
    "Negotiators are expected to meet again on Friday.",
])
def test_what_a_verb_s_infinitive_completes_is_no_purpose(text: str) -> None:
    assert spans.reasons(text) == ()


def test_what_a_cause_forced_someone_to_do_is_no_purpose() -> None:
    forced = "A generator failed at 2 a.m., forcing staff to postpone 12 scheduled operations."
    assert spans.reasons(forced) == ()
    bid = "The board voted to drop Monday classes in a bid to cope with a shortage of teachers."
    assert "to cope with a shortage of teachers" in [bid[a:b] for a, b in spans.reasons(bid)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The union blames years of below-inflation pay settlements for the dispute.",
     "blames years of below-inflation pay settlements for the dispute"),
    ("Campaigners argued the decline reflected shorter opening hours.", "reflected shorter opening hours"),
    ("The sell-off was triggered by a profit warning.", "triggered by a profit warning"),
    ("The delay, which Vallejo blamed on a software fault, angered residents.", "blamed on a software fault"),
])
def test_what_someone_blames_or_a_change_reflects_is_a_reason(text: str, expected: str) -> None:
    assert expected in [text[a:b] for a, b in spans.reasons(text)]


def test_the_numbers_of_a_vote_or_a_score_are_no_counts() -> None:
    text = "The 5-4 split tells you the bar is high, and three members abstained."
    assert [text[a:b] for (a, b), _ in spans.counts(text)] == ["three members"]
    assert [text[a:b] for a, b in spans.tallies(text)] == ["5-4"]
    text = "The council approved the tram line late on Tuesday, voting 27 to 24 after a long debate."
    assert [text[a:b] for a, b in spans.tallies(text)] == ["27 to 24"]


def test_a_part_of_a_whole_owned_by_someone_is_one_count() -> None:
    text = "Thirty-one of the state's 178 districts now use the schedule."
    assert "Thirty-one of the state's 178 districts" in [text[a:b] for (a, b), _ in spans.counts(text)]


def test_a_preposition_after_a_number_is_not_what_it_counts() -> None:
    text = "treated 41 people with injuries, up from 16 over the same period last year"
    assert [(text[a:b], text[n[0]:n[1]] if n else None) for (a, b), n in spans.counts(text)] == [
        ("41 people", "people"), ("16", None)]


def test_a_month_of_an_older_year_is_one_date() -> None:
    text = "seized during an expedition in February 1891 and shown since 1903"
    assert [text[a:b] for a, b in spans.dates(text)] == ["February 1891", "1903"]


def test_one_in_three_is_a_share() -> None:
    text = "about one in three growers had hail insurance, and 1 in 20 had none"
    assert [text[a:b] for a, b in spans.amounts(text)] == ["about one in three", "1 in 20"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The 2019 strike lasted 11 school days.", "11 school days"),  # days of a kind
    ("Refunds take five working days.", "five working days"),
    ("She was trapped for 5 hours, 20 minutes.", "5 hours, 20 minutes"),
])
def test_durations(text: str, expected: str) -> None:
    assert [m.group(0) for m in spans.DURATION.finditer(text)] == [expected]
