"""Parsing and validating one article against the input contract of DESIGN.md.

Every failure raises `InvalidArticle` with a short reason tag (used as a metric label and in
the dead-letter record), never any other exception: callers route on the tag.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any

import orjson

from extractors.model import Article, InvalidArticle, epoch_to_rfc3339

KNOWN_FIELDS = ("id", "text", "title", "url", "published_at", "source", "lang")
OPTIONAL_STRINGS = ("title", "url", "source", "lang")
# Earliest and latest plausible publication dates: outside them a date is a bug upstream.
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc).timestamp()
FUTURE_SLACK_S = 2 * 86400


def parse_article(
    raw: bytes | str | dict[str, Any],
    *,
    max_bytes: int = 1_000_000,
    max_id_chars: int = 512,
    now: float | None = None,
) -> Article:
    """Validate `raw` (JSON bytes or an already-decoded dict) and return an `Article`.

    max_bytes: the largest accepted message; larger ones are rejected as `oversize`.
    max_id_chars: the longest accepted article id.
    now: the ingest time in epoch seconds, the default `published_at` (wall clock if None).
    """
    if isinstance(raw, (bytes, bytearray, memoryview, str)):
        size = len(raw.encode() if isinstance(raw, str) else raw)
        if size == 0:
            raise InvalidArticle("empty", "message has no bytes")
        if size > max_bytes:
            raise InvalidArticle("oversize", f"{size} bytes > limit {max_bytes}")
        if isinstance(raw, (bytes, bytearray, memoryview)):
            try:
                bytes(raw).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InvalidArticle("invalid_utf8", str(exc)) from None
        try:
            doc = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise InvalidArticle("invalid_json", str(exc)) from None
    else:
        doc = raw
    if not isinstance(doc, dict):
        raise InvalidArticle("not_an_object", f"top-level JSON is {type(doc).__name__}")

    art_id = doc.get("id")
    if isinstance(art_id, int) and not isinstance(art_id, bool):
        art_id = str(art_id)
    if not isinstance(art_id, str) or not art_id.strip():
        raise InvalidArticle("missing_id", "`id` must be a non-empty string")
    if len(art_id) > max_id_chars:
        raise InvalidArticle("invalid_id", f"`id` longer than {max_id_chars} characters")
    text = doc.get("text")
    if not isinstance(text, str):
        raise InvalidArticle("missing_text", "`text` must be a string")
    text = _clean(text)
    if not text.strip():
        raise InvalidArticle("empty_text", "`text` is blank (or control characters only)")
    for name in OPTIONAL_STRINGS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidArticle("wrong_type", f"`{name}` must be a string, got {type(value).__name__}")

    ingest_time = time.time() if now is None else now
    published = _parse_time(doc.get("published_at"), ingest_time)
    return Article(
        id=art_id,
        text=text,
        published_at=published,
        title=doc.get("title"),
        url=doc.get("url"),
        source=doc.get("source"),
        lang=doc.get("lang"),
        extra={k: v for k, v in doc.items() if k not in KNOWN_FIELDS},
    )


def _parse_time(value: Any, ingest_time: float) -> str:
    if value is None:
        return epoch_to_rfc3339(ingest_time)
    if not isinstance(value, str):
        raise InvalidArticle("invalid_published_at", f"`published_at` must be an RFC 3339 string, got {type(value).__name__}")
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise InvalidArticle("invalid_published_at", f"not RFC 3339: {value[:64]!r}") from None
    if parsed.tzinfo is None:  # RFC 3339 requires an offset; a bare date or time is read as UTC
        parsed = parsed.replace(tzinfo=timezone.utc)
    ts = parsed.timestamp()
    if ts < EARLIEST or ts > ingest_time + FUTURE_SLACK_S:
        raise InvalidArticle("published_at_out_of_range", f"{value[:64]!r} is before 1900 or in the future")
    return epoch_to_rfc3339(ts)


_CONTROL = {c: " " for c in range(32) if chr(c) not in "\n\t\r"}
_CONTROL[0x7F] = " "


def _clean(text: str) -> str:
    """Control characters become spaces so offsets stay valid and spaCy sees plain text."""
    return text.translate(_CONTROL)
