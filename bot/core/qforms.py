"""The question forms read by pattern: each rule a regular expression of the question's wording
and the (qtype, want) it gives (see ``qtypes`` for what those mean), tried in order."""
from __future__ import annotations

import re

from bot.core.focus import AUX_RE, Parse
from bot.core.kinds import PERSON_NOUNS

SAY = (r"(?:say|said|says|write|wrote|written|tell|told|post|posted|state|stated|remark|remarked|claim|claimed|"
       r"think|believe|mean|tweet|tweeted|comment|declare|announce|argue|warn|express|add|added|reply|respond|"
       r"answer|suggest|insist|complain|promise|predict|call|ask|note|stress|admit|vow|quote)")
SAY_WORDS = frozenset(SAY[3:-1].split("|"))  # the verbs of saying, as words


_RULES: list[tuple[str, str, str]] = [  # (pattern, qtype, want)
    (r"^how (?:many|much) (?:time|years|days|hours|weeks|months)\b", "when", "duration"),
    (r"^how many\b", "how_many", "count"),
    # "how fast did he reply?": how soon, a duration; "how fast was it going?" a speed
    (r"^how fast (?:did|do|does|will|would|can|could)\b", "when", "duration"),
    # "how fast was the train going?": a speed; "how strong?": a rating; "how hot?": a temperature
    (r"^how (?:much|big|large|high|low|far|expensive|costly|tall|wide|deep|heavy|old|severe|fast|strong|"
     r"powerful|hot|cold|warm)\b", "how_many", "amount"),
    (r"^how (?:quickly|soon|long|early|late|often)\b", "when", "duration"),
    (r"^(?:what|which|in what|in which) years?\b", "when", "year"),
    (r"^(?:when|what (?:time|date|day|weekday|month)|which (?:day|date|weekday|month)|by when|until when|"
     r"till when|since when|on what (?:day|date)|on which (?:day|date|weekday)|as of when|from when)\b", "when",
     "date"),
    # "what's the new deadline?", "what is trump's deadline now?": a deadline is a date.
    (r"^what(?:'s| s|s| is| was| are| were)? (?:the |\w+'s |\w+s' |his |her |their |its )?(?:\w+ )?deadlines?\b",
     "when", "date"),
    (r"^(?:which|what) (?:countries|country|nations|nation|states)\b(?! (?:is|was|are|were|did|does|do|will)\b.* "
     r"(?:in|at|from|to)$)", "which", "place"),  # "which countries drew up the plan": who, as a place
    (r"^(?:where|(?:in|at|to|from) (?:which|what) (?:city|country|place|town|venue|location|state|region)\b|"
     r"(?:which|what) (?:city|country|place|town|venue|location|state|region|street|river|countries)\b)", "where",
     "place"),
    (r"^(?:why|for what reason|what for|how come|what (?:caused|causes|led to|prompted|triggered|explains|drove)|"
     r"what (?:is|was|were|are) the (?:reason|cause|reasons|causes|motive|rationale|purpose))\b", "why", "reason"),
    (r"^(?:who|whom|whose|by whom)\b", "who", "agent"),
    (rf"^(?:which|what) (?:\w+ )?{PERSON_NOUNS}\b", "who", "agent"),
    (r"^what (?:did|does|do|was|were|is|are|has|have)\b.* for$", "why", "reason"),
    # "how did the board vote (on it)?": its tally, "9-2", not the means of voting
    (rf"^how {AUX_RE} (?:[\w'-]+ ){{1,4}}vote(?: on\b.*| in favou?r\b.*)?$", "what", "thing"),
    # "how did the shares react?", "how did the stock close?": what they did ("rose 6.4 percent")
    (rf"^how {AUX_RE} (?:[\w'-]+ ){{0,3}}(?:shares?|stocks?|markets?|index|currency|bonds?) (?:react|close|do|fare|"
     rf"perform|move|trade|respond)\b", "what", "thing"),
    # "how did the vote go?", "how did the trial end?": how it turned out, not by what means
    (rf"^how {AUX_RE} (?:[\w'-]+ ){{1,4}}(?:go|turn out|end up|end|finish|pan out|work out)$", "what", "thing"),
    (rf"^how {AUX_RE}\b", "what", "means"),  # "how would the rebuilding be paid for?"
    (r"^(?:which|what) (?:party|political party)\b", "who_is", "description"),
]

# Each rule anchored at the start, and anywhere for the questions that put it last ("... by whom").
_COMPILED = [(re.compile(p), re.compile(p.replace("^", r"\b")), qtype, want) for p, qtype, want in _RULES]
_WHO_SAID = re.compile(rf"^who (?:{SAY}|quoted)\b")


def by_rules(text: str, anchored: bool) -> Parse | None:
    """The first rule's reading of ``text``: its form at the start (``anchored``) or anywhere
    ("the deadline was set by whom")."""
    for start, anywhere, qtype, want in _COMPILED:
        if start.match(text) if anchored else anywhere.search(text):
            if qtype == "who" and _WHO_SAID.match(text):
                return Parse("who", "speaker")
            if qtype == "who" and re.match(r"^(?:who|whom) (?:did|does|do|will|would|can|could|should|has|have|"
                                           r"had|is|was|are|were) (?:the|a|an|his|her|their|its|he|she|they|it|"
                                           r"we|you|i|[a-z]+'s?)\b", text):
                return Parse("who", "patient")  # "who did the envoy / trump's envoy meet?": the one acted on
            return Parse(qtype, want)  # type: ignore[arg-type]
    return None
