"""Hysteresis of the main detector: one alert per rise, however long, and a short burst let go soon."""

from __future__ import annotations

from alerts.detectors import Observation, step
from alerts.detectors.seasonal import SeasonalNB

QUIET = [1, 0, 2, 1] * 50  # one event per six hours on average
QUIET_DAY = [1, 0, 2, 1]


def _transitions(det: SeasonalNB, counts: list[int]) -> list[tuple[int, str]]:
    state, out = det.init_state(), []
    for i, count in enumerate(counts):
        state, _, decision = step(det, state, Observation(index=i, count=float(count)))
        if decision.transition in ("fire", "escalate", "resolve"):
            out.append((i, decision.transition))
    return out


def test_a_rise_of_days_with_an_ordinary_day_inside_stays_one_alert():
    rise = [4, 3, 5, 4] * 3  # three days at four times the usual level
    counts = QUIET + rise + QUIET_DAY + rise + QUIET_DAY * 4
    got = _transitions(SeasonalNB(), counts)
    fires = [i for i, t in got if t == "fire"]
    assert len(fires) == 1 and len(QUIET) <= fires[0] < len(QUIET) + 4
    resolves = [i for i, t in got if t == "resolve"]
    assert len(resolves) == 1 and resolves[0] >= len(QUIET) + 2 * len(rise) + 4  # after the second rise ended
    # holding by the one-day windows only, the ordinary day resolves the alert and the rise fires again
    assert [t for _, t in _transitions(SeasonalNB(hold_by_age=False), counts)].count("fire") == 2


def test_a_burst_of_hours_resolves_within_a_day_of_its_end():
    counts = QUIET + [12] + QUIET_DAY * 4
    got = _transitions(SeasonalNB(), counts)
    assert [t for _, t in got] == ["fire", "resolve"]
    assert got[1][0] - len(QUIET) <= 4
