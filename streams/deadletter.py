"""Dead-letter records: the rejected bytes (text, or base64 when not UTF-8), the reason and the stage."""

from __future__ import annotations

import base64
import time
from typing import Any

from extractors.model import epoch_to_rfc3339

MAX_PAYLOAD_BYTES = 1_200_000  # a dead letter must itself fit in a Kafka message


def deadletter_record(
    *, stage: str, reason: str, detail: str, payload: bytes | None, key: bytes | str | None,
    topic: str | None = None, partition: int | None = None, offset: int | None = None,
    history: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    raw = payload or b""
    truncated = len(raw) > MAX_PAYLOAD_BYTES
    raw = raw[:MAX_PAYLOAD_BYTES]
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = base64.b64encode(raw).decode("ascii"), "base64"
    if isinstance(key, bytes):
        key = key.decode("utf-8", "replace")
    record: dict[str, Any] = {
        "stage": stage, "reason": reason, "detail": detail[:2000], "key": key,
        "payload": text, "payload_encoding": encoding, "payload_truncated": truncated,
        "topic": topic, "partition": partition, "offset": offset,
        "timestamp": epoch_to_rfc3339(time.time()),
    }
    if history is not None:
        record["history"] = history
    return record
