"""Spans of a sentence: sums, dates, times, tallies (counts: test_counts; reasons: test_reasons; names: test_proper)."""
from __future__ import annotations

import pytest

from bot.core import proper, spans


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
    text = "Coverage had fallen from 93 percent in 2014 to 84 percent last year."
    assert [text[a:b] for a, b in spans.amounts(text)] == ["93 percent", "84 percent"]  # a year starts no range


@pytest.mark.parametrize(("text", "date"), [
    ("to close in the second quarter of 2026, subject to", "the second quarter of 2026"),
    ("a plant by mid-2026.", "mid-2026"),
    ("the inquiry will report within 90 days.", "within 90 days"),
])
def test_quarters_and_halves_of_a_year_are_dates(text: str, date: str) -> None:
    assert date in [text[a:b] for a, b in spans.dates(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("It was observed four times between March 11 and June 2 this year.", ["between March 11 and June 2", "this year"]),
    ("Stay indoors between midday and 6 p.m., the mayor said.", ["between midday and 6 p.m"]),  # (its point: tidy)
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
