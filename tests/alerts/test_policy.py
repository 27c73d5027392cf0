"""The alert state machine shared by all detectors: threshold, floors, hysteresis, cooldown, severity."""

from __future__ import annotations

import pytest

from alerts.detectors.base import Observation, Score
from alerts.detectors.policy import AlertPolicy

POLICY = AlertPolicy(alpha=1e-3, hold_alpha=1e-2, resolve_after=2, cooldown=3)


def score(p: float, *, hold: float | None = None, floors: bool = True, warm: bool = True, window: int = 1,
          observed: float = 20.0, expected: float = 2.0) -> Score:
    return Score(observed, expected, p, window, floors, p if hold is None else hold, warm, expected / window)


def drive(policy: AlertPolicy, scores: list[Score]) -> list[str]:
    state, out = AlertPolicy.initial(), []
    for i, s in enumerate(scores):
        state, d = policy.decide(state, s, Observation(index=i, count=s.observed))
        out.append(d.transition)
    return out


def test_fires_only_below_alpha_with_floors_and_warm():
    assert drive(POLICY, [score(2e-3)]) == ["quiet"]
    assert drive(POLICY, [score(1e-5, floors=False)]) == ["quiet"]
    assert drive(POLICY, [score(1e-5, warm=False)]) == ["quiet"]
    assert drive(POLICY, [score(1e-5)]) == ["fire"]


def test_hysteresis_holds_while_mildly_surprising_then_resolves_after_calm_buckets():
    calm, mild = score(0.5), score(0.5, hold=5e-3)
    got = drive(POLICY, [score(1e-6), mild, mild, calm, mild, calm, calm, calm])
    assert got == ["fire", "hold", "hold", "hold", "hold", "hold", "resolve", "quiet"]


def test_cooldown_blocks_a_new_fire_then_lets_it_through():
    strong, calm = score(1e-6), score(0.5)
    got = drive(POLICY, [strong, calm, calm] + [strong] * 4)
    assert got == ["fire", "hold", "resolve", "quiet", "quiet", "quiet", "fire"]


def test_a_window_reaching_back_into_the_resolved_spike_cannot_fire_it_again():
    strong, calm = score(1e-6), score(0.5)
    state = AlertPolicy.initial()
    for i, s in enumerate([strong, calm, calm]):
        state, _ = POLICY.decide(state, s, Observation(index=i, count=1.0))
    assert state["clear_from"] == 1  # the detectors only offer fresh windows from here on


def test_resolved_alert_spans_the_spike_and_keeps_its_peak():
    state, decisions = AlertPolicy.initial(), []
    for i, s in enumerate([score(1e-4, window=2), score(1e-9, observed=40.0), score(0.5), score(0.5)]):
        state, d = POLICY.decide(state, s, Observation(index=10 + i, count=s.observed))
        decisions.append(d)
    fire, resolve = decisions[0], decisions[-1]
    assert (fire.start, fire.end) == (9, 11)
    assert (resolve.start, resolve.end) == (9, 12)  # up to the last hot bucket
    assert resolve.p_value == 1e-9 and resolve.severity == "high"


@pytest.mark.parametrize(("s", "ratio", "name"), [(13, 9, "critical"), (13, 5, "high"), (5.5, 3, "medium"),
                                                 (7, 1.6, "low"), (3.5, 50, "low")])
def test_severity_needs_both_surprise_and_size(s, ratio, name):
    assert AlertPolicy().severity_of(score=s, ratio=ratio) == name


def test_floors():
    p = AlertPolicy(min_count=5, min_articles=3, min_ratio=1.5)
    assert p.floors_pass(5, 3, 1.0)
    assert not p.floors_pass(4, 4, 0.1)  # too few events
    assert not p.floors_pass(9, 2, 0.1)  # too few articles
    assert not p.floors_pass(140, 40, 100.0)  # a busy key needs a real jump


def test_a_firing_key_escalates_once_per_higher_severity():
    weak, stronger, strongest, calm = score(5e-4), score(1e-9), score(1e-13), score(0.5)
    state = POLICY.initial()
    decisions = []
    for i, s in enumerate([weak, stronger, stronger, strongest, calm, calm]):
        state, d = POLICY.decide(state, s, Observation(index=i, count=s.observed))
        decisions.append(d)
    assert [d.transition for d in decisions] == ["fire", "escalate", "hold", "escalate", "hold", "resolve"]
    fire, up1, _, up2, _, resolved = decisions
    assert (fire.start, up1.start, up2.start) == (0, 0, 0) and (up1.end, up2.end) == (2, 4)
    order = ("low", "medium", "high", "critical")
    assert order.index(fire.severity) < order.index(up1.severity) < order.index(up2.severity) == 3
    assert resolved.severity == "critical"


def test_low_to_medium_is_no_escalation_worth_a_page():
    state = POLICY.initial()
    got = []
    for i, s in enumerate([score(5e-4), score(1e-6)]):  # low, then medium
        state, d = POLICY.decide(state, s, Observation(index=i, count=s.observed))
        got.append((d.transition, d.severity))
    assert got == [("fire", "low"), ("hold", "medium")]
