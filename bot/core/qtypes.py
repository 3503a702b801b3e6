"""Question types: what kind of short answer a question wants, from its wording alone."""
from __future__ import annotations

import re

from bot.core.models import QuestionType

_AUX = {"is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "has", "have", "had",
        "should", "shall", "may", "might", "must", "isn't", "wasn't", "didn't", "doesn't", "won't", "aren't"}
_SAY = (r"(?:say|said|says|write|wrote|written|tell|told|post|posted|state|stated|remark|remarked|claim|"
        r"claimed|think|believe|mean|tweet|tweeted|comment|declare|announce|argue|warn|express)")
_QUOTE = re.compile(rf"^(?:what|how) (?:did|does|do|has|had|have|was|is) (.+?) (?:{_SAY})\b")
_QUOTE_ALT = re.compile(r"^what (?:was|is|were) (.+?)'s? (?:quote|statement|comment|remark|post|message|words|"
                        r"view|views|opinion|take|position|stance|reaction|verdict|assessment|comments|remarks|"
                        r"description|response|answer|message)\b")
_PERSON = (r"(?:president|presidents|person|people|official|officials|leader|leaders|senator|senators|"
           r"congressman|lawmaker|lawmakers|minister|politician|politicians|diplomat|secretary|man|woman)")
_LEADS = re.compile(r"^(?:(?:so|ok|okay|hey|hi|hello|please|and|but|also|then|now|well|quick question|question|"
                    r"bot|talksbot)\s+)+")
_ASK = re.compile(r"^(?:can|could|would) you (?:please )?(?:tell me|let me know|say)\s+|^(?:do|does) "
                  r"(?:you|anyone) know\s+|^i (?:want|would like|d like) to know\s+|^tell me\s+")

# Which short answer each question type takes, most wanted first.
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


def core_text(normalized: str) -> str:
    """The question without its chat lead-in ("hey bot, do you know ...")."""
    return _ASK.sub("", _LEADS.sub("", normalized))


def classify(normalized: str) -> tuple[QuestionType, str]:
    """The question type and, for who-is and what-did-X-say, the words naming the subject."""
    text = core_text(normalized)
    m = _QUOTE.match(text) or _QUOTE_ALT.match(text)
    if m:
        return "quote", m.group(1)
    m = re.match(r"^(?:who is|who's|who are|who was|who were|whos) (.+)$", text)
    if m:
        return "who_is", m.group(1)
    m = re.match(r"^(?:tell me about|what about|info on|information about|who s) (.+)$", text)
    if m:
        return "who_is", m.group(1)
    first = text.split(" ", 1)[0] if text else ""
    rules: list[tuple[str, QuestionType]] = [
        (r"^how (?:many|much)\b", "how_many"),
        (r"^how (?:quickly|fast|soon|long|early|late)\b", "when"),
        (r"^(?:when|what (?:time|date|day)|which (?:day|date)|by when|until when|since when)\b", "when"),
        (r"^(?:where|(?:in|at) (?:which|what)\b|(?:which|what) (?:city|country|place|town|venue|location)\b)", "where"),
        (r"^(?:why|for what reason|what for)\b", "why"),
        (r"^(?:who|whom|whose|by whom)\b", "who"),
        (rf"^(?:which|what) (?:\w+ )?{_PERSON}\b", "who"),
        (r"^what (?:did|does|do|was|were|is|are|has|have)\b.* for$", "why"),
        (r"^(?:which|what (?:countries|country|groups|weapons|agreement|deal))\b", "which"),
    ]
    for pattern, qtype in rules:
        if re.match(pattern, text):
            return qtype, ""
    if first in _AUX:
        return "yes_no", ""
    for pattern, qtype in rules:  # "the deadline was set by whom", "and when is it"
        if re.search(pattern.replace("^", r"\b"), text):
            return qtype, ""
    return "what", ""
