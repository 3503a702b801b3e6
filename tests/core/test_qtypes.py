"""Question types: what kind of answer a question wants, from its wording."""
from __future__ import annotations

import pytest

from bot.core.mentions import roles_named
from bot.core.qtypes import classify
from bot.core.questions import analyze
from bot.core.text import normalize


@pytest.mark.parametrize(("question", "qtype", "want"), [
    ("who set the deadline?", "who", "agent"),
    ("what was the minimum wage when it was introduced?", "how_many", "amount"),  # a sum at a time, not when
    ("who is Erdogan going to call?", "who", "agent"),  # not "who is X"
    ("who is leading the Russian team", "who", "agent"),
    ("who did the envoy meet in the Kremlin?", "who", "patient"),
    ("who got fired as coach?", "who", "patient"),  # a passive asks for the one it was done to
    ("who was named captain", "who", "patient"),
    ("who was expected to win", "who", "agent"),  # not before "to": the one acting
    ("who is based in geneva", "who_is", "description"),  # an adjective, not a passive
    ("who is the spokesman for the agency?", "who_is", "description"),  # a title held for someone
    ("who is the new head coach for the national team", "who_is", "description"),
    ("who is the plan for?", "who", "agent"),  # no title: whom it serves
    ("who said Russia submitted the plan?", "who", "speaker"),
    ("who is Mike Rounds?", "who_is", "description"),
    ("what job does Hnatiuk have", "who_is", "description"),
    ("what does Hnatiuk do for a living", "who_is", "description"),
    ("what did the mayor ask residents not to do", "quote", "quote"),  # what was asked, not a job
    ("what year did voters approve the bond", "when", "year"),
    ("which year was the bridge built", "when", "year"),
    ("how long did the renovation take", "when", "duration"),
    ("since when had the bridge been closed", "when", "date"),
    ("which country hosted the talks?", "which", "place"),
    ("in which country did Rounds speak?", "where", "place"),
    ("which market town got swamped", "where", "place"),
    ("how many support cables were corroded", "how_many", "count"),
    ("how much came from city bonds", "how_many", "amount"),
    ("what share of the farmland is under water", "how_many", "amount"),
    ("what troop cap does the US plan set", "how_many", "amount"),
    ("what was inflation in october", "how_many", "amount"),  # a measure noun asks for its figure
    ("whats the damage estimate", "how_many", "amount"),  # an estimate, a reading, a multiple: figures too
    ("what were the highest chlorine readings", "how_many", "amount"),
    ("peak power demand?", "how_many", "amount"),  # terse: the peak is a figure
    ("cooling centre opening hours", "when", "date"),  # opening hours: from when to when
    ("what hours are the libraries open", "when", "date"),
    ("hours of instruction a year?", "what", "thing"),  # a count of hours, not when
    ("what's the bond yield now", "how_many", "amount"),
    ("why was the bridge shut?", "why", "reason"),
    ("what caused the flooding", "why", "reason"),
    ("what did Vindman say about the plan?", "quote", "quote"),
    ("pompeo quote after geneva?", "quote", "quote"),
    ("how did the mayor describe the project?", "quote", "manner"),
    ("would the war have happened with better leadership?", "yes_no", "clause"),
    ("is the deadline firm", "yes_no", "clause"),
    ("which company built the plant", "which", "agent"),
    ("what kind of weather system caused the flooding", "which", "focus"),
    ("how would the rebuilding be paid for", "what", "means"),
    ("deadline?", "when", "date"),  # a bare time noun asks for the date, as "what is the deadline?" does
    ("what's the new deadline?", "when", "date"),  # a deadline is a date
    ("which holiday deadline did trump drop", "when", "date"),
    ("what did trump say about the deadline?", "quote", "quote"),
    ("whre did the talks happen", "where", "place"),  # a misspelt question word
    ("whcih country hosted the talks?", "which", "place"),
    ("waht did Vindman say about the plan?", "quote", "quote"),
    ("at what altitude was contact lost?", "how_many", "amount"),  # a measure, as "how high"
    ("in trump's view, would the war have happened with better leadership?", "yes_no", "clause"),  # a frame
    ("according to vindman, who drafted the plan?", "who", "agent"),
    ("what was the inflation rate in october, according to the statistics office?", "how_many", "amount"),  # trailing
    ("who drafted the plan in vindman's view?", "who", "agent"),
    ("the democratic congressman thinks who drafted the plan?", "who", "agent"),  # a belief frames it too
    ("who did pompeo say drafted the plan?", "who", "agent"),
    ("in which city did they meet", "where", "place"),  # not a frame
    ("who is buying the company?", "who", "agent"),  # "who is" + a verb in -ing: who does it
    ("who is sterling?", "who_is", "description"),  # a name in -ing is still a name
    ("pompeo said the plan included whose perspectives?", "who", "focus"),  # the phrase of the noun says whose
    ("what's the weather service called?", "who_is", "name"),  # "called" frames it: not the verb asked about
    ("what s the new plant called", "who_is", "name"),
    ("bus routes diverted?", "how_many", "count"),  # terse: how many were
    ("letters handled last year?", "how_many", "count"),  # "last year" qualifies, it is not asked
    ("talks ended?", "what", "thing"),  # not a count of what did something by itself
    ("how fast did zelensky reply to trump", "when", "duration"),  # how soon he acted
    ("how fast was the train going", "how_many", "amount"),  # a speed
    ("how did the board vote on the sacking?", "what", "thing"),  # its tally
    ("how did the vote go?", "what", "thing"),  # how it turned out
    ("how did the stock close?", "what", "thing"),  # what it did: "down 3.1 percent"
    ("how did the trial end?", "what", "thing"),
    ("how did the thieves get in?", "what", "means"),  # (but by what means they got in)
    ("how did she get out of the house", "what", "means"),
])
def test_question_forms(question: str, qtype: str, want: str) -> None:
    parse = classify(normalize(question))
    assert (parse.qtype, parse.want) == (qtype, want), parse


def test_focus_and_verb() -> None:
    assert classify(normalize("which company built the plant")).focus == "company"
    assert classify(normalize("which company built the plant")).verb == "built"
    assert classify(normalize("what kind of weather system caused it")).kind_of
    assert classify(normalize("how many support cables were corroded")).focus == "cables"
    assert classify(normalize("which rocket blew up?")).focus == "rocket"  # "blew" is a verb
    assert classify(normalize("whose perspectives did the plan include?")).focus == "perspectives"
    # the noun named, not the last word of the clause after it
    assert classify(normalize("what's the name of the satellite that was lost")).focus == "satellite"
    # after a number or "other" comes a noun, however much it looks like a verb; then the verb
    which = classify(normalize("which two other manufacturers buy solvent from the firm?"))
    assert (which.focus, which.verb) == ("manufacturers", "buy")
    # a plural noun's verb has no -s: it ends the noun
    for asked, noun, verb in (("which workers lose hours under the new schedule?", "workers", "lose"),
                              ("which insurance companies offer frost cover?", "companies", "offer")):
        which = classify(normalize(asked))
        assert (which.focus, which.verb) == (noun, verb)
    assert classify(normalize("what's the name of the private club in the beach town?")).focus == "club"
    assert classify(normalize("what's the share price now?")).focus == "price"  # not the adverb after it
    assert classify(normalize("how many people slept in shelters?")).focus == "people"  # "slept" is a verb
    assert classify(normalize("how many seriously hurt")).focus == ""  # an adverb counts nothing
    assert (classify(normalize("2014 case count?")).want, classify(normalize("2014 case count?")).focus) == (
        "count", "case")  # terse: how many
    assert classify(normalize("how many family members were there")).focus == "members"
    assert classify(normalize("corvane share price after the news?")).focus == "price"  # the head of the compound


def test_a_standing_role_asked_with_its_verb_is_asked_as_the_role(base) -> None:  # type: ignore[no-untyped-def]
    parse = classify(normalize("who chairs the safety board?"))
    assert (parse.want, parse.subject_text) == ("description", "the chair of the safety board")
    assert analyze("who chairs the safety board?", base).want == "holder"
    assert classify(normalize("who leads the rural alliance")).subject_text == "the leader of the rural alliance"
    assert classify(normalize("who chaired the meeting?")).want == "agent"  # an act, not a role held
    assert classify(normalize("who spoke for the hospital?")).subject_text == "the spokesperson of the hospital"


def test_role_or_name(base) -> None:  # type: ignore[no-untyped-def]
    assert analyze("who is the polish prime minister?", base).subject == {"tusk"}  # the role names him
    assert analyze("who is the mayor of the town?", base).want == "holder"  # a role nobody here holds
    assert analyze("who is Lisa Chen?", base).want == "description"  # a name: what she is
    assert analyze("who was the builder?", base).want == "holder"  # a doer, by the noun's ending
    assert analyze("who was president before Trump?", base).want == "holder"  # not who Trump is
    # a role that is someone's alias asks for the name; the name asks what the person is
    assert analyze("who's the US secretary of state in this story", base).want == "holder"
    assert analyze("who is Pompeo?", base).want == "description"
    assert analyze("who is Lisa Chen?", base).unknown_subject
    # a name in a place phrase is where the thing is, not whose name is asked
    assert analyze("what's the name of the hotel in Geneva?", base).want == "name"
    assert analyze("what's the name of the polish PM?", base).want == "holder"


def test_a_role_verb_asks_about_the_role(base) -> None:  # type: ignore[no-untyped-def]
    assert "runs" not in analyze("who runs the ukrainian delegation?", base).terms  # the head of it is asked


def test_who_did_someone_act_on_is_the_one_acted_on(base) -> None:  # type: ignore[no-untyped-def]
    # "the turkish president" names Erdogan only, not every president the base knows
    named = roles_named(("president", "turkey", "call"), "who did the turkish president call", base)
    assert [ids for _, ids in named] == [{"erdogan"}]
    assert analyze("who did Trump's envoy meet in Moscow?", base).want == "patient"
    assert analyze("who did the Turkish president call?", base).want == "patient"
    # ... but in "who did Pompeo say drafted it?" Pompeo only tells who did it; "he" would be the doer
    assert analyze("who did Pompeo say drafted the plan?", base).want == "agent"
    assert analyze("who did Erdogan say he would call?", base).want == "patient"


def test_temporal_qualifiers_and_two_typos_keep_the_question(base) -> None:  # type: ignore[no-untyped-def]
    q = analyze("what did pompeo say after geneva?", base)
    assert q.want == "quote" and "geneva" in q.terms and "pompeo" in q.subject
    typo = analyze("wen will erdgoan speek with putin", base)
    assert typo.qtype == "when" and "erdogan" in typo.entities and "putin" in typo.entities


def test_a_title_with_a_letter_left_out_is_the_title(base) -> None:  # type: ignore[no-untyped-def]
    # "minster" is an English word, but to a news bot "the polish prime minster" means the minister
    assert analyze("who's the polish prime minster", base).terms == analyze("who's the polish prime minister",
                                                                           base).terms


def test_after_a_form_of_be_only_a_participle_is_the_verb(base) -> None:  # type: ignore[no-untyped-def]
    assert analyze("where was the meeting held?", base).verb_terms
    assert analyze("when was the plan announced?", base).verb_terms == frozenset({"announc"})
    # "new" or "stadium" is not what the question asks was done
    assert not analyze("where is the new stadium going to be?", base).verb_terms
    # a yes/no question's participle after its subject
    assert analyze("was the plan announced on sunday?", base).verb_terms == frozenset({"announc"})
    assert not analyze("did the plan reach Kyiv?", base).verb_terms  # left unmarked after other auxiliaries


def test_a_light_or_support_verb_is_not_what_is_asked_was_done(base) -> None:  # type: ignore[no-untyped-def]
    assert not analyze("which senator held a press conference in canada?", base).verb_terms  # the conference
    assert not analyze("which rider got 18 months?", base).verb_terms
    assert analyze("which senator criticized the plan?", base).verb_terms


def test_the_noun_asked_about_ends_before_its_preposition() -> None:
    assert classify("what kind of clause about war crimes was taken out?").focus == "clause"
    assert classify("which deal with russia fell apart?").focus == "deal"


def test_how_long_far_often_soon_are_how_a_question_asks_not_what_about(base) -> None:  # type: ignore[no-untyped-def]
    assert "long" not in analyze("how long did the talks last?", base).terms
    assert "often" not in analyze("how often do they meet?", base).terms
    assert not {"larg", "big"} & set(analyze("how big was the fine?", base).terms)
    assert "long" in analyze("how long is the bridge?", base).terms  # "metres long" may say it
    assert "long" not in analyze("how long is the ceasefire supposed to last?", base).terms  # a duration
    went_on = analyze("how long did the talks go on for?", base).terms
    assert went_on and not set(went_on) & set(base.lexicon.terms("go on"))  # how it lasted, nothing continued


def test_the_name_of_a_thing_someone_owns_is_no_name_of_theirs(base) -> None:  # type: ignore[no-untyped-def]
    owned = analyze("what's the name of Tusk's shoe shop", base)
    assert (owned.qtype, owned.want) == ("what", "name")
    aide = analyze("what's the name of Tusk's spokesman", base)
    assert (aide.qtype, aide.want) == ("who_role", "holder")


@pytest.mark.parametrize("question", ["who's the principal", "who is the provost?", "who's the curator"])
def test_who_is_the_holder_of_a_title(base, question: str) -> None:  # type: ignore[no-untyped-def]
    assert analyze(question, base).want == "holder"


def test_a_boss_is_whoever_runs_it_by_any_title(base) -> None:  # type: ignore[no-untyped-def]
    q = analyze("who's the boss of the kremlin?", base)
    assert q.want == "holder" and "boss" not in q.terms and not q.unknown_subject


def test_a_place_related_to_a_name_is_a_word_the_sentence_must_say(base) -> None:  # type: ignore[no-untyped-def]
    # "which town hosted the talks?": Geneva is never called a town, so "town" is no missing word;
    # "the capital of Turkey" is a relation the article has to state
    assert "capital" in analyze("what's the capital of Turkey?", base).terms
    assert "town" not in analyze("which town hosted the talks?", base).terms


@pytest.mark.parametrize(("question", "noun"), [
    ("how many buildings fell down completely", "buildings"),  # "down" is no "do"
    ("how many flights a day does it run?", "flights"),  # per day: what is counted is flights
    ("how many operators work at the plant now", "operators"),  # a plural before a present verb
    ("how many provisional ballots remain uncounted", "ballots"),
    ("how many troops did the governor ask for", "troops"),
])
def test_the_noun_counted(question: str, noun: str) -> None:
    assert classify(question).focus == noun


@pytest.mark.parametrize(("question", "want", "focus"), [
    ("whats the biggest village in the evacuation zone", "place", "village"),
    ("what was the oldest building on the street?", "focus", "building"),
    ("what is the most expensive ticket", "focus", "ticket"),
    ("what is the protest about", "thing", ""),  # no superlative: what, not which
])
def test_the_superlative_of_a_noun_asks_which_one(question: str, want: str, focus: str) -> None:
    parse = classify(normalize(question))
    assert (parse.want, parse.focus) == (want, focus)


@pytest.mark.parametrize(("question", "focus"), [
    ("scientists from how many countries took part?", "countries"),
    ("the fire destroyed how many homes", "homes"),
])
def test_a_count_asked_mid_sentence_counts_its_noun(question: str, focus: str) -> None:
    parse = classify(normalize(question))
    assert (parse.want, parse.focus) == ("count", focus)


def test_terse_quote_questions_ask_for_a_quotation_and_quote_is_no_topic(base) -> None:  # type: ignore[no-untyped-def]
    said = analyze("zelensky said what", base)
    assert (said.want, said.subject) == ("quote", frozenset({"zelensky"}))
    quoted = analyze("pompeo quote after geneva?", base)
    assert quoted.want == "quote" and not set(quoted.terms) & {"quot", "quote"}
    assert "conferenc" in analyze("rounds press conf where", base).terms  # "conf" is short for conference


@pytest.mark.parametrize(("question", "qtype", "want"), [
    ("anyone hurt", "yes_no", "clause"),  # chat's yes/no, without its "was"
    ("anyone when is the deadline", "when", "date"),  # "anyone" only opens the question
    ("volcano name?", "who_is", "name"),  # (a name of a thing: see questions.analyze)
    ("lead scientist?", "who_is", "description"),  # a role: who holds it (see questions.analyze)
    ("polish pm?", "who_is", "description"),  # so too an abbreviated title
    ("us secretary of state?", "who_is", "description"),  # and a title of something
    ("grid operator?", "who_is", "description"),
    ("the turkish president - who?", "who_is", "description"),  # a role, then "who": who holds it
    ("the plan was drafted by who?", "who", "agent"),  # (a verb before "who" asks who did it)
    ("planet temp?", "how_many", "amount"),  # "temp" is short for temperature
    ("winner?", "who", "agent"),  # who won
    ("venue?", "where", "place"),
    ("prize money", "how_many", "amount"),
])
def test_terse_chat_questions(question: str, qtype: str, want: str) -> None:
    parse = classify(normalize(question))
    assert (parse.qtype, parse.want) == (qtype, want)


def test_how_hot_asks_for_degrees_not_for_the_word_hot(base) -> None:  # type: ignore[no-untyped-def]
    terms = analyze("how hot did it get?", base).terms
    assert terms == tuple(base.lexicon.terms("degrees"))
    assert analyze("how cold was it overnight?", base).terms[0] == base.lexicon.terms("degrees")[0]


def test_a_phrasal_verb_is_the_verb_and_as_begins_a_phrase(base) -> None:  # type: ignore[no-untyped-def]
    q = analyze("when did he step down as mayor?", base)
    assert q.verb_terms == frozenset(base.lexicon.terms("resigned"))


def test_a_people_named_after_the_verb_is_its_object_not_the_verb(base) -> None:  # type: ignore[no-untyped-def]
    q = analyze("What did the Ukrainian delegation thank the Americans for?", base)
    assert q.verb_terms == frozenset(base.lexicon.terms("thank"))


def test_a_verb_s_particle_the_base_never_uses_is_no_word_the_question_misses(base) -> None:  # type: ignore[no-untyped-def]
    assert "away" not in base.idf
    assert "away" not in analyze("how many houses were washed away?", base).terms
    assert "away" in analyze("how many points is the plan away from a deal?", base).terms  # how far it is


def test_a_word_for_someone_the_article_never_uses_is_no_topic(base) -> None:  # type: ignore[no-untyped-def]
    assert "guy" not in base.idf
    assert "guy" not in analyze("how old is the guy who set the deadline?", base).terms


def test_whose_view_a_question_asks_in_is_no_answer_to_it(base) -> None:  # type: ignore[no-untyped-def]
    asked = analyze("the democratic congressman thinks who drafted the plan?", base)
    assert set(base.lexicon.terms("congressman")) <= asked.excluded  # so "US Congressman Eugene Vindman" goes
    assert set(base.lexicon.terms("pompeo")) <= analyze("who did pompeo say drafted it?", base).excluded
    assert not analyze("who drafted the plan?", base).excluded
