"""End to end on the embedded broker: the sample and some junk through a real worker.

Checked with independent clients (kafka-python, and a confluent-kafka consumer group), and
against `backtest` over the same file: the same alerts, id for id and field for field.
"""

from __future__ import annotations

import orjson
import pytest

from extractors.article import parse_article
from streams.offline import backtest, valid_articles
from streams.replay import ensure_topics, replay
from streams.settings import load_settings

from .conftest import SAMPLE, json_values, read_topic

pytestmark = pytest.mark.integration

JUNK = [
    (b"this is not json", "invalid_json"),
    (orjson.dumps({"id": "junk-types", "text": 42}), "missing_text"),
    (b'{"id": "junk-utf8", "text": "caf\xe9"}', "invalid_utf8"),
    (orjson.dumps({"id": "junk-date", "text": "Armenia accused Azerbaijan.", "published_at": "soon"}), "invalid_published_at"),
]


@pytest.fixture(scope="module")
def live_run(broker, tmp_path_factory):
    from tests.streams.conftest import Worker
    import uuid

    tmp = tmp_path_factory.mktemp("live")
    prefix = f"e2e{uuid.uuid4().hex[:6]}."
    worker = Worker(broker, prefix, tmp / "data", tmp / "worker.log").start()
    settings = load_settings(broker=broker.url, topic_prefix=prefix)
    ensure_topics(broker.bootstrap, settings)
    lines = SAMPLE.read_bytes().splitlines()
    # junk first and in the middle: good articles behind it must still flow
    stream = [JUNK[0][0], JUNK[1][0]] + lines[:300] + [JUNK[2][0], JUNK[3][0], lines[5]] + lines[300:]
    sent = replay(stream, broker.bootstrap, settings)
    valid = len({parse_article(line).id for line in lines})
    try:
        worker.wait_until(lambda w: w.total("flashpoint_articles_detected_total") >= valid, timeout=600,
                          what=f"{valid} articles detected")
        alerts = read_topic(broker.bootstrap, prefix + "alerts", idle_s=4)
        dead = read_topic(broker.bootstrap, prefix + "deadletter", idle_s=1)
        events = read_topic(broker.bootstrap, prefix + "events", idle_s=1)
        metrics = worker.metrics()
    finally:
        worker.stop()
    yield dict(prefix=prefix, sent=sent, valid=valid, alerts=alerts, dead=dead, events=events, metrics=metrics,
               worker=worker)


def test_every_message_is_accounted_for(live_run):
    m = live_run["metrics"]
    dead = sum(v for k, v in m.items() if k.startswith("flashpoint_deadletter_total"))
    assert m["flashpoint_articles_received_total"] == live_run["sent"]
    assert m["flashpoint_articles_processed_total"] + dead + m["flashpoint_articles_duplicate_total"] == live_run["sent"]
    assert m["flashpoint_articles_duplicate_total"] == 1
    assert len(live_run["dead"]) == len(JUNK)


def test_junk_is_dead_lettered_with_reasons(live_run):
    letters = json_values(live_run["dead"])
    assert sorted(d["reason"] for d in letters) == sorted(reason for _, reason in JUNK)
    assert all(d["stage"] == "ingest" and d["detail"] for d in letters)
    utf8 = next(d for d in letters if d["reason"] == "invalid_utf8")
    assert utf8["payload_encoding"] == "base64"


def test_events_are_keyed_by_scope_and_stamped_in_event_time(live_run):
    records = live_run["events"]
    assert len(records) > 500
    for r in records[:200]:
        ev = orjson.loads(r.value)
        codes = sorted({a["code"] for a in (ev["source"], ev["target"]) if a})
        assert r.key.decode() == ("-".join(codes) or "GLOBAL")
        assert abs(r.timestamp / 1000 - parse_article({"id": "x", "text": "x", "published_at": ev["published_at"]}).timestamp) < 1


def test_the_escalation_raises_hostility_and_ceasefire_alerts(live_run):
    alerts = [orjson.loads(r.value)["data"] for r in live_run["alerts"]]
    firing = [a for a in alerts if a["state"] == "firing"]
    assert any(a["signal"] == "hostility" and set(a["actors"]) & {"ARM", "AZE"} for a in firing), alerts
    assert any(a["signal"] == "ceasefire" and set(a["actors"]) & {"ARM", "AZE"} for a in firing), alerts
    ids = [r.key for r in live_run["alerts"]]
    assert ids and all(k for k in ids)


def test_alerts_are_cloudevents_read_by_a_confluent_kafka_consumer_group(live_run, broker):
    from cloudevents.v1.http import from_json
    from confluent_kafka import Consumer

    consumer = Consumer({"bootstrap.servers": broker.bootstrap, "group.id": "confluent-check",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    consumer.subscribe([live_run["prefix"] + "alerts"])
    got = []
    try:
        import time

        deadline = time.monotonic() + 60
        while len(got) < len(live_run["alerts"]) and time.monotonic() < deadline:
            msg = consumer.poll(1.0)
            if msg is not None and not msg.error():
                got.append(msg.value())
    finally:
        consumer.close()
    assert sorted(got) == sorted(r.value for r in live_run["alerts"])
    event = from_json(got[0])
    assert event["specversion"] == "1.0" and event["id"] == event.data["alert_id"]
    headers = dict(live_run["alerts"][0].headers)
    assert headers["content-type"] == b"application/cloudevents+json"


def test_every_message_matches_its_topic_schema(live_run):
    import schemas

    for suffix in ("events", "alerts", "dead"):
        for record in live_run[suffix]:
            schemas.validate_message("deadletter" if suffix == "dead" else suffix, record.value)


def test_backtest_gives_the_same_alerts_as_the_live_run(live_run):
    live = [orjson.loads(r.value) for r in live_run["alerts"]]
    offline = [alert.to_cloudevent() for alert in backtest(valid_articles(SAMPLE))]
    live_ids = {a["id"] for a in live}
    assert len(live_ids) == len(live), "an alert was published twice"
    # the live stream's last buckets may still be open (its watermark trails the file's end)
    comparable = [a for a in offline if a["data"]["window"]["end"] <= max(x["data"]["window"]["end"] for x in live)]
    assert [a["id"] for a in comparable] == [a["id"] for a in live]
    assert comparable == live
