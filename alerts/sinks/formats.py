"""Request bodies for one alert CloudEvent: CloudEvents JSON, Alertmanager v4, Slack text.

Each renderer returns the exact text to send, because the Standard Webhooks signature is
computed over those bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Callable

# Alertmanager's marker for "no end time yet" on a firing alert.
AM_ZERO_TIME = "0001-01-01T00:00:00Z"
AM_RECEIVER = "flashpoint"


@dataclass(frozen=True, slots=True)
class Body:
    content_type: str
    text: str


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def cloudevents_body(event: dict[str, Any]) -> Body:
    """Structured-mode CloudEvents 1.0 JSON, unchanged from `Alert.to_cloudevent()`."""
    return Body("application/cloudevents+json; charset=utf-8", _dumps(event))


def _scope_label(data: dict[str, Any]) -> str:
    return "-".join(data.get("actors") or []) or "GLOBAL"


def alertmanager_labels(data: dict[str, Any]) -> dict[str, str]:
    """Bounded labels (no alert ids or article ids), as Alertmanager routing expects."""
    return {
        "alertname": f"Flashpoint{str(data['signal']).capitalize()}Spike",
        "signal": str(data["signal"]),
        "scope": str(data["scope"]),
        "actors": _scope_label(data),
        "severity": str(data["severity"]),
        "source": "flashpoint",
    }


def alertmanager_body(event: dict[str, Any]) -> Body:
    """The Alertmanager v4 webhook payload: one group holding this one alert."""
    data = event["data"]
    labels = alertmanager_labels(data)
    window = data["window"]
    evidence = data.get("evidence") or []
    annotations = {
        "summary": headline(data),
        "description": numbers_line(data),
        "alert_id": str(event["id"]),
        "window_start": str(window["start"]),
        "window_end": str(window["end"]),
    }
    if evidence and evidence[0].get("url"):
        annotations["evidence_url"] = str(evidence[0]["url"])
    # One spike, one fingerprint: firing, its escalations and its resolve match, so the hash
    # leaves out the severity, which rises as a spike grows.
    identity = sorted((k, v) for k, v in labels.items() if k != "severity")
    fingerprint = hashlib.sha256(_dumps(identity).encode()).hexdigest()[:16]
    resolved = data["state"] == "resolved"
    alert = {
        "status": "resolved" if resolved else "firing",
        "labels": labels,
        "annotations": annotations,
        "startsAt": str(window["start"]),
        "endsAt": str(window["end"]) if resolved else AM_ZERO_TIME,
        "generatorURL": "",
        "fingerprint": fingerprint,
    }
    payload = {
        "version": "4",
        "groupKey": f'{{}}:{{alertname="{labels["alertname"]}", actors="{labels["actors"]}"}}',
        "truncatedAlerts": 0,
        "status": alert["status"],
        "receiver": AM_RECEIVER,
        "groupLabels": {"alertname": labels["alertname"], "actors": labels["actors"]},
        "commonLabels": labels,
        "commonAnnotations": annotations,
        "externalURL": "",
        "alerts": [alert],
    }
    return Body("application/json", _dumps(payload))


def headline(data: dict[str, Any]) -> str:
    state = "RESOLVED" if data["state"] == "resolved" else "FIRING"
    who = " – ".join(data.get("actors") or []) or "worldwide"
    return f"{state}: {data['signal']} spike, {data['scope']} {who} (severity {data['severity']})"


def numbers_line(data: dict[str, Any]) -> str:
    return (
        f"observed {data['observed']:g} vs expected {data['expected']:.3g} "
        f"(score {data['score']:.2f}, p={data['p_value']:.2g}); "
        f"window {data['window']['start']} → {data['window']['end']}"
    )


def _slack_escape(text: str) -> str:
    """Slack mrkdwn needs only &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_body(event: dict[str, Any]) -> Body:
    """A Slack-compatible incoming-webhook message: {"text": ...} that reads well on its own."""
    data = event["data"]
    icon = ":white_check_mark:" if data["state"] == "resolved" else ":rotating_light:"
    lines = [f"{icon} *{_slack_escape(headline(data))}*", _slack_escape(numbers_line(data))]
    for item in (data.get("evidence") or [])[:3]:
        sentence = _slack_escape(str(item.get("sentence", "")))[:300]
        url = item.get("url")
        link = f" <{_slack_escape(str(url))}|{_slack_escape(str(item.get('article_id', 'source')))}>" if url else ""
        lines.append(f"• “{sentence}”{link}")
    lines.append(f"alert `{_slack_escape(str(event['id']))}`")
    return Body("application/json", _dumps({"text": "\n".join(lines)}))


RENDERERS: dict[str, Callable[[dict[str, Any]], Body]] = {
    "cloudevents": cloudevents_body,
    "alertmanager": alertmanager_body,
    "slack": slack_body,
}


def render(event: dict[str, Any], fmt: str) -> Body:
    return RENDERERS[fmt](event)
