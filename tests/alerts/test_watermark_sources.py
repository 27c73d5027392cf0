"""Several ordered inputs (Kafka partitions) interleaved any way give the single-input backtest's alerts."""

from __future__ import annotations

import random

from alerts.monitor import Monitor, MonitorConfig
from alerts.synthetic_events import DAY, demo_like


def _split(rows, n):
    """Rows hashed to n partitions; each partition keeps event order, as Kafka does."""
    parts = [[] for _ in range(n)]
    for row in rows:
        parts[hash(row[0]) % n].append(row)
    return parts


def _interleave_in_chunks(parts, rng):
    """What a consumer does: whole fetches from one partition at a time, partitions far apart in event time."""
    cursors = [0] * len(parts)
    out = []
    while any(c < len(p) for c, p in zip(cursors, parts)):
        i = rng.choice([i for i, p in enumerate(parts) if cursors[i] < len(p)])
        take = rng.randint(1, 400)
        out.extend((str(i), row) for row in parts[i][cursors[i]:cursors[i] + take])
        cursors[i] += take
    return out


def test_chunked_partitions_give_the_backtest_alerts_and_no_late_events():
    rows = demo_like(seed=3)
    single = Monitor()
    backtest = [a.to_data() for aid, ts, url, evs in rows for a in single.observe(aid, ts, url, evs)]
    assert backtest, "the escalation must alert"
    for seed in range(3):
        live = Monitor()
        live.expect_sources(["0", "1", "2", "3"])
        alerts = []
        for source, (aid, ts, url, evs) in _interleave_in_chunks(_split(rows, 4), random.Random(seed)):
            alerts.extend(a.to_data() for a in live.observe(aid, ts, url, evs, source=source))
        assert live.counters["late_events"] == 0
        # live has closed no more than the file did; what it closed matches exactly
        assert alerts == backtest[:len(alerts)]
        assert len(alerts) >= len([a for a in backtest if a["window"]["end"] < _iso(live.watermark)])


def test_without_sources_the_same_chunks_arrive_late():
    """The reason for per-source watermarks: one global maximum drops a lagging partition's news."""
    rows = demo_like(seed=3)
    m = Monitor()
    for _source, row in _interleave_in_chunks(_split(rows, 4), random.Random(0)):
        m.observe(*row)
    assert m.counters["late_events"] > 0


def test_an_expected_source_holds_the_watermark_until_heard_from_or_forgotten():
    rows = demo_like(seed=1, days=10)
    m = Monitor()
    m.expect_sources(["0", "1"])
    alerts = []
    for aid, ts, url, evs in rows:
        alerts.extend(m.observe(aid, ts, url, evs, source="0"))
    assert m.watermark is None and alerts == []  # partition 1 might still hold older news
    alerts = m.forget_source("1")  # the worker saw it idle on the wall clock
    assert m.watermark == rows[-1][1] - m.config.allowed_lateness
    assert m.counters["buckets_closed"] > 30
    m.observe("late-joiner", rows[-1][1], None, [], source="1")
    assert set(m.source_max) == {"0", "1"}


def _iso(ts: float) -> str:
    from extractors.model import epoch_to_rfc3339

    return epoch_to_rfc3339(ts)
