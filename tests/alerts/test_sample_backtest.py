"""The bundled sample through the real extractor and the monitor: the escalation, and only it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from alerts.monitor import Monitor
from extractors.article import parse_article

SAMPLE = Path(__file__).parents[2] / "samples" / "sample_stream.jsonl"


@pytest.fixture(scope="module")
def replay():
    from extractors.pipeline import Extractor

    articles = sorted((parse_article(orjson.loads(line)) for line in SAMPLE.read_bytes().splitlines() if line.strip()),
                      key=lambda a: (a.timestamp, a.id))
    extractor = Extractor()
    monitor = Monitor(trace_keys=frozenset({"ARM-AZE"}))
    alerts = []
    for i in range(0, len(articles), 64):
        batch = articles[i : i + 64]
        for article, events in zip(batch, extractor.extract_batch(batch)):
            alerts.extend(monitor.observe(article.id, article.timestamp, article.url, events))
    return monitor, alerts


def test_hostility_and_ceasefire_alerts_on_armenia_azerbaijan(replay):
    _, alerts = replay
    firing = {a.key for a in alerts if a.state == "firing"}
    assert "hostility:dyad:ARM-AZE" in firing
    assert "ceasefire:dyad:ARM-AZE" in firing
    assert {"hostility:country:ARM", "hostility:country:AZE"} <= firing


def test_silent_through_the_two_quiet_weeks(replay):
    _, alerts = replay
    assert alerts and min(a.window_end for a in alerts) > "2022-09-12T18:00:00Z"
    assert all(len(a.evidence) >= 1 for a in alerts)


def test_every_spike_fires_once_and_resolves_once(replay):
    monitor, alerts = replay
    order = ("low", "medium", "high", "critical")
    for key in {a.key for a in alerts}:
        mine = [a for a in alerts if a.key == key]
        assert mine[0].state == "firing"
        for x, y in zip(mine, mine[1:]):
            if x.state == y.state == "firing":  # an escalation: the same spike, now more severe
                assert y.window_start == x.window_start and y.window_end > x.window_end
                assert order.index(y.severity) > order.index(x.severity)
            else:
                assert x.state != y.state  # firing, resolved, firing, ...
    assert monitor.counters["late_events"] == 0


def test_a_spike_that_grows_is_escalated_while_it_fires(replay):
    """The ceasefire spike starts "low" on 14 Sept and grows for days: the analyst hears it."""
    monitor, alerts = replay
    by_key: dict[str, list] = {}
    for a in alerts:
        by_key.setdefault(a.key, []).append(a)
    escalated = [y for seq in by_key.values() for x, y in zip(seq, seq[1:]) if x.state == y.state == "firing"]
    assert escalated and monitor.counters["alerts_escalated"] == len(escalated)
    assert any(a.signal == "ceasefire" and a.severity in ("high", "critical") for a in escalated)
