from __future__ import annotations

from bot.core.links import source_url, text_fragment


def test_text_fragment_short_and_long() -> None:
    assert text_fragment("met in Geneva") == ":~:text=met%20in%20Geneva"
    long = " ".join(f"w{i}" for i in range(30))
    start, end = "%20".join(f"w{i}" for i in range(8)), "%20".join(f"w{i}" for i in range(22, 30))
    assert text_fragment(long) == f":~:text={start},{end}"


def test_original_url_gets_a_text_fragment(base) -> None:  # type: ignore[no-untyped-def]
    article = base.articles["geneva-talks-2025-11-23"]
    with_url = type(article)(article.meta.model_copy(update={"url": "https://news.example/a#top"}),
                             article.paragraphs, article.knowledge_file)
    assert source_url(with_url, 1, "met in Geneva", None) == "https://news.example/a#:~:text=met%20in%20Geneva"
    assert source_url(with_url, 1, "x", "https://b.example") == "https://b.example/articles/geneva-talks-2025-11-23#p1"
    assert source_url(article, 1, "x", None) is None
