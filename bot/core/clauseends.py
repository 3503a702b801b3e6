"""Where a clause ends, and the span from a point of a sentence to that end: the cut a finder
makes when its answer is the rest of a clause (at most so many words, never between a number and
its unit nor on "of" or "the")."""
from __future__ import annotations

import re
from functools import lru_cache

from bot.core.spans import Span

# Where a clause ends: punctuation (not the comma of "1,350", the point of "3.8" or "U.S."), or a word
# that starts another clause.
# (not the colon of "11:40", the points of "p.m." going on ("at 11:40 p.m. on Tuesday") nor that of
# a month before its day ("tabled on Nov. 12"))
_CLAUSE_END = re.compile(r",(?!\d{3})|[;!?—()]|(?<!\d):|:(?!\d\d)|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!Mrs)"
                         r"(?<!\b[ap])\.(?!\d)(?!(?<=[ap]\.m\.)\s+[a-z])"
                         r"(?!(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)\s+\d)(?!(?<=Sept\.)\s+\d)"
                         r"|\s(?:but|while|which|who|whom|whose|saying|calling|leaving|adding|although|though|"
                         r"because|when|where|after|before|since|until|unless|whereas)\s")


_NUMBER_WORD = re.compile(r"[$€£]?\d[\d,.]*")
_CUT_TAIL = frozenset("& a an the of to in on at by for with from and or but that which who as its their his her"
                      .split())


@lru_cache(maxsize=65536)
def clause_after(text: str, pos: int, max_words: int = 12) -> Span:
    """From ``pos`` to the end of its clause (a comma, a full stop, "and", ...), at most ``max_words``."""
    while pos < len(text) and text[pos] in " ,“\"‘":
        pos += 1
    m = _CLAUSE_END.search(text, pos + 1)
    if m and m.group(0).strip() in ("because", "when", "where", "after", "before", "since", "until") and \
            m.start() - pos < 4:
        m = _CLAUSE_END.search(text, m.end())
    end = m.start() if m else len(text)
    words = list(re.finditer(r"\S+", text[pos:end]))
    if len(words) > max_words:
        keep = max_words
        # A cut never separates a number from its unit ("6.2 | percent") nor ends on "of", "the"...
        if keep < len(words) and _NUMBER_WORD.fullmatch(words[keep - 1].group(0)):
            keep += 1
        limit = keep + 3  # nor a name ("Brauer & | Lind")
        while keep < min(len(words), limit) and words[keep].group(0)[0].isupper() and \
                (words[keep - 1].group(0) == "&" or words[keep - 1].group(0)[0].isupper()):
            keep += 1
        while keep > 1 and words[keep - 1].group(0).lower() in _CUT_TAIL:
            keep -= 1
        end = pos + words[keep - 1].end()
    return pos, end
