"""Text normalization shared by the loader and the question analysis.

Questions arrive from chat platforms with mention markup, smart quotes, control
characters and typos; fact phrasings are clean. Both go through the same
``normalize`` and ``content_terms`` so that they meet on the same ground.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from bot.core.synonyms import SOFT_WORDS

# Chat markup that names a user, channel or group: Slack <@U123>, <#C1|name>, <!here>,
# <!subteam^S1|@team>; Discord <@123>, <@!123>, <@&123>, <#123>; plain @everyone/@here.
_MARKUP = re.compile(r"<[@#!][^>\s]{0,80}>|@(?:everyone|here|channel)\b", re.IGNORECASE)
_LINK = re.compile(r"<(https?://[^>|\s]+)(?:\|([^>]*))?>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width: inside words
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"',
                         "–": "-", "—": " ", "…": " "})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto about over under after before
is are was were be been being am do does did doing done has have had having will would shall should
can could may might must it its it's this that these those there here then than so such very just
i me my we us our you your he him his she her they them their what which who whom whose when where
why how whats who's what's where's when's how's hows whos please tell know let lets any some
up out also too not no yes yet s t d ll re ve m according say says said saying think thinks many much
one ones thing things going go bot talksbot kind sort
actually exactly really basically literally supposedly supposed anyone anybody someone somebody anything something
besides lol lmao
don't didn't doesn't isn't wasn't weren't aren't can't won't wouldn't couldn't shouldn't hasn't haven't hadn't
i'm i've you're they're we're that's there's here's
""".split())
# "us" is both a pronoun and the country; questions about the country say "US" in caps,
# which is detected before lower-casing (see ``normalize``).
_US = re.compile(r"(?<![A-Za-z.])(?:U\.S\.(?:A\.)?|USA|US)(?![A-Za-z])")

# Frequent misspellings seen in chat; anything else is left to fuzzy correction.
_TYPOS = {"wat": "what", "wht": "what", "whn": "when", "wen": "when", "wher": "where", "whos": "who's",
          "whre": "where", "wehre": "where", "waht": "what", "whta": "what", "hwat": "what", "hwo": "who",
          "whcih": "which", "wich": "which", "whihc": "which", "wehn": "when", "hwen": "when", "hiw": "how",
          "hw": "how", "dont": "don't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't",
          "wasnt": "wasn't", "werent": "weren't", "arent": "aren't", "cant": "can't", "wouldnt": "wouldn't",
          "couldnt": "couldn't", "shouldnt": "shouldn't", "hasnt": "hasn't", "havent": "haven't",
          "hadnt": "hadn't", "youre": "you're", "theyre": "they're", "thats": "that's", "theres": "there's",
          "ur": "your", "u": "you", "r": "are", "pls": "please", "plz": "please", "abt": "about",
          "ppl": "people", "govt": "government", "govts": "governments", "dem": "democrat", "dems": "democrats",
          "gop": "republican", "prez": "president", "hrs": "hours", "mins": "minutes", "yrs": "years",
          "yr": "year", "hr": "hour", "bc": "because", "b4": "before", "tmrw": "tomorrow", "mtg": "meeting",
          "dept": "department", "appt": "appointment", "appts": "appointments", "mgmt": "management",
          "wk": "week", "wks": "weeks", "secs": "seconds", "intl": "international", "natl": "national",
          "approx": "about", "thru": "through", "lab": "laboratory", "labs": "laboratories", "exec": "executive",
          "execs": "executives", "uni": "university", "cops": "police officers", "cop": "police officer",
          "conf": "conference", "confs": "conferences", "temp": "temperature", "temps": "temperatures",
          "tix": "tickets", "w": "with", "wanna": "want", "gonna": "going", "gotta": "must", "cuz": "because",
          "coz": "because", "wh": "white house",
          # short typos, too short for the typo corrector to trust
          "teh": "the", "hte": "the", "adn": "and", "taht": "that", "wut": "what"}

_INFLECTIONS = frozenset({"ings", "ing", "edly", "ed"})
_SUFFIXES = (("ologists", "olog"), ("ologist", "olog"), ("ological", "olog"), ("ologies", "olog"), ("ology", "olog"),
             ("ational", "ate"), ("ations", "at"), ("ation", "at"), ("ators", "at"), ("ator", "at"),
             ("ions", ""), ("ion", ""), ("ization", "ize"),
             ("iveness", "ive"), ("fulness", "ful"),
             ("ousness", "ous"), ("ements", "e"), ("ement", "e"), ("ments", ""), ("ment", ""), ("ness", ""),
             ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ers", ""), ("er", ""), ("edly", ""),
             ("ed", ""), ("ly", ""), ("es", ""), ("s", ""))


def clean(text: str) -> str:
    """Strip chat markup, links, terminal escapes, control characters and Unicode look-alikes;
    keep the words ("dead\u200bline" is "deadline", a pasted link is not part of the question)."""
    text = _ANSI.sub("", unicodedata.normalize("NFKC", text))
    text = _INVISIBLE.sub("", text)
    text = _LINK.sub(lambda m: m.group(2) or " ", text)
    text = _URL.sub(" ", _MARKUP.sub(" ", text))
    text = _CONTROL.sub(" ", text).translate(_QUOTES)
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower-case and drop diacritics ("Erdoğan" -> "erdogan")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def english_words() -> frozenset[str]:
    """English words (pyspellchecker's frequency list, bundled with the package): a word in it
    that the fact base does not use is an unknown word, not a typo to correct."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)


@lru_cache(maxsize=16384)  # a question's text among them: at most about 16 MB of them
def normalize(text: str) -> str:
    """Cleaned, folded text with punctuation removed and common chat typos fixed."""
    text = _US.sub(" usa ", clean(text))
    words = _WORD.findall(fold(text).replace("-", " ").replace("%", " percent "))  # "what %", "87%"
    return " ".join(_TYPOS.get(w, w) for w in words)


# Irregular verb forms, met by their base form: "thrown out" and "throwing out" are one word.
_IRREGULAR = {f: base for base, forms in {
    "die": "died dies dying", "lie": "lied lies lying", "tie": "tied ties tying", "flee": "fled flees fleeing",
    "use": "used uses using",
    "throw": "threw thrown", "build": "built", "hold": "held", "lead": "led", "meet": "met", "pay": "paid",
    "say": "said", "tell": "told", "send": "sent", "win": "won", "lose": "lost", "bring": "brought",
    "buy": "bought", "begin": "began begun", "run": "ran", "see": "saw seen", "sell": "sold", "leave": "left",
    "strike": "struck", "speak": "spoke spoken", "choose": "chose chosen", "rise": "rose risen",
    "fall": "fell fallen", "grow": "grew grown", "know": "knew known", "find": "found", "think": "thought",
    "become": "became", "keep": "kept", "stand": "stood", "fly": "flew flown", "fight": "fought",
    "break": "broke broken", "mean": "meant", "seek": "sought", "teach": "taught", "wear": "wore worn",
    "write": "wrote written", "give": "gave given", "take": "took taken", "draw": "drew drawn",
    "drive": "drove driven", "eat": "ate eaten", "forget": "forgot forgotten", "freeze": "froze frozen",
    "hide": "hid hidden", "ride": "rode ridden", "shake": "shook shaken", "steal": "stole stolen",
    "swear": "swore sworn", "blow": "blew blown", "withdraw": "withdrew withdrawn",
    "tear": "tore torn", "wake": "woke woken", "feel": "felt", "deal": "dealt",
    "lend": "lent", "spend": "spent", "bend": "bent", "catch": "caught", "sink": "sank sunk",
    "come": "came", "go": "went gone", "do": "did done", "make": "made", "get": "got gotten", "have": "had",
    # Nouns in -sion / -mission whose verb the suffix rules cannot reach: "corroded" and "corrosion".
    "corrode": "corrosion", "decide": "decision decisions", "explode": "explosion explosions",
    "collide": "collision collisions", "divide": "division divisions", "invade": "invasion",
    "conclude": "conclusion", "include": "inclusion", "exclude": "exclusion", "erode": "erosion",
    "persuade": "persuasion", "intrude": "intrusion", "extend": "extension", "suspend": "suspension",
    "expand": "expansion", "permit": "permission", "admit": "admission", "submit": "submission",
    "omit": "omission", "emit": "emission emissions", "transmit": "transmission",
}.items() for f in forms.split()}
# "built", "held", "thrown": a past or participle without -ed (the -sion nouns above are none)
IRREGULAR_FORMS = frozenset(f for f in _IRREGULAR if not f.endswith(("ion", "ions")))
# The auxiliaries and modals that open a question or stand before a verb ("has asked", "will open")
AUXILIARY_VERBS = frozenset("is are was were do does did will would can could has have had should shall may might "
                            "must".split())
# Verbs whose past and participle are their bare form: "what was *hit*?", "which firms *cut* jobs?"
UNCHANGED_PASTS = frozenset("hit cut put set shut hurt cost let spread quit shed burst cast split upset".split())
# The bare forms of those verbs and of the irregular ones above ("lose", "make")
IRREGULAR_BASES = frozenset(_IRREGULAR[f] for f in IRREGULAR_FORMS) | UNCHANGED_PASTS


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to meet "negotiated"/"negotiations", not a linguist."""
    if word.endswith("'s"):
        word = word[:-2]
    if word in _IRREGULAR:
        word = _IRREGULAR[word]
    word = _MONTH_ABBREVIATIONS.get(word, word)
    if word in _KEEP_E or word[:-1] in _KEEP_E:
        return word.rstrip("s")  # "planes": plane
    if word in _WHOLE:
        return _WHOLE[word]  # "summer" is no -er of "sum", "letter" none of "let"
    if len(word) == 4 and word.endswith("s") and word[2] not in "su" and word not in _NOT_PLURAL:
        return word[:3]  # "jobs", "fees", "wins": a plural of three letters meets its singular
    if len(word) == 4 and word.endswith("e") and word[2] not in "eioy":
        return word[:3]  # "vote", "rate", "home" meet "votes", "rates", "homes" (whose -es goes)
    if len(word) <= 4 or word.isdigit():
        return word
    word = _british_to_american(word)
    if word.endswith(("ation", "ations")) and len(bare := word[:word.rindex("ation")]) >= 3 and \
            not word.startswith("organization"):  # an organization is a body, not the organizing of a race
        # The noun meets its verb: negotiation/negotiate, observation/observe, information/inform
        english = english_words()
        if bare + "ate" not in english and (bare + "e" in english or bare in english):
            return bare
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if repl == "y" else 3) and \
                _strippable(word, suffix):
            word = word[: len(word) - len(suffix)] + repl
            # "entered" meets "enter" and "enters": the -er the bare word loses goes here too
            if suffix in _INFLECTIONS and word.endswith("er") and len(word) >= 5:
                word = word[:-2]
            elif suffix in _ENDINGS and not repl:
                # "commissioned", "businesses", "unanimously" meet "commission", "business", "unanimous":
                # what the bare word loses goes too
                word = _strip_once(word)
            break
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "stopped", "putting", "getting": stop, put, get
    if word.endswith("e") and (len(word) > 4 or (len(word) == 4 and word[2] not in "eioy")):
        word = word[:-1]  # ("likely" leaves "like", which meets "like")
    return word


# Words whose final e tells them from another word: a plane is no plan.
_KEEP_E = frozenset({"plane"})
# Words whose -er is no suffix, with their forms.
_WHOLE = {f: base for base, forms in {"summer": "summer summers", "letter": "letter letters"}.items()
          for f in forms.split()}
# A month's wire abbreviation is the month ("delayed on Oct. 17" answers "in october"); not "jan"
# (a name), "mar" or "may" (words).
_MONTH_ABBREVIATIONS = {"feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
                        "sep": "september", "sept": "september", "oct": "october", "nov": "november",
                        "dec": "december"}


def _strippable(word: str, suffix: str) -> bool:
    """Whether ``suffix`` is a suffix of ``word`` at all: not the s of "address", "focus" or "crisis",
    nor the -ly of "family", "supply" or "early" (what is left is no word of four letters or more;
    "deeply" leaves "deep")."""
    if suffix == "s":
        return not word.endswith(("ss", "us", "is"))
    if suffix in ("ator", "ators"):  # "operator" meets "operates", but a senator is no senate
        return not word.startswith("senat")
    if suffix == "ly":
        bare = word[:-2]
        return len(bare) >= 4 and (bare in english_words() or bare + "e" in english_words())
    return True


# Endings after which the bare word's own suffix goes too.
_ENDINGS = frozenset({"ed", "ing", "ings", "edly", "es", "s", "ly", "er", "ers"})


def _strip_once(word: str) -> str:
    """The bare word's derivational suffix ("-ion", "-ment", "-ness"), not a second inflection."""
    for suffix, repl in _SUFFIXES:
        if suffix not in _ENDINGS and suffix not in ("ies", "ied") and word.endswith(suffix) and \
                len(word) - len(suffix) >= 3 and _strippable(word, suffix):
            return word[: len(word) - len(suffix)] + repl
    return word


# British and American spellings meet ("labour"/"labor", "centre"/"center", "organised"/"organized",
# "defence"/"defense", "cancelled"/"canceled"): a chat asker and a wire article often differ.
_BRITISH = ((re.compile(r"(?<=\w\w)our(?=s?$|ed$|ing$|able$|ably$|ite|ful|hood|less|ism)"), "or"),
            (re.compile(r"(?<=\w\w\w)tre(?=s?$|d$)"), "ter"),
            (re.compile(r"(?<=\w\w\w)is(?=e$|es$|ed$|ing$|ation|er$|ers$)"), "iz"),
            (re.compile(r"(?<=\w\wal)ys(?=e$|es$|ed$|ing$)"), "yz"),
            (re.compile(r"^(def|off|lic|pret)ence"), r"\1ense"),
            (re.compile(r"^(cancel|travel|label|model|fuel|signal|total|level|channel|counsel|marshal|equal|rival|"
                        r"tunnel|quarrel|dial|control|patrol|compel|expel|propel|repel|excel|annul|enrol)l"
                        r"(?=ed$|ing$|er$|ers$)"), r"\1"))  # ("controlled" is control's everywhere)


_NOT_PLURAL = frozenset("news this thus bias axis yes lens does goes was has his its ours hers iris gas bus plus "
                        "alas atlas".split())


def _british_to_american(word: str) -> str:
    for pattern, repl in _BRITISH:
        word = pattern.sub(repl, word)
    return word


def content_words(normalized: str) -> list[str]:
    """The words of a normalized text that carry meaning (no stopwords)."""
    return [w for w in normalized.split() if w not in STOPWORDS and not (len(w) == 1 and not w.isdigit())]


def content_terms(text: str, synonyms: dict[str, str] | None = None) -> list[str]:
    """Stemmed content words of ``text``, each mapped to its canonical synonym when one is known."""
    syn = synonyms or {}
    out = []
    for word in content_words(normalize(text)):
        term = syn.get(word)
        if term is None and word in SOFT_WORDS:
            # "finally" says little: a filler word a synonym group does not list keeps its own stem,
            # not that of "final", which a knowledge file folds onto "firm"
            out.append(stem(word))
            continue
        if term is None:  # only the stem is looked up again: a canonical word is not itself a variant
            term = stem(word)  # of another group ("final" -> "firm" must not go on to "company")
            term = syn.get(term, term)
        out.append(term)
    return out
