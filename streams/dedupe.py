"""Remembers recent article ids so a repeated id is dropped (bounded memory, oldest forgotten first).

Articles are keyed by id, so a repeat always reaches the same partition and the same worker.
After a restart the memory is empty: a repeat may then pass once, and its events carry the same
deterministic ids as the first time, so downstream consumers can still drop it.

>>> seen = RecentIds(capacity=2)
>>> [seen.check_and_add(x) for x in ["a", "b", "a", "c", "a"]]
[False, False, True, False, True]
"""

from __future__ import annotations

from collections import OrderedDict


class RecentIds:
    def __init__(self, capacity: int = 100_000) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._ids

    def clear(self) -> None:
        self._ids.clear()

    def check_and_add(self, article_id: str) -> bool:
        """True when `article_id` was seen recently (a duplicate); records it either way."""
        if article_id in self._ids:
            self._ids.move_to_end(article_id)
            return True
        self._ids[article_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return False
