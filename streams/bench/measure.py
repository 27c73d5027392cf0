"""The single measurements of `flashpoint bench`; each returns articles per second (or seconds, or MB)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence

import orjson

from extractors.model import Article


def tokenizer_rate(nlp, texts: Sequence[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        nlp.tokenizer(text)
    return len(texts) / (time.perf_counter() - started)


def naive_rate(nlp, texts: Sequence[str]) -> float:
    """spaCy's full pipeline over every article, as a naive build would run it."""
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - started)


def extract_rate(extractor, articles: Sequence[Article], batch: int = 32) -> float:
    started = time.perf_counter()
    for i in range(0, len(articles), batch):
        extractor.extract_batch(list(articles[i:i + batch]))
    return len(articles) / (time.perf_counter() - started)


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants (the extraction pool, the forkserver)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


class EventArrivals:
    """Follows the events topic in a thread and records when each article's first event arrives."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        from kafka import KafkaConsumer, TopicPartition

        self.first_seen: dict[str, float] = {}
        self._stop = threading.Event()
        self._consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=20)
        parts = self._consumer.partitions_for_topic(topic) or {0}
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        self._consumer.assign(tps)
        self._consumer.seek_to_end(*tps)
        for tp in tps:
            self._consumer.position(tp)  # resolve "end" now, before anything is produced
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            for records in self._consumer.poll(timeout_ms=50).values():
                now = time.monotonic()
                for record in records:
                    article_id = orjson.loads(record.value)["article_id"]
                    self.first_seen.setdefault(article_id, now)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._consumer.close()


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]
