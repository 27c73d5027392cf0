"""Small pure pieces of streams/: settings, state splitting, dead letters, the CLI parser."""

import base64

import orjson

import pytest

from streams.cli import build_parser
from streams.deadletter import deadletter_record
from streams.settings import Settings, load_settings
from streams.state import pack, unpack


def test_settings_from_environment_and_yaml(monkeypatch, tmp_path):
    cfg = tmp_path / "fp.yaml"
    cfg.write_text("topic_prefix: test.\npartitions: 4\nweb_port: 7001\n")
    monkeypatch.setenv("FLASHPOINT_CONFIG", str(cfg))
    monkeypatch.setenv("FLASHPOINT_WEB_PORT", "7002")  # environment wins over the file
    monkeypatch.setenv("FLASHPOINT_BROKER", "localhost:9092")
    s = load_settings()
    assert (s.topic_prefix, s.partitions, s.web_port) == ("test.", 4, 7002)
    assert s.broker == "kafka://localhost:9092" and s.bootstrap_servers == "localhost:9092"
    assert s.topic("alerts") == "test.alerts"


def test_defaults_are_safe(monkeypatch):
    for var in ("FLASHPOINT_BROKER", "FLASHPOINT_CONFIG", "FLASHPOINT_WEB_BIND"):
        monkeypatch.delenv(var, raising=False)
    s = Settings()
    assert s.broker is None and s.web_bind == "127.0.0.1" and s.topic_prefix == "flashpoint."


def test_secret_is_not_in_repr(monkeypatch):
    monkeypatch.setenv("FLASHPOINT_WEBHOOK_SECRET", "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=")
    s = load_settings()
    assert "c2VjcmV0" not in repr(s) and "c2VjcmV0" not in str(s.model_dump())
    assert s.webhook_secret_value() == "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ="


def test_invalid_setting_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("FLASHPOINT_PARTITIONS", "zero")
    with pytest.raises(ValueError, match="partitions"):
        load_settings()


def test_bucket_length_is_one_setting_for_worker_and_backtest(monkeypatch):
    monkeypatch.delenv("FLASHPOINT_BUCKET_HOURS", raising=False)
    assert load_settings().monitor_config().bucket_seconds == 6 * 3600
    monkeypatch.setenv("FLASHPOINT_BUCKET_HOURS", "3")
    assert load_settings().monitor_config().bucket_seconds == 3 * 3600
    monkeypatch.setenv("FLASHPOINT_BUCKET_HOURS", "5")  # buckets must tile a day (day-of-week seasons)
    with pytest.raises(ValueError, match="bucket_hours must divide a day"):
        load_settings()


def test_checkpoint_round_trip_is_exact_and_compact():
    from alerts.monitor import Monitor
    from alerts.synthetic_events import demo_like

    monitor = Monitor()
    for row in demo_like(seed=4):
        monitor.observe(*row)
    checkpoint = {"offset": 41, "counted": {"0": 17, "1": 23}, "state": monitor.to_dict()}
    blob = pack(checkpoint)
    assert unpack(blob) == orjson.loads(orjson.dumps(checkpoint))
    assert len(blob) < len(orjson.dumps(checkpoint)) / 3
    restored = Monitor.from_dict(monitor.config, unpack(blob)["state"])
    assert restored.to_dict() == monitor.to_dict()


def test_deadletter_keeps_text_or_base64():
    text = deadletter_record(stage="ingest", reason="invalid_json", detail="d", payload=b"not json", key=b"k")
    assert (text["payload"], text["payload_encoding"], text["key"]) == ("not json", "utf-8", "k")
    binary = deadletter_record(stage="ingest", reason="invalid_utf8", detail="d", payload=b"\xff\x00", key=None)
    assert binary["payload_encoding"] == "base64" and base64.b64decode(binary["payload"]) == b"\xff\x00"


@pytest.mark.parametrize("argv", [["demo", "--keep-running"], ["run"], ["replay", "f.jsonl", "--rate", "5"],
                                  ["tail", "alerts", "--from-beginning"], ["extract"], ["backtest", "f", "--plot", "p.png", "--scope", "ARM-AZE"],
                                  ["evaluate", "a", "b"], ["bench", "--json", "--limit", "3"]])
def test_cli_parses_every_command(argv):
    args = build_parser().parse_args(argv)
    assert callable(args.func)


@pytest.mark.parametrize("command", ["demo", "run", "replay", "tail", "extract", "backtest", "evaluate", "evaluate-detectors", "bench"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([command, "--help"])
    assert info.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_cli_rejects_unknown_tail_topic():
    with pytest.raises(SystemExit):
        build_parser().parse_args(["tail", "nonsense"])


def test_rendering_hostile_text_never_breaks_the_console():
    from rich.console import Console

    from streams.render import alert_line, event_line

    console = Console(file=open("/dev/null", "w"))
    nasty = "[/] [bold]unclosed [link=x] \\[ ]"
    console.print(alert_line({"data": {"signal": "hostility", "state": "firing", "actors": ["ARM"],
                                        "evidence": [{"sentence": nasty, "article_id": nasty}]}}))
    console.print(event_line({"sentence": nasty, "trigger": {"text": nasty}, "modality": nasty}))
    rendered = Console(record=True, file=open("/dev/null", "w"))
    rendered.print(event_line({"sentence": "a [/] b", "trigger": {"text": "t"}}))
    assert "a [/] b" in rendered.export_text()


def test_recent_ids_forget_the_oldest_and_can_be_cleared():
    from streams.dedupe import RecentIds

    seen = RecentIds(capacity=2)
    for article_id in ("a", "b", "c"):
        seen.check_and_add(article_id)
    assert "a" not in seen and "b" in seen and "c" in seen
    seen.clear()
    assert not seen.check_and_add("b")
