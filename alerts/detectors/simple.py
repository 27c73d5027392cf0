"""The two simple baselines the evaluation measures the main detector against.

* :class:`FixedThreshold`: "alert when a key has at least N events in a day", what a
  dashboard rule does. Knows nothing about what is normal for the key.
* :class:`RollingZScore`: the z-score of the trailing windows against the mean and standard
  deviation of the last week's bucket counts (a Gaussian, unnormalised, unseasonal baseline).

Both obey the detector protocol and use the same :class:`AlertPolicy` (floors, hysteresis,
cooldown) as the main detector, so the evaluation compares the statistics alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from alerts.detectors.base import Observation, PolicyDecisions, Score
from alerts.detectors.policy import AlertPolicy


def span(tail: list[list[float]], obs: Observation) -> int:
    """Event-time buckets from the window's first observed bucket to this one (ring entries are
    [count, articles, index]; entries saved before they kept the index count as consecutive)."""
    if tail and len(tail[0]) > 2:
        return obs.index - int(tail[0][2]) + 1
    return len(tail) + 1


@dataclass(frozen=True, kw_only=True)
class FixedThreshold(PolicyDecisions):
    name: ClassVar[str] = "fixed-threshold"
    threshold: float = 10.0
    """Fire when the trailing window holds at least this many events."""
    window: int = 4
    """Length of the trailing window in buckets (four six-hour buckets: a day)."""
    policy: AlertPolicy = field(default_factory=lambda: AlertPolicy(warmup=0))
    """Floors, hysteresis, cooldown (no warm-up: a fixed rule needs no history)."""

    def init_state(self) -> dict[str, Any]:
        return {"ring": [], "n": 0, "alert": AlertPolicy.initial()}

    def score(self, state: dict[str, Any], obs: Observation) -> Score:
        tail = state["ring"][len(state["ring"]) - (self.window - 1) :] if self.window > 1 else []
        y = obs.count + sum(e[0] for e in tail)
        a = obs.article_count + sum(e[1] for e in tail)
        p = 0.0 if y >= self.threshold else 1.0
        hold = 0.0 if y >= self.threshold / 2 else 1.0
        warm = state["n"] >= self.policy.warmup
        return Score(y, self.threshold, p, span(tail, obs), self.policy.floors_pass(y, a, 0.0), hold, warm,
                     self.threshold / self.window)

    def update(self, state: dict[str, Any], obs: Observation, score: Score) -> dict[str, Any]:
        ring = (state["ring"] + [[obs.count, obs.article_count, obs.index]])[-(self.window - 1) :] if self.window > 1 else []
        return {**state, "ring": ring, "n": state["n"] + 1}

    def band(self, state: dict[str, Any], obs: Observation) -> tuple[float, float]:
        return self.threshold / self.window, self.threshold


def normal_sf(z: float) -> float:
    """P(Z >= z) for a standard normal."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


@dataclass(frozen=True, kw_only=True)
class RollingZScore(PolicyDecisions):
    name: ClassVar[str] = "rolling-z"
    history: int = 28
    """Buckets of history behind the mean and standard deviation (28 six-hour buckets: a week)."""
    windows: tuple[int, ...] = (1, 2, 4, 12)
    """Trailing windows tested, as for the main detector; a window's sd is sqrt(w) bucket sds."""
    min_sd: float = 0.5
    """Floor on the bucket standard deviation, so a flat history does not divide by zero."""
    policy: AlertPolicy = field(default_factory=lambda: AlertPolicy(alpha=1e-4))
    """Threshold (alpha 1e-4: z >= 3.7; the normal tail of z), floors, warm-up, hysteresis, cooldown."""

    def init_state(self) -> dict[str, Any]:
        return {"ring": [], "alert": AlertPolicy.initial()}

    def _moments(self, ring: list[list[float]]) -> tuple[float, float]:
        hist = ring[-self.history :]
        if not hist:
            return 0.0, self.min_sd
        mean = sum(e[0] for e in hist) / len(hist)
        var = sum((e[0] - mean) ** 2 for e in hist) / len(hist)
        return mean, max(self.min_sd, math.sqrt(var))

    def score(self, state: dict[str, Any], obs: Observation) -> Score:
        ring = state["ring"]
        mean, sd = self._moments(ring)
        best = hold_p = None
        clear_from = state["alert"].get("clear_from")
        for w in self.windows:
            tail = ring[len(ring) - (w - 1) :] if w > 1 else []
            y = obs.count + sum(e[0] for e in tail)
            a = obs.article_count + sum(e[1] for e in tail)
            n, width = len(tail) + 1, span(tail, obs)  # buckets counted; event time they cover
            p = normal_sf((y - n * mean) / (math.sqrt(n) * sd))
            floors_ok = self.policy.floors_pass(y, a, n * mean) and (clear_from is None or obs.index - width + 1 >= clear_from)
            cand = (not floors_ok, p, n, width, y, n * mean, floors_ok)
            best = cand if best is None or cand < best else best
            hold_p = p if hold_p is None else min(hold_p, p)
        _, p, _, width, y, m, floors_ok = best
        return Score(y, m, p, width, floors_ok, hold_p, len(ring) >= self.policy.warmup, mean)

    def update(self, state: dict[str, Any], obs: Observation, score: Score) -> dict[str, Any]:
        keep = max(self.history, max(self.windows) - 1)
        return {**state, "ring": (state["ring"] + [[obs.count, obs.article_count, obs.index]])[-keep:]}

    def band(self, state: dict[str, Any], obs: Observation) -> tuple[float, float]:
        mean, sd = self._moments(state["ring"])
        lo, hi = 0.0, 40.0
        for _ in range(60):  # the z whose normal tail is alpha, by bisection
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if normal_sf(mid) > self.policy.alpha else (lo, mid)
        return mean, mean + hi * sd
