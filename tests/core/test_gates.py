"""The gates: what no weighting lets through (see ``bot.core.gates``)."""
from __future__ import annotations

from pathlib import Path

from bot.core import decider, gates
from bot.core.answers import Answerer
from bot.core.factbase import FactBase
from bot.core.loader import load_knowledge
from bot.core.questions import analyze
from bot.core.reader import read
from bot.core.retrieve import retrieve


def test_an_entity_the_fact_is_not_about_is_not_an_answer(base: FactBase, answerer: Answerer) -> None:
    q = analyze("what did Putin say about the Geneva meeting?", base)
    candidates, _ = retrieve(q, base, full=True)
    geneva = [c for c in candidates if c.entry.fact.id == "geneva-meeting"]
    for c in geneva:  # about Geneva, but Putin is not in its paragraph
        assert c.entity < 1 and not any(gates.eligible(q, c, r) for r in read(q, c.entry, base))
    assert not answerer.answer("What did Vindman say about the Thanksgiving deadline?").matched
    assert not answerer.answer("what is in point 12 of the plan?").matched  # no paragraph has a point 12


def test_a_number_in_words_must_be_in_the_paragraph_as_one_in_digits_must(base: FactBase) -> None:
    def judged(text: str) -> list[decider.Judged]:
        q = analyze(text, base)
        candidates, w = retrieve(q, base)
        return decider.judge(q, candidates, [read(q, c.entry, base) for c in candidates], w, base)

    assert judged("what did the delegations agree in Geneva?")
    assert not judged("what did the eleven delegations agree in Geneva?")
    assert not judged("what did the 11 delegations agree in Geneva?")


def test_an_answer_plainly_of_another_kind_is_not_eligible(base: FactBase) -> None:
    q = analyze("who drafted the plan?", base)
    candidates, _ = retrieve(q, base)
    pairs = [(c, r) for c in candidates for r in read(q, c.entry, base) if gates.eligible(q, c, r)]
    assert pairs
    c, r = pairs[0]
    assert not gates.eligible(q, c, r._replace(answer="a Democrat"))  # a description, not who
    assert not gates.eligible(q, c, r._replace(answer="November 27"))  # a date, not who


def test_the_verb_of_saying_is_not_the_topic_of_a_statement(base: FactBase) -> None:
    # "what did Vindman warn about?" asks what he said: his statement need not use the word "warn"
    q = analyze("what did Vindman warn about?", base)
    candidates, _ = retrieve(q, base)
    said = [c for c in candidates if "Vindman" in c.entry.fact.evidence and "warn" not in c.entry.fact.evidence]
    assert said and all(gates.on_topic(q, c) for c in said)


def test_when_something_was_said_is_no_topic_but_what_about_is(base: FactBase) -> None:
    # "what did Vindman say after the vote?" asks any statement of his; "... about the vote?" one about it
    for question, on in (("what did Vindman say after the vote?", True),
                         ("what did Vindman say about the vote?", False)):
        q = analyze(question, base)
        candidates, _ = retrieve(q, base, full=True)
        said = [c for c in candidates if "Vindman" in c.entry.fact.evidence and "vote" not in c.entry.fact.evidence]
        assert said and all(gates.on_topic(q, c) is on for c in said), question


def test_a_fact_about_the_holder_of_a_role_asked_fits_without_naming_the_body_again(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "chess-2025-11-24.txt").write_text(
        "The All India Chess Federation said it stood behind Venkatesan but would not take the case further. "
        "Its secretary, Sunita Rao, said the federation would ask the International Chess Union to review it.\n")
    base = load_knowledge(tmp_path / "knowledge", seeds)
    q = analyze("what is the AICF secretary called", base)
    candidates, _ = retrieve(q, base)
    rao = [c for c in candidates if "Sunita Rao" in c.entry.fact.evidence]
    assert rao and all(gates.subject_fit(q, c) > 0 for c in rao)


def test_a_document_speaks_for_those_who_issued_it(base: FactBase) -> None:
    """The joint statement is quoted; the delegations who issued it said what it says, Russia did not."""
    for asked, fits in (("what did the delegations say they had developed?", 1.0),
                        ("what did the joint statement say was developed?", 1.0),
                        ("what did russia say was developed?", 0.0)):
        q = analyze(asked, base)
        candidates, _ = retrieve(q, base, full=True)
        (framework,) = [c for c in candidates if c.entry.fact.id == "updated-framework"] or [None]
        assert framework is not None and gates.subject_fit(q, framework) == fits, asked


def test_what_the_question_sets_aside_is_no_answer(base: FactBase, answerer: Answerer) -> None:
    from bot.core.reader import Reading

    q = analyze("Besides Trump, who has to finalize the final version of the framework?", base)
    assert q.excluded == {"trump"}
    reading = Reading("President Trump and President Zelensky", "curated", 1.0, 1.0, 0.0)
    kept = gates.set_aside(q, reading, base)
    assert kept is not None and kept.answer == "President Zelensky"
    assert gates.set_aside(q, reading._replace(answer="President Trump"), base) is None
    assert gates.set_aside(analyze("who set the deadline?", base), reading, base) == reading
    # words joined by "and" are no list of names: the reading goes whole
    peace = analyze("besides peace, what does the statement want to keep up for ukraine?", base)
    assert gates.set_aside(peace, reading._replace(answer="updated and improved peace framework"), base) is None
    assert analyze("Apart from the US, whom did Zelensky thank?", base).excluded == {"usa"}
    assert not analyze("besides each other, who will the US and Ukraine stay in contact with?", base).excluded
    finalize = answerer.answer("Besides Trump, who has to finalize the final version of the framework?")
    assert "Trump" not in (finalize.answer or "")


def test_a_body_speaks_through_the_people_with_a_role_its_statement_names(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fine-2025-11-24.txt").write_text(
        "Title: Fine\nDate: 2025-11-24\n---\nBRENTMOOR, Nov 24 - The National Competition Office on Monday fined "
        "grocery delivery platform Basketly a record 212 million euros.\n\n"
        "Basketly, which began as a grocery delivery service in 2016, said it strongly disagreed with the ruling. "
        '"We brought millions of new customers to local restaurants," chief executive Tobias Renner said in a '
        "statement.\n\nShares in Basketly fell 4.8 percent.\n")
    base = load_knowledge(tmp_path / "knowledge", seeds)
    q = analyze("what did the ceo say?", base)
    candidates, _ = retrieve(q, base)
    said = [c for c in candidates if not c.entry.is_entity and "Basketly" in c.entry.fact.evidence]
    assert said and all(gates.subject_fit(q, c) == 1.0 for c in said)
