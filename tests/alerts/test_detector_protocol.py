"""The generic suite: every detector must pass every test here."""

from __future__ import annotations

import copy
import dataclasses
import random

import orjson
import pytest

from alerts.detectors import ALL_DETECTORS, Detector, Observation, step


def detector_ids():
    return sorted(ALL_DETECTORS)


@pytest.fixture(params=detector_ids())
def det(request) -> Detector:
    return ALL_DETECTORS[request.param]()


def poisson_stream(rate: float, n: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):  # Knuth's method: exact and dependency-free
        k, p, limit = 0, 1.0, pow(2.718281828459045, -rate)
        while True:
            p *= rng.random()
            if p <= limit:
                break
            k += 1
        out.append(float(k))
    return out


def run(det: Detector, counts: list[float], state=None, start: int = 0):
    state = state if state is not None else det.init_state()
    trail = []
    for i, c in enumerate(counts, start):
        state, score, decision = step(det, state, Observation(index=i, count=c, exposure=1.0, slot=(i // 4) % 7))
        trail.append((score, decision))
    return state, trail


def transitions(trail):
    return [(i, d.transition) for i, (_, d) in enumerate(trail) if d.transition != "quiet" and d.transition != "hold"]


def test_follows_the_protocol(det):
    assert isinstance(det, Detector)
    assert isinstance(det.name, str) and det.name
    assert dataclasses.is_dataclass(det)
    with pytest.raises(dataclasses.FrozenInstanceError):
        det.policy = None  # parameters are frozen
    with pytest.raises(TypeError):
        type(det)(1)  # and keyword-only


def test_state_is_plain_json_at_every_step(det):
    state = det.init_state()
    for i, c in enumerate(poisson_stream(1.0, 80, 1) + [40.0, 30.0] + [0.0] * 20):
        state, _, _ = step(det, state, Observation(index=i, count=c, exposure=1.0))
        assert orjson.loads(orjson.dumps(state)) == state


def test_score_update_decide_leave_their_input_alone(det):
    state, _ = run(det, poisson_stream(1.0, 60, 2))
    before = copy.deepcopy(state)
    obs = Observation(index=60, count=25.0, exposure=1.0)
    score = det.score(state, obs)
    det.decide(state, score, obs)
    det.update(state, obs, score)
    det.band(state, obs)
    assert state == before


def test_restart_from_the_dict_gives_identical_decisions(det):
    counts = poisson_stream(1.0, 150, 3)
    counts[100:103] = [30.0, 25.0, 20.0]
    _, whole = run(det, counts)
    mid_state, first = run(det, counts[:90])
    restored = orjson.loads(orjson.dumps(mid_state))
    _, rest = run(det, counts[90:], restored, start=90)
    assert first + rest == whole
    assert any(d.transition == "fire" for _, d in rest)


def test_deterministic(det):
    counts = poisson_stream(2.0, 120, 4)
    assert run(det, counts)[1] == run(det, counts)[1]


def test_silent_during_warm_up(det):
    if det.policy.warmup == 0:
        pytest.skip("a fixed rule has no warm-up")
    counts = [0.0] * (det.policy.warmup - 1) + [100.0]
    _, trail = run(det, counts)
    assert not transitions(trail)


def test_fires_on_a_big_burst_then_resolves(det):
    counts = poisson_stream(0.5, 120, 5) + [30.0, 30.0] + poisson_stream(0.5, 60, 6)
    _, trail = run(det, counts)
    events = transitions(trail)
    assert events[0] == (120, "fire") or events[0] == (121, "fire")
    assert ("resolve" in [t for _, t in events[1:]])
    assert [t for _, t in events].count("fire") == 1  # one spike, one firing alert


def test_a_regular_stream_never_fires(det):
    # statistical quality on noisy streams is the evaluation's job (tests/alerts/test_evaluation.py)
    _, trail = run(det, [float(i % 2) for i in range(600)])
    assert not transitions(trail)


def test_one_or_two_articles_never_alert(det):
    # a quiet key: eight events, but all from two long articles
    state, _ = run(det, [0.0] * 100)
    obs = Observation(index=100, count=8.0, exposure=1.0, articles=2.0)
    _, _, decision = step(det, state, obs)
    assert decision.transition == "quiet"


def test_below_the_count_floor_never_alerts(det):
    state, _ = run(det, [0.0] * 100)
    below = det.policy.min_count - 1
    _, _, decision = step(det, state, Observation(index=100, count=float(below), exposure=1.0))
    assert decision.transition == "quiet"


def test_a_bucket_without_articles_is_no_evidence(det):
    state, _ = run(det, poisson_stream(1.0, 60, 8))
    _, score, decision = step(det, state, Observation(index=60, count=0.0, exposure=0.0))
    assert decision.transition in ("quiet", "hold")


def test_a_window_reports_the_event_time_it_spans(det):
    # a sparse feed: one bucket a day has news (every fourth), the empty ones are not observed at
    # all; a window of observed buckets must be dated from the first bucket it really counted
    counts = poisson_stream(1.0, 120, 9) + [12.0] * 6 + poisson_stream(1.0, 20, 10)
    state, observed = det.init_state(), set()
    for k, c in enumerate(counts):
        obs = Observation(index=4 * k, count=c)
        observed.add(obs.index)
        state, score, _ = step(det, state, obs)
        assert obs.index - score.window + 1 in observed, (obs.index, score.window)
