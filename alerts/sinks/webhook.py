"""Signed webhook delivery with retries: the `WebhookSink`.

Every endpoint is tried independently and concurrently; a slow or dead endpoint only ever
costs its own retries. Each endpoint has a semaphore bounding its in-flight requests across
all alerts being delivered at once; it is held per request, not across backoff waits.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from datetime import datetime
from typing import Any, Awaitable, Callable, Sequence

import aiohttp

from alerts.sinks.base import (
    DeliveryAttempt,
    DeliveryResult,
    PermanentDeliveryError,
    RetryableDeliveryError,
    Sink,
    SinkClosedError,
)
from alerts.sinks.endpoint import EndpointConfig
from alerts.sinks.formats import Body, render
from alerts.sinks.retry import backoff_delay
from alerts.sinks.settings import endpoints_from_settings
from alerts.sinks.signing import Signer, unsigned_headers
from alerts.sinks.transport import post_once

__all__ = ["WebhookSink", "EndpointConfig", "endpoints_from_settings"]

log = logging.getLogger(__name__)
USER_AGENT = "flashpoint-webhooks/0.1"
RESERVED_HEADERS = frozenset({"content-type", "content-length", "webhook-id", "webhook-timestamp", "webhook-signature"})

AttemptHook = Callable[[EndpointConfig, DeliveryAttempt], None]
DeadLetterHook = Callable[[dict[str, Any], DeliveryResult], Awaitable[None]]
SleepFn = Callable[[float], Awaitable[Any]]


class WebhookSink(Sink):
    """POSTs each alert to every endpoint, signed per Standard Webhooks, retrying as configured.

    `session`: an aiohttp session to use (and not close); by default the sink makes its own.
    `on_attempt`: called after every try (for metrics); must not block.
    `on_dead_letter`: awaited once per endpoint that was not delivered, after all endpoints
    finished, with the CloudEvent and the result (its `to_dict()` is the delivery history).
    `sleep`, `rng`, `clock`: injectable so tests can check the schedule.
    """

    name = "webhook"

    def __init__(
        self,
        endpoints: Sequence[EndpointConfig],
        session: aiohttp.ClientSession | None = None,
        *,
        on_attempt: AttemptHook | None = None,
        on_dead_letter: DeadLetterHook | None = None,
        sleep: SleepFn = asyncio.sleep,
        rng: random.Random | None = None,
        clock: Callable[[], float] = time.time,
    ):
        self.endpoints = tuple(endpoints)
        self._session = session
        self._owns_session = session is None
        self._on_attempt = on_attempt
        self._on_dead_letter = on_dead_letter
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._clock = clock
        self._closed = False
        # Keyed by identity: two entries may share a URL with different formats or secrets.
        self._signers = {id(e): Signer(e.secret) for e in self.endpoints if e.secret}
        self._limits = {id(e): asyncio.Semaphore(e.max_concurrency) for e in self.endpoints}
        for endpoint in self.endpoints:
            if not endpoint.signed:
                log.warning("webhook endpoint %s has no secret: its requests are NOT signed", endpoint.name)

    def __repr__(self) -> str:
        return f"WebhookSink(endpoints=[{', '.join(e.name for e in self.endpoints)}])"

    async def deliver(self, cloudevent: dict[str, Any]) -> list[DeliveryResult]:
        if self._closed:
            raise SinkClosedError("WebhookSink is closed")
        results = list(await asyncio.gather(*(self._deliver_to(e, cloudevent) for e in self.endpoints)))
        if self._on_dead_letter is not None:
            for result in results:
                if not result.delivered:
                    await self._on_dead_letter(cloudevent, result)
        return results

    async def close(self) -> None:
        self._closed = True
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    def _headers_for(self, endpoint: EndpointConfig, event_id: str, body: Body) -> Callable[[datetime], dict[str, str]]:
        signer = self._signers.get(id(endpoint))

        def make(now: datetime) -> dict[str, str]:
            # Configured extras never replace the body type or the signature headers.
            headers = {k: v for k, v in endpoint.headers.items() if k.lower() not in RESERVED_HEADERS}
            headers["Content-Type"] = body.content_type
            headers.update(signer.headers(event_id, body.text, now) if signer else unsigned_headers(event_id, now))
            return headers

        return make

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            # Created lazily: a ClientSession must be made inside the running loop.
            self._session = aiohttp.ClientSession(headers={"User-Agent": USER_AGENT})
        return self._session

    async def _deliver_to(self, endpoint: EndpointConfig, event: dict[str, Any]) -> DeliveryResult:
        event_id = str(event.get("id", ""))
        attempts: list[DeliveryAttempt] = []

        def result(delivered: bool, permanent: bool = False) -> DeliveryResult:
            return DeliveryResult(
                endpoint=endpoint.public_url,
                endpoint_name=endpoint.name,
                event_id=event_id,
                delivered=delivered,
                permanent=permanent,
                attempts=attempts,
            )

        try:
            if not event_id:
                raise ValueError("the CloudEvent has no id")
            body = render(event, endpoint.format)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            attempts.append(
                DeliveryAttempt(
                    number=1, started_at=self._clock(), duration_s=0.0, error=f"unrenderable event: {exc!r}"
                )
            )
            log.error("webhook %s: alert %s cannot be rendered as %s", endpoint.name, event_id, endpoint.format)
            return result(False, permanent=True)

        for number in range(1, endpoint.max_attempts + 1):
            started_at, t0 = self._clock(), time.monotonic()
            retry_after = error = None
            permanent = False
            try:
                limit, headers = self._limits[id(endpoint)], self._headers_for(endpoint, event_id, body)
                status = await post_once(self._http(), endpoint, body, limit, headers, self._clock)
            except PermanentDeliveryError as exc:  # typed errors carry what the history needs
                status, error, permanent = exc.status, str(exc), True
            except RetryableDeliveryError as exc:
                status, error, retry_after = exc.status, str(exc), exc.retry_after_s
            duration = time.monotonic() - t0
            delivered = error is None
            last = delivered or permanent or number == endpoint.max_attempts
            delay = None if last else self._next_delay(endpoint, number, retry_after)
            last = last or delay is None
            attempt = DeliveryAttempt(
                number=number,
                started_at=started_at,
                duration_s=duration,
                status=status,
                error=error,
                retry_after_s=retry_after,
                next_delay_s=delay,
            )
            attempts.append(attempt)
            if self._on_attempt is not None:
                self._on_attempt(endpoint, attempt)
            if delivered:
                log.debug("webhook %s: alert %s delivered on try %d", endpoint.name, event_id, number)
                return result(True)
            if last:
                log.warning(
                    "webhook %s: alert %s not delivered after %d tries (%s%s)",
                    endpoint.name, event_id, number, error, ", permanent" if permanent else "",
                )
                return result(False, permanent=permanent)
            log.info(
                "webhook %s: alert %s try %d failed (%s); retrying in %.2f s",
                endpoint.name, event_id, number, error, delay,
            )
            await self._sleep(delay)
        raise AssertionError("unreachable: the loop returns on its last try")

    def _next_delay(self, endpoint: EndpointConfig, number: int, retry_after: float | None) -> float | None:
        """The wait after failed try `number`; None when a Retry-After is too long to honour."""
        delay = backoff_delay(
            number,
            initial_s=endpoint.backoff_initial_s,
            max_s=endpoint.backoff_max_s,
            jitter=endpoint.jitter,
            rng=self._rng,
        )
        if retry_after is None:
            return delay
        if retry_after > endpoint.retry_after_max_s:
            return None  # honouring it would stall the endpoint: give up and let it dead-letter
        return max(delay, retry_after)
