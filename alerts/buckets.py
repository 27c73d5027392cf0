"""Event-time buckets and the watermark: which bucket an article falls in, and when it closes.

A bucket ``i`` covers ``[i * bucket_seconds, (i + 1) * bucket_seconds)`` of ``published_at``
(UTC epoch seconds), so buckets align to midnight UTC for any length that divides a day. The
watermark is the latest event time seen minus the allowed lateness; a bucket closes once its
end is at or below the watermark. No wall clock is involved: a replay of last year closes its
buckets exactly as the live stream did.

>>> bucket_of(1663027200.0, 21600), bucket_start(76992, 21600)
(76992, 1663027200.0)
>>> weekday(76992, 21600)  # 2022-09-13 was a Tuesday (Monday = 0)
1
>>> closes(76992, 21600, watermark=1663048800.0), closes(76992, 21600, watermark=1663048799.0)
(True, False)
"""

from __future__ import annotations

import math

DAY = 86400


def bucket_of(ts: float, bucket_seconds: int) -> int:
    return math.floor(ts / bucket_seconds)


def bucket_start(index: int, bucket_seconds: int) -> float:
    return float(index * bucket_seconds)


def weekday(index: int, bucket_seconds: int) -> int:
    """UTC day of week of the bucket start, Monday = 0 (1970-01-01 was a Thursday)."""
    return (math.floor(index * bucket_seconds / DAY) + 3) % 7


def closes(index: int, bucket_seconds: int, watermark: float) -> bool:
    return (index + 1) * bucket_seconds <= watermark
