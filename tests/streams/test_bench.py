"""`flashpoint bench` reports every figure DESIGN names (the values are the bench's business, not a test's)."""

import json
import math
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

KEYS = ["e2e_articles_per_s", "extract_articles_per_s", "naive_articles_per_s", "tokenizer_articles_per_s",
        "latency_p50_s", "latency_p99_s", "worker_rss_mb"]


def test_bench_json_has_every_figure(tmp_path):
    from streams.bench.corpus import generate

    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in generate(24, words=300, political_share=0.5)))
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "bench", "--input", str(corpus), "--json",
                           "--rate", "20"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    for key in KEYS:
        assert isinstance(result[key], (int, float)), key
        assert result[key] > 0 and not math.isnan(result[key]), (key, result[key])
    assert result["articles"] == 24


def test_soak_reports_memory_over_a_replay_of_new_articles(tmp_path):
    from streams.bench.corpus import generate
    from streams.bench.soak import soak_lines

    docs = generate(6, words=200, political_share=0.5)
    lines = [json.loads(line) for line in soak_lines(docs, 12, "t")]
    assert len({d["id"] for d in lines}) == 12 and len({d["text"] for d in lines}) == 12  # every article new
    assert [d["published_at"] for d in lines] == sorted(d["published_at"] for d in lines)

    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in docs))
    proc = subprocess.run([sys.executable, "-m", "streams.cli", "bench", "--input", str(corpus), "--soak", "40", "--json"],
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [row["articles"] for row in result["timeline"]] == list(range(4, 41, 4))
    assert all(row["worker_rss_mb"] > 0 and row["children_rss_mb"] for row in result["timeline"])
    assert isinstance(result["worker_rss_growth_mb"], float)
