"""After a rebalance, seek the stream partitions to their committed offsets once more, after flow resumes.

Why: Faust 0.15's `Recovery._resume_streams` runs in this order.
1. It resumes the stream partitions. The fetcher is already running, because it was resumed to
   read the changelogs, so records arrive in the agents' queues at once, and Faust's read offsets
   advance past them.
2. It seeks the partitions to their committed offsets.
3. It resumes flow control, and `FlowControlEvent.resume` clears every channel queue.

The records the agent had not taken yet are lost in step 3. The fetch after the seek brings them
back, but Faust drops them as already read (`DROPPED MESSAGE ROFF`), and later commits acknowledge
the gap. A worker restarted while articles arrived lost from 1 to 66 of 300 articles, in 6 of 16
runs (`tests/streams/test_restart_under_load.py`).

Seeking once more after step 3 makes the fetcher and the read offsets start again from what the
group has committed. Nothing clears the queues after that. Articles the agent already took are
delivered a second time, which at-least-once allows: ingest drops the repeated ids, and detect
skips articles it has already counted.
"""

from __future__ import annotations

from typing import Any


def install_reseek_after_resume() -> None:
    """Wrap `faust.tables.recovery.Recovery._resume_streams` once per process."""
    from faust.tables.recovery import Recovery

    if getattr(Recovery._resume_streams, "_flashpoint_reseek", False):
        return
    resume_streams = Recovery._resume_streams

    async def resume_streams_then_reseek(self: Any, generation_id: int = 0) -> None:
        await resume_streams(self, generation_id)
        consumer = self.app.consumer
        if self.app.consumer_generation_id != generation_id or not self.completed.is_set():
            return  # Faust stopped early: another rebalance is on its way and will seek again
        streams = [tp for tp in consumer.assignment() if not self._is_changelog_tp(tp)]
        if not streams:
            return
        committed = await consumer.seek_to_committed()
        for tp in streams:
            offset = (committed or {}).get(tp)
            # nothing committed yet: from the start, as auto_offset_reset="earliest" would
            await consumer.seek(tp, offset if offset and offset > 0 else 0)

    resume_streams_then_reseek._flashpoint_reseek = True  # type: ignore[attr-defined]
    Recovery._resume_streams = resume_streams_then_reseek
