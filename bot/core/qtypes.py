"""Question types: what kind of short answer a question wants, from its wording alone.

``classify`` gives two things: the coarse ``qtype`` that picks a curated fact's answer slot
(who, when, where, ...) and the finer ``want`` that tells the reader what span to cut from a
sentence (a person or organization, a date, a year, a duration, a place, a count, an amount, a
reason, a quotation, a speaker, a name, the phrase around a ``focus`` noun, or the deciding
clause of a yes/no question).

The noun a question asks about is read in ``focus``, which also holds ``Parse``, what
``classify`` gives; the forms read by a pattern alone are the rules of ``qforms``.
"""
from __future__ import annotations

import re

from bot.core.chat import core_text
from bot.core.counts import ADVERB
from bot.core.focus import AUX, AUX_RE, IRREGULAR, Parse, head, which, which_noun
from bot.core.kinds import AMOUNT_NOUNS, PERSON_NOUNS, PERSON_WORD, PLACE_NOUNS, TERSE_TIMES
from bot.core.models import QuestionType
from bot.core.proper import TITLE_WORDS
from bot.core.qforms import SAY, by_rules

_QUOTE = re.compile(rf"^(?:what|how) {AUX_RE} (.+?) (?:{SAY})\b")
_QUOTE_ALT = re.compile(r"^what (?:was|is|were|are) (.+?)(?:'s|s')? (?:quote|statement|comment|remark|post|message|"
                        r"words|view|views|opinion|take|position|stance|reaction|verdict|assessment|comments|"
                        r"remarks|response|answer|argument|point|line|quip|warning|complaint|criticism)\b")
_QUOTE_TERSE = re.compile(r"^(.+?)(?:'s|s')? (?:quote|quotes|statement|reaction|response|comments?|remarks?|"
                          r"take|words|verdict|view|warning)\b")
_SAID_WHAT = re.compile(rf"^(.+?) (?:{SAY}) what\b")  # "zelensky said what?"
# Who did it, asked by the doer's noun alone ("winner?", "buyer?").
_TERSE_DOERS = frozenset("winner winners loser losers buyer buyers seller sellers founder owner owners killer victim "
                         "victims culprit suspect suspects champion champions organiser organizer".split())
# Roles asked by their noun alone that name no person by their form ("polish pm?", "lead engineer?").
_TERSE_ROLES = frozenset("pm fm mp engineer engineers operator operators architect surgeon attorney".split())
_DESCRIBE = re.compile(rf"^how {AUX_RE} (.+?) (?:describe|describes|described|call|calls|called|characterize|"
                       rf"characterise|rate|rated|sum up|summarize|label|labelled|labeled|term|termed|see|view)\b")
_ROLE_OF = re.compile(r"^what (?:is|was|are|were) (.+?)(?:'s|s')? (?:role|job|title|position|post|office|"
                      r"party|affiliation|political affiliation|political party|occupation|profession|"
                      r"business|line of work)\b|^what (?:job|role|position|title|post|office) (?:does|did|do|will) "
                      r"(.+?) (?:have|hold|play|do|occupy)\b|^what (?:does|did|do) (.+?)(?<! to) do(?: for a living)?"
                      r"(?: before\b.*)?$|^what (?:party|political party) (?:is|was|does|did) (.+?)(?: belong to| in|"
                      r" represent| from)?$")
_WHO_IS = re.compile(r"^(?:who is|who's|who are|who was|who were|whos|who s) (.+)$")
# "who chairs the board?" asks who holds a standing role, as "who is the chair of the board?" does.
_ROLE_VERBS = {"chairs": "chair", "heads": "head", "leads": "leader", "runs": "head", "owns": "owner",
               "manages": "manager", "directs": "director", "governs": "governor", "commands": "commander",
               "founded": "founder", "speaks for": "spokesperson", "spoke for": "spokesperson"}
ROLE_VERB = re.compile(rf"^who (?:now |currently )?({'|'.join(_ROLE_VERBS)}) (the .+|[a-z][\w'-]*)$")
_WHOSE = re.compile(r"\bwhose ((?:[a-z'-]+ )?[a-z'-]+?)"
                    r"(?= (?:did|does|do|was|were|is|are|has|have|had|will|would)\b|\?|$)")
# "who was fired", "who got picked": a passive asks for the one acted on, not for who someone is.
# Not an adjective of feeling or place ("who was worried", "who is based in ..."), nor a
# participle before "to", which names the one acting ("who is expected to lead ...").
_DONE_TO = re.compile(r"^(?:(?:also|later|then|first|eventually|just|actually) )?"
                      r"(?!(?:worried|concerned|interested|pleased|disappointed|surprised|excited|based|supposed|"
                      r"tired|married|related|involved|united|qualified|used|scared|annoyed)\b)"
                      r"([a-z]{2,}ed|chosen|picked|given|taken|hit|hurt|sent|paid|sold|beaten|caught|held|struck|"
                      r"shot|stolen|sworn|told|found|kept|bitten|thrown|known|seen|brought|left|named)\b(?! to\b)")
# "the spokesman for the agency": a title held for someone ("for" is otherwise a verb's: "who is it for?")
_ROLE_FOR = re.compile(r"^(?:the|a|an|their|its) (?:[a-z]+ ){0,2}?([a-z]+) for \w")
_ROLE_BEFORE = re.compile(r"^(?:the )?([a-z]+(?: [a-z]+)?) (?:before|after|prior to) \w")
_ABOUT = re.compile(r"^(?:tell me about|what about|info on|information about|details on|anything on) (.+)$")
_NAME_OF = re.compile(r"^(?:what|whats|what's) (?:is |was )?(?:the )?name (?:of|for) (.+)$|"
                      r"^what (?:is|was|are|were) (.+?) (?:called|named|known as)$|"
                      r"^(?:whats|what's|what s) (.+?) called$|"
                      r"^(?:what s |whats |what's |what is )?(?:the )?(.+?)(?:'s|s') name$|"
                      r"^(?:the )?([a-z]+(?: [a-z]+)?) name$")  # "volcano name?"
_VERBISH = re.compile(r"\b(?:going|gonna|to|about|with|for|from|into|behind|meeting|talking|speaking|leading|"
                      r"heading|running|calling|visiting|sending|planning|negotiating|representing|hosting|pushing|"
                      r"funding|paying|building|doing|saying|asking|attending|coming|taking|travell?ing|pushing|"
                      r"getting|giving|making|holding|chairing|replacing|blaming|criticizing|supporting|backing|"
                      r"opposing|paid|sent|meant|expected|supposed|asked|told|picked|chosen|named|appointed)\b")
_NOT_FOCUS = re.compile(r"^(?:\w+ed|came|come|comes|went|go|goes|got|get|gets|cost|costs|paid|pay|pays|is|was|are|"
                        r"were|did|does|do|will|would|has|have|had|can|could|it|they|he|she|of)$")

# Which curated answer slot each question type takes, most wanted first.
ANSWER_CHAIN: dict[QuestionType, tuple[QuestionType, ...]] = {
    "who": ("who", "which"),
    "who_is": ("who_is", "who"),
    "who_role": ("who_is", "who"),
    "when": ("when",),
    "where": ("where",),
    "how_many": ("how_many",),
    "what": ("what", "which", "quote"),
    "which": ("which", "what", "who"),
    "why": ("why",),
    "yes_no": ("yes_no",),
    "quote": ("quote", "what"),
}


# What follows the noun of "the name of the satellite that was lost": not the noun.
_RELATIVE = re.compile(r"\s+(?:that|which|who|whom|whose|being|was|were|is|are|did|does|do|will|would|has|have|had)"
                       r"\b.*$")


# "letters handled last year?": a time so qualified says when the thing asked about was, it is not asked
_TIME_QUALIFIERS = frozenset("last this next per a an each every same previous following".split())


# "bus routes diverted?", "letters handled last year?": a plural noun, then what was done to them
# (not what things do by themselves: "talks ended?" asks whether they did)
_COUNTED_DONE = re.compile(rf"^((?:[a-z'-]+ )?[a-z'-]{{3,}}[^s']s) (?!(?:ended|started|happened|finished|continued|"
                           rf"resumed|stalled|collapsed|failed|arrived|worked|succeeded|agreed|changed|improved|"
                           rf"stopped|began|went|came|fell|rose|grew)\b)(?:[a-z]+ed|{IRREGULAR})\b")


_SUPERLATIVE = re.compile(
    r"^(?:what|which)(?:s|'s| is| was| are| were)? the (?:biggest|largest|smallest|highest|lowest|oldest|newest|"
    r"youngest|longest|shortest|tallest|deepest|fastest|slowest|busiest|worst|best|greatest|strongest|heaviest|"
    r"richest|poorest|hottest|coldest|nearest|closest|earliest|latest|most \w+|least \w+) "
    r"((?:[a-z-]+ )?[a-z-]+)(?= (?:in|of|on|at|for|to|from|among|that|which|who|since|ever|by|so far)\b|$)")




_TALLY_WORDS = frozenset({"count", "counts", "number", "numbers", "tally", "total", "figures"})
# "at which summit ...?", "near which crossing ...?": the which-question after a preposition
_PREPOSED = re.compile(r"^(?:in|at|on|during|from|to|by|for|with|under|near|into|over|behind|beside|across|along|"
                       r"around|outside|inside) ((?:which|what) .+)$")


def classify(normalized: str) -> Parse:
    """The question type, the kind of answer wanted and, for who-is and what-did-X-say, the subject."""
    return classify_core(core_text(normalized))


def classify_core(text: str) -> Parse:
    """``classify`` of a question already without its chat lead-in (``core_text``); a leading
    "according to X" or "in X's view" frames the question, which is what follows it."""
    framed = _FRAME.match(text) or _BELIEF_FRAME.match(text)
    if framed and framed.end() < len(text):
        text = text[framed.end():]
    if (topic := _TOPIC_WHO.match(text)) and _is_role(topic.group(1).rsplit(" ", 1)[-1]):
        text = f"who is {topic.group(1)}"  # "the turkish president - who?": who that is
    held = _WHO_DOES_X_THINK.match(text)  # "who does vindman think wrote it?": who wrote it, in his view
    if held:
        text = f"who {held.group(2)}"
    trailing = _TRAILING_FRAME.search(text)  # "... in october, according to the statistics office?"
    if trailing and len(text[:trailing.start()].split()) >= 3:
        text = text[:trailing.start()]
    parse = _classify(text)
    verb = _VERB.match(text)
    if verb and parse.want in ("agent", "speaker") and not parse.verb:
        return Parse(parse.qtype, parse.want, parse.focus, parse.subject_text, parse.kind_of, verb.group(1))
    return parse


_WHAT_WAS_SUM = re.compile(rf"^what(?:'s| s| is| was| are| were| will be)? (?:the |its |their |his |her )?"
                           rf"(?:[\w'-]+ ){{0,2}}?({'|'.join(sorted(AMOUNT_NOUNS))})s? "
                           rf"(?:when|while|after|before|since|if|once)\b")
_FRAME = re.compile(rf"^(?:according to|per|in) (?:(?!which|what|whose|who|when|where|why|how)[\w'-]+ ){{1,5}}?"
                    rf"(?:s )?(?:view |opinion |words |account |telling )?"
                    rf"(?=(?:who|what|when|where|why|how|which|whose|{AUX_RE})\b)")
_TOPIC_WHO = re.compile(r"^((?:the |a |an )?(?:[\w'-]+ ){1,4}?[\w'-]+) who(?: exactly)?$")
# "vindman thinks who wrote it?": who wrote it, in Vindman's view (his name stays among the terms)
_BELIEF_FRAME = re.compile(r"^((?:[\w'-]+ ){1,5}?)(?:thinks?|believes?|says|said|claims?|reckons?|suspects?) "
                           r"(?=who\b)")
# (not "who did Erdogan say he would call?": there the one called is asked)
_WHO_DOES_X_THINK = re.compile(rf"^who (?:does|did|do) ((?:[\w'-]+ ){{1,5}}?)(?:think|believe|say|claim|reckon|"
                               rf"suspect) "
                               rf"(?:that )?(?!(?:{AUX_RE}|he|she|they|it|we|i|you|the|a|an|his|her|their)\b)"
                               rf"([a-z]+ .+)$")


def believer(text: str) -> str:
    """Whose view a who-question asks in ("the democratic congressman thinks who drafted it?"): no
    answer to it."""
    held = _BELIEF_FRAME.match(text) or _WHO_DOES_X_THINK.match(text)
    return held.group(1).strip() if held else ""


def believed(text: str) -> bool:
    """Whether the question asks who did something in someone's view ("who did Pompeo say drafted it?"):
    the name after the auxiliary is whose view, not whom it was done to."""
    return bool(_WHO_DOES_X_THINK.match(text))


_TRAILING_FRAME = re.compile(r" (?:according to|in (?:[\w'-]+ ){1,3}?(?:view|opinion|words)$)(?: [\w'-]+){0,6}$")
# "who led ...", "which company built ...": the word after the wh-phrase is the verb.
_VERB = re.compile(rf"^who(?: (?:also|actually|really|first|then|just))? "
                   rf"(?!{AUX_RE}\b|the\b|a\b|an\b|of\b|in\b)([a-z]+)\b")


def _is_role(word: str) -> bool:
    """Whether a noun names someone by what they are: "congressman", "president", "pm", "engineer"."""
    return bool(PERSON_WORD.match(word)) or word.capitalize() in TITLE_WORDS or word in _TERSE_ROLES


def _classify(text: str) -> Parse:
    if m := _DESCRIBE.match(text):
        return Parse("quote", "manner", subject_text=m.group(1))
    if m := _ROLE_OF.match(text):
        party = "party" if re.search(r"\b(?:party|affiliation)\b", text) else ""
        return Parse("who_is", "description", party, subject_text=next(g for g in m.groups() if g))
    if m := (_QUOTE.match(text) or _QUOTE_ALT.match(text) or _SAID_WHAT.match(text)):
        return Parse("quote", "quote", subject_text=m.group(1))
    if m := _NAME_OF.match(text):
        named = next(g for g in m.groups() if g)
        return Parse("who_is", "name", head(_RELATIVE.sub("", named)), named)
    if m := _WHOSE.search(text):
        # "whose perspectives did the plan include?": the phrase of that noun ("Russian perspectives",
        # "the idea of volunteers"), which says whose
        return Parse("who", "focus", head(m.group(1)))
    if m := ROLE_VERB.match(text):
        return Parse("who_is", "description", subject_text=f"the {_ROLE_VERBS[m.group(1)]} of {m.group(2)}")
    if m := _WHO_IS.match(text):
        rest = m.group(1)
        if done := _DONE_TO.match(rest):  # "who was fired?", "who got hurt?": the one it was done to
            return Parse("who", "patient", verb=done.group(1))
        if (role := _ROLE_FOR.match(rest)) and (role.group(1).capitalize() in TITLE_WORDS or
                                                 re.fullmatch(PERSON_NOUNS, role.group(1))):
            return Parse("who_is", "description", subject_text=rest)  # "who is the spokesman for the agency?"
        if before := _ROLE_BEFORE.match(rest):  # "who was mayor before Denise Okafor?": a holder of the role
            return Parse("who_is", "description", subject_text=f"the {before.group(1)}")
        if not _VERBISH.search(rest) and not re.match(r"[a-z]{2,}ing \w", rest) and len(rest.split()) <= 7:
            return Parse("who_is", "description", subject_text=rest)  # (not "who is buying quillfort?")
        return Parse("who", "agent")
    if m := _ABOUT.match(text):
        return Parse("who_is", "description", subject_text=m.group(1))
    if (m := _SUPERLATIVE.match(text)) and (noun := which_noun(m.group(1).split())):
        return noun  # "what's the biggest village in the zone?": which village
    found = by_rules(text, anchored=True)
    if found is not None and not found.focus and re.match(r"^(?:which|what) \w", text):
        noun = which(text)  # "which river flooded ...": the river; "which union official": the official
        if noun is not None and noun.focus:
            found = Parse(found.qtype, found.want, noun.focus, found.subject_text, noun.kind_of, noun.verb)
    if found is not None and found.want in ("count", "amount"):
        # The noun counted ends at the verb: "how many passengers got hit on day one" counts passengers,
        # "how many operators work at Ashcombe?" operators (a plural before a present verb).
        m = re.match(rf"^how (?:many|much) ((?:[\w'-]+ ){{0,3}}?)(?:(?:{AUX_RE})\b|$)", text) or \
            re.match(r"^how many ((?:[\w'-]+ ){0,2}(?:[\w'-]{2,}s|people|children|men|women)) (?!of\b)[a-z]", text) or \
            re.match(rf"^how (?:many|much) ((?:[\w'-]+ ){{1,3}}?)(?:{IRREGULAR}|\w+ed)\b", text) or \
            re.match(r"^how (?:many|much) ((?:[\w'-]+ ){0,2}?[\w'-]+)(?= (?:at|in|on|for|from|to|by|during|per)\b)",
                     text) or re.match(r"^how (?:many|much) ([\w'-]+)", text)
        if m and m.group(1).strip() and not _NOT_FOCUS.match(first := m.group(1).split()[0]) and \
                not ADVERB.fullmatch(first):  # "how many seriously hurt": an adverb counts nothing
            found = Parse(found.qtype, found.want, head(m.group(1)))
    if found is None and re.match(r"^(?:which|what|whose)\b", text):
        found = which(text)
    if found is None and (m := _PREPOSED.match(text)):
        found = which(m.group(1))  # "at which summit did Erdogan raise it?": which summit
    if found is not None:
        return found
    if (text.split(" ", 1)[0] if text else "") in AUX or re.match(r"(?:any|anyone|anybody|anything)\b", text):
        return Parse("yes_no", "clause")  # "did anyone die?", and as chat asks it, "anyone hurt?"
    if m := _QUOTE_TERSE.match(text):  # "pompeo quote after geneva?"
        return Parse("quote", "quote", subject_text=m.group(1))
    if m := _WHAT_WAS_SUM.match(text):
        # "what was the minimum wage when it was introduced?": the sum, at the time the clause says
        return Parse("how_many", "amount", m.group(1))
    # "the deadline was set by whom", "erdogan putin call when"
    found = by_rules(text, anchored=False)
    if found is not None and found.want == "count" and not found.focus and \
            (m := re.search(r"\bhow many ([\w'-]+s|people|children|men|women)\b", text)):
        found = Parse(found.qtype, found.want, head(m.group(1)))  # "scientists from how many countries?"
    words = text.split()
    if found is None and (amount := next((w for i, w in enumerate(words) if w in AMOUNT_NOUNS and (
            i + 1 == len(words) or words[i + 1] not in AMOUNT_NOUNS)), None)):  # "share price": the price
        return Parse("how_many", "amount", amount)  # "troop cap in the european text?"
    if found is None and not re.match(r"(?:what|which|who|how|why|where|when)\b", text) and \
            (time := next((w for i, w in enumerate(words) if w in TERSE_TIMES and
                           (i == 0 or words[i - 1] not in _TIME_QUALIFIERS) and
                           (i + 1 == len(words) or words[i + 1] != "of")), None)):  # not "hours of teaching"
        return Parse("when", "year" if time.startswith("year") else "date", time)  # "deadline?", "grain deal year?"
    terse = found is None and len(words) <= 4 and not re.match(r"(?:what|which|who|how|why|where|when)\b", text)
    if terse and (counted := _COUNTED_DONE.match(text)):
        return Parse("how_many", "count", head(counted.group(1)))  # "bus routes diverted?": how many were
    if terse and len(words) >= 2 and words[-1] in _TALLY_WORDS and (counted_noun := head(" ".join(words[:-1]))):
        return Parse("how_many", "count", counted_noun)  # "2014 case count?", "passenger numbers?": how many
    if terse and words[-1] in _TERSE_DOERS:
        return Parse("who", "agent", verb=words[-1])  # "winner?": who won
    holder = words[-3] if len(words) >= 3 and words[-2] == "of" else words[-1]  # "secretary of state?"
    if terse and _is_role(holder):
        return Parse("who_is", "description", subject_text=text)  # "lead scientist?", "polish pm?": who that is
    if terse and words[-1] in PLACE_NOUNS:
        return Parse("where", "place", words[-1])  # "venue?"
    return found or Parse("what", "thing")
