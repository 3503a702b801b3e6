"""What chat wraps around a question: lead-ins ("hey bot, do you know ..."), hedges ("what
exactly ..."), "in the story", "so far", and the "get" that only makes a passive. ``core_text``
takes them off before the question is typed (``qtypes``)."""
from __future__ import annotations

import re

_LEADS = re.compile(r"^(?:(?:so|ok|okay|hey|hi|hello|please|and|but|also|then|now|well|quick question|quick q|"
                    r"question|q|bot|talksbot|yo|um|uh|hmm|btw|sorry|guys|all|folks|team|lol|wait|oh|"
                    r"anyone(?= (?:who|what|whats|when|whens|where|wheres|why|how|which)\b)|"  # not "anyone hurt?"
                    r"just wondering|curious|random question|one more|another one|roughly|approximately|about|"
                    r"exactly|precisely|basically|actually|really|like)\s+)+")
_ASK = re.compile(r"^(?:can|could|would) (?:you|u|someone|anyone) (?:please )?(?:tell me|let me know|say|remind "
                  r"me|explain|check)\s+|^(?:do|does) (?:you|anyone|somebody|someone) (?:happen to )?know\s+|"
                  r"^i (?:want|would like|d like|wanna|need) to know\s+|^(?:tell me|remind me|explain)\s+|"
                  r"^i (?:was )?wonder(?:ing)?\s+|^any idea\s+|^(?:does )?anyone know\s+|^(?:do )?you know\s+")
_IN_THE_STORY = re.compile(r"\s+(?:(?:in|from|according to) (?:this|the) (?:story|article|piece|report|news)|here)$")
# "how much has burned so far?": until now, not a distance; no sentence needs to say it.
_TO_DATE = re.compile(r"\s+(?:so far|thus far|to date|as of (?:now|yet|today)|at the moment|at present|right now)\b")
# "did anyone get hurt?", "how strong did the gusts get?": "get" only makes the passive (read as
# "was") or follows an adjective; it receives nothing ("what did Ukraine get?" keeps it).
_LIGHT_GET = re.compile(r"\b(?:get|gets|got|gotten|getting)\s+(?=(?:[a-z]+ed|hurt|sick|ill|lost|paid|done|made|built|"
                        r"caught|hit|cut|struck|shut|stuck|sent|taken|told|seen|known|stolen|broken|burnt)\b)")
_LAST_GET = re.compile(r"^(how [a-z]{3,12} (?:did|does|do|will|would|could|can|has|have|had) .+?)"
                       r"\s+(?:get|got|gotten)(?=$| (?:at|on|in|by|during|after|before|over)\b)")
# "how many fans where at the game": "were", as typed in a hurry
_WHERE_WERE = re.compile(r"^(how (?:many|much) (?:[\w'-]+ ){1,3}?)where\b")
# An adverb after the wh-word is not what is asked about: "what exactly did the inspection find?"
_HEDGE = re.compile(r"^(what|who|where|when|which|why|how(?: many| much)?)\s+(?:exactly|precisely|actually|"
                    r"specifically|really|again)\s+")


def core_text(normalized: str) -> str:
    """The question without its chat lead-in ("hey bot, do you know ...")."""
    text = normalized
    for _ in range(2):
        text = _ASK.sub("", _LEADS.sub("", text))
    text = _TO_DATE.sub("", _IN_THE_STORY.sub("", _HEDGE.sub(r"\1 ", text)))
    return _LAST_GET.sub(r"\1", _LIGHT_GET.sub("was ", _WHERE_WERE.sub(r"\1were", text)))
