from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.answers import MAX_QUESTION_CHARS, Answerer
from bot.core.holder import FactBaseHolder
from tests.conftest import KNOWLEDGE, SEEDS


def test_who_set_the_deadline(answerer: Answerer) -> None:
    a = answerer.answer("who set the deadline?")
    assert a.matched and a.kind == "fact"
    assert a.answer == "President Trump"
    assert a.source is not None and a.source.paragraph == 8
    assert "Thanksgiving" in a.reply
    assert a.source.quote.startswith("President Trump initially set Thanksgiving Day")
    assert 0.5 <= a.confidence <= 1.0


@pytest.mark.parametrize(("question", "expected", "paragraph"), [
    ("When is the deadline?", "Thanksgiving", 8),
    ("who is mike rounds", "Senator", 18),
    ("what did vindman say?", "drafted by Putin", 19),
    ("where were the talks held", "Geneva", 1),
    ("how many points does the plan have", "28", 3),
    ("is turkey in nato?", "NATO", 23),
    ("whos tusk", "Prime Minister", 21),
    ("wen will erdgoan speak with putin", "Monday", 22),
    ("what does tusk wanna know abt the plan", "author of the plan", 21),  # wanting is asked: "want" is no stopword
])
def test_question_types_get_short_answers(answerer: Answerer, question: str, expected: str, paragraph: int) -> None:
    """The answer the bot gives is the short answer of the asked type from the right paragraph; it
    gives it when the decider is sure enough, and says so otherwise."""
    _, judged, _ = answerer.judge(question)
    best = judged[0]
    assert best.reading.answer is not None and expected in best.reading.answer, best.reading
    assert best.candidate.entry.fact.paragraph == paragraph
    assert len(best.reading.answer.split()) <= 10
    a = answerer.answer(question)
    assert a.matched == (best.p >= answerer.threshold)
    if a.matched:
        assert a.answer == best.reading.answer and a.source is not None and a.source.paragraph == paragraph


def test_most_plain_questions_are_answered(answerer: Answerer) -> None:
    questions = ["who set the deadline?", "When is the deadline?", "who is mike rounds", "what did vindman say?",
                 "how many points does the plan have", "whos tusk", "where were the talks held",
                 "is turkey in nato?"]
    assert sum(answerer.answer(q).matched for q in questions) >= 6


@pytest.mark.parametrize("question", [
    "what is the deadline for the quarterly report?",
    "how many points did our team score yesterday?",
    "who is the president of France?",
    "what's the weather in Kyiv today?",
    "asdfghjkl",
    "when will the war end?",  # the grain deal fact mentions ending the war; its date is not the answer
])
def test_out_of_scope_is_declined_with_suggestions_and_a_hint(answerer: Answerer, question: str) -> None:
    a = answerer.answer(question)
    assert not a.matched and a.kind == "declined"
    assert a.answer is None and a.source is None
    assert "don't know" in a.reply and "Geneva" in a.reply
    assert len(a.suggestions) <= 3


def test_declined_near_miss_suggests_the_close_fact(answerer: Answerer) -> None:
    a = answerer.answer("what is the deadline for the quarterly report?")
    assert any("deadline" in s.lower() for s in a.suggestions)


def test_a_bare_name_asks_who_that_is_not_a_fact_about_them(answerer: Answerer) -> None:
    rounds = answerer.answer("Mike Rounds?")
    assert rounds.matched and rounds.fact_id == "who-is.rounds" and "Senator" in (rounds.answer or "")
    # With no who-is entry sure enough, the decline suggests what the base says of them: a name
    # (or a typo of one: "twump") is never answered with whichever fact about them ranks first.
    for name in ("trump", "twump"):
        trump = answerer.answer(name)
        assert not trump.matched and trump.kind == "declined"
        assert any("Trump" in s for s in trump.suggestions), trump.suggestions


@pytest.mark.parametrize(("text", "kind"), [
    ("help", "help"), ("topics", "topics"), ("hello", "greeting"), ("Hi there!", "greeting"),
    ("thanks", "thanks"), ("ok thanks", "thanks"), ("ok", "ack"), ("lol ok", "ack"), ("good", "ack"),
    ("summarize", "summary"), ("what happened?", "summary"), ("tl;dr", "summary"),
    ("got it", "ack"), ("good bot", "ack"), ("nvm", "ack"), ("test", "greeting"), ("anyone there?", "greeting"),
    ("", "empty"), ("   \n\t ", "empty"), ("\x00\x01\x02", "empty"),
    ("🙂🙂🎉", "no_words"), ("<!channel>", "empty"), ("@everyone", "empty"), ("<@U123ABC>", "empty"),
])
def test_non_questions_get_a_clear_reply(answerer: Answerer, text: str, kind: str) -> None:
    a = answerer.answer(text)
    assert a.kind == kind and not a.matched
    assert a.reply and len(a.reply) > 10


def test_an_acknowledgement_is_no_question_but_a_question_after_one_is(answerer: Answerer) -> None:
    # "ok" and "good" are words of curated phrasings ("kyiv ok with the deal?"): alone they ask nothing.
    asked = answerer.answer("ok, who set the deadline?")
    assert asked.kind == "fact" and asked.answer == "President Trump"
    assert answerer.answer("is kyiv ok with the deal?").kind != "ack"


def test_help_and_topics_list_what_it_can_answer(answerer: Answerer) -> None:
    assert "Thanksgiving deadline" in answerer.answer("topics").reply
    assert "Who set the deadline?" in answerer.answer("help").suggestions


def test_huge_input_is_refused_clearly(answerer: Answerer) -> None:
    a = answerer.answer("who set the deadline? " * 5000)
    assert a.kind == "too_long" and not a.matched
    assert f"{MAX_QUESTION_CHARS:,}" in a.reply
    assert len(a.question) < 300


def test_control_characters_and_markup_do_not_stop_an_answer(answerer: Answerer) -> None:
    for text in ("who\x00 set the\x1b deadline?", "@everyone who set the deadline?", "<!here> who set the deadline",
                 "<@U0123ABC> who set the deadline?", "<@!123456789012345678> who set the deadline?",
                 "**who** _set_ the `deadline`?", "who set the deadline? 🎉"):
        a = answerer.answer(text)
        assert a.matched and a.answer == "President Trump", text


@pytest.mark.parametrize("lead", ["hey bot, do you know ", "ok so ", "can you tell me ", "hi talksbot "])
def test_chat_lead_ins_do_not_count_as_question_words(answerer: Answerer, lead: str) -> None:
    a = answerer.answer(lead + "who set the deadline for ukraine?")
    assert a.matched and a.answer == "President Trump"
    assert a.confidence == answerer.answer("who set the deadline for ukraine?").confidence


def test_binary_garbage_never_raises(answerer: Answerer) -> None:
    junk = bytes(range(256)).decode("latin-1")
    a = answerer.answer(junk)
    assert a.kind in ("declined", "no_words", "empty")


def test_links_to_source_page_when_public_url_is_set(base) -> None:  # type: ignore[no-untyped-def]
    a = Answerer(FactBaseHolder(KNOWLEDGE, SEEDS, base), public_base_url="https://bot.example.org/").answer(
        "who set the deadline")
    assert a.source is not None
    assert a.source.url == "https://bot.example.org/articles/geneva-talks-2025-11-23#p8"


def test_without_any_url_the_source_is_named(answerer: Answerer) -> None:
    a = answerer.answer("who set the deadline")
    assert a.source is not None and a.source.url is None
    assert a.source.name == "Geneva talks article"


def test_threshold_is_respected(base) -> None:  # type: ignore[no-untyped-def]
    strict = Answerer(FactBaseHolder(KNOWLEDGE, SEEDS, base), threshold=1.01)
    assert not strict.answer("who set the deadline").matched


def test_json_contract(answerer: Answerer) -> None:
    d = answerer.answer("who set the deadline").to_json_dict()
    assert set(d) >= {"question", "matched", "answer", "reply", "confidence", "source", "suggestions"}
    assert isinstance(d["source"], dict) and set(d["source"]) >= {"article", "paragraph", "quote", "url"}


def test_a_summary_opens_with_the_newest_articles(tmp_path: Path) -> None:
    from bot.core.intents import summary
    from bot.core.loader import load_knowledge

    shutil.copy(SEEDS / "geneva-talks-2025-11-23.txt", tmp_path)
    (tmp_path / "strike-2025-11-25.txt").write_text(
        "Title: Port strike ends\nDate: 2025-11-25\n---\nKELBY, Nov 25 - Dock workers ended a two-day strike on "
        "Tuesday. They won a 4 percent raise.\n\nThe port reopened at noon.\n")
    text = summary(load_knowledge(KNOWLEDGE, tmp_path))
    strike, geneva = text.index("Port strike ends (November 25): Dock workers ended"), text.index("Geneva talks")
    assert strike < geneva and "KELBY" not in text and "4 percent raise" not in text  # its first sentence only
