"""`flashpoint tail alerts|events|deadletter`: follow a topic and print it readably."""

from __future__ import annotations

import time

import orjson
from rich.console import Console
from rich.markup import escape

from streams.render import alert_line, event_line
from streams.replay import kafka_python_security
from streams.settings import Settings


def tail(settings: Settings, which: str, *, from_beginning: bool = False, as_json: bool = False,
         max_messages: int = 0, idle_timeout_s: float = 0.0) -> int:
    from kafka import KafkaConsumer, TopicPartition

    console = Console(highlight=False, soft_wrap=True)
    topic = settings.topic(which)
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False,
                             **kafka_python_security(settings))
    try:
        partitions = consumer.partitions_for_topic(topic) or set()
        if not partitions:
            console.print(f"[yellow]topic {topic} does not exist yet[/]")
            return 1
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        (consumer.seek_to_beginning if from_beginning else consumer.seek_to_end)(*tps)
        shown, last = 0, time.monotonic()
        while True:
            batch = consumer.poll(timeout_ms=500)
            for records in batch.values():
                for record in records:
                    shown += 1
                    console.print(_render(which, record.value, as_json), markup=not as_json)
                    if max_messages and shown >= max_messages:
                        return 0
            if batch:
                last = time.monotonic()
            elif idle_timeout_s and time.monotonic() - last > idle_timeout_s:
                return 0
    finally:
        consumer.close()


def _render(which: str, value: bytes, as_json: bool) -> str:
    if as_json:
        return value.decode("utf-8", "replace")
    try:
        doc = orjson.loads(value)
    except orjson.JSONDecodeError:
        return escape(value.decode("utf-8", "replace"))
    if which == "alerts":
        return alert_line(doc)
    if which == "events":
        return event_line(doc)
    return (f"[red]{escape(str(doc.get('stage')))}[/] {escape(str(doc.get('reason')))}: "
            f"{escape(str(doc.get('detail', ''))[:120])} (key {escape(str(doc.get('key')))})")
