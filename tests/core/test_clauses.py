"""The clause that answers when no typed span does."""
from __future__ import annotations

from bot.core.clauses import CLAUSE, MAX_WORDS, clause
from bot.core.factbase import FactBase
from bot.core.hits import hits_in
from bot.core.questions import analyze


def _clause(base: FactBase, question: str, text: str) -> str:
    q = analyze(question, base)
    span = clause(q, text, hits_in(q, text, base), base)
    assert span is not None
    return text[span[0]:span[1]]


def test_what_the_verb_acts_on_without_the_phrase_the_question_has(base: FactBase) -> None:
    text = "The talks stalled in May, when negotiators found gaps in three of the main chapters of the plan."
    assert _clause(base, "what did negotiators find in the main chapters?", text) == "gaps"


def test_a_yes_no_question_reads_the_clause_holding_most_of_what_it_asks(base: FactBase) -> None:
    text = "The deadline is firm, Trump said, but the talks could go on past Thanksgiving if needed."
    answer = _clause(base, "could the talks go on past thanksgiving?", text)
    assert "past Thanksgiving" in answer and len(answer.split()) <= MAX_WORDS


def test_a_clause_ends_at_a_sentence_break_not_at_an_abbreviation() -> None:
    from bot.core.clauses import CLAUSE
    text = "Staff are also angry. Dr. Mirela Oduya of the U.S. union said it had not been consulted."
    assert [m.group(0).strip() for m in CLAUSE.finditer(text)] == [
        "Staff are also angry", "Dr. Mirela Oduya of the U.S. union said it had not been consulted."]


def test_who_said_it_is_not_what_was_asked(base: FactBase) -> None:
    text = "Liquefied chlorine was leaking from one tank car, officials said."
    assert "officials said" not in _clause(base, "what was leaking from the tank car?", text)


def test_a_clause_ends_where_a_quotation_opens_the_next_sentence() -> None:
    text = 'The council had not decided whether the zoo would face any penalty. "Questions need answers," she said.'
    pieces = [m.group(0) for m in CLAUSE.finditer(text)]
    assert pieces[0] == "The council had not decided whether the zoo would face any penalty"



def test_a_yes_no_question_about_a_subject_set_off_by_an_apposition_reads_its_predicate(base: FactBase) -> None:
    text = "The annual Ebbesford poultry show, due to take place on November 22, has been cancelled."
    answer = _clause(base, "is the ebbesford poultry show still going ahead?", text)
    assert answer.strip(" .") == "has been cancelled"
    text = "Pompeo, speaking to reporters late on Sunday, said the talks would continue this week."
    answer = _clause(base, "will the talks continue, according to pompeo?", text)
    assert answer.strip(" .") == "said the talks would continue this week"


def test_a_long_yes_no_clause_is_read_from_its_negation_with_its_subject(base: FactBase) -> None:
    text = ("The request from the mayor for army support with the evacuation of the three villages had not been "
            "approved by the national interior ministry in the capital by late on Sunday evening.")
    answer = _clause(base, "was the mayor's request for army support approved?", text)
    assert "had not been approved" in answer and len(answer.split()) <= MAX_WORDS
    reported = ("Officials at the regional health authority told reporters on Friday that no one at the Linmouth "
                "plant would lose their job because of the halt in production.")
    assert _clause(base, "will anyone at the linmouth plant lose their job?", reported).startswith("no one")


def test_a_long_yes_no_clause_is_read_from_the_last_verb_that_reaches_the_word_asked(base: FactBase) -> None:
    text = ("Finance Minister Lena Vaskel turned down a request from the airlines to waive the airport charges "
            "during the closure.")
    answer = _clause(base, "did the minister agree to waive airport charges?", text)
    assert answer.startswith("turned down a request") and len(answer.split()) <= MAX_WORDS


def test_a_clause_that_goes_on_what_someone_said_names_them_by_pronoun(base: FactBase) -> None:
    text = ("Secretary of State Pompeo told reporters on Saturday that the talks had gone well, "
            "adding that he had no plans to travel to the summit.")
    assert "no plans to travel" in _clause(base, "is pompeo going to travel to the summit?", text)


def test_a_yes_no_question_is_not_decided_by_who_said_it(base: FactBase) -> None:
    text = "No wildfires broke out inside the shutoff area, regional fire chief Helen Sorensen said."
    assert _clause(base, "were there wildfires in the shutoff area?", text).strip().startswith("No wildfires")
    text = "No deaths were reported."  # "reported" here is what happened, not who said it
    assert _clause(base, "was anyone killed?", text).strip().startswith("No deaths")


def test_a_clock_time_does_not_break_a_clause() -> None:
    from bot.core.clauseends import clause_after

    text = "The final vote was taken at 11:40 p.m. on Tuesday, after a debate: a long one."
    assert [m.group(0).strip() for m in CLAUSE.finditer(text)] == [
        "The final vote was taken at 11:40 p.m. on Tuesday", "after a debate", "a long one."]
    start, end = clause_after(text, text.index("taken"))
    assert text[start:end] == "taken at 11:40 p.m. on Tuesday"
    text = "The operator's latest offer, tabled on Nov. 12, is a 3.5 percent increase."
    start, end = clause_after(text, text.index("tabled"))
    assert text[start:end] == "tabled on Nov. 12"  # a month's point before its day ends nothing
