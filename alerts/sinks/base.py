"""The contract every alert sink obeys: deliver one CloudEvent, report one result per destination.

A sink never raises for a failed delivery: failure is data (a `DeliveryResult` with
`delivered=False` and the attempt history), so the caller can dead-letter it and move on.
"""

from __future__ import annotations

import abc
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any


class DeliveryError(Exception):
    """One attempt failed; `status` is the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None, retry_after_s: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after_s = retry_after_s


class PermanentDeliveryError(DeliveryError):
    """Retrying cannot help (a 4xx other than 429, an event that cannot be rendered)."""


class RetryableDeliveryError(DeliveryError):
    """Retrying may help (5xx, 429, connection refused, timeout)."""


class SinkClosedError(RuntimeError):
    """`deliver` was called after `close`."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryAttempt:
    """One try at one destination.

    >>> DeliveryAttempt(number=1, started_at=0.0, duration_s=0.01, status=204).ok
    True
    """

    number: int
    """1 for the first try."""
    started_at: float
    """Wall-clock start, Unix seconds (UTC)."""
    duration_s: float
    """How long the try took, including any wait for a free concurrency slot."""
    status: int | None = None
    """The HTTP status, or None when no response came back."""
    error: str | None = None
    """Why the try failed without a usable status (timeout, connection refused, ...)."""
    retry_after_s: float | None = None
    """The receiver's Retry-After, in seconds from the response, when it sent one on 429/503."""
    next_delay_s: float | None = None
    """How long the sink waited before the next try; None after the last one."""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def outcome(self) -> str:
        """A bounded label for metrics: success, http_4xx, http_429, http_5xx, timeout, connection, error.

        >>> [DeliveryAttempt(number=1, started_at=0, duration_s=0, status=s).outcome for s in (201, 404, 429, 502)]
        ['success', 'http_4xx', 'http_429', 'http_5xx']
        >>> DeliveryAttempt(number=1, started_at=0, duration_s=0, error="timeout after 5 s").outcome
        'timeout'
        """
        if self.status is not None:
            if self.ok:
                return "success"
            if self.status == 429:
                return "http_429"
            return f"http_{self.status // 100}xx"
        if self.error and self.error.startswith("timeout"):
            return "timeout"
        if self.error and self.error.startswith("connection error"):
            return "connection"
        return "error"

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["started_at"] = datetime.fromtimestamp(self.started_at, tz=timezone.utc).isoformat(
            timespec="milliseconds"
        ).replace("+00:00", "Z")
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class DeliveryResult:
    """What happened to one event at one destination, every try included."""

    endpoint: str
    """The destination's address (for webhooks the URL, minus any user:password@)."""
    endpoint_name: str
    """A short label safe to log and to use as a metric label (no credentials)."""
    event_id: str
    """The CloudEvent id (the alert id)."""
    delivered: bool
    """True when one try succeeded."""
    permanent: bool = False
    """True when the sink gave up because retrying could not help."""
    attempts: list[DeliveryAttempt] = field(default_factory=list)
    """Every try in order."""

    @property
    def outcome(self) -> str:
        """A bounded label for metrics: delivered, rejected (permanent) or exhausted (retries used up)."""
        if self.delivered:
            return "delivered"
        return "rejected" if self.permanent else "exhausted"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready history for a dead letter; holds the endpoint label, never its URL or secret."""
        return {
            "endpoint": self.endpoint_name,
            "event_id": self.event_id,
            "delivered": self.delivered,
            "permanent": self.permanent,
            "outcome": self.outcome,
            "attempts": [a.to_dict() for a in self.attempts],
        }


class Sink(abc.ABC):
    """Somewhere alerts go. Subclasses implement `deliver` and may override `close`."""

    name: str = "sink"

    @abc.abstractmethod
    async def deliver(self, cloudevent: dict[str, Any]) -> list[DeliveryResult]:
        """Deliver one CloudEvent (`Alert.to_cloudevent()`); one result per destination."""

    async def close(self) -> None:
        """Release resources; calling it twice is harmless."""

    async def __aenter__(self) -> Sink:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
