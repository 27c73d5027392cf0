"""Counting and detection in event time: articles in, alerts out. Pure, deterministic, no clock.

The Faust worker and ``flashpoint backtest`` both drive one :class:`Monitor`, so a replay of
last year says exactly what the live system said::

    m = Monitor(MonitorConfig())
    for article in articles:                     # arrival order (backtest: published_at order)
        for alert in m.observe(article.id, article.timestamp, article.url, events):
            publish(alert)
    snapshot = m.to_dict()                       # JSON; Monitor.from_dict(cfg, snapshot) goes on identically

Per article: the article counts once in the overall volume of its bucket (the normaliser), and
each non-negated event counts once per signal (hostility, ceasefire) under each of its scope
keys: every actor code (country scope), the unordered pair when there are two (dyad scope), and
GLOBAL. The watermark (latest ``published_at`` seen minus ``allowed_lateness``) closes buckets;
each closed bucket is scored for every tracked key, zeros included, which is how a key's
baseline learns its quiet hours.

**Why six-hour buckets.** Hourly buckets hold a fraction of an event for almost every key (a
country with three events a day), so an hour-of-week baseline has nothing to learn from in a
month of news, the volume normaliser is noisy (2-3 articles an hour in the demo sample), and a
Faust table churns four times a day per key instead of 24. Six hours keeps latency within the
working day (an alert comes at most 6 h + lateness after the first event of a burst), lets the
trailing windows of 6 h / 12 h / 1 day / 3 days catch both a night of shelling and a slow
week-long rise, and gives the day-of-week profile enough counts. Shorter buckets work too
(``MonitorConfig(bucket_seconds=7200)``: every duration is rescaled, and the detector's alpha is
a budget per six hours of window, so false alarms do not grow): on the evaluation, two- or
three-hour buckets see a three-hour burst undiluted and call 3-5 points more of the issue's
target class at the same false-alarm rate, with the alert 2-6 h after the burst's first event.

**Late events.** An article whose bucket has already closed is not counted anywhere (its
bucket's decision has been published and is final); its countable events are added to
``counters["late_events"]`` and the article to ``counters["late_articles"]``. A backtest
in ``published_at`` order has none, so backtest and live differ only in what arrived later than
the allowed lateness.

**Bounded state.** Open buckets are bounded by the lateness; keys with no event for
``key_ttl`` seconds of news (and not firing) are dropped, and come back like a new key if seen
again.
A new key starts from the state of a key that has been seen with zero counts since the monitor
began, so it is warm at once (a first-ever burst on a quiet pair can alert) and its floors keep
one or two articles from ever doing so.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import orjson

from alerts import evidence as ev
from alerts.buckets import bucket_of, bucket_start, closes, weekday
from alerts.detectors.base import Detector, Observation, step
from alerts.detectors.defaults import detectors_for
from alerts.model import Alert, alert_from_data
from extractors.model import Event, epoch_to_rfc3339

STATE_VERSION = 1


@dataclass(frozen=True, kw_only=True)
class MonitorConfig:
    bucket_seconds: int = 21600
    """Bucket length in seconds (six hours; must divide a day for day-of-week seasonality)."""
    allowed_lateness: float = 3600.0
    """Seconds an article may arrive behind the latest published_at seen and still be counted."""
    key_ttl: float = 30 * 86400.0
    """Seconds of news (buckets with articles) without an event for a key before its state is
    dropped, so memory stays flat; a feed outage does not age keys, and GLOBAL is never dropped."""
    signals: tuple[str, ...] = ("hostility", "ceasefire")
    """Signals counted and detected."""
    max_evidence: int = 5
    """Evidence sentences per alert."""
    detector: Detector | None = field(default=None)
    """The detector; None means the seasonal negative-binomial detector tuned for bucket_seconds."""

    def make_detector(self) -> Detector:
        return self.detector if self.detector is not None else detectors_for(self.bucket_seconds)["seasonal-nb"]


def series_keys(signal: str, event: Event) -> list[str]:
    """`hostility:country:ARM`, `hostility:dyad:ARM-AZE`, `hostility:global:GLOBAL` (as Alert.key)."""
    codes = event.actor_codes
    keys = [f"{signal}:country:{c}" for c in codes]
    if len(codes) == 2:
        keys.append(f"{signal}:dyad:{codes[0]}-{codes[1]}")
    keys.append(f"{signal}:global:GLOBAL")
    return keys


def _scope_key(series_key: str) -> str:
    return series_key.split(":", 2)[2]


class Monitor:
    def __init__(self, config: MonitorConfig | None = None, state: dict[str, Any] | None = None,
                 trace_keys: frozenset[str] = frozenset()) -> None:
        self.config = config or MonitorConfig()
        self.detector = self.config.make_detector()
        self.trace_keys = frozenset(trace_keys)
        self._evidence_span = max(getattr(self.detector, "windows", (1,)))
        s = orjson.loads(orjson.dumps(state)) if state else {}  # ours, not the caller's, to mutate
        if s and (s.get("version") != STATE_VERSION or s.get("bucket_seconds") != self.config.bucket_seconds):
            raise ValueError("state from another monitor version or bucket length: "
                             f"{s.get('version')}/{s.get('bucket_seconds')} s, expected "
                             f"{STATE_VERSION}/{self.config.bucket_seconds} s")
        self.frontier: int | None = s.get("frontier")  # first bucket not yet closed (None: nothing closed)
        self.max_time: float | None = s.get("max_time")
        self.source_max: dict[str, float] = dict(s.get("source_max", {}))  # per input partition
        self.open: dict[int, dict[str, Any]] = {int(i): b for i, b in s.get("open", [])}
        self.series: dict[str, dict[str, Any]] = s.get("series", {})
        self.template: dict[str, Any] = s.get("template") or self.detector.init_state()
        self.counters: dict[str, int] = {"articles": 0, "events_counted": 0, "late_articles": 0, "late_events": 0,
                                         "buckets_closed": 0, "keys_created": 0, "keys_dropped": 0,
                                         "alerts_firing": 0, "alerts_escalated": 0, "alerts_resolved": 0, **s.get("counters", {})}
        self.traces: dict[str, list[dict[str, Any]]] = {k: list(v) for k, v in s.get("traces", {}).items()}
        for key in self.trace_keys:
            self.traces.setdefault(key, [])

    # -- persistence ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Everything later decisions depend on, as JSON-serialisable plain data."""
        return orjson.loads(self.to_json())  # a deep copy that is also proof of JSON-ability

    def to_json(self) -> bytes:
        """`to_dict()` as JSON bytes, without building the copy.

        >>> Monitor.from_dict(MonitorConfig(), orjson.loads(Monitor().to_json())).to_dict() == Monitor().to_dict()
        True
        """
        return orjson.dumps(self.snapshot())

    def snapshot(self) -> dict[str, Any]:
        """The live state that `to_dict()` copies, for a caller that serialises it at once (a
        checkpoint writes each series apart); it must not be kept or changed."""
        return {"version": STATE_VERSION, "bucket_seconds": self.config.bucket_seconds,
                "frontier": self.frontier, "max_time": self.max_time,
                "watermark": self.watermark,  # informational; recomputed from max_time on restore
                "open": sorted([i, b] for i, b in self.open.items()), "series": self.series,
                "source_max": self.source_max,
                "template": self.template, "counters": self.counters, "traces": self.traces}

    @classmethod
    def from_dict(cls, config: MonitorConfig, d: dict[str, Any], trace_keys: frozenset[str] | None = None) -> Monitor:
        keys = frozenset(d.get("traces", {})) if trace_keys is None else trace_keys
        return cls(config, d, keys)

    # -- input ---------------------------------------------------------------------------------
    @property
    def watermark(self) -> float | None:
        """The oldest of the sources' newest times, minus the allowed lateness.

        Sources are the input partitions: each is in event order by itself, while their
        interleaving depends on how the consumer fetches. Waiting for the slowest source makes
        the decisions independent of that interleaving, so live equals backtest. The caller
        retires a source that has gone quiet (`forget_source`), since only it knows wall time.
        """
        if self.max_time is None or None in self.source_max.values():
            return None  # nothing yet, or an expected source has not been heard from
        return min(self.source_max.values(), default=self.max_time) - self.config.allowed_lateness

    def expect_sources(self, sources: Sequence[str]) -> None:
        """Name the input partitions up front, so the watermark waits for one not heard from yet."""
        for name in sources:
            self.source_max.setdefault(name, None)

    def forget_source(self, source: str) -> list[Alert]:
        """Stop waiting for a source that has gone quiet; it rejoins with its next article."""
        if self.source_max.pop(source, 0) is None and not self.source_max:
            return []
        return self._advance(self.watermark)

    def observe(self, article_id: str, published_at: float, url: str | None, events: Sequence[Event],
                *, source: str = "") -> list[Alert]:
        """Count one article and its events; return the alerts of the buckets this closes.

        `source` names the ordered input the article came from (the worker passes its Kafka
        partition; a backtest has a single source).
        """
        bs = self.config.bucket_seconds
        b = bucket_of(published_at, bs)
        counted = [(e, s) for e in events if not e.negated for s in e.signals if s in self.config.signals]
        self.max_time = published_at if self.max_time is None else max(self.max_time, published_at)
        self.source_max[source] = max(self.source_max.get(source) or published_at, published_at)
        if self.frontier is not None and b < self.frontier:
            self.counters["late_articles"] += 1
            self.counters["late_events"] += len(counted)
            return []
        bucket = self.open.setdefault(b, {"volume": 0, "series": {}})
        bucket["volume"] += 1
        self.counters["articles"] += 1
        touched: set[str] = set()
        offers: dict[str, list[list[Any]]] = {}
        for event, signal in counted:
            self.counters["events_counted"] += 1
            for key in series_keys(signal, event):
                entry = bucket["series"].setdefault(key, [0, 0, []])
                entry[0] += 1
                if key not in touched:  # distinct articles, for the article floor
                    entry[1] += 1
                    touched.add(key)
                offers.setdefault(key, []).append(ev.candidate(event, url))
        for key, cands in offers.items():
            entry = bucket["series"][key]
            entry[2] = ev.keep_best(entry[2], cands, self.config.max_evidence)
        return self._advance(self.watermark)

    def flush(self, until: float | None = None) -> list[Alert]:
        """Close every open bucket ending at or before `until` (None: all of them), e.g. at the end
        of a backtest. The live worker never calls this, so a flushed backtest may show alerts
        of the last, still-open buckets that live has not decided yet."""
        if not self.open:
            return []
        end = (max(self.open) + 1) * self.config.bucket_seconds if until is None else until
        return self._advance(end)

    # -- closing buckets -----------------------------------------------------------------------
    def _advance(self, watermark: float | None) -> list[Alert]:
        bs = self.config.bucket_seconds
        if watermark is None:
            return []
        if self.frontier is None:
            if not self.open or not closes(min(self.open), bs, watermark):
                return []
            self.frontier = min(self.open)
        alerts: list[Alert] = []
        first_open = bucket_of(watermark, bs)  # the first bucket the watermark leaves open
        while closes(self.frontier, bs, watermark):
            if self.frontier not in self.open:  # empty buckets close as no-ops: skip over them
                self.frontier = min(min(self.open, default=first_open), first_open)
                continue
            alerts.extend(self._close(self.frontier))
            self.frontier += 1
        return alerts

    def _close(self, index: int) -> list[Alert]:
        bucket = self.open.pop(index, None)
        if bucket is None or bucket["volume"] <= 0:
            return []  # no articles at all: no information (a feed outage is not a quiet day)
        self.counters["buckets_closed"] += 1
        news_age = self.counters["buckets_closed"]  # the clock of key expiry: buckets that had news
        bs = self.config.bucket_seconds
        volume, slot = float(bucket["volume"]), weekday(index, bs)
        wanted = {f"{s}:{scope}:{k}" for k in self.trace_keys for s in self.config.signals
                  for scope in [("global" if k == "GLOBAL" else "dyad" if "-" in k else "country")]}
        alerts = []
        for key in sorted(set(self.series) | set(bucket["series"]) | wanted):
            count, articles, cands = bucket["series"].get(key, (0, 0, []))
            series = self.series.get(key)
            if series is None:
                series = {"state": copy.deepcopy(self.template), "last_seen": news_age, "recent": [], "spike": [],
                          "alert": None}
                self.series[key] = series
                self.counters["keys_created"] += 1
            obs = Observation(index=index, count=float(count), exposure=volume, slot=slot, articles=float(articles))
            traced = _scope_key(key) in self.trace_keys
            band = self.detector.band(series["state"], obs) if traced else None
            series["state"], score, decision = step(self.detector, series["state"], obs)
            if count:
                series["last_seen"] = news_age
                series["recent"].append([index, cands])
            # a window is a number of observed buckets (those with articles), so it can reach
            # further back than its length: keep the last buckets that held this key's events
            series["recent"] = series["recent"][-self._evidence_span:]
            alert = self._alert(key, series, decision, cands)
            if alert is not None:
                alerts.append(alert)
            if traced:
                self.traces[_scope_key(key)].append({
                    "bucket_start": bucket_start(index, bs), "signal": key.split(":", 1)[0], "observed": float(count),
                    "expected": band[0], "upper": band[1] if score.warm else None, "window_observed": score.observed,
                    "window_expected": score.expected, "window": score.window,
                    "alert_state": "firing" if decision.firing else "quiet", "transition": decision.transition})
        self.template = step(self.detector, self.template, Observation(index=index, count=0.0, exposure=volume,
                                                                       slot=slot, articles=0.0))[0]
        self._evict(news_age)
        return alerts

    def _alert(self, key: str, series: dict[str, Any], decision, cands: list[list[Any]]) -> Alert | None:
        limit = self.config.max_evidence
        if decision.transition == "fire":
            pool: list[list[Any]] = []
            for i, bucket_cands in series["recent"]:
                if i >= decision.start:
                    pool = ev.keep_best(pool, bucket_cands, limit)
            series["spike"] = pool
            alert = self._make(key, decision, "firing", pool)
            series["alert"] = alert.to_data()
            self.counters["alerts_firing"] += 1
            return alert
        if decision.transition in ("hold", "escalate") and cands:
            series["spike"] = ev.keep_best(series["spike"], cands, limit)
        if decision.transition == "escalate":  # a new firing alert for the spike so far, more severe
            alert = replace(self._make(key, decision, "firing", series["spike"]), escalation=True)
            series["alert"] = alert.to_data()
            self.counters["alerts_escalated"] += 1
            return alert
        if decision.transition == "resolve":
            alert = self._make(key, decision, "resolved", series["spike"])
            series["alert"], series["spike"] = None, []
            self.counters["alerts_resolved"] += 1
            return alert
        return None

    def _make(self, key: str, d, state: str, pool: list[list[Any]]) -> Alert:
        signal, scope, code = key.split(":", 2)
        bs = self.config.bucket_seconds
        return Alert(signal=signal, scope=scope, actors=() if scope == "global" else tuple(code.split("-")),
                     window_start=epoch_to_rfc3339(d.start * bs), window_end=epoch_to_rfc3339(d.end * bs),
                     observed=float(d.observed), expected=round(d.expected, 3), score=round(d.score, 2),
                     p_value=float(f"{d.p_value:.3g}"), severity=d.severity, state=state,
                     evidence=ev.select(pool, self.config.max_evidence))

    def _evict(self, news_age: int) -> None:
        ttl = self.config.key_ttl / self.config.bucket_seconds
        keep = self.trace_keys | {"GLOBAL"}
        for key in [k for k, s in self.series.items()
                    if news_age - s["last_seen"] > ttl and s["alert"] is None and _scope_key(k) not in keep]:
            del self.series[key]
            self.counters["keys_dropped"] += 1

    # -- queries -------------------------------------------------------------------------------
    def active_alerts(self) -> list[Alert]:
        """The alerts currently firing, by key."""
        return [alert_from_data(s["alert"]) for _, s in sorted(self.series.items()) if s["alert"] is not None]

    def trace(self, scope_key: str) -> list[dict[str, Any]]:
        """Per-bucket records of a traced scope key (both signals): for plots."""
        return list(self.traces.get(scope_key, []))
