"""`flashpoint backtest` follows the same settings as the worker (bucket length)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]


def _hours(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()) // 3600


def test_backtest_buckets_follow_flashpoint_bucket_hours(tmp_path):
    out = tmp_path / "alerts.jsonl"
    env = {**os.environ, "FLASHPOINT_BUCKET_HOURS": "3"}
    done = subprocess.run([sys.executable, "-m", "streams.cli", "backtest", str(REPO / "samples" / "sample_stream.jsonl"),
                           "--out", str(out)], cwd=REPO, env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    alerts = [json.loads(line)["data"] for line in out.read_text().splitlines()]
    assert any(a["signal"] == "hostility" and a["scope"] == "dyad" for a in alerts)
    edges = [_hours(a["window"][k]) for a in alerts for k in ("start", "end")]
    assert all(h % 3 == 0 for h in edges)
    assert any(h % 6 for h in edges), "with 6 h buckets every edge would fall on a multiple of six hours"
