from __future__ import annotations

from bot.core.answers import Answer, Answerer, Source
from bot.core.files import Problem
from bot.core.holder import ReloadReport
from bot.frontends.slack.render import BLOCK_LIMIT, SECTION_LIMIT, escape, render, render_report


def test_escape_neutralizes_broadcasts_and_markup() -> None:
    out = escape("<!channel> <!here|here> <@U1> a & b @everyone")
    assert "<" not in out and ">" not in out
    assert "&lt;!channel&gt;" in out and "&amp;" in out
    assert "@everyone" not in out


def test_answer_blocks_have_answer_reply_source_and_quote(answerer: Answerer) -> None:
    msg = render(answerer.answer("who set the deadline?"))
    assert msg["text"].startswith("President Trump — ")
    first, context, quote = msg["blocks"]
    assert first["text"]["text"].startswith("*President Trump*\n")
    assert "Geneva talks article, paragraph 8" in context["elements"][0]["text"]
    assert quote["text"]["text"].startswith("&gt; President Trump initially set")


def test_link_in_context_when_url_known() -> None:
    src = Source(article="a", title="T", name="A", paragraph=3, quote="q", evidence="q", url="https://x.example/a#p3")
    msg = render(Answer(question="q", matched=True, kind="fact", answer="x", reply="r", confidence=1, source=src))
    assert "<https://x.example/a#p3|A>, paragraph 3" in msg["blocks"][1]["elements"][0]["text"]


def test_declined_has_did_you_mean_buttons(answerer: Answerer) -> None:
    msg = render(answerer.answer("what is the deadline for the quarterly report?"))
    actions = msg["blocks"][1]
    assert actions["type"] == "actions" and 1 <= len(actions["elements"]) <= 3
    assert all(len(b["text"]["text"]) <= 75 for b in actions["elements"])
    assert actions["elements"][0]["text"]["text"].startswith("Did you mean")


def test_oversized_answer_is_trimmed_to_slack_limits() -> None:
    huge = "x" * 10_000
    src = Source(article="a", title=huge, name=huge, paragraph=1, quote=huge, evidence="x")
    msg = render(Answer(question="q", matched=True, kind="fact", answer=huge, reply=huge, confidence=1, source=src))
    assert len(msg["blocks"]) <= BLOCK_LIMIT
    for block in msg["blocks"]:
        texts = [block["text"]["text"]] if "text" in block else [e["text"] for e in block["elements"]]
        assert all(len(t) <= SECTION_LIMIT for t in texts)


def _linked(url: str) -> str:
    src = Source(article="a", title="T", name="A", paragraph=3, quote="q", evidence="q", url=url)
    msg = render(Answer(question="q", matched=True, kind="fact", answer="x", reply="r", confidence=1, source=src))
    return str(msg["blocks"][1]["elements"][0]["text"])


def test_link_url_cannot_break_out_of_the_link() -> None:
    text = _linked("https://x.example/a?b=<!channel>&c=d|e>f")
    assert text.startswith("Source: <https://x.example/a?b=&lt;!channel&gt;&amp;c=d%7Ce&gt;f|A>, paragraph 3")
    assert "<!channel>" not in text and text.count("|") == 1 and text.count("<") == 1 and text.count(">") == 1


def test_only_web_urls_become_links() -> None:
    for url in ("javascript:alert(1)", "mailto:a@b.example", "slack://open", "x.example/a"):
        text = _linked(url)
        assert "<" not in text and text.startswith("Source: A, paragraph 3"), url


def _report(problems: int, reason: str = "YAML syntax error") -> ReloadReport:
    errors = [Problem(f"broken-{i:02}.yaml", "", reason) for i in range(problems)]
    return ReloadReport(ok=False, version="v2", errors=errors)


def test_reload_report_lists_as_many_problems_as_discord() -> None:
    from bot.frontends.discord.render import render_report as discord_report

    text = render_report(_report(45))["text"]
    shown = [line for line in text.splitlines() if line.startswith("• ")]
    discord_shown = [line for line in discord_report(_report(45)).splitlines() if line.startswith("• ")]
    assert len(shown) == len(discord_shown) < 45
    assert text.splitlines()[-1].endswith(f"and {45 - len(shown)} more")


def test_long_reload_report_keeps_its_count_inside_the_section_limit() -> None:
    msg = render_report(_report(45, "x" * 400))
    section = msg["blocks"][0]["text"]["text"]
    assert len(section) <= SECTION_LIMIT
    shown = [line for line in section.splitlines() if line.startswith("• ")]
    assert section.splitlines()[-1].endswith(f"and {45 - len(shown)} more")


def test_feedback_buttons_only_on_an_answer_with_an_id(answerer: Answerer) -> None:
    answered = answerer.answer("who set the deadline?")
    actions = render(answered, "0123456789abcdef")["blocks"][-1]
    assert actions["type"] == "actions"
    assert [(b["action_id"], b["value"], b["text"]["text"]) for b in actions["elements"]] == [
        ("talks_feedback_yes", "0123456789abcdef", "Helpful"), ("talks_feedback_no", "0123456789abcdef", "Not helpful")]
    assert all(b["type"] != "actions" for b in render(answered)["blocks"])
    declined = render(answerer.answer("what is the capital of mars"), "0123456789abcdef")
    assert "talks_feedback" not in str(declined)
