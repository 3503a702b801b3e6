"""Typo correction: a word the base does not know becomes the closest word it does, when one
is close enough (see ``correct_typos``)."""
from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.factbase import FactBase
from bot.core.text import STOPWORDS, english_words, stem


def correct_typos(words: list[str], base: FactBase) -> list[str]:
    """Replace words the base does not know by the closest known word, when one is close.

    A word the base knows in some form ("country" for "countries") is not a typo, nor is an
    English word it does not use ("donors" is not "doors"). Typos rarely change a word's first
    letter: the closest known word with the same one, at most one edit away (a swap of two
    letters counts one) for words of five or six letters, two for longer ones; shorter words are
    left as they are.
    """
    vocabulary = base.lexicon.words
    english = english_words()
    out = []
    for w in words:
        if w in english and w not in vocabulary and (title := _TITLE_TYPOS.get(w)) and title in vocabulary:
            out.append(title)  # "the health minster": an English word, but one letter off a title the base uses
            continue
        if w not in vocabulary and len(w) >= 4 and (nation := _demonym(w, vocabulary)):
            out.append(nation)  # "what is Georgia paying him": the article says "the Georgian federation"
            continue
        if (w in vocabulary or w in STOPWORDS or len(w) < 4 or not w.isalpha() or w in english
                or (base.lexicon.terms(w) and all(t in base.idf for t in base.lexicon.terms(w)))):
            out.append(w)
            continue
        if len(w) < 5:  # "buks" is as likely letters typed at random as a typo of "buys"
            out.append(w)
            continue
        slack = 1 + (len(w) > 7)
        candidates = [v for v in base.lexicon.by_initial.get(w[:1], ()) if abs(len(v) - len(w)) <= slack]
        close = process.extract(w, candidates, scorer=OSA.distance, score_cutoff=1 if len(w) <= 6 else 2, limit=8)
        if not close:
            out.append(w)
            continue
        fewest = min(d for _, d, _ in close)
        # Of equally close words, one of the same length ("speek": speak, not seek), then the commonest.
        best = min((c for c, d, _ in close if d == fewest),
                   key=lambda c: (len(c) != len(w), base.weight(stem(c)), c))
        out.append(best)
    return out


def _demonym(word: str, vocabulary: frozenset[str] | set[str]) -> str | None:
    """The country or its people's adjective the base uses for the other: Georgia/Georgian,
    Ukraine/Ukrainian, Canada/Canadian, Italy/Italian, Kenya/Kenyan."""
    if word.endswith("n"):
        forms = [word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-3] + "a", word[:-3] + "y"] \
            if word.endswith("ian") else [word[:-1], word[:-2]] if word.endswith("an") else []
    else:
        forms = [word + "n", word + "an", word + "ian", word[:-1] + "ian"]
    return next((f for f in forms if len(f) >= 4 and f in vocabulary), None)


# English words that are, in a question to a news bot, nearly always a title with a letter left out
# ("the health minster"): corrected only when the base uses the title.
_TITLE_TYPOS = {"minster": "minister", "manger": "manager", "prosector": "prosecutor", "sherif": "sheriff"}
