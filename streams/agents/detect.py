"""count + detect: feed every extracted article to the pure `alerts.monitor.Monitor`, publish its alerts.

The monitor's state lives in a Faust table (changelog-backed), written after each batch
together with the input offset it covers, before that batch is acked. After a crash the
restored state plus the offset guard give exactly the decisions of an uninterrupted run;
any alert re-sent in between carries the same deterministic id.
"""

from __future__ import annotations

import logging
import time

import orjson

from alerts.monitor import Monitor, MonitorConfig
from extractors.model import event_from_dict, rfc3339_to_epoch
from streams.app import Flashpoint, dumps
from streams.state import diff_parts, join_state, split_state

log = logging.getLogger("flashpoint.detect")
OFFSET_KEY = "__offset__"


def install_detect(fp: Flashpoint, config: MonitorConfig | None = None) -> None:
    metrics, topics = fp.metrics, fp.topics
    config = config or MonitorConfig()
    table = fp.app.Table("detector-state", default=None, partitions=1, key_type=str, value_type=None,
                         key_serializer="json", value_serializer="json")
    held: dict = {"monitor": None, "parts": {}, "offset": -1, "seen": 0}
    fp.hooks["monitor"] = lambda: held["monitor"]
    fp.hooks["detect_seen"] = lambda: held["seen"]

    def restore() -> None:
        parts = {k: v for k, v in table.items() if k != OFFSET_KEY}
        held["offset"] = table.get(OFFSET_KEY) if table.get(OFFSET_KEY) is not None else -1
        held["parts"] = parts
        held["monitor"] = Monitor.from_dict(config, join_state(parts)) if parts else Monitor(config)
        if parts:
            log.info("detector state restored: %d parts, input offset %s", len(parts), held["offset"])

    def checkpoint(offset: int) -> None:
        new = split_state(held["monitor"].to_dict())
        changed, removed = diff_parts(held["parts"], new)
        for key, value in changed.items():
            table[key] = value
        for key in removed:
            del table[key]
        table[OFFSET_KEY] = offset
        held["parts"], held["offset"] = new, offset

    @fp.app.on_rebalance_complete.connect
    async def _reload(app, **kwargs) -> None:  # another worker may have moved the state on
        held["monitor"] = None

    @fp.app.agent(topics.extracted, name="detect")
    async def detect(stream):
        async for batch in stream.take_events(500, within=0.2):
            started = time.perf_counter()
            if held["monitor"] is None:
                restore()
            monitor: Monitor = held["monitor"]
            last_offset = held["offset"]
            for event in batch:
                if event.message.offset <= held["offset"]:
                    continue  # already inside the restored state
                record = orjson.loads(event.message.value)
                events = [event_from_dict(e) for e in record["events"]]
                late_before = monitor.counters.get("late_events", 0)
                for alert in monitor.observe(record["article_id"], rfc3339_to_epoch(record["published_at"]),
                                             record.get("url"), events):
                    await topics.alerts.send(key=alert.key.encode(), value=dumps(alert.to_cloudevent()),
                                             timestamp=rfc3339_to_epoch(alert.window_end))
                    metrics.alerts.labels(alert.signal, alert.scope, alert.state).inc()
                metrics.late_events.inc(monitor.counters.get("late_events", 0) - late_before)
                last_offset = event.message.offset
                held["seen"] += 1
                metrics.articles_detected.inc()
            if last_offset > held["offset"]:
                checkpoint(last_offset)
            metrics.set_active_alerts(monitor.active_alerts())
            if monitor.to_dict().get("watermark") is not None:
                metrics.watermark.set(monitor.to_dict()["watermark"])
            metrics.stage_latency.labels("detect").observe(time.perf_counter() - started)
