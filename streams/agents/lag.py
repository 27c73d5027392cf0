"""Consumer lag per assigned partition (high-water mark minus committed offset), every few seconds."""

from __future__ import annotations

from streams.app import Flashpoint


def install_lag(fp: Flashpoint) -> None:
    @fp.app.timer(interval=5.0)
    async def consumer_lag() -> None:
        consumer = fp.app.consumer
        committed = getattr(consumer, "_committed_offset", {})
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            done = committed.get(tp)
            lag = highwater - (done or 0)  # Kafka commits the next offset to read
            fp.metrics.consumer_lag.labels(tp.topic, str(tp.partition)).set(max(0, lag))
