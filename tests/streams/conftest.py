"""Real parts for stream tests: an embedded broker, worker subprocesses, and clients to read topics."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import orjson
import pytest

from streams.broker import EmbeddedBroker, free_port

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "sample_stream.jsonl"


@pytest.fixture(scope="session")
def broker():
    with EmbeddedBroker() as b:
        yield b


class Worker:
    """`flashpoint run` in a subprocess against a given broker, with its own topic prefix."""

    def __init__(self, broker: EmbeddedBroker, prefix: str, data_dir: Path, log_path: Path, **env: str):
        self.broker, self.prefix, self.data_dir, self.log_path = broker, prefix, data_dir, log_path
        self.port = free_port()
        self.env = {**os.environ, "FLASHPOINT_BROKER": broker.url, "FLASHPOINT_TOPIC_PREFIX": prefix,
                    "FLASHPOINT_APP_ID": prefix.strip(".") or "flashpoint", "FLASHPOINT_WEB_PORT": str(self.port),
                    "FLASHPOINT_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1", **env}
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 60.0) -> "Worker":
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "streams.cli", "run"], env=self.env, cwd=REPO,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"worker exited early:\n{self.log_path.read_text()[-3000:]}"
            try:
                self.metrics()
                return self
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"worker did not serve /metrics within {timeout}s")

    def metrics(self) -> dict[str, float]:
        """Parsed /metrics: `name{labels}` → value."""
        body = urllib.request.urlopen(f"http://127.0.0.1:{self.port}/metrics", timeout=5).read().decode()
        out: dict[str, float] = {}
        for line in body.splitlines():
            if line and not line.startswith("#"):
                name, _, value = line.rpartition(" ")
                out[name] = float(value)
        return out

    def total(self, metric: str) -> float:
        return sum(v for k, v in self.metrics().items() if k == metric or k.startswith(metric + "{"))

    def wait_until(self, predicate, timeout: float = 240.0, what: str = "condition") -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"worker died:\n{self.log_path.read_text()[-3000:]}"
            try:
                if predicate(self):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{what} not reached in {timeout}s:\n{self.log_path.read_text()[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else 0
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=10)


@pytest.fixture
def make_worker(broker, tmp_path):
    workers: list[Worker] = []
    prefix = f"t{uuid.uuid4().hex[:8]}."

    def make(**env: str) -> Worker:
        w = Worker(broker, prefix, tmp_path / "data", tmp_path / f"worker{len(workers)}.log", **env)
        workers.append(w)
        return w

    yield make
    for w in workers:
        w.stop()


def read_topic(bootstrap: str, topic: str, *, idle_s: float = 3.0, timeout_s: float = 60.0) -> list:
    """Every record on `topic` from the beginning, with kafka-python, until idle."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        records, last, start = [], time.monotonic(), time.monotonic()
        while time.monotonic() - last < idle_s and time.monotonic() - start < timeout_s:
            batch = consumer.poll(timeout_ms=300)
            for recs in batch.values():
                records.extend(recs)
            if batch:
                last = time.monotonic()
        return records
    finally:
        consumer.close()


def json_values(records) -> list[dict]:
    return [orjson.loads(r.value) for r in records]
