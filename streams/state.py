"""The detect stage's checkpoint: the monitor's state, the input offset it covers and the article
offsets already counted, written as a full base now and then and a small delta in between.

Why deltas: the state of a month of news is ~3 MB of JSON (~0.7 MB compressed), and between two
checkpoints only the keys that saw an event change. Writing it whole for every batch costs tens
of milliseconds and, on the embedded broker (memory storage, no compaction), keeps every copy in
memory: 0.7 MB a checkpoint. A delta holds only the series that differ from the base, plus the
small rest of the state; when the delta grows past ``rebase_ratio`` of the base (every key
changes when a bucket closes), the next checkpoint writes a new base.

Why it stays atomic: the record under ``checkpoint`` is the commit point. It names the base it
extends, which lives under one of two keys (``base:0``/``base:1``): a new base goes to the key
the current checkpoint does not use, and the checkpoint that points at it is written after it.
A crash between the two leaves the old checkpoint pointing at the old, intact base.

>>> table = {}
>>> store = CheckpointStore(table)
>>> store.save(offset=7, counted={"0": 3}, state={"frontier": 1, "series": {"ARM": [1, 2]}}) > 0
True
>>> CheckpointStore(table).load() == {"offset": 7, "counted": {"0": 3}, "state": {"frontier": 1, "series": {"ARM": [1, 2]}}}
True
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import MutableMapping
from typing import Any

import orjson

CHECKPOINT_KEY = "checkpoint"
BASE_KEYS = ("base:0", "base:1")


class CheckpointTooLarge(RuntimeError):
    """A checkpoint record exceeds the largest message the changelog topic accepts."""


def pack(record: dict[str, Any]) -> str:
    return base64.b64encode(zlib.compress(orjson.dumps(record), 3)).decode("ascii")


def unpack(blob: str) -> dict[str, Any]:
    return orjson.loads(zlib.decompress(base64.b64decode(blob)))


class CheckpointStore:
    """Saves and loads checkpoints in a string-valued table (a Faust table, or a dict in tests)."""

    def __init__(self, table: MutableMapping[str, str], *, rebase_ratio: float = 0.5,
                 max_record_bytes: int = 8_000_000) -> None:
        """
        table: where the records go; written in order, read back by key.
        rebase_ratio: write a new base once the delta's series exceed this share of the base's bytes.
        max_record_bytes: the largest record the table's changelog accepts.
        """
        self.table = table
        self.rebase_ratio = rebase_ratio
        self.max_record_bytes = max_record_bytes
        self._base: dict[str, bytes] | None = None  # series key → its JSON in the base in use
        self._base_bytes = 0
        self._gen = 0  # generation of the base in use
        self._slot = 1  # index into BASE_KEYS of the base in use (the first base goes to 0)

    def load(self) -> dict[str, Any] | None:
        """The last checkpoint as ``{"offset", "counted", "state"}``, or None when there is none.

        Raises ValueError when the checkpoint names a base that is not there (a damaged changelog).
        """
        self._base = None  # whatever was read, the next save writes a fresh base
        blob = self.table.get(CHECKPOINT_KEY)
        if not blob:
            return None
        record = unpack(blob)
        if "state" in record:  # written whole, before deltas
            return record
        base_blob = self.table.get(BASE_KEYS[record["slot"]])
        base = unpack(base_blob) if base_blob else {}
        if base.get("gen") != record["base"]:
            raise ValueError(f"checkpoint extends base {record['base']}, found {base.get('gen')}")
        series = base["series"]
        series.update(record["changed"])
        for key in record["dropped"]:
            series.pop(key, None)
        state = record["rest"]
        state["series"] = series
        self._gen, self._slot = record["base"], record["slot"]
        return {"offset": record["offset"], "counted": record["counted"], "state": state}

    def save(self, *, offset: int, counted: dict[str, int], state: dict[str, Any]) -> int:
        """Write a checkpoint of `state` to the table; returns the bytes written."""
        written = 0
        for key, blob in self.records(offset=offset, counted=counted, state=state):
            self.table[key] = blob
            written += len(blob)
        return written

    def records(self, *, offset: int, counted: dict[str, int], state: dict[str, Any]) -> list[tuple[str, str]]:
        """The records of a checkpoint of `state` (a monitor snapshot, serialised here and not
        kept), in the order they must be written: a new base when one is due, then the checkpoint.

        The store counts them as written. Raises CheckpointTooLarge before returning anything too big.
        """
        series = {key: orjson.dumps(value) for key, value in state["series"].items()}
        rest = orjson.dumps({k: v for k, v in state.items() if k != "series"})
        out = []
        gen, slot = self._gen, self._slot
        changed, dropped = self._delta(series)
        if changed is None:
            gen, slot, changed, dropped = gen + 1, 1 - slot, {}, []
            out.append((BASE_KEYS[slot], self._check(pack({"gen": gen, "series": _fragments(series)}))))
        out.append((CHECKPOINT_KEY, self._check(pack({
            "base": gen, "slot": slot, "offset": offset, "counted": counted,
            "rest": orjson.Fragment(rest), "changed": _fragments(changed), "dropped": dropped}))))
        if len(out) == 2:
            self._gen, self._slot = gen, slot
            self._base, self._base_bytes = series, sum(map(len, series.values()))
        return out

    def _delta(self, series: dict[str, bytes]) -> tuple[dict[str, bytes] | None, list[str]]:
        """The series that differ from the base and the keys gone from it; None: write a new base."""
        if self._base is None:
            return None, []
        changed = {k: v for k, v in series.items() if self._base.get(k) != v}
        if sum(map(len, changed.values())) > self.rebase_ratio * self._base_bytes:
            return None, []
        return changed, [k for k in self._base if k not in series]

    def _check(self, blob: str) -> str:
        if len(blob) > self.max_record_bytes:  # fail loudly: a silently dropped checkpoint breaks recovery
            raise CheckpointTooLarge(f"detector checkpoint record of {len(blob)} bytes exceeds "
                                     f"{self.max_record_bytes}; shorten MonitorConfig.key_ttl")
        return blob


def _fragments(series: dict[str, bytes]) -> dict[str, orjson.Fragment]:
    return {key: orjson.Fragment(value) for key, value in series.items()}
