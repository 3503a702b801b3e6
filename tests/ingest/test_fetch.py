"""The safe fetch: bounded, public addresses only (checked per hop and at connection time), no cookies."""
from __future__ import annotations

import ipaddress

import pytest

from bot.ingest import fetch as fetch_module
from bot.ingest.fetch import USER_AGENT, FetchError, address_problem, fetch
from tests.stand_ins.news_server import DRISCOLL, KREMLIN, NewsServer


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("172.16.0.1", "private"),
    ("192.168.1.1", "private"), ("fd12::1", "private"), ("169.254.10.1", "link-local"), ("fe80::1", "link-local"),
    ("169.254.169.254", "metadata"), ("fd00:ec2::254", "metadata"), ("0.0.0.0", "unspecified"),
    ("::", "unspecified"), ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
    ("::ffff:127.0.0.1", "loopback"), ("100.64.0.1", "non-public"),
])
def test_addresses_that_are_not_public(address: str, kind: str) -> None:
    problem = address_problem(ipaddress.ip_address(address))
    assert problem is not None and kind in problem


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


async def _reason(url: str, **kw: object) -> str:
    with pytest.raises(FetchError) as caught:
        await fetch(url, **kw)  # type: ignore[arg-type]
    return str(caught.value)


async def test_fetches_a_page_through_a_redirect_without_cookies(news: NewsServer) -> None:
    # 302 with a Set-Cookie (on a name: a cookie jar would keep none for a bare IP address)
    page = await fetch(news.url("/set-cookie", host="localhost"), allow_private=True)
    assert page.final_url == news.url(KREMLIN.path, host="localhost") and page.content_type == "text/html"
    assert KREMLIN.paragraphs[0] in page.text()
    assert news.hits[-2:] == ["/set-cookie", KREMLIN.path]
    assert news.cookies_seen == [] and news.auth_seen == []  # the cookie was not sent back
    assert set(news.user_agents) == {USER_AGENT}


async def test_credentials_in_the_link_are_refused(news: NewsServer) -> None:
    reason = await _reason(f"http://user:secret@127.0.0.1:{news.port}/x", allow_private=True)
    assert "user name or password" in reason and news.hits == []


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "HTTP 404"), ("/broken", "HTTP 503"), ("/report.pdf", "not an article (application/pdf)"),
    ("/huge", "too large"), ("/huge-declared", "too large"), ("/loop/0", "too many redirects"),
])
async def test_each_failure_has_its_reason(news: NewsServer, path: str, reason: str) -> None:
    assert reason in await _reason(news.url(path), allow_private=True)


async def test_reading_stops_at_the_limit(news: NewsServer) -> None:
    with pytest.raises(FetchError, match="too large"):
        await fetch(news.url("/huge"), allow_private=True, max_bytes=100_000)
    page = await fetch(news.url(DRISCOLL.path), allow_private=True, max_bytes=100_000)  # a page under it
    assert DRISCOLL.paragraphs[-1] in page.text()


async def test_redirects_are_followed_to_five_hops(news: NewsServer) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        await fetch(news.url("/loop/0"), allow_private=True)
    assert news.hits == [f"/loop/{n}" for n in range(6)]  # the first request and five redirects


async def test_timeout(news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "FETCH_TIMEOUT_S", 0.3)
    assert await _reason(news.url("/slow"), allow_private=True) == "timed out after 0.3 s"
    assert await _reason(news.url("/slow"), allow_private=True, timeout=0.2) == "timed out after 0.2 s"
    monkeypatch.undo()
    assert fetch_module.FETCH_TIMEOUT_S == 10.0  # the default


@pytest.mark.parametrize(("url", "reason"), [
    ("http://no-such-host.invalid/story", "could not resolve host no-such-host.invalid"),
    ("ftp://example.org/story", "only http and https"), ("file:///etc/passwd", "only http and https"),
    ("javascript:alert(1)", "only http and https"), ("example.org/story", "must start with http"),
])
async def test_bad_links(url: str, reason: str) -> None:
    assert reason in await _reason(url, allow_private=False)
    assert reason in await _reason(url, allow_private=True)


async def test_loopback_refused_unless_allowed(news: NewsServer) -> None:
    reason = await _reason(news.url(DRISCOLL.path))
    assert "127.0.0.1 is a loopback address" in reason and "TALKSBOT_FETCH_ALLOW_PRIVATE" in reason
    assert "localhost (127.0.0.1) is a loopback address" in await _reason(f"http://localhost:{news.port}/")
    assert "::1 is a loopback address" in await _reason(f"http://[::1]:{news.port}/")
    assert "metadata" in await _reason("http://169.254.169.254/latest/meta-data/")
    assert news.hits == []  # nothing was requested
    await fetch(news.url(DRISCOLL.path), allow_private=True)
    assert news.hits == [DRISCOLL.path]


def _treat_as_public(monkeypatch: pytest.MonkeyPatch, address: str) -> None:
    """A test stands for the internet with a second loopback address."""
    strict = fetch_module.address_problem
    monkeypatch.setattr(fetch_module, "address_problem",
                        lambda ip: None if str(ip) == address else strict(ip))


async def test_redirect_to_loopback_refused(news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    _treat_as_public(monkeypatch, "127.0.0.2")
    page = await fetch(news.url(KREMLIN.path, host="127.0.0.2"))  # the "public" address itself is fetched
    assert KREMLIN.paragraphs[0] in page.text()
    reason = await _reason(news.url("/go/loopback", host="127.0.0.2"))  # 302 to http://127.0.0.1:port/...
    assert reason.startswith("127.0.0.1 is a loopback address") and reason.endswith("after a redirect")
    assert news.hits == [KREMLIN.path, "/go/loopback"]  # the loopback page was never requested


async def test_checked_again_when_connecting(news: NewsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the check before the hop fooled (a name resolving to a public address, then to a private
    one: DNS rebinding), the connector's own resolver still refuses the private address."""
    async def fooled(host: str, port: int) -> None:
        return None

    monkeypatch.setattr(fetch_module, "_check_host", fooled)
    reason = await _reason(f"http://localhost:{news.port}{DRISCOLL.path}")
    assert "localhost (127.0.0.1) is a loopback address" in reason
    assert news.hits == []
