"""Where alerts go: signed webhooks with retries, and in-memory / console sinks for the demo.

Pure asyncio; nothing here knows about Kafka. The worker's delivery consumer calls
`Sink.deliver(cloudevent)` and dead-letters what comes back undelivered.
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
