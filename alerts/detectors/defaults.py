"""Default detectors for a bucket length: every duration is set in hours and converted here.

The defaults of the dataclasses are those of six-hour buckets; ``detectors_for(bucket_seconds)``
gives the same behaviour in time for another bucket length (windows, half-lives, warm-up,
hysteresis and cooldown scale; thresholds and floors do not). The main detector's alpha is a
budget per six hours of window (``alpha_window``), so shorter buckets do not buy recall with
more false alarms: an hourly one-bucket window is tested at alpha / 6.

>>> detectors_for(3600)["seasonal-nb"].windows, detectors_for(3600)["seasonal-nb"].alpha_window
((1, 3, 6, 12, 24, 72), 6.0)
>>> detectors_for(3 * 3600)["seasonal-nb"].windows
(1, 2, 4, 8, 24)
>>> detectors_for(6 * 3600)["seasonal-nb"] == SeasonalNB()
True
"""

from __future__ import annotations

import math

from alerts.detectors.base import Detector
from alerts.detectors.baseline import BaselineConfig
from alerts.detectors.cusum import PoissonCusum
from alerts.detectors.policy import AlertPolicy
from alerts.detectors.seasonal import SeasonalNB
from alerts.detectors.simple import FixedThreshold, RollingZScore

WINDOW_HOURS = (1, 3, 6, 12, 24, 72)
"""Trailing windows in hours (rounded up to whole buckets): a three-hour burst is diluted to a
third in an hourly detector's six-hour window, so short buckets get a three-hour window too."""
ALPHA_WINDOW_HOURS = 6.0
"""Window length tested at exactly the policy's alpha; others in proportion to their length."""


def _buckets(hours: float, bucket_hours: float) -> int:
    return max(1, math.ceil(hours / bucket_hours - 1e-9))


def _windows(bucket_hours: float) -> tuple[int, ...]:
    return tuple(sorted({_buckets(h, bucket_hours) for h in WINDOW_HOURS}))


def baseline_for(bucket_hours: float) -> BaselineConfig:
    return BaselineConfig(half_life=336 / bucket_hours, season_min_history=_buckets(336, bucket_hours),
                          season_half_life=1344 / bucket_hours, dispersion_block=_buckets(24, bucket_hours))


def policy_for(bucket_hours: float, **overrides) -> AlertPolicy:
    fields = {"warmup": _buckets(72, bucket_hours), "resolve_after": _buckets(3, bucket_hours),
              "cooldown": _buckets(12, bucket_hours)}
    return AlertPolicy(**{**fields, **overrides})


def detectors_for(bucket_seconds: float = 21600) -> dict[str, Detector]:
    """The main detector and the comparison detectors, tuned for this bucket length.

    The rolling z-score fires at z >= 3.7 (alpha 1e-4): at the main detector's 1e-3 (z >= 3.1)
    it raises several false alarms per key and month on overdispersed streams."""
    bh = bucket_seconds / 3600
    return {
        SeasonalNB.name: SeasonalNB(windows=_windows(bh), hold_window=_buckets(24, bh), baseline=baseline_for(bh),
                                    policy=policy_for(bh), alpha_window=ALPHA_WINDOW_HOURS / bh,
                                    max_gap=_buckets(72, bh)),
        PoissonCusum.name: PoissonCusum(baseline=baseline_for(bh), policy=policy_for(bh)),
        FixedThreshold.name: FixedThreshold(window=_buckets(24, bh), policy=policy_for(bh, warmup=0)),
        RollingZScore.name: RollingZScore(history=_buckets(168, bh), windows=_windows(bh),
                                          policy=policy_for(bh, alpha=RollingZScore().policy.alpha)),
    }
