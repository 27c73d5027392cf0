"""A real Prometheus scrapes a real worker during a replay: every dashboard query returns data, every rule loads."""

from __future__ import annotations

import http.server
import importlib.util
import json
import shutil
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import uuid

import orjson
import pytest

from streams.broker import free_port
from streams.replay import ensure_topics, replay
from streams.settings import load_settings

from .conftest import REPO, SAMPLE, Worker

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(shutil.which("prometheus") is None, reason="Debian's prometheus package is not installed")]
CUTOFF = "2022-09-15T12:00:00Z"  # mid-escalation: some alerts are still firing when Prometheus is queried


PAGES: dict[str, bytes] = {}  # the worker's /metrics page, taken while it runs

def _deploy_helpers():
    spec = importlib.util.spec_from_file_location("deploy_checks", REPO / "tests" / "test_deploy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FailingReceiver(http.server.BaseHTTPRequestHandler):
    """Answers every webhook with 500, so retries and failures show on the webhook panels."""

    def do_POST(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(500)
        self.end_headers()

    def log_message(self, *args):
        pass


def _query(base: str, promql: str) -> dict:
    url = f"{base}/api/v1/query?{urllib.parse.urlencode({'query': promql})}"
    return json.loads(urllib.request.urlopen(url, timeout=10).read())


@pytest.fixture(scope="module")
def scraped(broker, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prom")
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FailingReceiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    prefix = f"prom{uuid.uuid4().hex[:6]}."
    worker = Worker(broker, prefix, tmp / "data", tmp / "worker.log",
                    FLASHPOINT_WEBHOOK_URLS=f"http://127.0.0.1:{receiver.server_port}/hook",
                    FLASHPOINT_WEBHOOK_MAX_ATTEMPTS="2").start()
    prom_port = free_port()
    config = tmp / "prometheus.yml"
    config.write_text(f"""
global: {{scrape_interval: 1s, evaluation_interval: 1s}}
rule_files: [{', '.join(json.dumps(str(p)) for p in _deploy_helpers().rule_files())}]
scrape_configs:
  - job_name: flashpoint
    static_configs: [{{targets: ["127.0.0.1:{worker.port}"]}}]
""")
    prom = subprocess.Popen(["prometheus", f"--config.file={config}", f"--storage.tsdb.path={tmp / 'tsdb'}",
                             f"--web.listen-address=127.0.0.1:{prom_port}"],
                            stdout=subprocess.DEVNULL, stderr=open(tmp / "prometheus.log", "wb"))
    base = f"http://127.0.0.1:{prom_port}"
    try:
        settings = load_settings(broker=broker.url, topic_prefix=prefix)
        ensure_topics(broker.bootstrap, settings)
        lines = [line for line in SAMPLE.read_bytes().splitlines() if orjson.loads(line)["published_at"] < CUTOFF]
        lines[10:10] = [b"not json", b'{"id": 1}']
        replay(lines, broker.bootstrap, settings)
        worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= len(lines) - 2, timeout=300)
        worker.wait_until(lambda w: w.total("flashpoint_webhook_deliveries_total") > 0, timeout=120,
                          what="webhook outcomes")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until Prometheus has scraped the finished state a few times
            try:
                result = _query(base, "flashpoint_articles_detected_total")["data"]["result"]
                if result and float(result[0]["value"][1]) >= len(lines) - 2:
                    break
            except OSError:
                pass
            time.sleep(1)
        time.sleep(3)
        PAGES["worker"] = urllib.request.urlopen(f"http://127.0.0.1:{worker.port}/metrics", timeout=10).read()
        yield base
    finally:
        prom.terminate()
        prom.wait(timeout=30)
        worker.stop()
        receiver.shutdown()


def test_every_dashboard_panel_query_returns_data(scraped):
    deploy = _deploy_helpers()
    queries = [deploy.as_promql(q) for q in deploy.dashboard_queries()]
    assert len(queries) >= 10
    empty = []
    for promql in queries:
        answer = _query(scraped, promql)
        assert answer["status"] == "success", (promql, answer)
        if not answer["data"]["result"]:
            empty.append(promql)
    assert empty == [], f"panels without data: {empty}"


def test_every_rule_file_loads_and_evaluates(scraped):
    rules = json.loads(urllib.request.urlopen(f"{scraped}/api/v1/rules", timeout=10).read())["data"]["groups"]
    loaded = {r["name"] for g in rules for r in g["rules"]}
    import yaml

    expected = {r.get("alert") or r.get("record") for path in _deploy_helpers().rule_files()
                for g in yaml.safe_load(path.read_text())["groups"] for r in g["rules"]}
    assert expected and expected <= loaded
    assert all(r["health"] != "err" for g in rules for r in g["rules"]), rules


def test_the_whole_worker_page_passes_promtool_check_metrics(scraped):
    """Ours and Faust's metrics alike: a linting Prometheus setup takes the page as it is."""
    page = PAGES["worker"]
    assert b"flashpoint_articles_detected_total" in page and b"faust_" in page
    result = subprocess.run(["promtool", "check", "metrics"], input=page, capture_output=True, timeout=60)
    assert result.returncode == 0, (result.stdout + result.stderr).decode()[-2000:]


def test_worker_target_is_up(scraped):
    result = _query(scraped, 'up{job="flashpoint"}')["data"]["result"]
    assert [r["value"][1] for r in result] == ["1"]
