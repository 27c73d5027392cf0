"""deliver: webhooks from the alerts topic, in a consumer group of its own.

Its own group means a slow or dead receiver never holds up detection: the detect agent only
produces to the alerts topic. Offsets are committed after each batch is delivered or
dead-lettered with its delivery history, so nothing is lost across a restart.
"""

from __future__ import annotations

import asyncio
import logging
import os
from itertools import groupby
import time

import orjson
from aiokafka import AIOKafkaConsumer
from faust.exceptions import NotReady

from streams.app import Flashpoint
from streams.dedupe import RecentIds

log = logging.getLogger("flashpoint.deliver")


def install_deliver(fp: Flashpoint) -> None:
    from alerts.sinks.webhook import WebhookSink, endpoints_from_settings

    # URLs and per-endpoint knobs come from FLASHPOINT_WEBHOOK_* and the YAML `webhooks` list
    env = {**os.environ, "FLASHPOINT_WEBHOOK_URLS": fp.settings.webhook_urls}  # the YAML file may set them too
    endpoints = endpoints_from_settings(env, config=fp.settings.webhooks, secret=fp.settings.webhook_secret_value())
    if not endpoints:
        return
    metrics = fp.metrics

    @fp.app.task
    async def deliver() -> None:
        from streams.agents.ingest import send_deadletter

        sink = WebhookSink(endpoints)
        delivered = RecentIds(50_000)
        consumer = AIOKafkaConsumer(
            fp.topics.alerts.get_topic_name(), bootstrap_servers=fp.hooks["bootstrap"],
            group_id=f"{fp.settings.app_id}-deliver", enable_auto_commit=False, auto_offset_reset="earliest",
            session_timeout_ms=10_000, heartbeat_interval_ms=1_000, max_poll_interval_ms=1_800_000,
            **fp.hooks.get("aiokafka_security", {}),
        )
        await consumer.start()
        log.info("webhook delivery to %d endpoint(s)", len(endpoints))

        async def handle(message) -> None:
            try:
                cloudevent = orjson.loads(message.value)
                alert_id = cloudevent["id"]
            except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
                await send_deadletter(fp, stage="deliver", reason="invalid_alert", detail=repr(exc), message=message)
                return
            if alert_id in delivered:
                return  # a redelivered alert: same id, already sent
            started = time.perf_counter()
            results = await sink.deliver(cloudevent)
            delivered.check_and_add(alert_id)
            metrics.stage_latency.labels("deliver").observe(time.perf_counter() - started)
            for result in results:
                for attempt in result.attempts:
                    metrics.webhook_attempt_duration.observe(attempt.duration_s)
                retried = max(0, len(result.attempts) - 1)
                if retried:
                    metrics.webhook_deliveries.labels(result.endpoint_name, "retried").inc(retried)
                metrics.webhook_deliveries.labels(result.endpoint_name, "delivered" if result.delivered else "failed").inc()
            failed = [r for r in results if not r.delivered]
            if failed:
                history = [r.to_dict() for r in failed]
                await send_deadletter(fp, stage="deliver", reason="webhook_failed",
                                      detail=f"{len(failed)} endpoint(s) failed", message=message, history=history)

        async def in_order(messages) -> None:  # a spike's firing alert goes out before its resolved one
            for message in messages:
                await handle(message)

        try:
            while True:
                batches = await consumer.getmany(timeout_ms=500, max_records=16)
                for _tp, messages in batches.items():
                    by_key = [list(g) for _k, g in groupby(sorted(messages, key=lambda m: (m.key or b"", m.offset)),
                                                           key=lambda m: m.key)]
                    try:
                        await asyncio.gather(*(in_order(group) for group in by_key))
                    except NotReady:  # shutting down: the producer is gone and the batch is not
                        # committed, so a restarted worker delivers it again (at least once)
                        log.info("delivery stops: the producer has stopped; the uncommitted batch will be redelivered")
                        return
                if batches:
                    await consumer.commit()
        finally:
            await consumer.stop()
            await sink.close()
