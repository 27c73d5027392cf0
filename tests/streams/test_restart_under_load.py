"""A worker restarted while articles keep arriving counts every one of them (Faust recovery race)."""

from __future__ import annotations

import signal
import time

import pytest

from streams.replay import ensure_topics, replay
from streams.settings import load_settings

from .conftest import SAMPLE

pytestmark = pytest.mark.integration


def test_a_worker_restarted_while_articles_arrive_loses_none(broker, make_worker):
    lines = [line for line in SAMPLE.read_bytes().splitlines() if line.strip()]
    first, second = lines[:300], lines[300:600]
    worker = make_worker().start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    replay(first, broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= len(first), what="first half counted")
    time.sleep(3)  # let a checkpoint and the offsets land
    assert worker.stop() == 0

    again = make_worker().start()  # serving /metrics, still joining the group: replay into the join
    replay(second, broker.bootstrap, settings)
    again.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= len(second),
                     timeout=90, what="every article of the second half counted")
    # at-least-once may extract an article twice, but the detectors count each exactly once
    assert again.total("flashpoint_articles_detected_total") == len(second)
    log = again.log_path.read_text()
    assert "past the committed offset" not in log
    assert again.stop() == 0


def test_a_checkpoint_written_with_a_new_base_is_restored_after_a_kill(broker, make_worker):
    """The first checkpoint writes a base and the record naming it. Tansu reports a partition's
    end as the first offset of its last record batch + 1, and Faust recovers a table only up to
    that end: were the two records one batch, a restarted worker would not see the checkpoint."""
    lines = [line for line in SAMPLE.read_bytes().splitlines() if line.strip()]
    worker = make_worker().start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    replay(lines[:1], broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_checkpoint_bytes_total") > 0, what="first checkpoint")
    time.sleep(3)  # let the offsets land
    worker.stop(signal.SIGKILL)

    again = make_worker().start()
    replay(lines[1:2], broker.bootstrap, settings)  # the state is restored when the next article arrives
    again.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= 1, timeout=90, what="second article counted")
    assert "detector state restored: input offset 0" in again.log_path.read_text()
    assert again.stop() == 0
