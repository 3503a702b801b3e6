from __future__ import annotations

import pytest

from bot.core.text import clean, content_terms, content_words, normalize, stem


@pytest.mark.parametrize(("raw", "expected"), [
    ("<@U123ABC> who set the deadline?", "who set the deadline"),
    ("<@!1234567890> Who SET the deadline", "who set the deadline"),
    ("@everyone who set the deadline", "who set the deadline"),
    ("<!channel> <!here> who", "who"),
    ("Erdoğan’s “plan”", "erdogan's plan"),
    ("Did the U.S. meet?", "did the usa meet"),
    ("what\x00 is\x07 it", "what is it"),
])
def test_normalize_strips_markup_case_and_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_clean_keeps_link_labels_and_drops_controls() -> None:
    assert clean("see <https://example.org|the page>\u200b now") == "see the page now"


@pytest.mark.parametrize("noisy", [
    "who set the deadline? https://example.com/story?id=1",  # a trailing link
    "who set the dead\u200bline?",  # a zero-width character inside a word
    "who set the dead\u00adline?",  # a soft hyphen
    "\x1b[1;31mwho set the deadline?\x1b[0m",  # an ANSI escape pasted from a terminal
    "who set the deadline? <https://example.com/a>",  # a Slack link without a label
    "who set the deadline www.example.com",
])
def test_chat_noise_is_removed_before_matching(noisy: str) -> None:
    assert normalize(noisy) == "who set the deadline"


def test_stem_meets_word_forms() -> None:
    assert stem("negotiations") == stem("negotiated") == stem("negotiating")
    assert stem("guarantees") == stem("guaranteed")
    assert stem("operator") == stem("operators") == stem("operates")  # who does it meets what is done
    assert stem("negotiator") == stem("negotiations")
    assert stem("senators") == stem("senator") != stem("senate")
    assert stem("observations") == stem("observed") and stem("information") == stem("informed")
    assert stem("negotiation") == stem("negotiate") and stem("information") == stem("inform")
    assert stem("organisation") == stem("organizations") != stem("organised")  # a body, not the organizing
    assert stem("summer") != stem("sum") and stem("letters") == stem("letter") != stem("let")  # no -er


def test_a_months_wire_abbreviation_is_the_month() -> None:
    assert content_terms("on Oct. 17") == content_terms("in October 17") == [stem("october"), "17"]
    assert stem("sept") == stem("sep") == stem("september") and stem("nov") == stem("november")
    assert stem("jan") != stem("january") and stem("may") == "may"  # a name, a word


def test_content_terms_drop_stopwords_and_apply_synonyms() -> None:
    assert content_terms("Who is the president of the country?") == ["president", "country"]
    assert content_terms("ultimatum", {"ultimatum": "deadline"}) == ["deadline"]


@pytest.mark.parametrize("forms", [("enter", "entered", "entering", "enters"), ("order", "ordered", "orders"),
                                   ("offer", "offered", "offering"), ("answer", "answered", "answers")])
def test_a_verb_ending_in_er_meets_its_inflections(forms: tuple[str, ...]) -> None:
    assert len({stem(f) for f in forms}) == 1


def test_chat_abbreviations_of_time_words() -> None:
    assert normalize("what yr was the deal signed, and what hr") == "what year was the deal signed and what hour"
    assert normalize("how many tix were sold") == "how many tickets were sold"
    assert normalize("according to the WH") == "according to the white house"
    assert normalize("how many cops searched") == "how many police officers searched"


def test_a_percent_sign_is_the_word() -> None:
    assert normalize("what % voted for it? 87%") == "what percent voted for it 87 percent"


def test_chat_abbreviations_are_the_words() -> None:
    assert normalize("how many appts in 2 wks") == "how many appointments in 2 weeks"
    assert normalize("which lab did the uni exec use") == "which laboratory did the university executive use"
    assert normalize("how many cops") == "how many police officers"
    assert normalize("who set teh deadline adn why") == "who set the deadline and why"  # too short to correct


@pytest.mark.parametrize(("verb", "noun"), [("corroded", "corrosion"), ("decided", "decision"),
                                            ("exploded", "explosion"), ("admitted", "admission")])
def test_a_verb_and_its_noun_in_sion_meet(verb: str, noun: str) -> None:
    assert stem(verb) == stem(noun)


@pytest.mark.parametrize(("a", "b"), [
    ("putting", "put"), ("getting", "get"), ("stopped", "stop"),  # a doubled consonant before -ing, -ed
    ("labour", "labor"), ("neighbouring", "neighboring"), ("centre", "center"), ("kilometres", "kilometers"),
    ("organisation", "organization"), ("criticised", "criticized"), ("analysed", "analyzed"),
    ("defence", "defense"), ("cancelled", "canceled"),  # British and American spellings meet
    ("jobs", "job"), ("fees", "fee"), ("wins", "win"),  # a plural of three letters
    ("seismologist", "seismology"), ("seismological", "seismology"),  # a science and who practises it
    ("vote", "votes"), ("rate", "rates"), ("home", "homes"), ("lose", "losing"),  # a four-letter word in -e
    ("died", "die"), ("dying", "dies"), ("used", "use"), ("controlled", "control"),
    ("commissioned", "commission"), ("mentioned", "mention"), ("businesses", "business"),  # -ion, -ness go too
    ("addressed", "address"), ("closed", "close"),  # but an -ss word keeps its s, and an inflection goes once
    ("tried", "try"), ("families", "family"), ("supplies", "supply"), ("focused", "focus"), ("likely", "like"),
])
def test_variants_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_words_that_only_look_british_stay_apart() -> None:
    assert stem("hours") != stem("hors") and stem("called") == "call" and stem("four") == "four"
    assert stem("news") != stem("new") and stem("less") == "less" and stem("plus") == "plus"
    assert stem("early") != stem("ear") and stem("deeply") == stem("deep")  # an -ly that leaves a word goes


def test_negative_contractions_are_no_content_words() -> None:
    assert content_words(normalize("why wasnt it issued? who said they cant hide hikes, isn't it")) == [
        "issued", "hide", "hikes"]


def test_chat_fillers_carry_no_content() -> None:
    # "actually", "lol", "anyone", "supposed to": how people ask, not what about
    assert content_words(normalize("did anyone actually get the money lol")) == ["get", "money"]
    assert content_words(normalize("when is the envoy supposed to leave")) == ["envoy", "leave"]


def test_a_plane_is_no_plan() -> None:
    assert stem("plane") == stem("planes") != stem("plan") == stem("plans")


def test_a_filler_word_keeps_its_own_stem_unless_a_synonym_group_lists_it() -> None:
    synonyms = {"final": "firm", "still": "continu"}
    assert content_terms("how did they finally spot her", synonyms) == ["final", "spot"]  # not "firm"
    assert content_terms("is the deadline final", synonyms) == ["deadlin", "firm"]
    assert "continu" in content_terms("is anyone still missing", synonyms)  # listed: folded as listed
