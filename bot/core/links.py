"""Where an answer's source can be read: a source page, the original article, or neither."""
from __future__ import annotations

from urllib.parse import quote

from bot.core.factbase import Article

_FRAGMENT_WORDS = 8


def text_fragment(evidence: str) -> str:
    """A URL text fragment (``#:~:text=start,end``) that highlights the evidence in a browser."""
    words = evidence.split()
    if len(words) <= 2 * _FRAGMENT_WORDS:
        return ":~:text=" + quote(evidence, safe="")
    start = " ".join(words[:_FRAGMENT_WORDS])
    end = " ".join(words[-_FRAGMENT_WORDS:])
    return f":~:text={quote(start, safe='')},{quote(end, safe='')}"


def source_url(article: Article, paragraph: int, evidence: str, public_base_url: str | None) -> str | None:
    """The link to the cited paragraph.

    Our own source page wins when a public base URL is configured, because it highlights the
    exact paragraph and works for every article; otherwise the original article with a text
    fragment of the evidence; otherwise no link (the reply then names the source).
    """
    if public_base_url:
        return f"{public_base_url.rstrip('/')}/articles/{quote(article.id)}#p{paragraph}"
    if article.meta.url:
        return f"{article.meta.url.split('#', 1)[0]}#{text_fragment(evidence)}"
    return None
