"""The topic schemas: valid 2020-12, in step with the model classes, accepting real payloads, rejecting bad ones."""

from __future__ import annotations

import base64
import copy
import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `schemas` is a repo folder, not an installed package
    sys.path.insert(0, str(ROOT))

import schemas  # noqa: E402
from alerts import model as alert_model  # noqa: E402
from alerts.model import Alert, Evidence  # noqa: E402
from alerts.sinks.base import DeliveryAttempt, DeliveryResult  # noqa: E402
from extractors import model as event_model  # noqa: E402
from extractors.article import parse_article  # noqa: E402
from extractors.model import Actor, Event, Trigger, make_event_id  # noqa: E402
from streams.deadletter import deadletter_record  # noqa: E402

SAMPLE = ROOT / "samples" / "sample_stream.jsonl"


def load(name: str) -> dict:
    return json.loads((schemas.SCHEMA_DIR / "v1" / f"{name}.schema.json").read_text(encoding="utf-8"))


def make_event(**overrides) -> Event:
    text = "Azerbaijani forces shelled Armenian border villages overnight, Armenia's defence ministry said."
    fields = dict(
        event_id=make_event_id("fp-20220913-0002", 20, "assault", "AZE", "ARM"),
        article_id="fp-20220913-0002",
        published_at="2022-09-13T00:27:43Z",
        sentence=text,
        trigger=Trigger(text="shelled", start=20, end=27),
        category="assault",
        signals=("hostility",),
        source=Actor(text="Azerbaijani forces", code="AZE", sector="MIL"),
        target=Actor(text="Armenian border villages", code="ARM"),
        location=None,
        modality="claimed",
        attributed_to=Actor(text="Armenia's defence ministry", code="ARM", sector="GOV"),
        cameo="190",
        quad_class=4,
        goldstein=-10.0,
    )
    return Event(**{**fields, **overrides})


def make_alert(**overrides) -> Alert:
    fields = dict(
        signal="hostility", scope="dyad", actors=("ARM", "AZE"),
        window_start="2022-09-12T23:00:00Z", window_end="2022-09-13T05:00:00Z",
        observed=41.0, expected=0.8, score=23.5, p_value=3.1e-24, severity="critical", state="firing",
        evidence=(Evidence(article_id="fp-20220913-0002", url="https://example.org/x", sentence="Azerbaijan shelled ..."),),
    )
    return Alert(**{**fields, **overrides})


def round_trip(doc: dict) -> dict:
    """What a consumer sees: the payload after JSON serialisation."""
    return json.loads(json.dumps(doc))


# --- the files themselves ----------------------------------------------------------------


@pytest.mark.parametrize("path", schemas.schema_paths(), ids=lambda p: p.name)
def test_every_schema_is_valid_2020_12(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(doc)
    assert doc["$id"].endswith(f"/v1/{path.name}")
    assert doc.get("title") and doc.get("description")


def test_every_topic_has_a_schema():
    names = {p.name.removesuffix(".schema.json") for p in schemas.schema_paths()}
    assert set(schemas.TOPIC_SCHEMAS.values()) <= names


def test_enums_match_the_model_constants():
    event = load("event")["properties"]
    assert event["category"]["enum"] == list(event_model.CATEGORIES)
    assert event["signals"]["items"]["enum"] == list(event_model.SIGNALS)
    assert event["modality"]["enum"] == list(event_model.MODALITIES)
    alert = load("alert")["properties"]
    assert alert["signal"]["enum"] == list(alert_model.SIGNALS)
    assert alert["scope"]["enum"] == list(alert_model.SCOPES)
    assert alert["state"]["enum"] == list(alert_model.STATES)
    assert alert["severity"]["enum"] == list(alert_model.SEVERITIES)
    envelope = load("alert.cloudevent")["properties"]
    assert envelope["source"]["const"] == alert_model.CLOUDEVENT_SOURCE
    assert envelope["type"]["enum"] == [alert_model.CLOUDEVENT_TYPE.format(state=s) for s in alert_model.STATES]


def test_event_schema_lists_exactly_the_dataclass_fields():
    assert set(load("event")["required"]) == set(make_event().to_dict())


# --- real objects validate ---------------------------------------------------------------


def test_sample_articles_validate_and_parse():
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for line in lines[:: max(1, len(lines) // 200)]:
        schemas.validate_message("articles", line)
        parse_article(line.encode(), now=1.9e9)


def test_model_events_validate():
    for event in (make_event(), make_event(source=None, target=None, attributed_to=None, negated=True, cameo="", quad_class=0, goldstein=0.0)):
        assert schemas.errors("event", round_trip(event.to_dict())) == []


@pytest.mark.parametrize("scope,actors", [("dyad", ("ARM", "AZE")), ("country", ("ARM",)), ("global", ())])
@pytest.mark.parametrize("state", ["firing", "resolved"])
def test_model_alert_cloudevents_validate(scope, actors, state):
    envelope = round_trip(make_alert(scope=scope, actors=actors, state=state).to_cloudevent())
    assert schemas.errors("alert.cloudevent", envelope) == []
    assert schemas.errors("alert", envelope["data"]) == []


def test_alert_cloudevent_parses_with_the_cloudevents_sdk_kafka_binding():
    from cloudevents.v1.kafka import KafkaMessage, from_structured

    alert = make_alert()
    message = KafkaMessage(headers={"content-type": b"application/cloudevents+json"}, key=alert.key.encode(),
                           value=json.dumps(alert.to_cloudevent()).encode())
    event = from_structured(message)
    assert event["id"] == alert.alert_id and event["type"] == "org.flashpoint.alert.firing"
    assert event["subject"] == "hostility:dyad:ARM-AZE" and event.data["actors"] == ["ARM", "AZE"]


def test_deadletter_records_validate():
    bad_utf8 = deadletter_record(stage="ingest", reason="invalid_utf8", detail="byte 0xff", payload=b"\xff\xfe{",
                                 key=b"k1", topic="flashpoint.articles", partition=0, offset=17)
    assert bad_utf8["payload_encoding"] == "base64" and base64.b64decode(bad_utf8["payload"]) == b"\xff\xfe{"
    assert schemas.errors("deadletter", round_trip(bad_utf8)) == []
    attempts = [DeliveryAttempt(number=1, started_at=1.66e9, duration_s=0.2, status=503, retry_after_s=1.0, next_delay_s=1.0),
                DeliveryAttempt(number=2, started_at=1.66e9 + 1.2, duration_s=5.0, error="timeout")]
    history = [DeliveryResult(endpoint="http://127.0.0.1:9/hook", endpoint_name="ops", event_id="a" * 24,
                              delivered=False, attempts=attempts).to_dict()]
    undelivered = deadletter_record(stage="deliver", reason="webhook_failed", detail="gave up after 2 attempts",
                                    payload=json.dumps(make_alert().to_cloudevent()).encode(), key="hostility:dyad:ARM-AZE",
                                    topic="flashpoint.alerts", partition=3, offset=0, history=history)
    assert schemas.errors("deadletter", round_trip(undelivered)) == []


# --- bad ones fail -----------------------------------------------------------------------


def mutated(doc: dict, path: tuple, value=..., delete=False) -> dict:
    out = copy.deepcopy(doc)
    target = out
    for step in path[:-1]:
        target = target[step]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


ARTICLE = {"id": "a1", "text": "Armenia accused Azerbaijan.", "published_at": "2022-09-13T00:27:43Z"}
BAD = [
    ("article", ARTICLE, ("id",), None, False),
    ("article", ARTICLE, ("text",), None, True),
    ("article", ARTICLE, ("text",), "   ", False),
    ("article", ARTICLE, ("published_at",), "13/09/2022", False),
    ("article", ARTICLE, ("title",), 42, False),
    ("event", None, ("category",), "war", False),
    ("event", None, ("signals",), ["hostility", "hostility"], False),
    ("event", None, ("source", "code"), "armenia", False),
    ("event", None, ("trigger", "start"), -1, False),
    ("event", None, ("published_at",), "2022-09-13 00:27", False),
    ("event", None, ("extra_field",), 1, False),
    ("event", None, ("negated",), None, True),
    ("alert.cloudevent", None, ("specversion",), "0.3", False),
    ("alert.cloudevent", None, ("data", "actors"), ["ARM"], False),  # a dyad needs two actors
    ("alert.cloudevent", None, ("data", "p_value"), 1.5, False),
    ("alert.cloudevent", None, ("data", "state"), "pending", False),
    ("alert.cloudevent", None, ("data", "evidence"), [{"article_id": "x", "url": None, "sentence": "s"}] * 6, False),
    ("alert.cloudevent", None, ("data",), None, True),
    ("alert.cloudevent", None, ("Bad_Extension",), "x", False),
    ("deadletter", None, ("stage",), "parse", False),
    ("deadletter", None, ("payload_encoding",), "latin-1", False),
    ("deadletter", None, ("payload",), "not base64!", False),
    ("deadletter", None, ("offset",), -5, False),
]


def good(name: str, base: dict | None) -> dict:
    if base is not None:
        return base
    if name == "event":
        return round_trip(make_event().to_dict())
    if name == "alert.cloudevent":
        return round_trip(make_alert().to_cloudevent())
    return round_trip(deadletter_record(stage="ingest", reason="invalid_utf8", detail="", payload=b"\xff",
                                        key=None, topic="flashpoint.articles", partition=0, offset=1))


@pytest.mark.parametrize("name,base,path,value,delete", BAD, ids=lambda v: str(v) if isinstance(v, (str, tuple)) else "")
def test_bad_payloads_fail(name, base, path, value, delete):
    doc = good(name, base)
    assert schemas.errors(name, doc) == []  # the unmutated document is fine ...
    assert schemas.errors(name, mutated(doc, path, value, delete))  # ... the mutation is not


def test_validate_message_parses_bytes_and_raises_on_junk():
    from jsonschema import ValidationError

    assert schemas.validate_message("articles", json.dumps(ARTICLE).encode())["id"] == "a1"
    with pytest.raises(ValidationError):
        schemas.validate_message("articles", b'{"id": 7, "text": "x"}')
    with pytest.raises(KeyError):
        schemas.validator("nonexistent")


def test_module_doctests():
    import doctest

    result = doctest.testmod(schemas)
    assert result.attempted > 0 and result.failed == 0


def test_real_extractor_events_on_the_sample_validate():
    """The spaCy extractor's output on escalation-day articles, exactly as the events topic carries it."""
    from extractors.pipeline import Extractor, ExtractorConfig

    lines = [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if '"published_at":"2022-09-13' in line][:40]
    articles = [parse_article(line.encode(), now=1.9e9) for line in lines]
    events = [e for batch in Extractor(ExtractorConfig()).extract_batch(articles) for e in batch]
    assert len(events) >= 20
    for event in events:
        assert schemas.errors("event", round_trip(event.to_dict())) == [], event
