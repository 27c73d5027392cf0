"""Deployment files: Prometheus config and rules (promtool), Grafana provisioning and dashboard,
Alertmanager, docker-compose.yml and the Dockerfile — checked statically, since Docker does not run here.

`dashboard_queries()`, `as_promql()` and `rule_files()` are reused by the live-Prometheus test.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from prometheus_client import CollectorRegistry

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PROMETHEUS_YML = DEPLOY / "prometheus" / "prometheus.yml"
RULE_TESTS = sorted((DEPLOY / "prometheus" / "tests").glob("*.test.yml"))
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "flashpoint.json"
DATASOURCE_UID = "flashpoint-prometheus"
COMPOSE = ROOT / "docker-compose.yml"
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool not installed (Debian package `prometheus`; .ci/run installs it)"
)

#: Grafana's built-in variables and what the live test substitutes for them.
GRAFANA_DEFAULTS = {"$__rate_interval": "1m", "$__interval": "15s", "$__range": "1h"}


def rule_files() -> list[Path]:
    """Every Prometheus rule file in the repo (what prometheus.yml loads)."""
    return sorted((DEPLOY / "prometheus" / "rules").glob("*.yml"))


def dashboard_queries(path: Path = DASHBOARD) -> list[str]:
    """Every PromQL `expr` of every panel (rows' nested panels included), as written in the JSON."""
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[str] = []

    def walk(panels: list[dict]) -> None:
        for panel in panels:
            out.extend(t["expr"] for t in panel.get("targets", []) if t.get("expr", "").strip())
            walk(panel.get("panels", []))

    walk(doc.get("panels", []))
    return out


def as_promql(expr: str, **grafana_vars: str) -> str:
    """A dashboard query with Grafana's variables filled in, ready for Prometheus's HTTP API.

    >>> as_promql("rate(x_total[$__rate_interval])")
    'rate(x_total[1m])'
    >>> as_promql("increase(x_total[$__range])", **{"$__range": "5m"})
    'increase(x_total[5m])'
    """
    values = {**GRAFANA_DEFAULTS, **grafana_vars}
    for name in sorted(values, key=len, reverse=True):  # $__rate_interval before $__interval
        expr = expr.replace(name, values[name])
    return expr


def promtool(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([PROMTOOL, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"promtool {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rules() -> list[dict]:
    return [r for path in rule_files() for g in load_yaml(path)["groups"] for r in g["rules"]]


# --- what the worker exports: the metric names dashboards and rules may use -------------------


def exported_metric_names() -> set[str]:
    """Series names of Flashpoint's own metrics and Faust's sensor, from the real collectors."""
    from faust.sensors.prometheus import FaustMetrics

    from streams.metrics import Metrics

    registry = CollectorRegistry()
    Metrics(registry)
    FaustMetrics.create(registry, "faust")
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
    return {fam.name + s for fam in registry.collect() for s in suffixes.get(fam.type, ("",))} | {"up"}


PROMQL_WORDS = {
    "sum", "max", "min", "avg", "count", "by", "without", "rate", "increase", "delta", "deriv", "topk",
    "bottomk", "histogram_quantile", "and", "or", "unless", "vector", "clamp_min", "sort_desc", "le",
    "max_over_time", "absent", "on", "ignoring", "time", "scalar", "bool",
}


def metric_names_in(expr: str) -> set[str]:
    """Identifiers in an expression that are metric names (not functions, keywords or labels)."""
    no_strings = re.sub(r'"[^"]*"', '""', expr)
    no_labels = re.sub(r"\{[^}]*\}", "{}", no_strings)
    no_groupings = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", no_labels)
    no_ranges = re.sub(r"\[[^\]]*\]", "[]", no_groupings)
    words = set(re.findall(r"\b[a-zA-Z_:][a-zA-Z0-9_:]*\b", no_ranges))
    return {w for w in words if w not in PROMQL_WORDS}


# --- Prometheus ----------------------------------------------------------------------------


@needs_promtool
def test_promtool_check_config():
    out = promtool("check", "config", str(PROMETHEUS_YML.relative_to(ROOT)))
    assert f"{len(rule_files())} rule files found" in out.stdout + out.stderr


@needs_promtool
@pytest.mark.parametrize("path", rule_files(), ids=lambda p: p.name)
def test_promtool_check_rules(path):
    promtool("check", "rules", str(path.relative_to(ROOT)))


@needs_promtool
@pytest.mark.parametrize("path", RULE_TESTS, ids=lambda p: p.name)
def test_promtool_test_rules(path):
    out = promtool("test", "rules", str(path.relative_to(ROOT)))
    assert "SUCCESS" in out.stdout + out.stderr


def test_required_alerts_exist_and_each_has_a_unit_test():
    names = {r["alert"] for r in rules() if "alert" in r}
    required = {"FlashpointWorkerDown", "FlashpointConsumerLagGrowing", "FlashpointNoArticles",
                "FlashpointDeadLetterRate", "FlashpointWebhookFailures"}
    assert required <= names
    tested = {t["alertname"] for f in RULE_TESTS for case in load_yaml(f)["tests"] for t in case["alert_rule_test"]}
    assert names <= tested, f"alerts without a promtool unit test: {names - tested}"
    for rule in rules():
        assert rule["labels"]["severity"] in {"critical", "warning", "info"}
        assert rule["annotations"]["summary"] and rule["annotations"]["description"]


def test_prometheus_scrapes_the_compose_services():
    config = load_yaml(PROMETHEUS_YML)
    services = load_yaml(COMPOSE)["services"]
    (job,) = [j for j in config["scrape_configs"] if j["job_name"] == "flashpoint"]
    (sd,) = job["dns_sd_configs"]
    assert sd["names"] == ["worker"] and "worker" in services
    assert str(sd["port"]) == services["worker"]["environment"]["FLASHPOINT_WEB_PORT"]
    am_targets = config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"]
    assert am_targets == ["alertmanager:9093"] and "alertmanager" in services
    assert config["rule_files"] == ["rules/*.yml"]


@pytest.mark.parametrize("source", ["rules", "dashboard"])
def test_queries_only_use_metrics_the_worker_exports(source):
    exprs = [r["expr"] for r in rules()] if source == "rules" else dashboard_queries()
    known = exported_metric_names()
    assert "flashpoint_articles_received_total" in known and "faust_messages_received_total" in known
    used = set().union(*(metric_names_in(e) for e in exprs))
    assert used, "no metric names found: the parser is broken"
    assert used <= known, f"not exported by streams.metrics or Faust: {sorted(used - known)}"


# --- Grafana -------------------------------------------------------------------------------


def panels() -> list[dict]:
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    flat = []
    for p in doc["panels"]:
        flat.append(p)
        flat.extend(p.get("panels", []))
    return [p for p in flat if p["type"] != "row"]


def test_every_panel_and_target_names_the_fixed_datasource():
    for panel in panels():
        assert panel["datasource"] == {"type": "prometheus", "uid": DATASOURCE_UID}, panel["title"]
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == DATASOURCE_UID, panel["title"]


def test_dashboard_has_the_panels_operators_need():
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert doc["uid"] and doc["title"] and doc["schemaVersion"] >= 36
    ids = [p["id"] for p in doc["panels"]]
    assert len(ids) == len(set(ids))
    by_title = {p["title"].lower(): p for p in panels()}
    exprs = {t: " ".join(x["expr"] for x in p["targets"]) for t, p in by_title.items()}
    wanted = {
        "throughput": "flashpoint_articles_received_total",
        "events by signal": "flashpoint_events_total",
        "top dyads": "topk(10, sum by (dyad)",
        "top countries": "topk(10, sum by (country)",
        "active alerts": "flashpoint_alert_active",
        "latency": "histogram_quantile(0.99, sum by (le, stage)",
        "lag": "flashpoint_consumer_lag_messages",
        "dead letters": "flashpoint_deadletter_total",
        "webhook failures": "flashpoint_webhook_deliveries_total",
    }
    for words, expr_part in wanted.items():
        matching = [t for t in by_title if words in t]
        assert matching, f"no panel titled like {words!r}"
        assert any(expr_part in exprs[t] for t in matching), f"{words!r} panels do not query {expr_part!r}"


def test_dashboard_queries_extracts_every_target():
    queries = dashboard_queries()
    assert len(queries) == sum(len(p["targets"]) for p in panels()) >= 15
    assert all("$__" not in as_promql(q) for q in queries)


@needs_promtool
def test_every_dashboard_query_is_valid_promql(tmp_path):
    # promtool has no standalone PromQL parser; recording rules are parsed by `check rules`.
    queries = [as_promql(q) for q in dashboard_queries()]
    rules_doc = {"groups": [{"name": "dashboard", "rules": [
        {"record": f"dashboard:query_{i}", "expr": q} for i, q in enumerate(queries)]}]}
    path = tmp_path / "dashboard.rules.yml"
    path.write_text(yaml.safe_dump(rules_doc), encoding="utf-8")
    out = promtool("check", "rules", str(path))
    assert f"{len(queries)} rules found" in out.stdout + out.stderr


def test_grafana_provisioning_matches_the_dashboard_and_compose():
    prov = DEPLOY / "grafana" / "provisioning"
    (source,) = load_yaml(prov / "datasources" / "prometheus.yml")["datasources"]
    assert source["uid"] == DATASOURCE_UID and source["type"] == "prometheus"
    assert source["url"] == "http://prometheus:9090"
    (provider,) = load_yaml(prov / "dashboards" / "flashpoint.yml")["providers"]
    assert provider["type"] == "file"
    grafana = load_yaml(COMPOSE)["services"]["grafana"]
    mounts = dict(v.split(":")[:2] for v in grafana["volumes"])
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"


# --- Alertmanager --------------------------------------------------------------------------


def test_alertmanager_config():
    path = DEPLOY / "alertmanager" / "alertmanager.yml"
    config = load_yaml(path)
    receivers = {r["name"] for r in config["receivers"]}
    routes = [config["route"], *config["route"].get("routes", [])]
    assert all(r.get("receiver", config["route"]["receiver"]) in receivers for r in routes)
    amtool = shutil.which("amtool")
    if amtool:  # Debian's prometheus-alertmanager; not required in CI
        result = subprocess.run([amtool, "check-config", str(path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr


# --- docker-compose.yml and the Dockerfile -------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_yaml(COMPOSE)


def test_compose_services_and_images(compose):
    services = compose["services"]
    assert {"kafka", "kafka-init", "worker", "prometheus", "alertmanager", "grafana"} <= set(services)
    assert not any("zookeeper" in name for name in services)
    images = {name: s.get("image", "") for name, s in services.items()}
    assert images["kafka"].startswith("apache/kafka:") and images["kafka-init"] == images["kafka"]
    assert images["prometheus"].startswith("prom/prometheus:")
    assert images["alertmanager"].startswith("prom/alertmanager:")
    assert images["grafana"].startswith("grafana/grafana:")
    for name, image in images.items():
        assert not image.endswith(":latest") or name in ("worker", "replay"), f"{name}: pin the image version"


def test_kafka_runs_in_kraft_mode_with_in_network_listeners(compose):
    env = compose["services"]["kafka"]["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"]
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert len(base64.urlsafe_b64decode(env["CLUSTER_ID"] + "==")) == 16
    assert compose["services"]["kafka"]["healthcheck"]["test"]


def test_kafka_init_creates_the_four_topics(compose):
    init = compose["services"]["kafka-init"]
    script = "\n".join(init["command"])
    assert init["restart"] == "no"
    assert init["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert init["environment"]["PREFIX"].endswith("flashpoint.}")
    for topic in ("articles", "events", "alerts", "deadletter"):
        assert re.search(rf"^create {topic}\b", script, re.M), topic
    assert "--if-not-exists" in script


def test_worker_is_built_here_configured_for_kafka_and_scalable(compose):
    worker = compose["services"]["worker"]
    assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    assert worker["command"] == ["run"]
    env = worker["environment"]
    assert env["FLASHPOINT_BROKER"] == "kafka://kafka:9092" and env["FLASHPOINT_WEB_BIND"] == "0.0.0.0"
    assert "container_name" not in worker and "ports" not in worker  # --scale worker=N must work
    assert worker["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert worker["depends_on"]["kafka-init"]["condition"] == "service_completed_successfully"
    assert not [v for v in worker.get("volumes", []) if not str(v).startswith("./")], "replicas must not share a volume"


def test_every_bind_mount_points_into_the_repo(compose):
    named = set(compose.get("volumes") or {})
    seen = 0
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source, target = volume.split(":")[:2]
            assert target.startswith("/"), f"{name}: {volume}"
            if source.startswith((".", "/")):
                seen += 1
                assert source.startswith("./"), f"{name}: bind mounts must be relative to the repo"
                assert (ROOT / source).exists(), f"{name}: {source} does not exist"
            else:
                assert source in named, f"{name}: volume {source} not declared"
    assert seen >= 5


def test_ports_and_dependencies(compose):
    services = compose["services"]
    host_ports = []
    for name, service in services.items():
        for port in service.get("ports", []):
            host, container = str(port).split(":")[-2:]
            assert host.isdigit() and container.isdigit(), f"{name}: {port}"
            host_ports.append(int(host))
        deps = service.get("depends_on", [])
        assert set(deps) <= set(services), f"{name} depends on an unknown service"
    assert len(host_ports) == len(set(host_ports))
    assert {3000, 9090, 9093, 9094} <= set(host_ports)


def test_dockerfile_copies_what_exists_and_runs_the_cli():
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    sources = [s for line in re.findall(r"^COPY (.+)$", text, re.M) for s in line.split()[:-1]]
    assert sources
    for source in sources:
        if source != "README.md":  # written by the lead; required by pyproject's `readme`
            assert (ROOT / source).exists(), source
    assert re.search(r'^ENTRYPOINT \["flashpoint"\]', text, re.M)
    assert re.search(r"^EXPOSE 6066$", text, re.M)
    assert re.search(r"^USER (?!root)", text, re.M)


@needs_promtool
def test_flashpoint_metrics_pass_promtool_check_metrics():
    from prometheus_client import Counter, Gauge, Histogram, generate_latest

    from streams.metrics import Metrics

    registry = CollectorRegistry()
    metrics = Metrics(registry)
    exercised = 0
    for metric in vars(metrics).values():  # give every labelled family one series so it is printed
        if isinstance(metric, (Counter, Gauge, Histogram)):
            child = metric.labels(*["x"] * len(metric._labelnames)) if metric._labelnames else metric
            child.observe(0.1) if isinstance(metric, Histogram) else child.inc()
            exercised += 1
    assert exercised >= 15
    result = subprocess.run([PROMTOOL, "check", "metrics"], input=generate_latest(registry), capture_output=True, timeout=60)
    assert result.returncode == 0, (result.stdout + result.stderr).decode()
