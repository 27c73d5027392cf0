"""When to retry a webhook, and how long to wait: exponential backoff, jitter, Retry-After."""

from __future__ import annotations

import random
from email.utils import parsedate_to_datetime
from enum import Enum

RETRY_AFTER_STATUSES = frozenset({429, 503})


class Outcome(Enum):
    DELIVERED = "delivered"
    RETRY = "retry"
    PERMANENT = "permanent"


def classify_status(status: int) -> Outcome:
    """2xx delivered; 408, 429 and 5xx worth retrying; anything else (3xx, other 4xx) permanent.

    408 is retried because it is the receiver timing out on us, a transient condition.
    Redirects are not followed (a webhook URL that moved is a configuration error).

    >>> [classify_status(s).value for s in (200, 204, 302, 400, 404, 408, 429, 500, 503)]
    ['delivered', 'delivered', 'permanent', 'permanent', 'permanent', 'retry', 'retry', 'retry', 'retry']
    """
    if 200 <= status < 300:
        return Outcome.DELIVERED
    if status in (408, 429) or status >= 500:
        return Outcome.RETRY
    return Outcome.PERMANENT


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header: delay-seconds or an HTTP date; None if unusable.

    `now` is the wall clock (Unix seconds) the HTTP date is measured from; a date in the
    past means "now" (0 s).

    >>> parse_retry_after("3", now=0.0)
    3.0
    >>> parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=4.0)
    6.0
    >>> parse_retry_after("Thu, 01 Jan 1970 00:00:10 GMT", now=99.0)
    0.0
    >>> parse_retry_after("soon", now=0.0) is None
    True
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds else None  # NaN is unusable
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        # RFC 9110 dates are always GMT; a date without a zone is not one we trust.
        return None
    return max(0.0, when.timestamp() - now)


def backoff_delay(
    attempt: int, *, initial_s: float, max_s: float, jitter: float, rng: random.Random
) -> float:
    """The wait after failed try number `attempt` (1-based): initial·2^(attempt-1), capped, ±jitter.

    Jitter spreads retries of many alerts so a recovering receiver is not hit all at once.

    >>> backoff_delay(1, initial_s=0.5, max_s=30, jitter=0.0, rng=random.Random(0))
    0.5
    >>> backoff_delay(4, initial_s=0.5, max_s=30, jitter=0.0, rng=random.Random(0))
    4.0
    >>> backoff_delay(20, initial_s=0.5, max_s=30, jitter=0.0, rng=random.Random(0))
    30.0
    >>> 0.4 <= backoff_delay(1, initial_s=0.5, max_s=30, jitter=0.2, rng=random.Random(7)) <= 0.6
    True
    """
    base = float(min(max_s, initial_s * 2 ** min(attempt - 1, 62)))
    if jitter <= 0:
        return base
    return base * (1.0 + jitter * rng.uniform(-1.0, 1.0))
