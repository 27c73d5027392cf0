"""Spike detectors: pure, deterministic, with state as plain dicts (see :mod:`alerts.detectors.base`)."""

from alerts.detectors.base import Detector, Observation, Score, step
from alerts.detectors.cusum import PoissonCusum
from alerts.detectors.policy import AlertPolicy, Decision
from alerts.detectors.seasonal import SeasonalNB
from alerts.detectors.simple import FixedThreshold, RollingZScore

#: Every detector, by name: the generic test suite and the evaluation iterate over these.
ALL_DETECTORS = {d.name: d for d in (SeasonalNB, PoissonCusum, FixedThreshold, RollingZScore)}

__all__ = ["ALL_DETECTORS", "AlertPolicy", "Decision", "Detector", "FixedThreshold", "Observation",
           "PoissonCusum", "RollingZScore", "Score", "SeasonalNB", "step"]
