"""The Faust app: topics, the ingest → extract agent, the detect agent and the deliver service.

    articles ──► ingest+extract ──► events (public)  ──► downstream consumers
                        └─────────► extracted (internal, 1 partition) ──► detect ──► alerts
    alerts ──► deliver (own consumer group) ──► webhooks
    rejects at any stage ──► deadletter

The detect stage reads one internal single-partition topic so that country, dyad and global
counts see every article exactly once, in one place; extraction (the heavy part) scales out
with the partitions of the articles topic.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import faust
import orjson
from faust.sensors.prometheus import setup_prometheus_sensors
from prometheus_client import REGISTRY

from streams.metrics import Metrics
from streams.reseek import install_resume_after_seek
from streams.settings import Settings

log = logging.getLogger("flashpoint")
MAX_MESSAGE_BYTES = 8_000_000  # the largest record we produce: a detector checkpoint


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


@dataclass
class Topics:
    articles: faust.TopicT
    events: faust.TopicT
    extracted: faust.TopicT
    alerts: faust.TopicT
    deadletter: faust.TopicT


@dataclass
class Flashpoint:
    """Everything a running worker holds: the app, its topics, metrics and hooks for the CLI."""

    settings: Settings
    app: faust.App
    topics: Topics
    metrics: Metrics
    hooks: dict[str, Any] = field(default_factory=dict)


def faust_broker_options(settings: Settings) -> dict[str, Any]:
    """Client options: quick group joins (seconds, not ~30 s, on the embedded broker), TLS/SASL pass-through."""
    opts: dict[str, Any] = dict(
        broker_session_timeout=10.0,
        broker_rebalance_timeout=10.0,
        broker_heartbeat_interval=1.0,
        broker_request_timeout=30.0,
        broker_commit_every=500,
        broker_commit_interval=1.0,
        consumer_auto_offset_reset="earliest",
    )
    if settings.kafka_security_protocol != "PLAINTEXT":
        opts["broker_credentials"] = _credentials(settings)
    return opts


def _credentials(settings: Settings):
    import ssl

    context = None
    if "SSL" in settings.kafka_security_protocol:
        context = ssl.create_default_context(cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None)
    if settings.kafka_sasl_mechanism:
        password = settings.kafka_sasl_password.get_secret_value() if settings.kafka_sasl_password else ""
        mechanism = settings.kafka_sasl_mechanism.upper()
        if mechanism.startswith("SCRAM"):
            return faust.auth.SASLCredentials(username=settings.kafka_sasl_username, password=password,
                                              mechanism=faust.auth.SASLMechanism(mechanism), ssl_context=context)
        return faust.auth.SASLCredentials(username=settings.kafka_sasl_username, password=password, ssl_context=context)
    return faust.auth.SSLCredentials(context)


def bound_fetch_wait(max_wait_ms: int) -> None:
    """Faust hard-codes fetch_max_wait_ms=1500 for its consumer. A broker may hold a fetch that
    long when little data is waiting, which at a trickle of articles is up to 1.5 s of latency
    per hop; cap it (idempotent; applies to consumers created afterwards)."""
    import aiokafka

    current = aiokafka.AIOKafkaConsumer
    base = getattr(current, "_flashpoint_base", current)

    class BoundedWaitConsumer(base):  # type: ignore[misc, valid-type]
        _flashpoint_base = base

        def __init__(self, *topics: Any, **kwargs: Any) -> None:
            kwargs["fetch_max_wait_ms"] = min(kwargs.get("fetch_max_wait_ms", 500), max_wait_ms)
            super().__init__(*topics, **kwargs)

    aiokafka.AIOKafkaConsumer = BoundedWaitConsumer


def create_app(settings: Settings, *, broker_url: str, web_port: int | None = None) -> Flashpoint:
    bound_fetch_wait(settings.fetch_max_wait_ms)
    app = faust.App(
        settings.app_id,
        broker=broker_url,
        store="memory://",
        datadir=str(settings.data_dir),
        topic_partitions=settings.partitions,
        topic_allow_declare=True,
        web_enabled=True,
        web_bind=settings.web_bind,
        web_port=settings.web_port if web_port is None else web_port,
        web_in_thread=False,
        producer_max_request_size=MAX_MESSAGE_BYTES,
        stream_wait_empty=False,
        **faust_broker_options(settings),
    )
    raw = dict(key_serializer="raw", value_serializer="raw")
    topics = Topics(
        articles=app.topic(settings.topic("articles"), partitions=settings.partitions, **raw),
        events=app.topic(settings.topic("events"), partitions=settings.partitions, **raw),
        extracted=app.topic(settings.topic("extracted"), partitions=1, internal=True, **raw),
        alerts=app.topic(settings.topic("alerts"), partitions=1, **raw),
        deadletter=app.topic(settings.topic("deadletter"), partitions=1, **raw),
    )
    if not _faust_metrics_registered():
        setup_prometheus_sensors(app, name_prefix="faust")
        _drop_misnamed_faust_metrics()
    else:  # a second app in one process (tests): reuse the registered collectors' page
        _metrics_page(app)
    fp = Flashpoint(settings=settings, app=app, topics=topics, metrics=_metrics())
    install_resume_after_seek()

    from streams.agents.detect import install_detect
    from streams.agents.ingest import install_ingest
    from streams.agents.deliver import install_deliver
    from streams.agents.lag import install_lag

    install_ingest(fp)
    install_detect(fp)
    install_deliver(fp)
    install_lag(fp)
    from streams.watchdog import install_watchdog; install_watchdog(fp)  # exits if the broker stays away
    return fp


_METRICS: Metrics | None = None


def _metrics() -> Metrics:
    global _METRICS
    if _METRICS is None:
        _METRICS = Metrics()
    return _METRICS


def _drop_misnamed_faust_metrics() -> None:
    """Faust's `faust_events_runtime_ms` breaks the Prometheus naming rules (`promtool check
    metrics`: base units, not ms). Our per-stage latency histograms in seconds cover the same
    ground, so it is left out of the page; Faust still observes into the detached object."""
    collectors = getattr(REGISTRY, "_names_to_collectors", {})
    for name in ("faust_events_runtime_ms",):
        if name in collectors:
            REGISTRY.unregister(collectors[name])


def _faust_metrics_registered() -> bool:
    return "faust_messages_received" in getattr(REGISTRY, "_names_to_collectors", {})


def _metrics_page(app: faust.App) -> None:
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    @app.page("/metrics")
    async def metrics_handler(self, request):
        return self.bytes(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST.split(";")[0])
