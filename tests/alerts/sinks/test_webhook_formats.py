"""The three body formats, as a real receiver gets them, signed alike."""

from __future__ import annotations

import asyncio
import json

import pytest
from standardwebhooks.webhooks import Webhook

from alerts.sinks.formats import AM_ZERO_TIME, alertmanager_body, slack_body
from alerts.sinks.webhook import EndpointConfig, WebhookSink


def deliver_in(make_receiver, fmt: str, secret: str, cloudevent: dict):
    async def scenario():
        async with make_receiver(secret=secret) as rx:
            async with WebhookSink([EndpointConfig(url=rx.url, secret=secret, format=fmt)]) as sink:
                [result] = await sink.deliver(cloudevent)
        return result, rx.received[0]

    return asyncio.run(scenario())


@pytest.mark.integration
def test_alertmanager_v4_payload(secret, cloudevent, make_receiver):
    result, req = deliver_in(make_receiver, "alertmanager", secret, cloudevent)
    assert result.delivered and req.headers["Content-Type"].startswith("application/json")
    payload = Webhook(secret).verify(req.body, req.headers)
    assert req.headers["webhook-id"] == cloudevent["id"]
    assert payload["version"] == "4" and payload["status"] == "firing"
    assert {"receiver", "groupKey", "groupLabels", "commonLabels", "commonAnnotations", "externalURL"} <= set(payload)
    [alert] = payload["alerts"]
    assert set(alert) >= {"status", "labels", "annotations", "startsAt", "endsAt", "fingerprint", "generatorURL"}
    assert alert["labels"] == {
        "alertname": "FlashpointHostilitySpike", "signal": "hostility", "scope": "dyad",
        "actors": "ARM-AZE", "severity": "high", "source": "flashpoint",
    }
    assert alert["startsAt"] == "2022-09-13T00:00:00Z" and alert["endsAt"] == AM_ZERO_TIME
    assert alert["annotations"]["alert_id"] == cloudevent["id"]
    assert alert["annotations"]["evidence_url"] == "https://news.example.org/a1"
    assert len(alert["fingerprint"]) == 16 and int(alert["fingerprint"], 16) >= 0


def test_alertmanager_resolved_matches_its_firing_alert(make_alert):
    firing = json.loads(alertmanager_body(make_alert("firing").to_cloudevent()).text)
    resolved = json.loads(alertmanager_body(make_alert("resolved").to_cloudevent()).text)
    assert resolved["status"] == "resolved" and resolved["alerts"][0]["endsAt"] == "2022-09-13T01:00:00Z"
    # Alertmanager pairs firing and resolved by fingerprint and group key.
    assert resolved["alerts"][0]["fingerprint"] == firing["alerts"][0]["fingerprint"]
    assert resolved["groupKey"] == firing["groupKey"]
    other = json.loads(alertmanager_body(make_alert(actors=("ISR", "PSE")).to_cloudevent()).text)
    assert other["alerts"][0]["fingerprint"] != firing["alerts"][0]["fingerprint"]
    # an escalation of the same spike (higher severity) is the same Alertmanager alert
    data = make_alert("firing").to_cloudevent()
    data["data"] = {**data["data"], "severity": "critical"}
    escalated = json.loads(alertmanager_body(data).text)
    assert escalated["alerts"][0]["fingerprint"] == firing["alerts"][0]["fingerprint"]


@pytest.mark.integration
def test_slack_text_message(secret, cloudevent, make_receiver):
    result, req = deliver_in(make_receiver, "slack", secret, cloudevent)
    assert result.delivered
    payload = Webhook(secret).verify(req.body, req.headers)
    assert list(payload) == ["text"]
    text = payload["text"]
    assert text.startswith(":rotating_light: *FIRING: hostility spike, dyad ARM – AZE (severity high)*")
    assert "observed 42 vs expected 3.1" in text
    assert "<https://news.example.org/a1|art-1>" in text
    # Slack control characters from article text are escaped so they cannot forge links.
    assert "&lt;Armenian&gt; aggression &amp; called" in text
    assert cloudevent["id"] in text


def test_slack_resolved_and_global_alerts_read_sensibly(make_alert):
    text = json.loads(slack_body(make_alert("resolved", actors=()).to_cloudevent()).text)["text"]
    assert text.startswith(":white_check_mark: *RESOLVED: hostility spike, global worldwide")


@pytest.mark.integration
def test_an_event_that_cannot_be_rendered_is_a_permanent_failure(secret, make_receiver):
    broken = {"id": "x1", "specversion": "1.0", "data": {"signal": "hostility"}}

    async def scenario():
        async with make_receiver() as rx:
            async with WebhookSink([EndpointConfig(url=rx.url, secret=secret, format="slack")]) as sink:
                [result] = await sink.deliver(broken)
        return rx, result

    rx, result = asyncio.run(scenario())
    assert rx.received == []
    assert result.permanent and not result.delivered
    assert result.attempts[0].error.startswith("unrenderable event")
