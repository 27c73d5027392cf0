"""A worker restarted with another FLASHPOINT_BUCKET_HOURS keeps going: the detector learns afresh."""

from __future__ import annotations

import time

import orjson
import pytest

from streams.replay import ensure_topics, replay
from streams.settings import load_settings

from .conftest import SAMPLE

pytestmark = pytest.mark.integration


def test_a_changed_bucket_length_starts_the_detector_afresh_instead_of_failing(broker, make_worker):
    lines = [line for line in SAMPLE.read_bytes().splitlines() if line.strip()]
    first, second = lines[:300], lines[300:600]
    worker = make_worker(FLASHPOINT_BUCKET_HOURS="6").start()
    settings = load_settings(broker=broker.url, topic_prefix=worker.prefix)
    ensure_topics(broker.bootstrap, settings)
    replay(first, broker.bootstrap, settings)
    worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= len(first), what="first half counted")
    time.sleep(3)  # let a checkpoint land (one per second)
    assert worker.stop() == 0

    again = make_worker(FLASHPOINT_BUCKET_HOURS="3").start()
    # this test is about the bucket length; joining while articles arrive: test_restart_under_load
    again.wait_until(lambda w: "Worker ready" in w.log_path.read_text(), what="second worker ready")
    replay(second, broker.bootstrap, settings)
    again.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= len(second), what="second half counted")
    log = again.log_path.read_text()
    assert "starting afresh" in log and "bucket length" in log
    assert again.proc.poll() is None
    assert all(orjson.loads(line)["id"] for line in second)
    assert again.stop() == 0
