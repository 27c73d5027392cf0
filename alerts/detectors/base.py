"""The detector protocol: every detector scores a closed bucket, decides, then learns from it.

River-style, but functional so that state lives outside the detector: a detector is a frozen,
keyword-only dataclass of parameters; its state is a plain JSON-serialisable dict that the
caller owns (a Faust table, a backtest loop) and passes back in. There is no clock anywhere:
time is the bucket ``index`` of an :class:`Observation` (bucket start // bucket length).

One bucket is handled by :func:`step` in a fixed order, which is also what makes a restart
exact (restore the dict, keep stepping):

1. ``score(state, obs)``   how surprising is this bucket (and the windows ending in it)? Pure.
2. ``decide(state, score, obs)``   the alert state machine of :class:`~alerts.detectors.policy.AlertPolicy`
   (floors, warm-up, threshold, hysteresis, cooldown, severity). Returns the new state.
3. ``update(state, obs, score)``   learn the baseline from the bucket. Returns the new state.

>>> from alerts.detectors.seasonal import SeasonalNB
>>> det = SeasonalNB()
>>> state = det.init_state()
>>> for i in range(200):
...     state, score, decision = step(det, state, Observation(index=i, count=i % 2))
>>> decision.transition
'quiet'
>>> state, score, decision = step(det, state, Observation(index=200, count=40))
>>> decision.transition, decision.severity
('fire', 'critical')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from alerts.detectors.policy import AlertPolicy, Decision


@dataclass(frozen=True, slots=True)
class Observation:
    """One closed bucket of one key and signal."""

    index: int  # bucket number in event time: bucket_start // bucket_seconds
    count: float  # events counted in the bucket
    exposure: float = 1.0  # overall article volume of the bucket (normaliser); 1.0 when unknown
    slot: int = 0  # seasonal slot of the bucket (the monitor uses the UTC day of week)
    articles: float | None = None  # distinct articles behind `count`; None means one per event

    @property
    def article_count(self) -> float:
        return self.count if self.articles is None else self.articles


@dataclass(frozen=True, slots=True)
class Score:
    """How surprising the bucket is: the decisive trailing window and its tail probability."""

    observed: float  # events in the decisive window
    expected: float  # what the baseline expects there
    p_value: float  # P(count >= observed | no change), or the detector's equivalent
    window: int  # event-time span of the decisive window in buckets (it ends with this bucket); dates the alert
    floors_ok: bool  # the decisive window passes the minimum-count / article / ratio floors
    hold_p: float  # smallest p of the windows that may hold a firing alert open, floors ignored
    warm: bool  # enough history to trust the baseline
    bucket_expected: float  # expected count of this bucket alone (for sums over a spike)
    near_p: float = 1.0  # smallest raw p of the short windows: a near-alert, not learned as normal

    @property
    def score(self) -> float:
        """-log10 p: 4 means one chance in ten thousand."""
        return -math.log10(max(self.p_value, 1e-300))


@runtime_checkable
class Detector(Protocol):
    """What the monitor and the evaluation harness need from a detector."""

    name: str
    policy: AlertPolicy

    def init_state(self) -> dict[str, Any]:
        """A fresh state: no history, not firing."""

    def score(self, state: dict[str, Any], obs: Observation) -> Score:
        """Score the bucket against the state; must not modify `state`."""

    def decide(self, state: dict[str, Any], score: Score, obs: Observation) -> tuple[dict[str, Any], Decision]:
        """Run the alert state machine; returns a new state and what happened."""

    def update(self, state: dict[str, Any], obs: Observation, score: Score) -> dict[str, Any]:
        """Learn from the bucket; returns a new state (the argument is left untouched)."""

    def band(self, state: dict[str, Any], obs: Observation) -> tuple[float, float]:
        """Expected count of this single bucket and the count that would fire (for plots)."""


class PolicyDecisions:
    """Mixin: `decide` through the detector's `policy`, keeping the alert state under "alert"."""

    policy: AlertPolicy

    def decide(self, state: dict[str, Any], score: Score, obs: Observation) -> tuple[dict[str, Any], Decision]:
        alert, decision = self.policy.decide(state["alert"], score, obs)
        return {**state, "alert": alert}, decision


def step(detector: Detector, state: dict[str, Any], obs: Observation) -> tuple[dict[str, Any], Score, Decision]:
    """Score, decide, learn: the one order every caller uses."""
    score = detector.score(state, obs)
    state, decision = detector.decide(state, score, obs)
    state = detector.update(state, obs, score)
    return state, score, decision
