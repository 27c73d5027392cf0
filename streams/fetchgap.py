"""Stop a fetched record set at a hole in the offsets, so that the consumer asks for the hole again.

Why: now and then the embedded broker (Tansu 0.6, memory storage) answers a fetch without one
of the partition's record batches: the worker read articles 148..211 and then 278..306 of a
partition whose records are all there (a fresh consumer reads every one of them). aiokafka takes
a jump in offsets for compaction and moves its position past the hole, so those articles were
never read, never extracted, never counted: the restarted worker of `test_bucket_change` waited
for 300 articles and got 234.

The guard wraps aiokafka's per-partition record iterator. At the first batch that starts past the
position it ends the set there, leaving the position at the hole; the next fetch asks for it.
A hole that comes back at the same place when asked again is real (a compacted topic, aborted
transactions) and passes, so it costs one extra fetch per hole and can never stall a partition.

>>> class Batch:
...     def __init__(self, base): self.base_offset = base
>>> class Records:
...     def __init__(self, *bases): self.left = [Batch(b) for b in bases]
...     def has_next(self): return bool(self.left)
...     def next_batch(self): return self.left.pop(0)
>>> class Fetched:  # what aiokafka's PartitionRecords exposes: the position, the partition
...     next_fetch_offset, _tp = 0, "articles-0"
>>> seen, holes = [], HoleMemory()
>>> guarded = GuardedRecords(Records(0, 10, 40), Fetched(), holes, lambda *hole: seen.append(hole))
>>> guarded.has_next(), guarded.next_batch().base_offset
(True, 0)
>>> Fetched.next_fetch_offset = 10  # aiokafka moves the position to the end of each batch
>>> guarded.has_next(), guarded.next_batch().base_offset
(True, 10)
>>> Fetched.next_fetch_offset = 20
>>> guarded.has_next(), seen  # batch 40 starts past 20: stop, ask for 20 again
(False, [('articles-0', 20, 40)])
>>> GuardedRecords(Records(40), Fetched(), holes, lambda *hole: None).has_next()  # same hole again: real
True
"""

from __future__ import annotations

from typing import Any, Callable

OnHole = Callable[[Any, int, int], None]  # (partition, position, base offset of the batch past the hole)


class HoleMemory:
    """Holes refused once, per partition: a second sight of the same hole lets it through."""

    def __init__(self, limit: int = 10_000) -> None:
        self.refused: dict[tuple[Any, int], int] = {}
        self.limit = limit

    def refuse(self, tp: Any, position: int, base: int) -> bool:
        """True: refuse this hole now (first sight); False: it is real, let it pass."""
        if self.refused.get((tp, position)) == base:
            del self.refused[(tp, position)]
            return False
        if len(self.refused) >= self.limit:  # refused holes that were filled on the re-fetch
            self.refused.clear()
        self.refused[(tp, position)] = base
        return True


class GuardedRecords:
    """aiokafka's record-batch source (`has_next`/`next_batch`), ending at a first-seen hole."""

    def __init__(self, records: Any, fetched: Any, holes: HoleMemory, on_hole: OnHole) -> None:
        self.records, self.fetched, self.holes, self.on_hole = records, fetched, holes, on_hole
        self.held: Any = None
        self.stopped = False

    def has_next(self) -> bool:
        if self.held is not None:
            return True
        if self.stopped or not self.records.has_next():
            return False
        batch = self.records.next_batch()
        position = self.fetched.next_fetch_offset
        if batch.base_offset > position and self.holes.refuse(self.fetched._tp, position, batch.base_offset):
            self.stopped = True
            self.on_hole(self.fetched._tp, position, batch.base_offset)
            return False
        self.held = batch
        return True

    def next_batch(self) -> Any:
        batch, self.held = self.held, None
        return batch


def install_fetch_gap_guard(on_hole: OnHole) -> None:
    """Wrap aiokafka's PartitionRecords once per process; `on_hole` hears every refused hole."""
    from aiokafka.consumer import fetcher

    records_class = fetcher.PartitionRecords
    if getattr(records_class, "_flashpoint_guard", None) is not None:
        records_class._flashpoint_guard[0] = on_hole
        return
    holes, hook = HoleMemory(), [on_hole]
    unpack = records_class._unpack_records

    def guarded_unpack(self):  # aiokafka builds the iterator in __init__, before any batch is read
        self._records = GuardedRecords(self._records, self, holes, lambda *hole: hook[0](*hole))
        return unpack(self)

    records_class._unpack_records = guarded_unpack
    records_class._flashpoint_guard = hook
