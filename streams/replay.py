"""`flashpoint replay`: produce an articles JSONL file to the articles topic, keyed by id, stamped with published_at."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import orjson

from extractors.model import rfc3339_to_epoch
from streams.jsonl import read_lines
from streams.settings import Settings


def ensure_topics(bootstrap: str, settings: Settings) -> int:
    """Create the public topics if missing (a replay may start before the first worker, and a
    broker that auto-creates topics would pick its own partition count); return the number of
    partitions the articles topic really has."""
    from kafka import KafkaAdminClient
    from kafka.admin import NewTopic
    from kafka.errors import TopicAlreadyExistsError

    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="flashpoint-replay", **kafka_python_security(settings))
    try:
        existing = set(admin.list_topics())
        wanted = [NewTopic(settings.topic(n), settings.partitions if n in ("articles", "events") else 1, 1)
                  for n in ("articles", "events", "alerts", "deadletter")]
        missing = [t for t in wanted if t.name not in existing]
        if missing:
            try:
                admin.create_topics(missing)
            except TopicAlreadyExistsError:
                pass
        described = admin.describe_topics([settings.topic("articles")])
        return max(1, len(described[0].get("partitions") or [])) if described else settings.partitions
    finally:
        admin.close()


def kafka_python_security(settings: Settings) -> dict:
    opts: dict = {"security_protocol": settings.kafka_security_protocol}
    if settings.kafka_sasl_mechanism:
        opts.update(sasl_mechanism=settings.kafka_sasl_mechanism, sasl_plain_username=settings.kafka_sasl_username,
                    sasl_plain_password=settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else None)
    if settings.kafka_ssl_cafile:
        opts["ssl_cafile"] = str(settings.kafka_ssl_cafile)
    return opts


def key_and_timestamp(line: bytes) -> tuple[bytes | None, int | None]:
    """The article id as key and published_at as the message timestamp (ms), when the line has them."""
    try:
        doc = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None, None
    if not isinstance(doc, dict):
        return None, None
    key = doc.get("id")
    key_bytes = str(key).encode() if isinstance(key, (str, int)) and not isinstance(key, bool) else None
    try:
        ts = int(rfc3339_to_epoch(doc["published_at"]) * 1000) if isinstance(doc.get("published_at"), str) else None
    except (ValueError, OverflowError, OSError):
        ts = None
    if ts is not None and ts < 0:
        ts = None
    return key_bytes, ts


def replay(lines: Iterable[bytes], bootstrap: str, settings: Settings, *, rate: float = 0.0,
           progress=None) -> int:
    """Produce every line as is (junk included: the worker dead-letters it). `rate` in articles/s, 0 = flat out."""
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, acks="all",
                             max_request_size=4_000_000, **kafka_python_security(settings))
    topic = settings.topic("articles")
    sent, started = 0, time.monotonic()
    try:
        for line in lines:
            key, ts = key_and_timestamp(line)
            producer.send(topic, key=key, value=line, timestamp_ms=ts)
            sent += 1
            if progress is not None:
                progress(1)
            if rate > 0:
                ahead = started + sent / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
        producer.flush()
    finally:
        producer.close()
    return sent


def replay_file(path: str | Path, bootstrap: str, settings: Settings, *, rate: float = 0.0, progress=None) -> int:
    return replay(read_lines(path), bootstrap, settings, rate=rate, progress=progress)
