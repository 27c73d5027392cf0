"""`flashpoint demo`: embedded broker + worker, the bundled sample replayed fast, alerts printed as they fire."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from rich.console import Console

from streams.jsonl import read_lines
from streams.metrics import total
from streams.render import alert_line
from streams.replay import key_and_timestamp
from streams.settings import Settings
from streams.worker import run_worker

IDLE_DONE_S = 3.0  # all articles detected and no new alert for this long: the demo is over
GIVE_UP_S = 300.0  # no alert and no completion for this long: something is wrong, stop anyway


def run_demo(settings: Settings, *, sample: Path, keep_running: bool = False, rate: float = 0.0) -> int:
    console = Console(highlight=False)
    lines = list(read_lines(sample))
    console.print(f"[bold]Flashpoint demo[/]: {len(lines)} articles from {sample.name}, embedded broker, one worker")

    def on_app(fp) -> None:
        @fp.app.task
        async def drive() -> None:
            started = time.monotonic()
            bootstrap = fp.hooks["bootstrap"]
            console.print(f"metrics: {fp.hooks['web_url']}/metrics")
            await _replay(bootstrap, fp.topics.articles.get_topic_name(), lines, rate)
            console.print(f"replayed {len(lines)} articles in {time.monotonic() - started:.1f}s; alerts:")
            counts = await _follow_alerts(fp, bootstrap, len(lines), console)
            elapsed = time.monotonic() - started
            m = fp.metrics
            console.print(
                f"\n[bold]summary[/] {elapsed:.0f}s: {total(m.articles_processed):.0f} articles extracted, "
                f"{total(m.events):.0f} signal counts, "
                f"{sum(counts.values())} alerts ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items())) or 'none'})")
            if keep_running:
                console.print(f"worker keeps running; metrics at {fp.hooks['web_url']}/metrics — Ctrl-C to stop")
                return
            await fp.hooks["worker"].stop()

    return run_worker(settings, on_app=on_app, loglevel="warning")


async def _replay(bootstrap: str, topic: str, lines: list[bytes], rate: float) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, max_request_size=4_000_000)
    await producer.start()
    try:
        for n, line in enumerate(lines, 1):
            key, ts = key_and_timestamp(line)
            await producer.send(topic, value=line, key=key, timestamp_ms=ts)
            if rate > 0:
                await asyncio.sleep(1 / rate)
        await producer.flush()
    finally:
        await producer.stop()


async def _follow_alerts(fp, bootstrap: str, total: int, console: Console) -> Counter:
    consumer = AIOKafkaConsumer(fp.topics.alerts.get_topic_name(), bootstrap_servers=bootstrap,
                                auto_offset_reset="earliest", enable_auto_commit=False, group_id=None)
    await consumer.start()
    counts: Counter = Counter()
    last_news = time.monotonic()
    progress = [0, time.monotonic()]  # articles accounted for, when that last changed
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                for record in records:
                    doc = orjson.loads(record.value)
                    counts[f"{doc['data']['signal']} {doc['data']['state']}"] += 1
                    console.print(alert_line(doc))
                    last_news = time.monotonic()
            accounted = fp.hooks.get("detect_seen", lambda: 0)() + _rejected(fp)
            if accounted >= total and time.monotonic() - last_news > IDLE_DONE_S:
                return counts
            if accounted != progress[0]:
                progress[:] = [accounted, time.monotonic()]
            if time.monotonic() - max(last_news, progress[1]) > GIVE_UP_S:
                console.print(f"[yellow]no progress for {GIVE_UP_S:.0f}s ({accounted} of {total} articles); stopping[/]")
                return counts
    finally:
        await consumer.stop()


def _rejected(fp) -> int:
    """Articles that never reach the detectors: dead-lettered at ingest, or duplicates."""
    ingest_dead = sum(s.value for m in fp.metrics.deadletter.collect() for s in m.samples
                      if s.name.endswith("_total") and s.labels.get("stage") == "ingest")
    return int(ingest_dead + total(fp.metrics.articles_duplicate))
