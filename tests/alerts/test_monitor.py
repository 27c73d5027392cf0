"""The event-time monitor: counting, watermark, late events, restart, evidence, bounded state."""

from __future__ import annotations

import random

import orjson
import pytest

from alerts.monitor import Monitor, MonitorConfig
from alerts.synthetic_events import DAY, START, demo_like, event, news_like
from extractors.model import rfc3339_to_epoch

H6 = 6 * 3600


def replay(monitor: Monitor, rows):
    out = []
    for aid, ts, url, events in rows:
        out.extend(monitor.observe(aid, ts, url, events))
    return out


def test_counts_every_scope_once_per_event_and_skips_negated():
    m = Monitor()
    t = START + 3600
    m.observe("a1", t, None, [
        event("a1", t, "assault", "AZE", "ARM", n=0),
        event("a1", t, "assault", "AZE", "ARM", negated=True, n=1),  # counted nowhere
        event("a1", t, "consult", "FRA", "DEU", n=2),  # cooperation: not a detected signal
        event("a1", t, "assault", "RUS", "UKR", ceasefire=True, n=3),  # a ceasefire violation: both signals
    ])
    series = m.open[int(t // H6)]["series"]
    assert series["hostility:dyad:ARM-AZE"][:2] == [1, 1]
    assert series["hostility:country:ARM"][:2] == [1, 1]
    assert series["hostility:global:GLOBAL"][:2] == [2, 1]  # two events, one article
    assert series["ceasefire:dyad:RUS-UKR"][:2] == [1, 1]
    assert "hostility:dyad:DEU-FRA" not in series and "cooperation:dyad:DEU-FRA" not in series
    assert m.open[int(t // H6)]["volume"] == 1


def test_buckets_close_by_watermark_in_event_time():
    m = Monitor(MonitorConfig(allowed_lateness=3600))
    m.observe("a", START + 60, None, [])
    m.observe("b", START + H6 + 3599, None, [])  # watermark = end of bucket 0 minus one second
    assert m.counters["buckets_closed"] == 0 and m.frontier is None
    m.observe("c", START + H6 + 3600, None, [])  # watermark reaches the end of bucket 0
    assert m.counters["buckets_closed"] == 1 and m.frontier == int(START // H6) + 1


def test_late_events_are_counted_and_change_nothing():
    m = Monitor()
    rows = demo_like(days=5)
    replay(m, rows)
    before = m.to_dict()
    t = START + 86400  # day 1: long closed
    alerts = m.observe("late", t, None, [event("late", t, n=0), event("late", t, "accuse", n=1),
                                         event("late", t, negated=True, n=2)])
    after = m.to_dict()
    assert alerts == []
    assert after["counters"]["late_events"] == 2 and after["counters"]["late_articles"] == 1
    for key in ("counters", "watermark"):
        after.pop(key), before.pop(key)
    assert after == before


def test_the_demo_like_stream_alerts_on_the_escalation_and_nothing_else():
    m = Monitor(trace_keys=frozenset({"ARM-AZE"}))
    alerts = replay(m, demo_like())
    firing = [a for a in alerts if a.state == "firing"]
    keys = {a.key for a in firing}
    assert "hostility:dyad:ARM-AZE" in keys and "ceasefire:dyad:ARM-AZE" in keys
    escalation = START + 15 * DAY
    assert all(a.window_end > _iso(escalation) for a in firing), "no alert during the quiet weeks"
    assert len([a for a in firing if a.key == "hostility:dyad:ARM-AZE"]) == 1  # one spike, one alert
    resolved = [a for a in alerts if a.state == "resolved" and a.key == "hostility:dyad:ARM-AZE"]
    assert len(resolved) == 1 and resolved[0].observed >= 60
    assert {r["signal"] for r in m.trace("ARM-AZE")} == {"hostility", "ceasefire"}


def _iso(ts: float) -> str:
    from extractors.model import epoch_to_rfc3339

    return epoch_to_rfc3339(ts)


def test_restart_from_the_dict_gives_identical_later_alerts():
    rows = demo_like()
    whole = replay(Monitor(), rows)
    for cut in (len(rows) // 3, 800, len(rows) - 200):  # before, during and after the escalation
        first = Monitor()
        early = replay(first, rows[:cut])
        snapshot = orjson.loads(orjson.dumps(first.to_dict()))
        second = Monitor.from_dict(MonitorConfig(), snapshot)
        late = replay(second, rows[cut:])
        assert [a.to_data() for a in early + late] == [a.to_data() for a in whole]
        assert second.to_dict() == replay_state(rows)


def replay_state(rows):
    m = Monitor()
    replay(m, rows)
    return m.to_dict()


def test_deterministic_ids_and_contents():
    a, b = replay(Monitor(), demo_like(seed=3)), replay(Monitor(), demo_like(seed=3))
    assert [x.to_cloudevent() for x in a] == [x.to_cloudevent() for x in b]
    ids = [x.alert_id for x in a]
    assert len(ids) == len(set(ids))


def test_evidence_is_the_strongest_sentences_from_distinct_articles():
    alerts = replay(Monitor(), demo_like())
    alert = next(a for a in alerts if a.key == "hostility:dyad:ARM-AZE" and a.state == "firing")
    assert 1 <= len(alert.evidence) <= 5
    assert len({e.article_id for e in alert.evidence}) == len(alert.evidence)
    # asserted assaults outrank the claimed accusations in the same articles
    assert all(" assault " in e.sentence for e in alert.evidence)
    assert all(e.url == f"https://example.org/{e.article_id}" for e in alert.evidence)


def test_two_articles_about_a_quiet_pair_never_alert():
    rows = demo_like(days=10, escalation_day=99)
    t = START + 8 * DAY + 3600
    loud = [event(f"q{k}", t + k, "assault", "NOR", "SWE", n=i) for k in range(2) for i in range(6)]
    rows.append(("q0", t, None, loud[:6]))
    rows.append(("q1", t + 1, None, loud[6:]))
    rows.sort(key=lambda r: (r[1], r[0]))
    alerts = replay(Monitor(), rows)
    assert not [a for a in alerts if "NOR" in a.actors or "SWE" in a.actors]


def test_active_alerts_are_the_firing_ones():
    m = Monitor()
    rows = demo_like()
    cut = next(i for i, r in enumerate(rows) if r[1] > START + 16 * DAY)
    alerts = replay(m, rows[:cut])
    fired = {a.key for a in alerts if a.state == "firing"} - {a.key for a in alerts if a.state == "resolved"}
    assert {a.key for a in m.active_alerts()} == fired and fired


def test_memory_stays_flat_over_a_long_replay():
    m = Monitor(MonitorConfig(key_ttl=7 * DAY))
    sizes = []
    codes = [f"C{i:02d}" for i in range(60)]
    for d in range(90):
        for k in range(40):
            t = START + d * DAY + k * DAY / 40
            a, b = codes[(d * 7 + k) % 60], codes[(d * 13 + 3 * k + 1) % 60]
            events = [event(f"{d}-{k}", t, "accuse", a, b)] if a != b else []
            m.observe(f"{d}-{k}", t, None, events)
        sizes.append(len(orjson.dumps(m.to_dict())))
    assert m.counters["keys_dropped"] > 0
    assert max(sizes[60:]) < 1.3 * max(sizes[20:40])  # a week of TTL: flat after the first weeks


@pytest.mark.parametrize("bucket_hours", [1, 6])
def test_other_bucket_lengths_work_the_same_way(bucket_hours):
    alerts = replay(Monitor(MonitorConfig(bucket_seconds=bucket_hours * 3600)), demo_like())
    assert "hostility:dyad:ARM-AZE" in {a.key for a in alerts if a.state == "firing"}


def test_ordinary_news_gives_a_handful_of_alerts_a_day_not_hundreds():
    # 800 articles a day, 180 actors, thousands of keys, bursty news days, no escalation
    m = Monitor()
    alerts = replay(m, news_like(days=28))
    after_warm_up = [a for a in alerts if a.state == "firing" and a.window_start >= "2022-09-12"]
    assert len(m.series) > 1500
    assert len(after_warm_up) / 14 <= 5


def test_live_arrival_order_within_the_lateness_gives_the_backtest_alerts():
    rows = demo_like(seed=2)
    backtest = replay(Monitor(), rows)
    rng = random.Random(7)
    # live: every article delayed by up to 50 minutes (lateness is an hour), so they arrive shuffled
    live_order = sorted(rows, key=lambda r: (r[1] + rng.uniform(0, 3000), r[0]))
    assert live_order != rows
    m = Monitor()
    live = replay(m, live_order)
    assert m.counters["late_events"] == 0
    assert [a.to_data() for a in live] == [a.to_data() for a in backtest]


def test_a_feed_outage_neither_ages_keys_nor_fakes_a_quiet_spell():
    rows = demo_like(days=12, escalation_day=99)
    gap = 60 * DAY  # two months without a single article
    later = [(aid + "-later", ts + gap, url, []) for aid, ts, url, _ in rows[:40]]  # under a day
    m = Monitor(MonitorConfig(key_ttl=30 * DAY))
    replay(m, rows)
    keys_before, closed_before = set(m.series), m.counters["buckets_closed"]
    replay(m, later)
    assert keys_before <= set(m.series)  # nothing expired over the outage
    assert m.counters["buckets_closed"] - closed_before <= 4  # 240 empty buckets skipped, not scored


def test_flush_closes_what_is_still_open():
    m = Monitor()
    rows = demo_like(days=3)
    replay(m, rows)
    assert m.open
    m.flush()
    assert not m.open and m.frontier == int(rows[-1][1] // H6) + 1


def test_a_state_of_another_bucket_length_is_refused():
    m = Monitor()
    replay(m, demo_like(days=2))
    with pytest.raises(ValueError, match="bucket length"):
        Monitor.from_dict(MonitorConfig(bucket_seconds=3600), m.to_dict())
    snapshot = m.to_dict()
    Monitor(MonitorConfig(), state=snapshot).observe("x", START + 3 * DAY, None, [event("x", START + 3 * DAY)])
    assert snapshot == m.to_dict()  # the caller's dict is left alone


def test_an_escalation_is_flagged_and_only_a_firing_alert_of_a_spike_already_firing_is_one():
    from alerts.model import SEVERITIES

    escalations = 0
    for seed in range(3):
        monitor, firing = Monitor(), {}
        for row in demo_like(seed=seed):
            for alert in monitor.observe(*row):
                before = firing.get(alert.key)
                if alert.state == "resolved":
                    assert not alert.escalation
                    firing.pop(alert.key, None)
                    continue
                assert alert.escalation == (before is not None), alert
                if before is not None:
                    assert SEVERITIES.index(alert.severity) > SEVERITIES.index(before.severity)
                    assert alert.window_start == before.window_start  # the same spike, grown
                    assert "escalation" not in alert.to_data()  # the contract's alert is unchanged
                    escalations += 1
                firing[alert.key] = alert
    assert escalations >= 3


def test_on_a_sparse_feed_an_alert_window_holds_exactly_what_it_counted():
    """Press releases: a few a day, only in office hours, none at weekends, so most buckets have
    no article at all, and a window of observed buckets reaches back further than its length: the
    window an alert reports must contain its evidence and exactly `observed` events of its key,
    also for a slow two-week rise that only the longest window sees."""
    rng = random.Random(0)
    rows, times = [], []
    for d in range(70):
        if d % 7 >= 5:
            continue  # weekend: no releases
        rising = 42 <= d < 56
        for k in range(rng.randint(2, 4)):
            ts = START + d * DAY + 9 * 3600 + k * 5400 + rng.random() * 600  # 09:00 to 15:00
            aid = f"r{d:02d}-{k}"
            n = (rng.random() < 0.15) + (rising and rng.random() < 0.8)
            rows.append((aid, ts, None, [event(aid, ts, "accuse", "USA", "RUS", n=j) for j in range(n)]))
            times += [ts] * n
    m = Monitor()
    alerts = replay(m, rows) + m.flush()
    firing = [a for a in alerts if a.state == "firing" and a.key == "hostility:country:RUS"]
    assert firing, "the rise raises an alert"
    published = {aid: ts for aid, ts, _, _ in rows}
    for a in firing:
        lo, hi = rfc3339_to_epoch(a.window_start), rfc3339_to_epoch(a.window_end)
        assert a.evidence, a
        assert all(lo <= published[e.article_id] < hi for e in a.evidence), a
        assert a.observed == sum(lo <= t < hi for t in times), a
