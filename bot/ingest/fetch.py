"""Fetching a page someone handed the bot, safely.

Bounded (``FETCH_TIMEOUT_S`` in all, ``MAX_BYTES`` read at most, ``MAX_REDIRECTS`` hops, only the
content types asked for), and never a way into the bot's own network: only ``http``/``https``,
and every hop's host must resolve to public addresses only (no loopback, private, link-local,
reserved, multicast, unspecified or cloud metadata address) unless private addresses are
allowed (``TALKSBOT_FETCH_ALLOW_PRIVATE``). The addresses are checked before each hop and again
by the connector's resolver when it connects, so a name that resolves to a public address for the
check and a private one for the connection (DNS rebinding) is refused too. Redirects are followed
by hand, each checked like the first. No cookies, no credentials, no proxy from the environment.
"""
from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

FETCH_TIMEOUT_S = 10.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "talksbot/1.0 (+article fetch)"
ARTICLE_TYPES = ("text/html", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json", "text/html", "text/plain")
ALLOW_SETTING = "TALKSBOT_FETCH_ALLOW_PRIVATE"
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """The page cannot be had; the message is the reason, for the reply."""


class BlockedAddress(OSError):
    """A host resolves to an address that is not public (raised inside the connector's resolver)."""


@dataclass(frozen=True)
class Fetched:
    url: str  # the address asked for
    final_url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes

    def text(self) -> str:
        return self.body.decode(self.charset or "utf-8", errors="replace")


def address_problem(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address ("loopback", "private", ...), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in _METADATA:
        return "a cloud metadata"
    for kind, flag in (("an unspecified", ip.is_unspecified), ("a loopback", ip.is_loopback),
                       ("a link-local", ip.is_link_local), ("a multicast", ip.is_multicast),
                       ("a reserved", ip.is_reserved), ("a private", ip.is_private)):
        if flag:
            return kind
    if not ip.is_global:
        return "a non-public"
    return None


def _refusal(host: str, ip: str, kind: str) -> str:
    where = host if host == ip else f"{host} ({ip})"
    return f"{where} is {kind} address, not a public one ({ALLOW_SETTING} is off)"


def check_addresses(host: str, addresses: list[str]) -> None:
    """Raise ``BlockedAddress`` when any of ``host``'s addresses is not public."""
    for text in addresses:
        ip = ipaddress.ip_address(text.split("%", 1)[0])
        kind = address_problem(ip)
        if kind is not None:
            raise BlockedAddress(_refusal(host, str(ip), kind))


class PublicOnlyResolver(AbstractResolver):
    """The connector's resolver: what the connection will use must be public, checked as it connects."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        check_addresses(host, [r["host"] for r in results])
        return results

    async def close(self) -> None:
        await self._inner.close()


async def _check_host(host: str, port: int) -> None:
    """Before a hop: the host (a literal address or every address its name resolves to) is public."""
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    else:
        check_addresses(host, [str(literal)])
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"could not resolve host {host}") from exc
    check_addresses(host, [str(info[4][0]) for info in infos])


def _split(url: str) -> tuple[URL, str, int]:
    """The URL (parsed as aiohttp parses it, so that the host checked is the host connected to), its
    host and port; or ``FetchError`` saying why it cannot be fetched."""
    try:
        parsed = URL(url.strip())
        host, port = parsed.raw_host, parsed.port
    except (ValueError, TypeError) as exc:
        raise FetchError(f"not a valid web address: {exc}") from None
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https links can be fetched (not {scheme})"
                         if scheme else "not a web address: it must start with http:// or https://")
    if not host:
        raise FetchError("not a web address: it names no host")
    if parsed.user or parsed.password:
        raise FetchError("the link carries a user name or password, which are never sent")
    return parsed, host, port or (443 if scheme == "https" else 80)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


async def fetch(url: str, *, allow_private: bool = False, types: tuple[str, ...] = ARTICLE_TYPES,
                timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """The body of ``url`` (redirects followed), or ``FetchError`` with the reason."""
    limit = max_bytes if max_bytes is not None else MAX_BYTES
    seconds = timeout if timeout is not None else FETCH_TIMEOUT_S
    try:
        async with asyncio.timeout(seconds):
            return await _fetch(url, allow_private, types, limit, seconds)
    except TimeoutError:
        raise FetchError(f"timed out after {seconds:g} s") from None


async def _fetch(url: str, allow_private: bool, types: tuple[str, ...], limit: int, seconds: float) -> Fetched:
    connector = aiohttp.TCPConnector(resolver=None if allow_private else PublicOnlyResolver(),
                                     use_dns_cache=False, force_close=True)
    async with aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar(),
                                     timeout=aiohttp.ClientTimeout(total=seconds), trust_env=False,
                                     headers={"User-Agent": USER_AGENT, "Accept": ", ".join(types)}) as session:
        current = url.strip()
        for hop in range(MAX_REDIRECTS + 1):
            target, host, port = _split(current)
            try:
                if not allow_private:
                    await _check_host(host, port)
                async with session.get(target, allow_redirects=False) as resp:
                    if resp.status in _REDIRECTS and "Location" in resp.headers:
                        if hop == MAX_REDIRECTS:
                            raise FetchError(f"too many redirects (over {MAX_REDIRECTS})")
                        current = _redirect(target, resp.headers["Location"])
                        continue
                    return await _read(url, str(target), resp, types, limit)
            except TimeoutError:  # aiohttp's own (connect or read) timeouts, within the same bound
                raise FetchError(f"timed out after {seconds:g} s") from None
            except BlockedAddress as exc:
                raise FetchError(_after(hop, str(exc))) from None
            except aiohttp.ClientConnectorDNSError as exc:
                if isinstance(exc.os_error, BlockedAddress):
                    raise FetchError(_after(hop, str(exc.os_error))) from None
                raise FetchError(f"could not resolve host {host}") from None
            except aiohttp.ClientConnectorError as exc:
                why = getattr(exc.os_error, "strerror", None) or str(exc.os_error) or type(exc).__name__
                raise FetchError(f"could not connect to {host}: {why}") from None
            except aiohttp.InvalidURL as exc:
                raise FetchError(f"not a valid web address: {exc}") from None
            except aiohttp.ClientPayloadError:
                raise FetchError(f"the connection to {host} broke off while reading") from None
            except aiohttp.ClientError as exc:
                raise FetchError(f"could not fetch the page from {host}: {type(exc).__name__}") from None
    raise FetchError(f"too many redirects (over {MAX_REDIRECTS})")  # pragma: no cover: the loop returns or raises


def _redirect(base: URL, location: str) -> str:
    try:
        return str(base.join(URL(location)))
    except (ValueError, TypeError):
        raise FetchError(f"a redirect to an invalid address ({location[:80]!r})") from None


def _after(hop: int, reason: str) -> str:
    return f"{reason}, after a redirect" if hop else reason


async def _read(url: str, current: str, resp: aiohttp.ClientResponse, types: tuple[str, ...],
                limit: int) -> Fetched:
    if resp.status >= 400:
        raise FetchError(f"HTTP {resp.status}" + (f" {resp.reason}" if resp.reason else ""))
    if resp.status != 200:
        raise FetchError(f"HTTP {resp.status}: no page to read")
    ctype = resp.content_type.lower()
    if ctype not in types:
        raise FetchError(f"not an article ({ctype})")
    if resp.content_length is not None and resp.content_length > limit:
        raise FetchError(f"too large: {resp.content_length:,} bytes, over the limit of {_size(limit)}")
    body = bytearray()
    async for chunk in resp.content.iter_chunked(64 * 1024):
        body += chunk
        if len(body) > limit:
            raise FetchError(f"too large: over the limit of {_size(limit)}")
    return Fetched(url, current, ctype, resp.charset, bytes(body))


def fetchable(url: str) -> None:
    """``FetchError`` when ``url`` is not an http(s) address that could be fetched at all."""
    _split(url)
