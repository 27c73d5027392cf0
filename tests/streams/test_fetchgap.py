"""The fetch-gap guard on aiokafka's real record parser, with record batches built byte for byte."""

from __future__ import annotations

import struct

from aiokafka.consumer.fetcher import PartitionRecords
from aiokafka.record.default_records import DefaultRecordBatchBuilder
from aiokafka.record.memory_records import MemoryRecords
from aiokafka.structs import TopicPartition

from streams.fetchgap import install_fetch_gap_guard

TP = TopicPartition("articles", 0)


def batch(base: int, n: int) -> bytes:
    builder = DefaultRecordBatchBuilder(magic=2, compression_type=0, is_transactional=0, producer_id=-1,
                                        producer_epoch=-1, base_sequence=-1, batch_size=1 << 20)
    for i in range(n):
        builder.append(i, timestamp=None, key=None, value=b"article %d" % (base + i), headers=[])
    raw = bytearray(builder.build())
    struct.pack_into(">q", raw, 0, base)  # the broker assigns the base offset (outside the CRC)
    return bytes(raw)


def fetch(position: int, *batches: bytes) -> tuple[list[int], int]:
    """One fetch response for TP at `position`: the offsets handed to the app, and the next position."""
    records = PartitionRecords(TP, MemoryRecords(b"".join(batches)), [], position, None, None, True, 0)
    return [r.offset for r in records], records.next_fetch_offset


def test_a_response_missing_a_batch_stops_at_the_hole_and_the_next_fetch_reads_it():
    holes: list[tuple] = []
    install_fetch_gap_guard(lambda *hole: holes.append(hole))
    offsets, position = fetch(0, batch(0, 3), batch(10, 3))
    assert (offsets, position) == ([0, 1, 2], 3)  # unguarded, aiokafka hands over 10..12 and loses 3..9
    assert holes == [(TP, 3, 10)]
    offsets, position = fetch(position, batch(3, 7), batch(10, 3))  # the broker sends the batch this time
    assert (offsets, position) == (list(range(3, 13)), 13)
    assert len(holes) == 1


def test_a_real_hole_is_fetched_twice_then_passed_so_a_compacted_partition_never_stalls():
    holes: list[tuple] = []
    install_fetch_gap_guard(lambda *hole: holes.append(hole))
    assert fetch(20, batch(25, 2)) == ([], 20)
    assert fetch(20, batch(25, 2)) == ([25, 26], 27)
    assert holes == [(TP, 20, 25)]


def test_installing_twice_wraps_once_and_the_latest_listener_hears():
    first: list[tuple] = []
    second: list[tuple] = []
    install_fetch_gap_guard(lambda *hole: first.append(hole))
    install_fetch_gap_guard(lambda *hole: second.append(hole))
    assert fetch(40, batch(40, 1), batch(50, 1)) == ([40], 41)
    assert (first, second) == ([], [(TP, 41, 50)])
