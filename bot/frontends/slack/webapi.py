"""The Slack Web API client: one pooled HTTP session, one retry path for 429 and 5xx, posting."""
from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger("bot.frontends.slack.app")

MAX_RETRIES = 3
MAX_RETRY_AFTER_S = 30.0
WEB_API_TIMEOUT_S = 30.0
_GONE = {"not_in_channel", "channel_not_found", "is_archived", "account_inactive", "invalid_auth",
         "restricted_action", "messages_tab_disabled"}


def web_client(token: str, base_url: str) -> AsyncWebClient:
    """A Web API client over one pooled aiohttp session (call it in the running event loop: the
    session belongs to that loop), every call retried by ``WebApiRetry``."""
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT_S))
    return AsyncWebClient(token=token, base_url=base_url, session=session, timeout=int(WEB_API_TIMEOUT_S),
                          retry_handlers=[AsyncConnectionErrorRetryHandler(), WebApiRetry(MAX_RETRIES)])


async def close_client(client: AsyncWebClient) -> None:
    """Close the pooled session ``web_client`` gave ``client``."""
    session: aiohttp.ClientSession | None = client.session
    if session is not None and not session.closed:
        await session.close()


class WebApiRetry(AsyncRetryHandler):
    """Retries a Web API call Slack answered 429 (after its Retry-After, capped) or 5xx (with backoff).

    The client's one retry path: every call (``chat.postMessage``, ``auth.test``, Socket Mode's
    ``apps.connections.open``) goes through it, up to ``max_retry_count`` times.
    """

    async def _can_retry_async(self, *, state: RetryState, request: HttpRequest,
                               response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return response is not None and (response.status_code == 429 or response.status_code >= 500)

    async def prepare_for_next_attempt_async(self, *, state: RetryState, request: HttpRequest,
                                             response: HttpResponse | None = None,
                                             error: Exception | None = None) -> None:
        method = request.url.rsplit("/", 1)[-1]
        if response is None or response.status_code != 429:
            log.warning("Slack answered %s to %s; retrying", response and response.status_code, method)
            await super().prepare_for_next_attempt_async(state=state, request=request, response=response,
                                                         error=error)
            return
        delay = retry_after(response)
        log.warning("Slack rate-limited %s; retrying in %.0f s", method, delay)
        state.next_attempt_requested = True
        await asyncio.sleep(delay)
        state.increment_current_attempt()


def retry_after(response: HttpResponse) -> float:
    """The seconds a 429 asks to wait (1 if it does not say), at most MAX_RETRY_AFTER_S."""
    values = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
    try:
        delay = float(values[0] if isinstance(values, list) else values)
    except ValueError:  # an HTTP date, which Slack does not send
        delay = 1.0
    return min(max(delay, 0.0), MAX_RETRY_AFTER_S)


async def post(client: AsyncWebClient, **kwargs: Any) -> bool:
    """``chat.postMessage`` that logs, not raises, a failure the client's retries did not cure."""
    try:
        await client.chat_postMessage(**kwargs)
        return True
    except SlackApiError as exc:
        error = exc.response.get("error", "") if exc.response is not None else ""
        if error in _GONE:
            log.warning("cannot post to channel %s: %s", kwargs.get("channel"), error)
        else:
            log.error("chat.postMessage failed: %s", error or exc)
        return False
