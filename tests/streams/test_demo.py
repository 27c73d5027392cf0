"""`flashpoint demo` — the README's first command — end to end, as a user runs it, output piped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]


def test_demo_runs_the_sample_through_the_embedded_broker_and_exits_cleanly(tmp_path):
    env = {**os.environ, "FLASHPOINT_DATA_DIR": str(tmp_path), "FLASHPOINT_WEB_PORT": "0"}
    env.pop("FLASHPOINT_BROKER", None)
    done = subprocess.run([sys.executable, "-m", "streams.cli", "demo"], cwd=REPO, env=env,
                          capture_output=True, timeout=600)
    out = done.stdout.decode()
    assert done.returncode == 0, out[-2000:] + done.stderr.decode()[-2000:]
    summary = re.search(r"summary \d+s: (\d+) articles extracted, (\d+) signal counts, (\d+) alerts", out.replace("\n", " "))
    assert summary, out[-2000:]
    articles, _, alerts = map(int, summary.groups())
    lines = sum(1 for line in (REPO / "samples" / "sample_stream.jsonl").read_text().splitlines() if line.strip())
    assert articles == lines
    assert alerts > 0
    assert re.search(r"FIRING\s+hostility\s+dyad\s+ARM.AZE", out), out[-3000:]
    assert re.search(r"FIRING\s+ceasefire", out)
    # piped output stays plain text: no spinner or cursor codes in a log file
    assert b"\x1b" not in done.stdout
