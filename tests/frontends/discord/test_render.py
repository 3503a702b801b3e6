from __future__ import annotations

from bot.core.answers import Answer, Answerer, Source
from bot.core.files import Problem
from bot.core.holder import ReloadReport
from bot.frontends.discord.render import (
    CONTENT_LIMIT,
    DESCRIPTION_LIMIT,
    FIELD_LIMIT,
    NO_PINGS,
    TITLE_LIMIT,
    TOTAL_LIMIT,
    render,
    render_report,
    to_question,
)


def test_embed_fields(answerer: Answerer) -> None:
    embed = render(answerer.answer("who set the deadline"))
    assert embed.title == "President Trump"
    assert embed.footer.text is not None and embed.footer.text.startswith("Geneva talks article · paragraph 8")
    assert embed.fields[0].value is not None and embed.fields[0].value.startswith("> President Trump")
    assert embed.url is None


def test_oversized_answer_stays_inside_embed_limits() -> None:
    huge = "word " * 5000
    src = Source(article="a", title=huge, name=huge, paragraph=1, quote=huge, evidence="w", url="https://x.example/")
    embed = render(Answer(question="q", matched=True, kind="fact", answer=huge, reply=huge, confidence=1, source=src))
    assert len(embed.title or "") <= TITLE_LIMIT
    assert len(embed.description or "") <= DESCRIPTION_LIMIT
    assert all(len(f.value or "") <= FIELD_LIMIT for f in embed.fields)
    assert len(embed) <= TOTAL_LIMIT
    assert embed.url == "https://x.example/"


def test_no_pings_and_mentions_stripped() -> None:
    assert NO_PINGS.everyone is False and NO_PINGS.roles is False and NO_PINGS.users is False
    assert to_question("<@42> who set it", 42) == "who set it"
    assert to_question("<@!42> who set it", 42) == "who set it"


def test_long_reload_report_keeps_its_count_inside_the_message_limit() -> None:
    report = ReloadReport(ok=False, version="v2", errors=[Problem(f"broken-{i:02}.yaml", "", "x" * 300)
                                                          for i in range(45)])
    text = render_report(report)
    assert len(text) <= CONTENT_LIMIT
    shown = [line for line in text.splitlines() if line.startswith("• ")]
    assert shown and text.splitlines()[-1].endswith(f"and {45 - len(shown)} more")
