"""Poisson CUSUM against the same seasonal baseline: the classic detector of sustained shifts.

The statistic accumulates the log-likelihood ratio of "the rate is ``ratio`` times normal"
against "normal" and restarts at zero whenever the evidence turns negative (Page 1954;
Lucas 1985 for counts). ``exp(-S)`` is reported as the p-value equivalent (by Ville's
inequality a single run under no change exceeds S with probability at most exp(-S)), so the
shared :class:`AlertPolicy` threshold applies unchanged. The run since the last restart is the
alert window. Kept for comparison: see the evaluation table.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from alerts.detectors import baseline as bl
from alerts.detectors.base import Observation, PolicyDecisions, Score
from alerts.detectors.policy import AlertPolicy


@dataclass(frozen=True, kw_only=True)
class PoissonCusum(PolicyDecisions):
    name: ClassVar[str] = "cusum"
    ratio: float = 3.0
    """The shift the CUSUM is tuned to detect fastest, as a multiple of the expected rate."""
    baseline: bl.BaselineConfig = field(default_factory=bl.BaselineConfig)
    """How the expected count is learned (shared with the main detector)."""
    policy: AlertPolicy = field(default_factory=AlertPolicy)
    """Threshold (alpha = exp(-S)), floors, warm-up, hysteresis, cooldown."""

    def init_state(self) -> dict[str, Any]:
        return {"base": bl.initial_baseline(self.baseline), "s": 0.0, "run": [0.0, 0.0, 0.0, 0],
                "alert": AlertPolicy.initial()}

    def _advance(self, state: dict[str, Any], obs: Observation) -> tuple[float, list[float], float]:
        base = state["base"]
        r = bl.rate(self.baseline, base)
        mu = 0.0 if r is None else r * obs.exposure * bl.season_factor(self.baseline, base, obs.slot)
        phi = max(1.0, obs.count / obs.article_count) if obs.article_count > 0 else 1.0
        inflate = phi * (1.0 + bl.dispersion(self.baseline, base) * mu)  # overdispersion shrinks the evidence
        llr = (obs.count * math.log(self.ratio) - (self.ratio - 1.0) * mu) / inflate
        s = state["s"] + llr
        if s <= 0.0:
            return 0.0, [0.0, 0.0, 0.0, 0], mu
        y, a, m, n = state["run"][:4]
        # the run's first bucket dates the alert (runs saved before it was kept count as consecutive)
        first = obs.index if n == 0 else state["run"][4] if len(state["run"]) > 4 else obs.index - n
        return s, [y + obs.count, a + obs.article_count, m + mu, n + 1, first], mu

    def score(self, state: dict[str, Any], obs: Observation) -> Score:
        if bl.rate(self.baseline, state["base"]) is None or obs.exposure <= 0.0:
            return Score(obs.count, 0.0, 1.0, 1, False, 1.0, False, 0.0)
        s, run, mu = self._advance(state, obs)
        y, a, m, n = run[:4]
        p = math.exp(-s)
        floors_ok = self.policy.floors_pass(y, a, m)
        warm = state["base"]["n"] >= self.policy.warmup
        width = obs.index - int(run[4]) + 1 if n else 1  # the event time the run spans
        return Score(y, m, p, width, floors_ok, p, warm, mu)

    def update(self, state: dict[str, Any], obs: Observation, score: Score) -> dict[str, Any]:
        s, run, _ = self._advance(state, obs) if bl.rate(self.baseline, state["base"]) is not None else (0.0, state["run"], 0.0)
        if state["alert"]["fired_at"] == obs.index:  # restart after an alarm, as a CUSUM does
            s, run = 0.0, [0.0, 0.0, 0.0, 0]
        base = bl.learn(self.baseline, state["base"], obs.count, obs.exposure, obs.slot,
                                    typical=not state["alert"]["firing"] and score.hold_p >= self.policy.hold_alpha)
        return {**state, "base": base, "s": s, "run": run}

    def band(self, state: dict[str, Any], obs: Observation) -> tuple[float, float]:
        r = bl.rate(self.baseline, state["base"])
        mu = 0.0 if r is None else r * obs.exposure * bl.season_factor(self.baseline, state["base"], obs.slot)
        need = -math.log(self.policy.alpha) - state["s"] + (self.ratio - 1.0) * mu
        return mu, max(self.policy.min_count, need / math.log(self.ratio))
