"""Where alerts go: signed webhooks with retries, and in-memory / console sinks for the demo.

Pure asyncio; nothing here knows about Kafka. The worker's delivery consumer (its own
consumer group) calls `Sink.deliver(cloudevent)` and dead-letters what comes back
undelivered, e.g.::

    sink = WebhookSink(
        endpoints_from_settings(config=settings.webhooks, secret=settings.webhook_secret_value()),
        on_attempt=lambda ep, a: metrics.webhook_deliveries.labels(ep.name, a.outcome).inc(),
        on_dead_letter=send_to_deadletter,   # async (cloudevent, DeliveryResult) -> None
    )
    results = await sink.deliver(alert.to_cloudevent())   # returns after retries end

`deliver` returns only when every endpoint has succeeded or given up (with the defaults at
most about 46 s: six tries of up to 5 s and waits of 0.5+1+2+4+8 s, ±20 %), so run
deliveries as tasks and commit an alert's offset after its `deliver` returned. An exception
from `on_dead_letter` propagates out of `deliver`, so an alert is never silently lost.
"""

from alerts.sinks.base import (
    DeliveryAttempt,
    DeliveryError,
    DeliveryResult,
    PermanentDeliveryError,
    RetryableDeliveryError,
    Sink,
    SinkClosedError,
)
from alerts.sinks.endpoint import EndpointConfig
from alerts.sinks.memory import CollectingSink, ConsoleSink
from alerts.sinks.settings import endpoints_from_settings
from alerts.sinks.webhook import WebhookSink

__all__ = [
    "CollectingSink",
    "ConsoleSink",
    "DeliveryAttempt",
    "DeliveryError",
    "DeliveryResult",
    "EndpointConfig",
    "PermanentDeliveryError",
    "RetryableDeliveryError",
    "Sink",
    "SinkClosedError",
    "WebhookSink",
    "endpoints_from_settings",
]
