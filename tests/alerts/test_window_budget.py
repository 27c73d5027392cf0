"""The main detector's false-alarm budget per unit of time: long windows looser, short buckets stricter."""

from __future__ import annotations

import pytest

from alerts.detectors import Observation, step
from alerts.detectors.defaults import detectors_for
from alerts.detectors.seasonal import SeasonalNB

QUIET_HISTORY = [1, 0, 2, 1] * 50  # a quiet key: one event per six hours on average
THREE_DAY_RISE = ([2, 2, 3] * 4)[:12]  # 28 events in three days where 12 are normal: no single day stands out


def _fires(det: SeasonalNB, counts: list[int]) -> list[tuple[int, int]]:
    state, out = det.init_state(), []
    for i, count in enumerate(counts):
        state, score, decision = step(det, state, Observation(index=i, count=float(count)))
        if decision.transition == "fire":
            out.append((i, score.window))
    return out


def test_window_p_scales_with_length_and_stays_a_probability():
    det = SeasonalNB()
    assert det.window_p(1e-3, 1) == 1e-3
    assert det.window_p(1e-3, 12) < det.window_p(1e-3, 4) < det.window_p(1e-3, 1)
    assert det.window_p(1e-3, 4) == pytest.approx(1e-3 / 4, rel=1e-3)  # small p: alpha scales with length
    hourly = SeasonalNB(alpha_window=6.0)
    assert hourly.window_p(1e-4, 1) == pytest.approx(6e-4, rel=1e-3)
    for w in (1, 2, 4, 12, 72):  # a window that saw nothing unusual says so, at any length
        assert det.window_p(1.0, w) == 1.0 and hourly.window_p(1.0, w) == 1.0
        assert 0.0 < hourly.window_p(0.5, w) < 1.0


def test_a_slow_three_day_rise_on_a_quiet_key_fires_through_the_long_window():
    counts = QUIET_HISTORY + THREE_DAY_RISE + [1, 0, 2, 1] * 3
    fired = _fires(SeasonalNB(), counts)
    assert len(fired) == 1
    index, window = fired[0]
    assert window == 12 and len(QUIET_HISTORY) <= index < len(QUIET_HISTORY) + 12
    # the same rise with the three-day window held to the plain alpha (a per-test budget) stays silent
    assert _fires(SeasonalNB(alpha_window=12.0), counts) == []


def test_the_quiet_history_alone_never_fires():
    assert _fires(SeasonalNB(), QUIET_HISTORY * 2) == []


def test_hourly_buckets_test_the_single_bucket_more_strictly():
    hourly, six_hourly = detectors_for(3600)["seasonal-nb"], detectors_for(6 * 3600)["seasonal-nb"]
    assert hourly.alpha_window == 6.0 and six_hourly.alpha_window == 1.0
    assert 3 in hourly.windows  # a three-hour window: a 3 h burst is not diluted into six hours
    state = six_hourly.init_state()
    for i, count in enumerate(QUIET_HISTORY):
        state, _, _ = step(six_hourly, state, Observation(index=i, count=float(count)))
    obs = Observation(index=len(QUIET_HISTORY), count=1.0)
    # same learned state, same bucket: the count that fires a single bucket is higher at alpha / 6
    _, fire_at_six = six_hourly.band(state, obs)
    _, fire_at_hourly_level = SeasonalNB(alpha_window=6.0).band(state, obs)
    assert fire_at_hourly_level > fire_at_six


def _learned(det: SeasonalNB, indices) -> dict:
    state = det.init_state()
    for i in indices:
        state, _, _ = step(det, state, Observation(index=i, count=1.0))
    return state


def test_a_window_counts_observed_buckets_and_reports_the_time_they_span():
    # one event in every observed bucket; then eleven buckets observed a day (four buckets) apart,
    # the empty ones in between not observed at all (a feed with nothing at night)
    history = list(range(200))
    gaps = [199 + 4 * k for k in range(1, 12)]
    now = 199 + 4 * 12
    for w, span in ((1, 1), (2, 5), (4, 13), (12, 45)):
        det = SeasonalNB(windows=(w,))
        score = det.score(_learned(det, history + gaps), Observation(index=now, count=1.0))
        assert (score.observed, score.window) == (w, span)
        dense = det.score(_learned(det, history), Observation(index=200, count=1.0))
        assert (dense.observed, dense.window) == (w, w)


def test_a_state_saved_before_the_ring_kept_indices_scores_as_before():
    det = SeasonalNB()
    state = _learned(det, range(100))
    old = {**state, "ring": state["ring"][:3]}
    obs = Observation(index=100, count=6.0)
    assert det.score(old, obs) == det.score(state, obs)
    assert step(det, old, obs)[1:] == step(det, state, obs)[1:]


def test_a_window_does_not_reach_across_a_hole_in_the_feed():
    det = SeasonalNB(windows=(12,), max_gap=12)
    before_hole = list(range(200))
    after_hole = [600 + k for k in range(5)]  # 400 buckets (100 days) without a single article
    score = det.score(_learned(det, before_hole + after_hole), Observation(index=605, count=1.0))
    assert (score.observed, score.window) == (6, 6)
    weekend = [199 + 10 + k for k in range(5)]  # nine empty buckets: a weekend, reached across
    score = det.score(_learned(det, before_hole + weekend), Observation(index=214, count=1.0))
    assert (score.observed, score.window) == (12, 12 + 9)
