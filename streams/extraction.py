"""Runs the spaCy extractor in worker processes so the event loop never blocks on NLP.

One pool per worker process; each child loads the model once (initializer). Articles travel
as dataclasses (pickle) and come back as lists of events.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import select
import threading
from concurrent.futures import ProcessPoolExecutor

from extractors.model import Article, Event

_extractor = None


def _exit_with(worker_pid: int) -> None:
    """End this child when the worker dies, even by SIGKILL (the pool cannot tell it then)."""
    try:
        pidfd = os.pidfd_open(worker_pid)
    except (OSError, AttributeError):
        return
    select.select([pidfd], [], [])
    os._exit(0)


def _init_child(worker_pid: int) -> None:
    global _extractor
    from extractors.pipeline import Extractor, ExtractorConfig

    threading.Thread(target=_exit_with, args=(worker_pid,), daemon=True).start()
    _extractor = Extractor(ExtractorConfig())
    _extractor.extract_batch([])  # warm the pipeline before the first real batch


def _extract_in_child(articles: list[Article]) -> list[list[Event]]:
    assert _extractor is not None, "pool initializer did not run"
    return _extractor.extract_batch(articles)


def _ping() -> int:
    return os.getpid()


class ExtractionPool:
    """`await pool.extract(articles)` → one list of events per article, computed off the event loop."""

    def __init__(self, processes: int = 0) -> None:
        self.processes = processes or max(1, os.cpu_count() or 1)
        # forkserver, not fork: the parent runs threads (aiokafka, Faust) that a fork would copy mid-state.
        ctx = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(self.processes, mp_context=ctx, initializer=_init_child,
                                         initargs=(os.getpid(),))

    async def warm_up(self) -> None:
        """Start every child and load its model now, not on the first article."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self._pool, _ping) for _ in range(self.processes)))

    async def extract(self, articles: list[Article]) -> list[list[Event]]:
        if not articles:
            return []
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, _extract_in_child, articles)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
