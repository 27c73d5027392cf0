"""ingest + extract: validate, dedupe, extract events in worker processes, publish them in order.

Batches are pipelined: while the pool extracts batch n, the agent already validates batch n+1.
Every input event, rejected or not, is acked only after everything before it is published.
A single publisher task emits results strictly in arrival order and only then acks the input,
so offsets are committed after the article's output is produced (at-least-once).
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from extractors.article import parse_article
from extractors.model import Article, InvalidArticle
from streams.app import Flashpoint, dumps
from streams.batching import Batcher
from streams.dedupe import RecentIds
from streams.deadletter import deadletter_record
from streams.extraction import ExtractionPool

log = logging.getLogger("flashpoint.ingest")


async def send_deadletter(fp: Flashpoint, *, stage: str, reason: str, detail: str, message: Any = None,
                          payload: bytes | None = None, key: Any = None, history: list | None = None) -> None:
    if message is not None:
        payload, key = message.value, message.key
    record = deadletter_record(stage=stage, reason=reason, detail=detail, payload=payload, key=key,
                               topic=getattr(message, "topic", None), partition=getattr(message, "partition", None),
                               offset=getattr(message, "offset", None), history=history)
    fp.metrics.deadletter.labels(stage, reason).inc()
    await fp.topics.deadletter.send(key=key if isinstance(key, bytes) else (key or "").encode() or None,
                                    value=dumps(record))


def install_ingest(fp: Flashpoint) -> None:
    settings, metrics, topics = fp.settings, fp.metrics, fp.topics
    # per run of the agent: after a restart, ids of articles lost in flight must not count as seen
    seen = RecentIds(settings.dedupe_window)
    read: dict[int, list[int]] = {}  # partition → [first, last] offset read by this run of the agent
    pool_holder: dict[str, ExtractionPool] = {}

    def pool() -> ExtractionPool:
        if "pool" not in pool_holder:
            pool_holder["pool"] = ExtractionPool(settings.extract_processes)
        return pool_holder["pool"]

    def replace_broken(broken: ExtractionPool) -> None:
        """A child died (e.g. out of memory): start a fresh pool, once per broken pool."""
        if pool_holder.get("pool") is broken:
            pool_holder.pop("pool").close()

    async def extract_one_by_one(accepted: list[tuple[Article, Any]]) -> list[list | None]:
        results: list[list | None] = []
        for article, message in accepted:
            current = pool()
            try:
                results.extend(await current.extract([article]))
            except Exception as exc:
                if isinstance(exc, BrokenProcessPool):
                    replace_broken(current)
                await send_deadletter(fp, stage="extract", reason="extractor_error", detail=repr(exc), message=message)
                results.append(None)
        return results

    async def publish(stream, batch_events, accepted: list[tuple[Article, Any]], pending, used) -> None:
        try:
            results = await pending if pending is not None else []
        except Exception as exc:  # one bad article must not sink its batch: retry one by one
            log.exception("batch extraction failed; retrying article by article")
            if isinstance(exc, BrokenProcessPool):
                replace_broken(used)
            results = await extract_one_by_one(accepted)
        for (article, _message), events in zip(accepted, results):
            if events is None:
                continue
            metrics.articles_processed.inc()
            for event in events:
                await topics.events.send(key=event.scope_key.encode(), value=dumps(event), timestamp=article.timestamp)
            metrics.count_events(events)
            record = {"article_id": article.id, "published_at": article.published_at, "url": article.url,
                      "partition": _message.partition, "offset": _message.offset, "events": events}
            await topics.extracted.send(key=article.id.encode(), value=dumps(record), timestamp=article.timestamp)
        for event in batch_events:
            await stream.ack(event)

    @fp.app.agent(topics.articles, name="ingest")
    async def ingest(stream):
        stream = stream.noack()
        seen.clear()
        read.clear()
        await pool().warm_up()
        queue: asyncio.Queue = asyncio.Queue(maxsize=max(2, pool().processes))

        async def publisher() -> None:
            while True:
                item = await queue.get()
                started = time.perf_counter()
                await publish(stream, *item)
                metrics.stage_latency.labels("extract").observe(time.perf_counter() - started)

        async def dispatch(items: list[tuple[Any, Article | None]]) -> None:
            accepted = [(article, event.message) for event, article in items if article is not None]
            used = pool()
            pending = asyncio.ensure_future(used.extract([a for a, _ in accepted])) if accepted else None
            await queue.put(([event for event, _ in items], accepted, pending, used))

        batcher = Batcher(dispatch, size=settings.extract_batch, within=0.05)
        batcher.start()
        publisher_task = asyncio.ensure_future(publisher())
        try:
            async for event in stream.events():
                if publisher_task.done():  # it only ends by failing: surface that, do not hang
                    publisher_task.result()
                started = time.perf_counter()
                await batcher.add((event, await accept(event.message)))
                metrics.stage_latency.labels("ingest").observe(time.perf_counter() - started)
        finally:
            log.info("articles read by this run, per partition (first, last offset): %s",
                     {p: tuple(span) for p, span in sorted(read.items())})
            batcher.stop()
            publisher_task.cancel()
            if "pool" in pool_holder:
                pool_holder.pop("pool").close()

    def resumed(message) -> None:
        """Where this run starts reading a partition; loud if that is past the group's committed offset."""
        committed = getattr(fp.app.consumer, "_committed_offset", {}).get(message.tp)
        if committed is not None and message.offset > committed:
            # nothing here can read them back: Faust has already acked the gap as compacted
            log.error("articles partition %s resumed at offset %s, past the committed offset %s: %d articles "
                      "skipped (see streams/reseek.py)",
                      message.partition, message.offset, committed, message.offset - committed)
        else:
            log.info("articles partition %s: first offset read %s", message.partition, message.offset)

    async def accept(message) -> Article | None:
        """The article, or None when it is dead-lettered or a duplicate (still acked in order)."""
        metrics.articles_received.inc()
        span = read.setdefault(message.partition, [message.offset, message.offset])
        if span[0] == message.offset:
            resumed(message)
        span[1] = message.offset
        try:
            article = parse_article(message.value, max_bytes=settings.max_article_bytes)
        except InvalidArticle as exc:
            await send_deadletter(fp, stage="ingest", reason=exc.reason, detail=exc.detail, message=message)
            return None
        if seen.check_and_add(article.id):
            metrics.articles_duplicate.inc()
            return None
        return article
