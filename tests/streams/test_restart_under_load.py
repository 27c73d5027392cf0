"""A worker restarted while articles keep arriving counts every one of them (Faust recovery race)."""

from __future__ import annotations

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
