"""Standard Webhooks 1.0 request headers, signed with the `standardwebhooks` library.

The webhook-id is the CloudEvent id (the alert id), so a receiver that deduplicates on it
accepts each alert once however often it is retried. The timestamp is taken per try:
receivers reject signatures older than five minutes, and retries can outlast that.
"""

from __future__ import annotations

from datetime import datetime, timezone

from standardwebhooks.webhooks import Webhook


class Signer:
    """Signs bodies for one endpoint; holds the secret without ever showing it.

    >>> s = Signer("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    >>> h = s.headers("msg_1", '{"a":1}', datetime(2024, 1, 1, tzinfo=timezone.utc))
    >>> h["webhook-id"], h["webhook-timestamp"], h["webhook-signature"].startswith("v1,")
    ('msg_1', '1704067200', True)
    >>> now = datetime.now(timezone.utc)
    >>> Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").verify('{"a":1}', s.headers("m", '{"a":1}', now))
    {'a': 1}
    >>> "MfKQ" in repr(s)
    False
    """

    __slots__ = ("_webhook",)

    def __init__(self, secret: str):
        self._webhook = Webhook(secret)

    def headers(self, msg_id: str, body: str, now: datetime) -> dict[str, str]:
        now = now.astimezone(timezone.utc)
        return {
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": self._webhook.sign(msg_id=msg_id, timestamp=now, data=body),
        }

    def __repr__(self) -> str:
        return "Signer(secret=<hidden>)"


def unsigned_headers(msg_id: str, now: datetime) -> dict[str, str]:
    """Id and timestamp still let a receiver deduplicate when no secret is configured."""
    return {"webhook-id": msg_id, "webhook-timestamp": str(int(now.astimezone(timezone.utc).timestamp()))}
