"""`flashpoint bench --soak N`: memory over a long replay, N articles through one worker.

A bench corpus repeats itself, so after one pass no new word, key or id reaches the worker and
its memory looks flat by construction. The soak makes every article new: a fresh id, a date
that moves on (two months over the run, so detector keys age out), and a few words nobody has
seen (a name, a reference number), the way a real firehose keeps bringing names and numbers.
It samples the RSS of the worker and of each extraction child after every tenth of the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone

import orjson

from streams.bench.measure import process_tree, rss_mb
from streams.bench.run import _metric, _wait

SPREAD_DAYS = 60


def soak_lines(docs: list[dict], n: int, seed: str) -> list[bytes]:
    """`n` new articles cycled from `docs`, each with an unseen name and number, dated in order."""
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        when = start + timedelta(seconds=SPREAD_DAYS * 86400 * i / n)
        novel = f"Reporter Q{seed}{i:x}vik filed reference {i * 7919 % 999_983}-{seed}."
        out.append(orjson.dumps({**doc, "id": f"soak-{seed}-{i}", "text": f"{doc['text']}\n{novel}",
                                 "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    return out


def soak(docs: list[dict], n: int, samples: int = 10) -> dict:
    from streams.broker import EmbeddedBroker, free_port
    from streams.replay import ensure_topics, replay
    from streams.settings import load_settings

    run = uuid.uuid4().hex[:6]
    lines = soak_lines(docs, n, run)
    data_dir = tempfile.mkdtemp(prefix=f"flashpoint-soak-{run}-")
    timeline = []
    with EmbeddedBroker() as broker:
        prefix = f"soak{run}."
        settings = load_settings(broker=broker.url, topic_prefix=prefix)
        ensure_topics(broker.bootstrap, settings)
        port = free_port()
        env = {**os.environ, "FLASHPOINT_BROKER": broker.url, "FLASHPOINT_TOPIC_PREFIX": prefix,
               "FLASHPOINT_APP_ID": f"soak{run}", "FLASHPOINT_WEB_PORT": str(port),
               "FLASHPOINT_DATA_DIR": data_dir, "FLASHPOINT_LOG_LEVEL": "WARNING"}
        worker = subprocess.Popen([sys.executable, "-m", "streams.cli", "run"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait(lambda: _metric(port, "flashpoint_articles_received_total") >= 0, 120, "worker start")
            step = max(1, n // samples)
            started = time.monotonic()
            for i in range(0, n, step):
                chunk = lines[i:i + step]
                replay(chunk, broker.bootstrap, settings)
                done = i + len(chunk)
                # every article is accounted for: counted by the detectors, dead-lettered or a duplicate
                _wait(lambda: _accounted(port) >= done, 1800, "soak chunk")
                tree = process_tree(worker.pid)
                timeline.append({"articles": done, "seconds": round(time.monotonic() - started, 1),
                                 "worker_rss_mb": round(rss_mb(worker.pid), 1),
                                 "children_rss_mb": [round(rss_mb(p), 1) for p in tree[1:] if rss_mb(p) > 50]})
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
            shutil.rmtree(data_dir, ignore_errors=True)
    first, last = timeline[0], timeline[-1]
    return {"soak_articles": n, "timeline": timeline,
            "worker_rss_growth_mb": round(last["worker_rss_mb"] - first["worker_rss_mb"], 1),
            "child_rss_growth_mb": round(max(last["children_rss_mb"], default=0) - max(first["children_rss_mb"], default=0), 1)}


def _accounted(port: int) -> float:
    return (_metric(port, "flashpoint_articles_detected_total") + _metric(port, "flashpoint_articles_duplicate_total")
            + _metric(port, "flashpoint_deadletter_total"))


def print_soak(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"flashpoint bench --soak: {result['soak_articles']} new articles through one worker")
    for col in ("articles", "seconds", "worker RSS MB", "extraction children RSS MB"):
        table.add_column(col, justify="right")
    for row in result["timeline"]:
        table.add_row(str(row["articles"]), f"{row['seconds']:.0f}", f"{row['worker_rss_mb']:.0f}",
                      " ".join(f"{v:.0f}" for v in row["children_rss_mb"]))
    Console().print(table)
    Console().print(f"growth from the first sample to the last: worker {result['worker_rss_growth_mb']:+.1f} MB, "
                    f"largest child {result['child_rss_growth_mb']:+.1f} MB")
