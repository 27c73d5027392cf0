"""Size-or-time batching of stream events, without `Stream.take_events`.

faust-streaming 0.15's take buffer reads `stream.current_event` after an await, so under load
it can put one event in a batch twice and drop its neighbour (seen here: offset 794 twice, 795
never). Agents therefore iterate events one by one (no auto-ack) and hand them to a `Batcher`,
which calls `flush(items)` when `size` items are waiting or the oldest has waited `within`
seconds. Flushes run in arrival order, one at a time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any


class Batcher:
    def __init__(self, flush: Callable[[list[Any]], Awaitable[None]], *, size: int, within: float) -> None:
        self._flush = flush
        self.size = size
        self.within = within
        self._items: list[Any] = []
        self._oldest = 0.0
        self.lock = asyncio.Lock()  # one flush at a time, in order; callers hold it to exclude flushes
        self._ticker: asyncio.Task | None = None

    async def add(self, item: Any) -> None:
        """Queue `item`; flushes when full. Must not be called while holding `lock`.

        A flush that failed on the timer is raised here, so the agent crashes loudly instead
        of waiting forever for a batch that will never go out.
        """
        if self._ticker is not None and self._ticker.done() and not self._ticker.cancelled():
            self._ticker.result()
        if not self._items:
            self._oldest = time.monotonic()
        self._items.append(item)
        if len(self._items) >= self.size:
            await self.flush()

    async def flush(self) -> None:
        async with self.lock:
            items, self._items = self._items, []
            if items:
                await self._flush(items)

    def start(self) -> None:
        """Flush partial batches on time even when no new event arrives."""
        self._ticker = asyncio.ensure_future(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self.within / 2)
            if self._items and time.monotonic() - self._oldest >= self.within:
                await self.flush()

    def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
