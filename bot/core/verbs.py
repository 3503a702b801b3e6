"""The verb a question asks about where its wording does not mark it: the last content word
after the auxiliary and the subject ("when did construction *start*?"), or the participle of a
yes/no question ("was anyone *hurt*?")."""
from __future__ import annotations

import re

from bot.core.factbase import FactBase
from bot.core.paraphrase import PARTICLES
from bot.core.proper import COUNTRIES, DEMONYMS
from bot.core.text import IRREGULAR_FORMS, UNCHANGED_PASTS, content_words

AUX_WORDS = frozenset("did does do will would was were is are has have had can could should".split())
_PREPOSITIONS = frozenset("in at on to from with for during after before about into over under near by".split())


def verb_after_subject(core: str, alias_terms: dict[str, frozenset[str]], base: FactBase) -> str:
    """"who did the envoy *meet* in the Kremlin?", "when did construction *start*?": after the
    auxiliary, the last content word before a trailing phrase or clause."""
    words = core.split()[2:]
    if core.startswith(("how many", "how much")):
        words = core.split()[3:]
        aux = [i for i, w in enumerate(words) if w in AUX_WORDS]
        words = words[aux[0] + 1:] if aux else []
    for i, w in enumerate(words):
        if w in _PREPOSITIONS or w in ("if", "whether", "that", "so", "because", "and", "or", "as"):
            words = words[:i]
            break
    if len(words) >= 2 and words[-1] in PARTICLES and base.lexicon.terms(phrasal := " ".join(words[-2:])):
        return phrasal  # "when did he step down as mayor?": "step down", resigning
    verbs = [w for w in content_words(" ".join(words)) if not set(base.lexicon.terms(w)) & set(alias_terms)
             and not _nation_word(w)]
    if core.split()[1] in _BE:  # "where is the stadium *located*?"; "where is the new stadium going to be?" has none
        verbs = [w for w in verbs if _PARTICIPLE.search(w) or w in IRREGULAR_FORMS or w in UNCHANGED_PASTS]
    return verbs[-1] if verbs else ""


def yes_no_participle(core: str, alias_terms: dict[str, frozenset[str]], base: FactBase) -> str:
    """"has the army been *approved* to help?", "was anyone *hurt*?", "is Voss *appealing*?": the
    participle after a yes/no question's subject (other auxiliaries leave the verb unmarked)."""
    words = core.split()
    if len(words) < 3 or words[0] not in ("has", "have", "had", *_BE):
        return ""
    return next((w for w in words[2:] if (_PARTICIPLE.search(w) or w in IRREGULAR_FORMS) and w not in AUX_WORDS
                 and w not in ("been", "being") and base.lexicon.terms(w) and
                 not set(base.lexicon.terms(w)) & set(alias_terms)), "")


def _nation_word(word: str) -> bool:
    """"thank the Americans for": a people or a country is no verb."""
    title = word.capitalize()
    return title in DEMONYMS or title.rstrip("s") in DEMONYMS or title in COUNTRIES


_BE = frozenset("is are was were".split())
_PARTICIPLE = re.compile(r"(?:ed|en|wn|ing)$")
