"""One embedded broker and one `flashpoint run` worker for a measurement, torn down afterwards."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from streams.bench.probe import metric, wait


@dataclass(frozen=True)
class BenchWorker:
    bootstrap: str
    settings: Any  # streams.settings.Settings of the run's topics
    port: int  # the worker's /metrics port
    proc: subprocess.Popen


@contextmanager
def bench_worker(name: str, start_timeout: float = 120.0) -> Iterator[BenchWorker]:
    """A fresh broker, topics under their own prefix, and a worker that answers /metrics."""
    from streams.broker import EmbeddedBroker, free_port
    from streams.replay import ensure_topics
    from streams.settings import load_settings

    run = f"{name}{uuid.uuid4().hex[:6]}"
    data_dir = tempfile.mkdtemp(prefix=f"flashpoint-{run}-")
    with EmbeddedBroker() as broker:
        settings = load_settings(broker=broker.url, topic_prefix=f"{run}.")
        ensure_topics(broker.bootstrap, settings)
        port = free_port()
        env = {**os.environ, "FLASHPOINT_BROKER": broker.url, "FLASHPOINT_TOPIC_PREFIX": f"{run}.",
               "FLASHPOINT_APP_ID": run, "FLASHPOINT_WEB_PORT": str(port),
               "FLASHPOINT_DATA_DIR": data_dir, "FLASHPOINT_LOG_LEVEL": "WARNING"}
        proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "run"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(lambda: metric(port, "flashpoint_articles_received_total") >= 0, start_timeout, "worker start")
            yield BenchWorker(broker.bootstrap, settings, port, proc)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
            shutil.rmtree(data_dir, ignore_errors=True)
