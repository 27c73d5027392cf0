"""The no-Kafka commands: `extract` and `backtest`, on the very code the worker runs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import orjson

from alerts.model import Alert
from alerts.monitor import Monitor
from extractors.article import parse_article
from extractors.model import Article, Event, InvalidArticle
from streams.dedupe import RecentIds
from streams.jsonl import read_article_docs
from streams.settings import load_settings

BATCH = 32


def valid_articles(path: str | Path, *, errors: IO | None = None, max_bytes: int = 1_000_000) -> Iterator[Article]:
    for n, doc in enumerate(read_article_docs(path), 1):
        try:
            yield parse_article(doc, max_bytes=max_bytes)
        except InvalidArticle as exc:
            if errors is not None:
                print(f"line {n}: skipped ({exc})", file=errors)


def batched(items: Iterable, size: int = BATCH) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_file(path: str | Path, out: IO[bytes], extractor=None) -> int:
    """One line per article: {"article_id": …, "events": [ … ]}. Returns the number of articles."""
    from extractors.pipeline import Extractor

    extractor = extractor or Extractor()
    count = 0
    for batch in batched(valid_articles(path, errors=sys.stderr)):
        for article, events in zip(batch, extractor.extract_batch(batch)):
            out.write(orjson.dumps({"article_id": article.id, "events": events}) + b"\n")
            count += 1
    return count


def backtest(articles: Iterable[Article], extractor=None, monitor: Monitor | None = None,
             progress=None) -> Iterator[Alert]:
    """Articles in `published_at` order through dedupe, the extractor and the monitor → alerts.

    Exactly what the worker does per article, minus Kafka: the same dedupe rule, the same
    extractor, the same `Monitor.observe` call per article.
    """
    from extractors.pipeline import Extractor

    extractor = extractor or Extractor()
    monitor = monitor if monitor is not None else Monitor(load_settings().monitor_config())  # as the worker's
    seen = RecentIds()
    ordered = sorted(articles, key=lambda a: a.timestamp)  # stable: equal times keep file order
    fresh = [a for a in ordered if not seen.check_and_add(a.id)]
    for batch in batched(fresh):
        results: list[list[Event]] = extractor.extract_batch(batch)
        for article, events in zip(batch, results):
            yield from monitor.observe(article.id, article.timestamp, article.url, events)
        if progress is not None:
            progress(len(batch))
