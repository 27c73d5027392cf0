"""The detector checkpoint store: exact round trips, deltas between bases, atomic under a crash."""

from __future__ import annotations

import orjson
import pytest

from alerts.monitor import Monitor
from alerts.synthetic_events import demo_like, news_like
from streams.state import BASE_KEYS, CHECKPOINT_KEY, CheckpointStore, CheckpointTooLarge, pack


class WriteLog(dict):
    """A table that remembers the order of its writes, as a changelog does."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, str]] = []

    def __setitem__(self, key: str, value: str) -> None:
        self.writes.append((key, value))
        super().__setitem__(key, value)


def _checkpoints(rows, every: int):
    """Yield (offset, monitor) after every `every` articles."""
    monitor = Monitor()
    for n, row in enumerate(rows):
        monitor.observe(*row)
        if n % every == every - 1:
            yield n, monitor


def test_every_checkpoint_loads_back_exactly_and_most_are_deltas():
    table = WriteLog()
    store = CheckpointStore(table)
    saved = 0
    for offset, monitor in _checkpoints(demo_like(seed=4), every=1):
        store.save(offset=offset, counted={"0": offset}, state=monitor.snapshot())
        loaded = CheckpointStore(table).load()
        assert loaded == {"offset": offset, "counted": {"0": offset}, "state": monitor.to_dict()}
        saved += 1
    bases = sum(key in BASE_KEYS for key, _ in table.writes)
    assert saved > 50
    assert 1 <= bases < saved / 5  # a new base when a bucket closes (every key changes), deltas between


def test_a_crash_between_any_two_writes_restores_the_last_complete_checkpoint():
    table = WriteLog()
    store = CheckpointStore(table, rebase_ratio=0.2)  # bases often, so crashes land around them
    expected: dict[int, dict] = {}  # number of writes when a checkpoint completed → its content
    for offset, monitor in _checkpoints(demo_like(seed=4), every=7):
        store.save(offset=offset, counted={}, state=monitor.snapshot())
        expected[len(table.writes)] = {"offset": offset, "counted": {}, "state": monitor.to_dict()}
    assert sum(key in BASE_KEYS for key, _ in table.writes) > 3
    last = None
    for n in range(len(table.writes) + 1):
        survived = dict(table.writes[:n])  # the changelog up to the crash, last value per key
        last = expected.get(n, last)
        assert CheckpointStore(survived).load() == last


def test_a_restored_store_goes_on_with_a_fresh_base_beside_the_one_it_read():
    table = WriteLog()
    rows = demo_like(seed=4)
    monitor = Monitor()
    for n, row in enumerate(rows):
        monitor.observe(*row)
        if n == len(rows) // 2:
            CheckpointStore(table).save(offset=n, counted={}, state=monitor.snapshot())
    first_slot = table.writes[0][0]
    store = CheckpointStore(table)
    store.load()
    store.save(offset=len(rows), counted={}, state=monitor.snapshot())
    assert table.writes[-2][0] == ({*BASE_KEYS} - {first_slot}).pop()  # the old base stays intact
    assert CheckpointStore(table).load()["state"] == monitor.to_dict()


def test_deltas_write_a_fraction_of_whole_checkpoints_on_ordinary_news():
    table = WriteLog()
    store = CheckpointStore(table)
    delta_bytes = whole_bytes = 0
    for offset, monitor in _checkpoints(news_like(days=7), every=40):
        delta_bytes += store.save(offset=offset, counted={}, state=monitor.snapshot())
        whole_bytes += len(pack({"offset": offset, "counted": {}, "state": monitor.to_dict()}))
    assert delta_bytes < whole_bytes / 4, (delta_bytes, whole_bytes)


def test_a_checkpoint_written_whole_still_loads():
    monitor = Monitor()
    for row in demo_like(seed=4)[:50]:
        monitor.observe(*row)
    old = {"offset": 9, "counted": {"0": 9}, "state": monitor.to_dict()}
    assert CheckpointStore({CHECKPOINT_KEY: pack(old)}).load() == orjson.loads(orjson.dumps(old))


def test_a_checkpoint_whose_base_is_missing_is_an_error_not_a_wrong_state():
    table = WriteLog()
    CheckpointStore(table).save(offset=1, counted={}, state={"series": {"A": [1]}})
    del table[BASE_KEYS[0]]
    with pytest.raises(ValueError, match="extends base 1"):
        CheckpointStore(table).load()


def test_a_record_too_large_is_refused_before_anything_is_written():
    table = WriteLog()
    with pytest.raises(CheckpointTooLarge, match="key_ttl"):
        CheckpointStore(table, max_record_bytes=100).save(
            offset=1, counted={}, state={"series": {str(i): list(range(i)) for i in range(100)}})
    assert table.writes == []


def test_a_new_base_comes_before_the_checkpoint_that_names_it():
    store = CheckpointStore({})
    first = store.records(offset=1, counted={}, state={"series": {"A": [1], "B": [2]}})
    assert [key for key, _ in first] == [BASE_KEYS[0], CHECKPOINT_KEY]
    small = store.records(offset=2, counted={}, state={"series": {"A": [1], "B": [3]}})
    assert [key for key, _ in small] == [CHECKPOINT_KEY]  # B changed: half the base, not more
