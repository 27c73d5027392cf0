"""The alert contract of DESIGN.md and its CloudEvents 1.0 envelope."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SIGNALS = ("hostility", "ceasefire")
SCOPES = ("country", "dyad", "global")
STATES = ("firing", "resolved")
SEVERITIES = ("low", "medium", "high", "critical")
CLOUDEVENT_SOURCE = "urn:flashpoint:detector"
CLOUDEVENT_TYPE = "org.flashpoint.alert.{state}"


@dataclass(frozen=True, slots=True)
class Evidence:
    article_id: str
    url: str | None
    sentence: str


@dataclass(frozen=True, slots=True)
class Alert:
    signal: str  # hostility | ceasefire
    scope: str  # country | dyad | global
    actors: tuple[str, ...]  # sorted codes: one for a country, two for a dyad, none for global
    window_start: str  # RFC 3339
    window_end: str
    observed: float
    expected: float
    score: float
    p_value: float
    severity: str
    state: str  # firing | resolved
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)  # at most five
    escalation: bool = field(default=False, compare=False)
    """A firing alert for a spike already firing, at a higher severity (not in the alert's data:
    the contract's states are firing and resolved; metrics count it apart)."""

    @property
    def key(self) -> str:
        """Kafka key: `hostility:dyad:ARM-AZE`; the same for every alert of one spike."""
        return f"{self.signal}:{self.scope}:{'-'.join(self.actors) or 'GLOBAL'}"

    @property
    def alert_id(self) -> str:
        """Deterministic: one window of one key in one state is one alert, however often sent."""
        raw = f"{self.key}|{self.window_start}|{self.window_end}|{self.state}"
        return hashlib.sha1(raw.encode()).hexdigest()[:24]

    def to_data(self) -> dict[str, Any]:
        """The `data` of the CloudEvent, in the field layout of DESIGN.md."""
        return {
            "alert_id": self.alert_id,
            "signal": self.signal,
            "scope": self.scope,
            "actors": list(self.actors),
            "window": {"start": self.window_start, "end": self.window_end},
            "observed": self.observed,
            "expected": self.expected,
            "score": self.score,
            "p_value": self.p_value,
            "severity": self.severity,
            "state": self.state,
            "evidence": [asdict(e) for e in self.evidence[:5]],
        }

    def to_cloudevent(self) -> dict[str, Any]:
        """A structured-mode CloudEvents 1.0 JSON envelope; `time` is the window end (event time)."""
        return {
            "specversion": "1.0",
            "id": self.alert_id,
            "source": CLOUDEVENT_SOURCE,
            "type": CLOUDEVENT_TYPE.format(state=self.state),
            "subject": self.key,
            "time": self.window_end,
            "datacontenttype": "application/json",
            "data": self.to_data(),
        }


def alert_from_data(data: dict[str, Any]) -> Alert:
    return Alert(
        signal=data["signal"],
        scope=data["scope"],
        actors=tuple(data["actors"]),
        window_start=data["window"]["start"],
        window_end=data["window"]["end"],
        observed=data["observed"],
        expected=data["expected"],
        score=data["score"],
        p_value=data["p_value"],
        severity=data["severity"],
        state=data["state"],
        evidence=tuple(Evidence(**e) for e in data.get("evidence", [])),
    )
