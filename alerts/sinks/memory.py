"""Sinks with no network: one that keeps alerts in memory, one that prints them (the demo's)."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from alerts.sinks.base import DeliveryAttempt, DeliveryResult, Sink, SinkClosedError
from alerts.sinks.formats import headline, numbers_line


def _delivered(sink: Sink, event: dict[str, Any], started_at: float, t0: float) -> DeliveryResult:
    attempt = DeliveryAttempt(number=1, started_at=started_at, duration_s=time.perf_counter() - t0, status=200)
    return DeliveryResult(
        endpoint=f"{sink.name}:", endpoint_name=sink.name, event_id=str(event.get("id", "")),
        delivered=True, attempts=[attempt],
    )


class CollectingSink(Sink):
    """Keeps every delivered CloudEvent in `events`, in order (tests, the demo, backtests).

    >>> import asyncio
    >>> sink = CollectingSink()
    >>> [r.delivered for r in asyncio.run(sink.deliver({"id": "a1"}))], sink.ids()
    ([True], ['a1'])
    """

    name = "memory"

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self._closed = False

    async def deliver(self, cloudevent: dict[str, Any]) -> list[DeliveryResult]:
        if self._closed:
            raise SinkClosedError("CollectingSink is closed")
        started_at, t0 = time.time(), time.perf_counter()
        self.events.append(cloudevent)
        return [_delivered(self, cloudevent, started_at, t0)]

    def ids(self) -> list[str]:
        return [str(e.get("id")) for e in self.events]

    async def close(self) -> None:
        self._closed = True


class ConsoleSink(Sink):
    """Prints each alert as two readable lines (what `flashpoint demo` shows as alerts fire).

    >>> from alerts.model import Alert
    >>> a = Alert("hostility", "dyad", ("ARM", "AZE"), "2022-09-13T00:00:00Z", "2022-09-13T01:00:00Z",
    ...           42, 3.1, 8.2, 1.2e-6, "high", "firing")
    >>> print(ConsoleSink.format(a.to_cloudevent()))
    FIRING: hostility spike, dyad ARM – AZE (severity high)
        observed 42 vs expected 3.1 (score 8.20, p=1.2e-06); window 2022-09-13T00:00:00Z → 2022-09-13T01:00:00Z; alert 580eef51379a8bcee207e0d7
    """

    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream
        self._closed = False

    @staticmethod
    def format(cloudevent: dict[str, Any]) -> str:
        data = cloudevent.get("data") or {}
        try:
            return f"{headline(data)}\n    {numbers_line(data)}; alert {cloudevent.get('id')}"
        except (KeyError, TypeError, ValueError):
            return f"alert {cloudevent.get('id')}: {cloudevent.get('subject', '')}"

    async def deliver(self, cloudevent: dict[str, Any]) -> list[DeliveryResult]:
        if self._closed:
            raise SinkClosedError("ConsoleSink is closed")
        started_at, t0 = time.time(), time.perf_counter()
        stream = self._stream or sys.stdout
        print(self.format(cloudevent), file=stream, flush=True)
        return [_delivered(self, cloudevent, started_at, t0)]

    async def close(self) -> None:
        self._closed = True
