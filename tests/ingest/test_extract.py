"""The article out of a realistic news page: exactly its paragraphs, and its metadata."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.extract import MIN_PARAGRAPHS, extract_html, extract_plain, paragraphs_of
from tests.stand_ins.news_server import DRISCOLL, EUROPE, KREMLIN, PAYWALLED, Story, article_page

BASE = "http://news.example"
BOILERPLATE = ("cookie", "Share this article", "Twitter", "Comments", "Related stories", "All rights reserved",
               "newsletter", "Subscribe", "peacewatcher42", "Nobody believes this", "Politics")


@pytest.mark.parametrize("story", [DRISCOLL, EUROPE, KREMLIN], ids=lambda s: s.path)
def test_paragraphs_are_exactly_the_articles(story: Story) -> None:
    page = article_page(story, BASE, visible_date=story is not EUROPE)
    for line in BOILERPLATE:
        assert line in page  # the page has it all around the article ...
    got = extract_html(page, BASE + story.path)
    assert got.paragraphs == story.paragraphs  # ... and none of it comes out, nor the headline
    assert not any(b.lower() in p.lower() for p in got.paragraphs for b in BOILERPLATE)
    assert got.title == story.title
    assert got.date == dt.date.fromisoformat(story.date)
    assert got.sitename == "The Daily Ledger" and got.author == story.author
    assert got.canonical_url == BASE + story.path


def test_date_only_in_meta_and_json_ld() -> None:
    page = article_page(EUROPE, BASE, visible_date=False)
    assert "<time" not in page and EUROPE.date not in page.split("<body>")[1]
    assert extract_html(page, BASE + EUROPE.path).date == dt.date(2025, 11, 24)
    without_meta = page.replace('<meta property="article:published_time"', '<meta property="x"')
    only_ld = extract_html(without_meta, BASE + EUROPE.path)
    assert only_ld.date == dt.date(2025, 11, 24)  # from the JSON-LD alone


def test_paywall_gate_is_not_a_paragraph() -> None:
    page = article_page(PAYWALLED, BASE)
    assert "Subscribe to continue reading" in page
    assert extract_html(page, BASE + PAYWALLED.path).paragraphs == PAYWALLED.paragraphs


def test_headline_dropped_only_as_first_paragraph() -> None:
    assert paragraphs_of("The Title\nOne.\n\n---\nThe Title\n", "The title") == ("One.", "The Title")


def test_plain_text_page() -> None:
    text = KREMLIN.title + "\n\n" + "\n\n".join(KREMLIN.paragraphs) + "\n"
    got = extract_plain(text)
    assert got.title == KREMLIN.title and got.paragraphs == KREMLIN.paragraphs


def test_a_page_without_an_article_has_too_few_paragraphs() -> None:
    page = "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><p>Log in</p></body></html>"
    assert len(extract_html(page, BASE).paragraphs) < MIN_PARAGRAPHS
