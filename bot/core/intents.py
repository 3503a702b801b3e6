"""Messages that are not questions about the story: help, topics, greetings, empty input."""
from __future__ import annotations

import enum
import re

from bot.core.factbase import FactBase
from bot.core.proper import without_dateline
from bot.core.text import clean, normalize


class Intent(enum.Enum):
    QUESTION = "question"
    HELP = "help"
    TOPICS = "topics"
    GREETING = "greeting"
    THANKS = "thanks"
    ACK = "ack"
    SUMMARY = "summary"
    EMPTY = "empty"
    NO_WORDS = "no_words"
    DECLINE = "declined"


_HELP = re.compile(r"^(?:help|usage|commands|what can you do|how do you work|how does this work|what are you|"
                   r"who are you|how do i use (?:you|this))$")
_TOPICS = re.compile(r"^(?:topics|topic|what can i ask(?: you)?(?: about)?|what do you know(?: about)?|"
                     r"what topics(?: do you know| can you answer)?|sources|list topics)$")
_GREETING = re.compile(r"^(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening)|greetings|"
                       r"hi there|hello there|hey there|sup|what's up|test|testing|test test|ping|"
                       r"(?:are )?(?:you|anyone|anybody) (?:there|here|around))(?: bot| talksbot)?$")
_THANKS = re.compile(r"^(?:(?:ok|okay|great|cool|perfect|awesome|nice) )?(?:thanks|thank you|thx|ty|cheers|great|"
                     r"thanks a lot|many thanks)(?: bot| talksbot)?$")
# A chat reply that acknowledges the last answer ("ok", "got it", "lol ok") asks nothing: the words
# a fact's phrasing may hold ("kyiv ok with the deal?", "is the deal good for ukraine") must not
# make it a question. ("fine?" asks about a penalty: not here.)
_ACK = re.compile(r"^(?:(?:lol|haha|ah|oh|hmm|ok|okay|k|kk|cool|nice|good|great|perfect|awesome|sure|alright|"
                  r"right|yes|yeah|yep|no|nope|noted|understood|interesting|wow|got it|makes sense|i see|fair enough|"
                  r"sounds good|all good|nvm|never mind|no thanks|yes please|sure thing|my bad|sorry)\b ?)+"
                  r"(?:bot|talksbot)?$")

# A request for the gist rather than one fact: the newest articles' opening sentences answer it.
_SUMMARY = re.compile(r"^(?:(?:can you |could you |pls |please )?(?:summari[sz]e|sum up|recap)(?: it| this| the "
                      r"(?:story|news|articles?|talks))?|tl ?;? ?dr|tldr|give me (?:a |the )?(?:summary|recap|gist|"
                      r"rundown)|(?:a |the )?(?:summary|recap|gist|rundown)|what happened|what(?:'s|s| is| s) "
                      r"(?:(?:the )?(?:latest|news|story|gist)|new|(?:this|it) (?:all )?about)|catch me up|"
                      r"(?:any )?news|latest)(?: please| pls)?$")
SUMMARY_ARTICLES = 3  # how many of the newest articles a summary opens with
SUMMARY_WORDS = 40  # and at most so many words of each one's opening sentence


def detect_intent(text: str) -> Intent:
    """Classify a message before any fact matching."""
    if not text or not text.strip():
        return Intent.EMPTY
    norm = normalize(text)
    if not norm:
        return Intent.EMPTY if not clean(text) else Intent.NO_WORDS
    for pattern, intent in ((_HELP, Intent.HELP), (_TOPICS, Intent.TOPICS), (_GREETING, Intent.GREETING),
                            (_THANKS, Intent.THANKS), (_ACK, Intent.ACK), (_SUMMARY, Intent.SUMMARY)):
        if pattern.match(norm):
            return intent
    return Intent.QUESTION


EXAMPLES = ["Who set the deadline?", "Where did the US and Ukraine meet?", "What did Vindman say about the plan?"]


def intent_reply(intent: Intent, base: FactBase) -> tuple[str, list[str]]:
    """The reply text and example questions for a non-question message."""
    topics = base.topics
    topic_text = "; ".join(topics) if topics else "the articles in my fact base"
    n_articles = len(base.articles)
    if intent is Intent.HELP:
        return (f"I answer questions about the US–Ukraine peace talks from {n_articles} sourced "
                f"article{'s' if n_articles != 1 else ''}: a short answer, one sentence of context and the "
                f"paragraph it comes from. Ask me things like “Who set the deadline?”. Topics: {topic_text}.",
                EXAMPLES)
    if intent is Intent.TOPICS:
        return f"You can ask me about: {topic_text}.", EXAMPLES
    if intent is Intent.GREETING:
        return "Hello! Ask me anything about the US–Ukraine peace talks, for example “Who set the deadline?”", \
            EXAMPLES
    if intent is Intent.THANKS:
        return "You're welcome! Ask me anything else about the peace talks.", []
    if intent is Intent.SUMMARY:
        return summary(base), EXAMPLES
    if intent is Intent.ACK:
        return "Got it. Ask me anything else about the peace talks, for example “Who set the deadline?”", EXAMPLES
    if intent is Intent.EMPTY:
        return "Your message was empty. Ask me a question about the US–Ukraine peace talks, for example " \
               "“Who set the deadline?”", EXAMPLES
    if intent is Intent.NO_WORDS:
        return "I couldn't find any words in that message. Ask me a question about the US–Ukraine peace talks, " \
               "for example “Who set the deadline?”", EXAMPLES
    return (f"I don't know that from the articles I have, and I'd rather not guess. I can answer questions "
            f"about: {topic_text}.", EXAMPLES)


_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s+[A-Z“\"]|$)")


def summary(base: FactBase) -> str:
    """The gist: each of the newest articles' title and opening sentence (its dateline aside)."""
    newest = sorted(base.articles.values(), key=lambda a: (a.meta.date, a.meta.id), reverse=True)[:SUMMARY_ARTICLES]
    if not newest:
        return "I have no articles loaded yet."
    lines = []
    for article in newest:
        opening = without_dateline(article.paragraphs[0].strip()) if article.paragraphs else ""
        sentence = _FIRST_SENTENCE.match(opening)
        words = (sentence.group(0) if sentence else opening).split()
        gist = " ".join(words[:SUMMARY_WORDS]) + ("…" if len(words) > SUMMARY_WORDS else "")
        lines.append(f"{article.meta.title} ({article.meta.date:%B %-d}): {gist}")
    more = len(base.articles) - len(newest)
    tail = f" (and {more} more article{'s' if more != 1 else ''})" if more > 0 else ""
    return "In short" + tail + ":\n" + "\n".join(f"• {line}" for line in lines) + \
        "\nAsk me about any of it, for example “Who set the deadline?”"
