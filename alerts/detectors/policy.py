"""When a score becomes an alert: floors, warm-up, threshold, hysteresis, cooldown, severity.

Shared by every detector so that the evaluation compares statistics, not bookkeeping. The
alert state is a plain dict kept inside the detector state under ``"alert"``.

A key fires when its decisive window is surprising enough (``p < alpha``) *and* clears the
floors; it stays firing while any window is still mildly surprising (``p < hold_alpha``) and
resolves after ``resolve_after`` calm buckets in a row: hysteresis. While firing it escalates
(another firing alert for the same spike) when a window earns a severity of ``escalate_from`` or
more. After resolving it cannot fire again for ``cooldown`` buckets, and never through a window
that reaches back into the spike it has just resolved (``clear_from``): one spike, one fire,
one resolve.

>>> AlertPolicy().severity_of(score=13.0, ratio=9.0), AlertPolicy().severity_of(score=4.5, ratio=9.0)
('critical', 'low')
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for annotations only: base imports this module
    from alerts.detectors.base import Observation, Score

SEVERITY_ORDER = ("low", "medium", "high", "critical")


@dataclass(frozen=True, slots=True)
class Decision:
    """What one bucket did to a key's alert state."""

    transition: str  # quiet | fire | hold | escalate (still firing, higher severity) | resolve
    firing: bool  # firing after this bucket
    severity: str | None = None
    start: int | None = None  # first bucket of the alert window
    end: int | None = None  # one past its last bucket
    observed: float = 0.0  # events in the window (for resolve: over the whole spike)
    expected: float = 0.0
    p_value: float = 1.0  # the strongest p seen (for resolve: the spike's peak)
    score: float = 0.0  # -log10 p_value


@dataclass(frozen=True, kw_only=True, slots=True)
class AlertPolicy:
    alpha: float = 1e-3
    """Fire when the decisive window's p-value is below this (a 1-in-1,000 surprise, after floors)."""
    hold_alpha: float = 1e-2
    """A firing key stays firing while any window's p-value is below this (hysteresis)."""
    min_count: float = 5
    """Floor: never fire on fewer events than this in the window (quiet keys stay silent)."""
    min_articles: float = 3
    """Floor: the events must come from at least this many distinct articles."""
    min_ratio: float = 1.5
    """Floor: observed must be at least this multiple of expected (busy keys need a real jump)."""
    warmup: int = 12
    """Buckets of history (the key's, or the monitor's for a new key) before any alert (3 days)."""
    resolve_after: int = 1
    """Calm buckets in a row (no window below hold_alpha) before a firing key resolves (6 h)."""
    cooldown: int = 2
    """Buckets after a resolve during which the key cannot fire again (12 h)."""
    severity_levels: tuple[tuple[float, float, str], ...] = field(
        default=((12.0, 8.0, "critical"), (8.0, 4.0, "high"), (5.0, 2.0, "medium"))
    )
    """(minimum -log10 p, minimum observed/expected, name), strongest first; otherwise "low"."""
    escalate_from: str = "high"
    """A firing key whose severity rises to this level or above sends a new firing alert."""

    def floors_pass(self, observed: float, articles: float, expected: float) -> bool:
        return observed >= self.min_count and articles >= self.min_articles and observed >= self.min_ratio * expected

    def severity_of(self, *, score: float, ratio: float) -> str:
        for min_score, min_ratio, name in self.severity_levels:
            if score >= min_score and ratio >= min_ratio:
                return name
        return "low"

    @staticmethod
    def initial() -> dict[str, Any]:
        return {"firing": False, "start": None, "last_hot": None, "calm": 0, "cooldown_until": None,
                "observed": 0.0, "expected": 0.0, "pending_observed": 0.0, "pending_expected": 0.0,
                "p_value": 1.0, "severity": None, "clear_from": None, "fired_at": None}

    def decide(self, alert: dict[str, Any], score: Score, obs: Observation) -> tuple[dict[str, Any], Decision]:
        i = obs.index
        strong = score.warm and score.floors_ok and score.p_value < self.alpha
        ratio = score.observed / max(score.expected, 1e-9)
        if not alert["firing"]:
            cooling = alert["cooldown_until"] is not None and i < alert["cooldown_until"]
            if not strong or cooling:
                return alert, Decision("quiet", False)
            severity = self.severity_of(score=score.score, ratio=ratio)
            start = i - score.window + 1
            new = {**self.initial(), "firing": True, "start": start, "last_hot": i, "fired_at": i,
                   "observed": score.observed,
                   "expected": score.expected, "p_value": score.p_value, "severity": severity}
            return new, Decision("fire", True, severity, start, i + 1, score.observed, score.expected,
                                 score.p_value, score.score)
        new = dict(alert)
        new["pending_observed"] += obs.count
        new["pending_expected"] += score.bucket_expected
        if score.hold_p < self.hold_alpha:
            new["observed"] += new["pending_observed"]
            new["expected"] += new["pending_expected"]
            new["pending_observed"] = new["pending_expected"] = 0.0
            new["last_hot"], new["calm"] = i, 0
            if strong:
                new["p_value"] = min(new["p_value"], score.p_value)
                sev = self.severity_of(score=score.score, ratio=ratio)
                if SEVERITY_ORDER.index(sev) > SEVERITY_ORDER.index(new["severity"]):
                    # an analyst must hear that a "low" spike became "critical" while it lasts,
                    # not only in the resolved alert days later; low → medium is not worth a page
                    new["severity"] = sev
                    if SEVERITY_ORDER.index(sev) < SEVERITY_ORDER.index(self.escalate_from):
                        return new, Decision("hold", True, sev)
                    p = new["p_value"]
                    return new, Decision("escalate", True, sev, new["start"], i + 1, new["observed"],
                                         new["expected"], p, -math.log10(max(p, 1e-300)))
            return new, Decision("hold", True, new["severity"])
        new["calm"] += 1
        if new["calm"] < self.resolve_after:
            return new, Decision("hold", True, new["severity"])
        p = new["p_value"]
        resolved = Decision("resolve", False, new["severity"], new["start"], new["last_hot"] + 1,
                            new["observed"], new["expected"], p, -math.log10(max(p, 1e-300)))
        # windows reaching back into this spike may not fire it again once the cooldown is over
        return {**self.initial(), "cooldown_until": i + 1 + self.cooldown, "clear_from": new["last_hot"] + 1}, resolved
