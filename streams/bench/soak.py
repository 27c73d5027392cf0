"""`flashpoint bench --soak N`: memory over a long replay, N articles through one worker.

A bench corpus repeats itself, so after one pass no new word, key or id reaches the worker and
its memory looks flat by construction. The soak makes every article new: a fresh id, a date
that moves on (two months over the run, so detector keys age out), and a few words nobody has
seen (a name, a reference number), the way a real firehose keeps bringing names and numbers.
It samples the RSS of the worker and of each extraction child after every tenth of the run.
"""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta, timezone

import orjson

from streams.bench.measure import process_tree, rss_mb
from streams.bench.probe import metric, wait
from streams.bench.worker import bench_worker

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
    from streams.replay import replay

    lines = soak_lines(docs, n, uuid.uuid4().hex[:6])
    timeline = []
    with bench_worker("soak") as w:
        step = max(1, n // samples)
        started = time.monotonic()
        for i in range(0, n, step):
            chunk = lines[i:i + step]
            replay(chunk, w.bootstrap, w.settings)
            done = i + len(chunk)
            # every article is accounted for: counted by the detectors, dead-lettered or a duplicate
            wait(lambda: _accounted(w.port) >= done, 1800, "soak chunk")
            children = [rss_mb(p) for p in process_tree(w.proc.pid)[1:]]
            timeline.append({"articles": done, "seconds": round(time.monotonic() - started, 1),
                             "worker_rss_mb": round(rss_mb(w.proc.pid), 1),
                             "children_rss_mb": [round(v, 1) for v in children if v > 50]})
    first, last = timeline[0], timeline[-1]
    return {"soak_articles": n, "timeline": timeline,
            "worker_rss_growth_mb": round(last["worker_rss_mb"] - first["worker_rss_mb"], 1),
            "child_rss_growth_mb": round(max(last["children_rss_mb"], default=0) - max(first["children_rss_mb"], default=0), 1)}


def _accounted(port: int) -> float:
    return (metric(port, "flashpoint_articles_detected_total") + metric(port, "flashpoint_articles_duplicate_total")
            + metric(port, "flashpoint_deadletter_total"))


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
