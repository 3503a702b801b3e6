"""add_url, list_articles and remove_article against the loopback news server and a private fact base."""
from __future__ import annotations

import datetime as dt
import os
import re

import pytest

from bot.core.files import read_seed
from bot.ingest import fetch as fetch_module
from bot.ingest.add import add_url, list_articles, remove_article
from tests.ingest.conftest import Kb
from tests.stand_ins.news_server import (
    DRISCOLL,
    EUROPE,
    KREMLIN,
    MIRROR_PATH,
    PAYWALLED,
    NewsServer,
    Story,
    article_page,
)

DRISCOLL_ID = "driscoll-meets-russian-delegation-in-abu-2025-11-25"


async def test_add_writes_the_article_and_it_is_answerable(kb: Kb, news: NewsServer) -> None:
    before = set(kb.holder.current.articles)
    question = "How many points does the revised framework have?"
    assert kb.answerer.answer(question).answer != "19 points"  # not known before
    added = await add_url(news.url(DRISCOLL.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok, added.message
    assert added.article_id == DRISCOLL_ID and added.title == DRISCOLL.title
    assert added.date == dt.date(2025, 11, 25) and added.url == news.url(DRISCOLL.path)
    assert added.paragraphs == len(DRISCOLL.paragraphs) == 8
    # the file: the documented header, then exactly the article's paragraphs, one per line
    path = kb.seeds / f"{DRISCOLL_ID}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:5] == [f"Title: {DRISCOLL.title}", "Date: 2025-11-25", f"URL: {news.url(DRISCOLL.path)}",
                         f"Attribution: The Daily Ledger, {DRISCOLL.author}", "---"]
    assert tuple(lines[5:]) == DRISCOLL.paragraphs
    meta, paragraphs = read_seed(path)
    assert meta["title"] == DRISCOLL.title and paragraphs == DRISCOLL.paragraphs
    # reloaded: the article is in, with its facts, and answers a question about its body
    assert kb.reloads == ["add"]
    assert set(kb.holder.current.articles) == before | {DRISCOLL_ID}
    facts = [f for e in kb.holder.current.entries if e.article_id == DRISCOLL_ID and not e.is_entity
             for f in [e.fact]]
    assert added.facts == len(facts) > 0
    answer = kb.answerer.answer(question)
    assert answer.matched and answer.source is not None and answer.source.article == DRISCOLL_ID
    assert answer.answer == "19 points" and answer.source.paragraph == 6
    # the reply: title, date, counts and three questions the bot answers from the new article
    assert DRISCOLL.title in added.message and "2025-11-25" in added.message
    assert f"{added.paragraphs} paragraphs, {added.facts} facts" in added.message
    assert len(added.questions) == 3 and all(q in added.message for q in added.questions)
    for question in added.questions:
        got = kb.answerer.answer(question)
        assert got.matched and got.source is not None and got.source.article == DRISCOLL_ID, question


async def test_date_only_in_meta_and_overrides(kb: Kb, news: NewsServer) -> None:
    added = await add_url(news.url(EUROPE.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok and added.date == dt.date(2025, 11, 24) and "no date" not in added.message
    other = await add_url(news.url(KREMLIN.path), kb.settings, kb.holder, kb.answerer, kb.reload,
                          date=dt.date(2025, 12, 1), title="Moscow waits for the new plan")
    assert other.ok and other.date == dt.date(2025, 12, 1) and other.title == "Moscow waits for the new plan"
    assert other.article_id == "moscow-waits-for-the-new-plan-2025-12-01"
    head = (kb.seeds / "moscow-waits-for-the-new-plan-2025-12-01.txt").read_text().splitlines()[:2]
    assert head == ["Title: Moscow waits for the new plan", "Date: 2025-12-01"]


async def test_redirect_is_followed_and_the_final_url_kept(kb: Kb, news: NewsServer) -> None:
    added = await add_url(news.url("/old/driscoll"), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok and added.title == KREMLIN.title and added.url == news.url(KREMLIN.path)
    again = await add_url(news.url(KREMLIN.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not again.ok and "already have it" in again.message


async def test_plain_text_page(kb: Kb, news: NewsServer) -> None:
    added = await add_url(news.url("/plain.txt"), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok and added.title == KREMLIN.title and added.paragraphs == len(KREMLIN.paragraphs)


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "Not added: HTTP 404"), ("/broken", "Not added: HTTP 503"),
    ("/report.pdf", "Not added: not an article (application/pdf)"), ("/huge", "Not added: too large"),
    (PAYWALLED.path, "Not added: paywalled or not an article: only 2 paragraph(s) of text"),
])
async def test_each_refusal_names_its_reason(kb: Kb, news: NewsServer, path: str, reason: str) -> None:
    files = sorted(os.listdir(kb.seeds))
    added = await add_url(news.url(path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not added.ok and added.message.startswith(reason), added.message
    assert added.article_id is None and sorted(os.listdir(kb.seeds)) == files and kb.reloads == []


async def test_timeout_and_unknown_host(kb: Kb, news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "FETCH_TIMEOUT_S", 0.3)
    slow = await add_url(news.url("/slow"), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert slow.message == "Not added: timed out after 0.3 s."
    nowhere = await add_url("https://no-such-host.invalid/a", kb.settings, kb.holder, kb.answerer, kb.reload)
    assert nowhere.message == "Not added: could not resolve host no-such-host.invalid."


async def test_private_addresses_refused_by_default(strict_kb: Kb, news: NewsServer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    kb = strict_kb
    direct = await add_url(news.url(DRISCOLL.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not direct.ok and "127.0.0.1 is a loopback address" in direct.message
    strict = fetch_module.address_problem  # 127.0.0.2 stands for a public site that redirects to loopback
    monkeypatch.setattr(fetch_module, "address_problem", lambda ip: None if str(ip) == "127.0.0.2" else strict(ip))
    redirected = await add_url(news.url("/go/loopback", host="127.0.0.2"), kb.settings, kb.holder, kb.answerer,
                               kb.reload)
    assert not redirected.ok and "127.0.0.1 is a loopback address" in redirected.message
    assert "after a redirect" in redirected.message
    assert news.hits == ["/go/loopback"] and kb.reloads == []


async def test_duplicates_refused_naming_the_existing_article(kb: Kb, news: NewsServer) -> None:
    first = await add_url(news.url(DRISCOLL.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert first.ok
    hits = len(news.hits)
    same_url = await add_url(news.url(DRISCOLL.path) + "#comments", kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not same_url.ok and "already have it" in same_url.message
    assert f"“{DRISCOLL.title}” (id {DRISCOLL_ID})" in same_url.message
    assert len(news.hits) == hits  # known by its URL: not even fetched
    same_text = await add_url(news.url(MIRROR_PATH), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not same_text.ok and "its text is 100% the same as" in same_text.message
    assert f"(id {DRISCOLL_ID})" in same_text.message
    assert sorted(p.name for p in kb.seeds.glob("*.txt")) == ["driscoll-meets-russian-delegation-in-abu-2025-11-25.txt",
                                                               "geneva-talks-2025-11-23.txt"]


async def test_same_text_from_the_seed_article(kb: Kb, news: NewsServer) -> None:
    """The curated seed article counts too: its text at a new address is refused."""
    seed = kb.holder.current.articles["geneva-talks-2025-11-23"]
    assert len(seed.paragraphs) > 3
    # a page carrying the seed's text with its last paragraph changed: still over 90% the same
    story = Story("/extra/copy", "Peace framework agreed", "2025-11-23", "Someone",
                  (*seed.paragraphs[:-1], "A different last line."))
    news.pages["copy"] = article_page(story, news.base)
    added = await add_url(news.url("/extra/copy"), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert not added.ok, added.message
    assert re.search(r"its text is 9\d% the same as “US and Ukraine agree on an updated peace framework after "
                     r"Geneva talks” \(id geneva-talks-2025-11-23\)", added.message), added.message
    # under 90% is another article: half of the seed's paragraphs
    story = Story("/extra/half", "Half of it", "2025-11-23", "Someone", seed.paragraphs[: len(seed.paragraphs) // 2])
    news.pages["half"] = article_page(story, news.base)
    assert (await add_url(news.url("/extra/half"), kb.settings, kb.holder, kb.answerer, kb.reload)).ok


async def test_never_overwrites_an_existing_file(kb: Kb, news: NewsServer) -> None:
    taken = kb.seeds / f"{DRISCOLL_ID}.txt"
    taken.write_text("Title: Something else\n---\nA paragraph about a different matter entirely.\n")
    added = await add_url(news.url(DRISCOLL.path), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok and added.article_id == f"{DRISCOLL_ID}-2"
    assert taken.read_text().startswith("Title: Something else")
    assert (kb.seeds / f"{DRISCOLL_ID}-2.txt").is_file()
    assert not [p for p in kb.seeds.iterdir() if p.suffix != ".txt"]  # no temporary file left


async def test_list_and_remove(kb: Kb, news: NewsServer) -> None:
    for path in (DRISCOLL.path, EUROPE.path, KREMLIN.path):
        assert (await add_url(news.url(path), kb.settings, kb.holder, kb.answerer, kb.reload)).ok
    rows = list_articles(kb.holder.current)
    assert [r.date.isoformat() for r in rows] == ["2025-11-26", "2025-11-25", "2025-11-24", "2025-11-23"]
    assert rows[1].id == DRISCOLL_ID and rows[1].title == DRISCOLL.title
    assert rows[1].source == news.url(DRISCOLL.path) and rows[1].facts > 0
    assert rows[-1].id == "geneva-talks-2025-11-23" and rows[-1].facts == len(kb.holder.current.facts) - sum(
        r.facts for r in rows[:-1])

    removed = await remove_article(DRISCOLL_ID, kb.settings, kb.holder, kb.reload)
    assert removed.ok and DRISCOLL.title in removed.message, removed.message
    assert not (kb.seeds / f"{DRISCOLL_ID}.txt").exists()
    assert (kb.seeds / "removed" / f"{DRISCOLL_ID}.txt").is_file()
    assert DRISCOLL_ID not in kb.holder.current.articles
    answer = kb.answerer.answer("How many points does the revised framework have?")
    assert not (answer.matched and answer.source is not None and answer.source.article == DRISCOLL_ID)
    # the loader ignores seeds/removed/: a fresh load does not bring it back
    kb.holder.reload()
    assert DRISCOLL_ID not in kb.holder.current.articles and len(kb.holder.current.articles) == 3
    # once removed, it can be added again
    assert (await add_url(news.url(DRISCOLL.path), kb.settings, kb.holder, kb.answerer, kb.reload)).ok


async def test_remove_refusals(kb: Kb) -> None:
    unknown = await remove_article("../../etc/passwd", kb.settings, kb.holder, kb.reload)
    assert not unknown.ok and "no article has the id" in unknown.message and kb.reloads == []
    curated = await remove_article("geneva-talks-2025-11-23", kb.settings, kb.holder, kb.reload)
    assert not curated.ok and "curated" in curated.message
    assert (kb.seeds / "geneva-talks-2025-11-23.txt").is_file() and kb.reloads == []


async def test_page_in_another_encoding(kb: Kb, news: NewsServer) -> None:
    """A Latin-1 page that names its charset only in <meta>: read as Latin-1, not as broken UTF-8."""
    story = Story("/extra/latin1", "Talks in Zürich planned", "2025-11-27", "Jörg Müller", (
        "Swiss officials offered to host the next round of talks in Zürich in December.",
        "The Swiss foreign minister said Genève and Zürich were both available.",
        "Delegations from Kyiv and Washington are expected to reply by Friday.",
    ))
    page = article_page(story, news.base).replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    news.pages["latin1"] = page.encode("iso-8859-1")
    added = await add_url(news.url("/extra/latin1"), kb.settings, kb.holder, kb.answerer, kb.reload)
    assert added.ok and added.title == "Talks in Zürich planned", added.message
    text = (kb.seeds / f"{added.article_id}.txt").read_text(encoding="utf-8")
    assert "Attribution: The Daily Ledger, Jörg Müller" in text and "Genève and Zürich" in text
