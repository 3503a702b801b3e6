"""Question analysis: normalized words, typo correction, question type and entities.

``analyze`` puts them together: typos are corrected in ``typos``, the names a question gives
are found in ``mentions``, and the verb its wording does not mark in ``verbs``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.chat import core_text
from bot.core.factbase import SOFT_TERMS, FactBase, sort_tokens
from bot.core.kinds import (
    GENERIC_TOP_TITLES,
    PERSON_WORD,
    PLACE_NOUNS,
    SPECIFIC_AMOUNTS,
    kind_noun,
    names_person,
)
from bot.core.mentions import find_entities, roles_named
from bot.core.models import QuestionType
from bot.core.paraphrase import entry_of, fold_unknown
from bot.core.proper import COUNTRIES, TITLE_WORDS
from bot.core.qtypes import ANSWER_CHAIN, ROLE_VERB, believed, believer, classify, classify_core
from bot.core.spans import NOT_LASTING
from bot.core.text import clean, content_words, normalize, stem
from bot.core.typos import correct_typos
from bot.core.verbs import AUX_WORDS, verb_after_subject, yes_no_participle

__all__ = ["ANSWER_CHAIN", "Question", "analyze", "classify"]


@dataclass(frozen=True)
class Question:
    """A question as the retriever, reader and decider see it."""

    text: str
    normalized: str
    qtype: QuestionType
    terms: tuple[str, ...]
    entities: frozenset[str]
    subject: frozenset[str]  # entities the question is about (who is X / what did X say / is X ...)
    alias_terms: dict[str, frozenset[str]] = field(default_factory=dict)  # term -> entities its alias names
    sorted_words: str = ""  # the normalized words sorted, for the token-sort ratio
    want: str = "thing"  # the kind of span the reader cuts (see ``qtypes``)
    focus: str = ""  # the noun of "which <noun>", normalized
    mentions: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()  # per named entity: (alias terms, ids)
    words: frozenset[str] = frozenset()  # the question's normalized words, for echo checks
    subject_terms: frozenset[str] = frozenset()  # terms of the words naming the subject (who is X)
    stems: frozenset[str] = frozenset()  # the stems of its content words, synonyms not folded
    unknown_names: int = 0  # names in the question the base does not know ("Biden", "the Lakers")
    unknown_subject: bool = False  # who-is / what-did-X-say about a name the base does not know
    verb_terms: frozenset[str] = frozenset()  # terms of the question's verb ("who *led* the team")
    kind_of: bool = False  # "what kind of <noun>"
    focus_word: str = ""  # the noun of "which <noun>" as asked ("countries"), for word lists
    focus_forms: frozenset[str] = frozenset()  # the words that fold onto ``focus`` ("planes": aircraft, jets)
    light_terms: frozenset[str] = frozenset()  # terms only a light verb gives ("get", "come", "put"): see ``weigh``
    excluded: frozenset[str] = frozenset()  # terms of what the question sets aside ("*besides the US*, who ...")


_COMPARED = re.compile(r"\b(?:compared|comparison) (?:to|with)\b")
# Only "old": its reader answers with an age or not at all (see ``figures``), where a height
# asked of an article that never says "tall" is as likely a near miss as not.
_HOW_ADJECTIVE = re.compile(r"^how (old)\b")
# "how hot did it get?": a temperature, which an article gives in degrees, rarely calling it hot
_HOW_TEMPERATURE = re.compile(r"^how (?:hot|cold|warm|chilly|cool)\b")
# (but "how long is the bridge?" asks a length: "metres long")
_HOW_MEASURE = re.compile(rf"^how (?:long(?! (?:is|was|are|were)\b{NOT_LASTING})|far|often|soon|big|large)\b")


def analyze(text: str, base: FactBase) -> Question:
    """Normalize, correct, classify and find the entities of a question."""
    words = correct_typos(normalize(text).split(), base)
    normalized = " ".join(words)
    core = core_text(normalized)
    parse = classify_core(core)
    qtype, want = parse.qtype, parse.want
    found = find_entities(normalized, base)
    entities = {eid for ids in found.values() for eid in ids}
    subject = {eid for ids in find_entities(parse.subject_text, base).values() for eid in ids} \
        if parse.subject_text else set()
    role = bool(parse.subject_text) and _names_role(parse.subject_text, base)
    if qtype == "who_is" and want == "name":
        # "the name of the polish PM": someone; "the name of the club in Hallandale Beach": a thing in a place
        head = re.split(r"\s(?:in|at|on|near|from|for|with|outside|inside)\s", parse.subject_text)[0]
        by_head = subject & {eid for ids in find_entities(head, base).values() for eid in ids}
        owned = _OWNED.search(head)  # "the name of Kwiatek's shoe shop": a thing of hers, not her
        if owned and not (PERSON_WORD.match(owned.group(1)) or _DOER.fullmatch(owned.group(1)) or
                          any(t in base.title_terms for t in base.lexicon.terms(owned.group(1)))):
            by_head, role = set(), False
        qtype, want = ("who_role", "holder") if by_head or role else ("what", "name")
    elif qtype == "who_is" and role and not subject & base.described:
        # "Who is the prime minister of Poland?": a role-holder, not a description of Poland.
        qtype, want, subject = "who_role", "holder", set()
    elif qtype == "who_is" and role and subject and not _names_by_name(parse.subject_text, subject, base):
        # "who's the US secretary of state?": the role is an alias of someone; the name is wanted.
        qtype, want = "who_role", "holder"
    elif qtype == "who_is" and parse.subject_text and (held := _holders(parse.subject_text, base)) and \
            not _names_by_name(parse.subject_text, held, base):
        # "who's Venkatesan's coach?": the role of someone the question names by name is still a role
        qtype, want, subject = "who_role", "holder", subject | held
    elif qtype == "who_is" and not parse.subject_text:
        qtype, want = "who", "agent"
    elif qtype == "yes_no":
        # "Is Russia a NATO member?" is about Russia: an entity named right after the verb.
        head = " ".join(w for w in normalized.split()[1:4] if w not in ("the", "a", "an"))
        subject = {eid for alias, ids in found.items() if f" {head} ".startswith(f" {alias} ") for eid in ids}
    # "who runs quillfort?" is asked as "who is the head of quillfort?": the role, not the verb, is asked about
    # "how long did it last / far / often / soon ...?": the adverb is how it is asked, not what about (a
    # sentence rarely says "long"; but "how long is the bridge?" and "how old" meet "metres long", "-year-old")
    asked = f"who is {parse.subject_text}" if ROLE_VERB.match(core) and parse.subject_text else \
        _HOW_TEMPERATURE.sub("how degrees", _HOW_MEASURE.sub("how", core))
    asked = _DAY_OF_WEEK.sub("day", asked)  # "what day of the week": the week is how a day is asked
    asked = _ENDED_UP.sub(" ", asked)  # "how many ended up in hospital": how it turned out, no ending
    asked = _WANTS_TO.sub("", asked)  # "what does Erdogan want to restore?": restoring is asked about
    if parse.want == "duration":
        asked = _WENT_ON.sub("", asked)  # "how long did the meeting go on for?": how it lasted, nothing continued
    terms = tuple(dict.fromkeys(base.lexicon.terms(asked)))
    if parse.want == "name":  # "what's the name of the drug?": "name" frames the question, it is not its topic
        terms = tuple(t for t in terms if t not in _NAME_FRAME) or terms
    if parse.want in ("quote", "manner"):  # "pompeo quote after geneva?": "quote" says what is asked, not about what
        terms = tuple(t for t in terms if t not in _QUOTE_FRAME) or terms
    if (measure := _HOW_ADJECTIVE.match(core)) is not None:
        # "how old is Whitfield?" of an article that never says "old" ("Whitfield, 46, has ..."): the
        # adjective says what kind of answer is asked, no word the question misses
        frame = [t for t in base.lexicon.terms(measure.group(1)) if t not in base.idf]
        terms = tuple(t for t in terms if t not in frame) or terms
    if _COMPARED.search(core):  # "how big is it compared to Earth?": a ratio is asked, "compared" is no topic
        terms = tuple(t for t in terms if t not in base.lexicon.terms("compared")) or terms
    # "who's the boss of Greyhaven?": a word for whoever runs it that the article never uses is asked
    # as its chief's (see ``actors.holder``), no word the question misses; a title as specific as
    # "chief executive" still has to be there
    generic = frozenset(base.lexicon.terms(GENERIC_TOP_TITLES)) if want == "holder" else frozenset()
    if generic:
        terms = tuple(t for t in terms if t in base.idf or t not in generic) or terms
    # "which body is leading the inquiry?": a kind of answer the article never names as such ("the
    # National Space Safety Board") is no word the question misses; but "the capital of Turkey"
    # relates a place to a name, a word the sentence has to say.
    related = parse.focus in PLACE_NOUNS and re.search(rf"\b{re.escape(parse.focus)}\w* of\b", core)
    # ... but a sum of one kind ("revenue", "salary") is not another that the sentence gives.
    specific = parse.focus in SPECIFIC_AMOUNTS
    if parse.focus and kind_noun(parse.focus) and not related and not specific:
        # a unit of time asked for ("what *year*", "what *time*") frames the question even where the
        # article says the word in passing ("last year", "at the time"): the answer is a date
        framing = want in ("date", "year", "duration") and parse.focus in _TIME_UNITS
        kind = [t for t in base.lexicon.terms(parse.focus) if framing or t not in base.idf]
        terms = tuple(t for t in terms if t not in kind) or terms
    terms = fold_unknown(terms, asked, base, whole=True)  # "gotten sick" of an article that says "ill"; "the guy who"
    alias_terms: dict[str, frozenset[str]] = {}
    mentions = []
    named = [(frozenset(base.lexicon.terms(alias)), frozenset(ids)) for alias, ids in found.items()]
    for r_terms, ids in roles_named(terms, normalized, base):
        if not any(ids & known for _, known in named):
            named.append((r_terms, ids))
            entities |= ids
            if want in ("quote", "manner", "description") and r_terms <= set(base.lexicon.terms(parse.subject_text)):
                subject |= ids
    for a_terms, ids in named:
        mentions.append((a_terms, ids))
        for t in a_terms:
            alias_terms[t] = alias_terms.get(t, frozenset()) | ids
    focus = base.lexicon.terms(parse.focus)[0] if parse.focus and base.lexicon.terms(parse.focus) else ""
    if qtype == "who" and want == "agent":
        # "who did Trump send to Moscow?": a name right after the auxiliary makes it the object.
        rest = core.split(" ", 2)
        if len(rest) == 3 and rest[1] in ("did", "does", "do", "will", "would", "can", "could", "should", "is", "are",
                                          "was", "were") and \
                any(f" {rest[2]} ".startswith(f" {alias} ") for alias in found) and not believed(core):
            want = "patient"
    subject_terms = frozenset(base.lexicon.terms(parse.subject_text)) if parse.subject_text else frozenset()
    # (a word the base never uses that stands for one it does is no unknown: "the lawyer" of an
    # article that says "attorney")
    named_by = tuple(subject_terms - generic) if not subject else ()
    unknown_subject = bool(named_by) and any(_unknown(t, base)
                                             for t in fold_unknown(named_by, parse.subject_text, base))
    unknown = unknown_names(text, base) + unknown_subject
    terse = _TERSE_VERB.match(core)  # "ballot closes when": the verb before the trailing question word
    verb = parse.verb or (terse.group(1) if terse else "") or (verb_after_subject(core, alias_terms, base)
                          if want == "patient" or (want in ("date", "year", "duration", "place", "reason", "count",
                                                            "amount", "thing", "means") and
                                                   len(core.split()) > 2 and core.split()[1] in AUX_WORDS) else "") \
        or (yes_no_participle(core, alias_terms, base) if want == "clause" else "")
    light = [w for w in core.split() if w in LIGHT_VERBS] + [m.group(1) for m in _SUPPORT_VERB.finditer(core)]
    if verb in light:
        # "which senator held a press conference?": the conference is what he did; "which rider got
        # 18 months?": what he got, not getting, is asked about (and such verbs weigh light: ``weigh``)
        verb = ""
    light_terms = frozenset(base.lexicon.terms(" ".join(light))) - frozenset(
        base.lexicon.terms(" ".join(w for w in core.split() if w not in LIGHT_VERBS))) if light else frozenset()
    return Question(text, normalized, qtype, terms, frozenset(entities), frozenset(subject), alias_terms,
                    sort_tokens(core), want, focus, tuple(mentions), frozenset(core.split()), subject_terms,
                    frozenset(stem(w) for w in content_words(core)), unknown, unknown_subject,
                    frozenset(base.lexicon.terms(verb)) if verb else frozenset(), parse.kind_of, parse.focus,
                    base.lexicon.variants.get(focus, frozenset()) | {focus, *entry_of(parse.focus)} if focus
                    else frozenset(), light_terms,
                    _set_aside(normalized, base) | frozenset(base.lexicon.terms(believer(core))))


# "besides the US, who else did he thank?", "which groups did he thank apart from Europe?": the
# answer is someone or something else (the words still find the fact that names both).
_SET_ASIDE = re.compile(r"\b(?:besides|apart from|other than|aside from|except(?: for)?|in addition to) "
                        r"((?:the |a |an )?[\w'-]+(?: (?!(?:who|whom|what|which|did|does|do|is|are|was|were|will|has|"
                        r"have|had|else)\b)[\w'-]+){0,3})")


def _set_aside(normalized: str, base: FactBase) -> frozenset[str]:
    """The terms of what the question sets aside ("apart from the US": usa; "besides each other",
    the question's own people again: none)."""
    found = _SET_ASIDE.search(normalized)
    if not found or found.group(1) in _ONE_ANOTHER:
        return frozenset()
    return frozenset(base.lexicon.terms(found.group(1)))


_ONE_ANOTHER = frozenset({"each other", "one another", "them", "him", "her", "it", "that", "this", "those", "these"})


# "want to" before the verb asked about only says it is wished for (not "want to know": what is wished)
_WANTS_TO = re.compile(r"\b(?:want|wants|wanted|wanting) to (?!(?:know|learn|find out|hear|see)\b)(?=[a-z])")
_ENDED_UP = re.compile(r"\b(?:end|ends|ended|ending|wind|winds|wound|winding) up\b")
# Verbs that say little of what happened ("how much can each person *get*", "when did it *come* out"):
# a sentence says it otherwise, so they weigh little (``scoring.LIGHT_VERB``). Unlike the soft words
# (``synonyms.SOFT_WORDS``, light as terms wherever they come from), the lightness goes with the word
# asked: "get" folds onto "provide", which keeps its weight when the question says "provide".
LIGHT_VERBS = frozenset("get gets got gotten getting come comes came coming go goes went gone going put puts "
                        "putting take takes took taken taking make makes made making happen happens happened "
                        "happening".split())
# A verb that only carries an event's noun ("held a press conference", "gave a speech").
_SUPPORT_VERB = re.compile(r"\b(hold|holds|held|holding|give|gives|gave|given|giving) "
                           r"(?:a |an |the |his |her |their |its )?(?:[\w'-]+ )?(?:press conference|conference|"
                           r"briefing|talks|meeting|speech|interview|vote|referendum|rally|hearing|ballot|election|protest|"
                           r"vigil)s?\b")
_TIME_UNITS = frozenset("time times date dates day days year years month months hour hours week weeks minute "
                        "minutes".split())
_DAY_OF_WEEK = re.compile(r"\bday of the week\b")
_TERSE_VERB = re.compile(r"^(?:the )?[a-z'-]+(?: [a-z'-]+)? ([a-z]+(?:es|ed|en|s))(?: [a-z]+)? (?:when|where)$")


_WENT_ON = re.compile(r" (?:go|goes|went|gone|going) on(?: for)?$")


_NAME_FRAME = frozenset({"nam", "call", "titl"})  # terms (stems) of "name", "called", "title"
_QUOTE_FRAME = frozenset({"quot", "quotat"})  # of "quote", "quotation"


def _names_role(subject_text: str, base: FactBase) -> bool:
    """"the mayor of Port Elling", "the polish pm": a role, not a name ("Luis Ferraro")."""
    words = subject_text.split()
    determined = words[0] in ("the", "a", "an", "our", "their", "his", "her", "its")
    # "the builder", "the baker whose shop was wrecked": a doer of something, by the noun's ending
    head = re.split(r"\s(?:of|whose|who|that|which|in|at|for|on|from)\s", " ".join(words[1:]))[0].split()
    doer = determined and bool(head) and bool(_DOER.fullmatch(head[-1]))
    return (determined and (names_person(subject_text) or doer)) or \
        any(t in base.title_terms for t in base.lexicon.terms(subject_text))


_OWNED = re.compile(r"['’]s\s+(?:[\w-]+\s+)*?([\w-]+)$")
_DOER = re.compile(r"[a-z]{3,}(?:er|or|ist|ant)s?")


def _holders(subject_text: str, base: FactBase) -> set[str]:
    """Whoever the words holds a role of by that role ("venkatesan's coach": his coach, not him)."""
    return {e for _, ids in roles_named(tuple(base.lexicon.terms(subject_text)), subject_text, base) for e in ids}


def _names_by_name(subject_text: str, subject: set[str], base: FactBase) -> bool:
    """Whether the words naming the subject hold a word of its name ("Pompeo", not "the secretary of state")."""
    said = set(subject_text.split())
    return any({w for w in normalize(base.entities[e].name).split() if w.capitalize() not in TITLE_WORDS} & said
               for e in subject if e in base.entities)


def _unknown(term: str, base: FactBase) -> bool:
    return term.isalpha() and len(term) > 2 and term not in base.idf and term not in SOFT_TERMS


_CAPITALIZED = re.compile(r"(?<![.?!:]\s)(?<!^)\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b")


def unknown_names(text: str, base: FactBase) -> int:
    """Capitalized words, not opening the question, that the base knows in no form, even corrected;
    and countries however written ("the capital of australia") that it does not know."""
    count = 0
    seen = set()
    for m in _CAPITALIZED.finditer(clean(text).strip()):
        word = normalize(m.group(0))
        if word and word not in base.lexicon.words and all(_unknown(t, base) for t in base.lexicon.terms(word)) \
                and correct_typos([word], base) == [word]:
            count += 1
            seen.add(word)
    for word in normalize(text).split():
        if word not in seen and word.capitalize() in COUNTRIES and word not in base.lexicon.words and \
                all(_unknown(t, base) for t in base.lexicon.terms(word)) and \
                not any(f"{word}{end}" in base.lexicon.words for end in ("n", "an", "ns")):
            count += 1  # ("georgia" of an article that says "Georgian" is known)
    return count
