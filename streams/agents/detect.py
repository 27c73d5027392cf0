"""count + detect: feed every extracted article to the pure `alerts.monitor.Monitor`, publish its alerts.

The monitor's state lives in a Faust table (changelog-backed), written by `streams.state.CheckpointStore`
before each batch is acked: a compressed delta per checkpoint (the series that changed, the input
offset it covers) over a full base written now and then. After a crash the
restored state plus the offset guard give exactly the decisions of an uninterrupted run;
any alert re-sent in between carries the same deterministic id. Articles that ingest extracts a
second time after a crash (at-least-once) carry their articles-topic offset and are recognised
as already counted, since each partition's articles arrive here in offset order.

Each article carries the articles-topic partition it came from; the monitor's watermark waits
for the slowest partition, so the interleaving of partitions cannot make news late. A
partition silent on the wall clock for `SOURCE_IDLE_S` is no longer waited for.
"""

from __future__ import annotations

import logging
import time

import orjson

from alerts.monitor import Monitor, MonitorConfig
from extractors.model import event_from_dict, rfc3339_to_epoch
from streams.app import MAX_MESSAGE_BYTES, Flashpoint, dumps
from streams.batching import Batcher
from streams.state import CheckpointStore

log = logging.getLogger("flashpoint.detect")
SOURCE_IDLE_S = 30.0
CLOUDEVENT_HEADERS = {"content-type": b"application/cloudevents+json"}  # CloudEvents Kafka binding, structured mode


def install_detect(fp: Flashpoint, config: MonitorConfig | None = None) -> None:
    metrics, topics = fp.metrics, fp.topics
    config = config or fp.settings.monitor_config()
    table = fp.app.Table("detector-state", default=None, partitions=1, key_type=str,
                         extra_topic_configs={"max.message.bytes": MAX_MESSAGE_BYTES})
    store = CheckpointStore(table, max_record_bytes=MAX_MESSAGE_BYTES)
    held: dict = {"monitor": None, "offset": -1, "seen": 0, "heard": {}, "counted": {}}
    fp.hooks["detect_seen"] = lambda: held["seen"]

    def restore() -> Monitor:
        monitor = None
        try:
            saved = store.load() or {"offset": -1, "counted": {}, "state": None}
        except ValueError as exc:  # a damaged changelog: counting starts afresh, loudly
            log.error("detector checkpoint unreadable, starting afresh: %s", exc)
            saved = {"offset": -1, "counted": {}, "state": None}
        held["offset"], held["counted"] = saved["offset"], dict(saved["counted"])
        if saved["state"] is not None:
            try:
                monitor = Monitor.from_dict(config, saved["state"])
                log.info("detector state restored: input offset %s, %d series", held["offset"],
                         len(saved["state"]["series"]))
            except ValueError as exc:  # the bucket length (or the state layout) changed: learn afresh
                log.warning("detector state not restored, starting afresh from input offset %s: %s",
                            held["offset"], exc)
        if monitor is None:
            monitor = Monitor(config)
            monitor.expect_sources([str(p) for p in range(fp.hooks.get("article_partitions", 1))])
        held["heard"] = {}
        held["since"] = time.monotonic()
        held["observed"] = held["offset"]
        held["monitor"] = monitor
        return monitor

    async def checkpoint(monitor: Monitor, offset: int, current) -> None:
        records = store.records(offset=offset, counted=held["counted"], state=monitor.snapshot())
        for n, (key, blob) in enumerate(records):
            if n:
                # Tansu reports a partition's end as the first offset of its last record batch + 1,
                # and Faust recovers a table up to that end: the record that names a new base must
                # not share a batch with it, or a restart right after would not see it
                await fp.app.producer.flush()
            # table writes take their partition from the current event, which a timer task lacks
            held["stream"]._set_current_event(current)
            table[key] = blob
            metrics.checkpoint_bytes.inc(len(blob))
        held["offset"] = offset

    def idle_sources(monitor: Monitor) -> list[str]:
        now = time.monotonic()
        return [s for s in monitor.source_max if now - held["heard"].get(s, held["since"]) > SOURCE_IDLE_S]

    @fp.app.on_partitions_revoked.connect
    async def _drop(app, revoked, **kwargs) -> None:  # another worker takes the state on from its table
        if any(tp.topic == topics.extracted.get_topic_name() for tp in revoked):
            held["monitor"] = None

    async def publish(alerts) -> None:
        for alert in alerts:
            await topics.alerts.send(key=alert.key.encode(), value=dumps(alert.to_cloudevent()),
                                     timestamp=rfc3339_to_epoch(alert.window_end), headers=CLOUDEVENT_HEADERS)
            metrics.alerts.labels(alert.signal, alert.scope, "escalated" if alert.escalation else alert.state).inc()

    async def commit(events) -> None:
        """Checkpoint the state (covering everything observed so far), then ack `events`."""
        monitor = held["monitor"]
        # after a revoke the monitor is gone but these events are still acked: an unacked
        # offset would leave a gap that blocks every later commit of this partition
        if monitor is not None and held["observed"] > held["offset"]:
            await checkpoint(monitor, held["observed"], events[-1])
        for event in events:
            await held["stream"].ack(event)

    @fp.app.agent(topics.extracted, name="detect")
    async def detect(stream):
        held["stream"] = stream = stream.noack()
        batcher = Batcher(commit, size=1000, within=1.0)  # a checkpoint serialises every series
        batcher.start()
        try:
            async for event in stream.events():
                async with batcher.lock:  # no checkpoint between observing and publishing
                    await observe(event)
                await batcher.add(event)
        finally:
            batcher.stop()

    async def observe(event) -> None:
        started = time.perf_counter()
        monitor = held["monitor"] or restore()
        if event.message.offset <= held["observed"]:
            return  # already inside the restored state
        record = orjson.loads(event.message.value)
        source = str(record.get("partition", ""))
        held["heard"][source] = time.monotonic()
        position = record.get("offset")
        if position is not None and position <= held["counted"].get(source, -1):
            # an article redelivered to ingest after a crash, extracted again: already counted
            held["observed"] = event.message.offset
            log.debug("article %s (partition %s offset %s) already counted", record["article_id"], source, position)
            return
        if position is not None:
            held["counted"][source] = position
        late_before = monitor.counters["late_events"]
        alerts = monitor.observe(record["article_id"], rfc3339_to_epoch(record["published_at"]), record.get("url"),
                                 [event_from_dict(e) for e in record["events"]], source=source)
        for idle in idle_sources(monitor):
            log.info("input partition %s idle for %.0fs: the watermark no longer waits for it", idle, SOURCE_IDLE_S)
            alerts += monitor.forget_source(idle)
        await publish(alerts)
        if alerts:
            metrics.set_active_alerts(monitor.active_alerts())
        held["observed"] = event.message.offset
        held["seen"] += 1
        metrics.articles_detected.inc()
        metrics.late_events.inc(monitor.counters["late_events"] - late_before)
        if monitor.watermark is not None:
            metrics.watermark.set(monitor.watermark)
        metrics.stage_latency.labels("detect").observe(time.perf_counter() - started)
