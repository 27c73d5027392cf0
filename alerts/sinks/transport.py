"""One webhook POST: signed at send time, bounded by the endpoint's semaphore and timeout.

Returns the status on 2xx; every other outcome is raised as a typed error carrying what
the retry loop needs (status, Retry-After), so the caller never inspects HTTP itself.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Callable

import aiohttp

from alerts.sinks.base import PermanentDeliveryError, RetryableDeliveryError
from alerts.sinks.endpoint import EndpointConfig
from alerts.sinks.formats import Body
from alerts.sinks.retry import RETRY_AFTER_STATUSES, Outcome, classify_status, parse_retry_after


async def post_once(
    session: aiohttp.ClientSession,
    endpoint: EndpointConfig,
    body: Body,
    limit: asyncio.Semaphore,
    make_headers: Callable[[datetime], dict[str, str]],
    clock: Callable[[], float],
) -> int:
    timeout = aiohttp.ClientTimeout(total=endpoint.timeout_s)
    try:
        async with limit:
            # Signed only once a slot is free, so a long queue never sends a stale timestamp.
            headers = make_headers(datetime.fromtimestamp(clock(), tz=timezone.utc))
            async with session.post(
                endpoint.url, data=body.text.encode("utf-8"), headers=headers,
                timeout=timeout, allow_redirects=False,
            ) as response:
                await response.read()  # lets the connection be reused
                status = response.status
                retry_after_header = response.headers.get("Retry-After")
    except asyncio.TimeoutError:
        raise RetryableDeliveryError(f"timeout after {endpoint.timeout_s:g} s") from None
    except aiohttp.ClientError as exc:
        kind = "connection error" if isinstance(exc, aiohttp.ClientConnectionError) else "client error"
        # The URL may carry a token (user:pass@, a Slack-style path): never echo it.
        message = f"{kind}: {type(exc).__name__}: {exc}".replace(endpoint.url, endpoint.name)
        raise RetryableDeliveryError(message) from None
    outcome = classify_status(status)
    if outcome is Outcome.DELIVERED:
        return status
    if outcome is Outcome.PERMANENT:
        raise PermanentDeliveryError(f"HTTP {status}", status=status)
    retry_after = None
    if status in RETRY_AFTER_STATUSES:
        retry_after = parse_retry_after(retry_after_header, now=clock())
    raise RetryableDeliveryError(f"HTTP {status}", status=status, retry_after_s=retry_after)
