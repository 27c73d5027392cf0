"""Flashpoint's own Prometheus metrics (Faust's sensor metrics are added beside them, prefix `faust_`).

Label values are bounded: signals, categories, stages and reasons are closed sets; countries
are ISO codes (≈250); dyads are capped at `MAX_DYAD_SERIES` distinct values, the rest count as
`other`, so a flood of odd actor pairs cannot blow up the time-series count.
"""

from __future__ import annotations

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram

MAX_DYAD_SERIES = 200
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    def __init__(self, registry: CollectorRegistry = REGISTRY) -> None:
        r = registry
        self.articles_received = Counter("flashpoint_articles_received", "Messages read from the articles topic", registry=r)
        self.articles_processed = Counter("flashpoint_articles_processed", "Valid articles run through the extractor", registry=r)
        self.articles_detected = Counter("flashpoint_articles_detected", "Articles counted by the detectors", registry=r)
        self.articles_duplicate = Counter("flashpoint_articles_duplicate", "Articles dropped as exact duplicate ids", registry=r)
        self.deadletter = Counter("flashpoint_deadletter", "Messages sent to the dead-letter topic", ["stage", "reason"], registry=r)
        self.events = Counter("flashpoint_events", "Non-negated events extracted", ["signal", "category"], registry=r)
        self.country_events = Counter("flashpoint_country_events", "Events per country and signal", ["signal", "country"], registry=r)
        self.dyad_events = Counter("flashpoint_dyad_events", "Events per dyad and signal", ["signal", "dyad"], registry=r)
        self.alerts = Counter("flashpoint_alerts", "Alerts published", ["signal", "scope", "state"], registry=r)
        self.alert_active = Gauge("flashpoint_alert_active", "1 while an alert is firing", ["signal", "scope", "actors"], registry=r)
        self.stage_latency = Histogram("flashpoint_stage_latency_seconds", "Processing time per stage and message batch",
                                       ["stage"], buckets=LATENCY_BUCKETS, registry=r)
        self.consumer_lag = Gauge("flashpoint_consumer_lag_messages", "High-water mark minus committed offset",
                                  ["topic", "partition"], registry=r)
        self.checkpoint_bytes = Counter("flashpoint_checkpoint_bytes", "Bytes of detector checkpoints written to the state changelog",
                                        registry=r)
        self.late_events = Counter("flashpoint_late_events", "Articles whose event-time bucket had already closed", registry=r)
        self.watermark = Gauge("flashpoint_watermark_timestamp_seconds", "Event-time watermark of the detectors", registry=r)
        self.webhook_deliveries = Counter("flashpoint_webhook_deliveries", "Webhook outcomes per endpoint",
                                          ["endpoint", "outcome"], registry=r)
        self.webhook_attempt_duration = Histogram("flashpoint_webhook_attempt_duration_seconds", "Duration of one webhook POST",
                                                  buckets=LATENCY_BUCKETS, registry=r)
        self._dyads: set[str] = set()
        self._active: set[tuple[str, str, str]] = set()

    def count_events(self, events) -> None:
        for ev in events:
            if ev.negated:
                continue
            codes = ev.actor_codes
            for signal in ev.signals:
                self.events.labels(signal, ev.category).inc()
                for code in codes:
                    self.country_events.labels(signal, code).inc()
                if len(codes) == 2:
                    self.dyad_events.labels(signal, self._dyad_label("-".join(codes))).inc()

    def _dyad_label(self, dyad: str) -> str:
        if dyad in self._dyads or len(self._dyads) < MAX_DYAD_SERIES:
            self._dyads.add(dyad)
            return dyad
        return "other"

    def set_active_alerts(self, alerts) -> None:
        """Make the `flashpoint_alert_active` series match the detectors' firing set exactly."""
        now = {(a.signal, a.scope, "-".join(a.actors) or "GLOBAL") for a in alerts}
        for labels in self._active - now:
            self.alert_active.remove(*labels)
        for labels in now:
            self.alert_active.labels(*labels).set(1)
        self._active = now


def total(metric) -> float:
    """The sum of a counter over all its label values (for summaries, not for hot paths)."""
    return sum(s.value for m in metric.collect() for s in m.samples if s.name.endswith("_total"))
