"""Generated count streams for the evaluation: known baselines, known bursts, known truth.

A stream is one key's hourly buckets. Its baseline rate (events per day) follows a weekly
profile (quieter weekends), optionally a daily news cycle, and optionally day-to-day
overdispersion (a Gamma multiplier per day: some news days are just busier). Two flavours:

* ``normalised``: the stream comes with an article volume (the exposure) that carries the
  weekly and daily cycles, and events follow that volume, as in the monitor;
* unnormalised: exposure is 1 and the weekly profile is the key's own, which the detector's
  seasonal factors have to learn.

A burst multiplies the rate by ``multiplier`` for ``burst_duration`` hours from ``burst_start``
(an hour index); counts are generated hourly and summed into buckets of ``bucket_hours``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WEEKLY = np.array([1.1, 1.15, 1.12, 1.08, 1.05, 0.78, 0.72])  # Monday first; mean 1
DAILY = 1.0 + 0.6 * np.sin((np.arange(24) - 8) / 24 * 2 * np.pi)  # peaks mid-afternoon UTC; mean 1
ARTICLES_PER_DAY = 800.0


@dataclass(frozen=True, kw_only=True, slots=True)
class StreamSpec:
    rate: float
    """Baseline events per day (mean over the week)."""
    days: int
    """Length of the stream in days (hourly buckets; bucket 0 is a Monday 00:00)."""
    dispersion: float = 0.0
    """Variance of the daily Gamma multiplier (0: a plain Poisson stream)."""
    normalised: bool = True
    """Events follow a generated article volume passed as exposure; else exposure is 1."""
    burst_start: int | None = None
    """First bucket of the injected burst (None: a null stream)."""
    burst_duration: int = 0
    """Length of the burst in buckets."""
    multiplier: float = 1.0
    """Rate multiplier inside the burst."""
    bucket_hours: int = 1
    """Hours per bucket: hourly counts are summed into buckets of this length."""


@dataclass(frozen=True, slots=True)
class Stream:
    counts: list[float]
    exposure: list[float]
    slots: list[int]  # day of week of each bucket
    in_burst: list[bool]
    expected: list[float]  # the true no-burst rate of each bucket
    burst_events: float = 0.0  # events in the burst's hours
    burst_normal: float = 0.0  # what those hours would have held without the burst


def generate(spec: StreamSpec, rng: np.random.Generator) -> Stream:
    n = spec.days * 24
    hours = np.arange(n)
    dow = (hours // 24) % 7
    if spec.dispersion > 0:
        k = 1.0 / spec.dispersion
        daily = rng.gamma(k, 1.0 / k, size=spec.days)[hours // 24]
    else:
        daily = np.ones(n)
    if spec.normalised:
        volume = rng.poisson(ARTICLES_PER_DAY / 24 * WEEKLY[dow] * DAILY[hours % 24]).astype(float)
        volume = np.maximum(volume, 1.0)
        lam = spec.rate / ARTICLES_PER_DAY * volume * daily
        exposure = volume
    else:
        lam = spec.rate / 24 * WEEKLY[dow] * daily
        exposure = np.ones(n)
    burst = np.zeros(n, dtype=bool)
    normal = lam
    if spec.burst_start is not None:
        burst[spec.burst_start : spec.burst_start + spec.burst_duration] = True
        lam = np.where(burst, lam * spec.multiplier, lam)
    counts = rng.poisson(lam).astype(float)
    b = spec.bucket_hours

    def per_bucket(x: np.ndarray, how=np.sum) -> np.ndarray:
        return how(x.reshape(-1, b), axis=1)

    return Stream(per_bucket(counts).tolist(), per_bucket(exposure).tolist(), dow[::b].astype(int).tolist(),
                  per_bucket(burst, np.any).tolist(), per_bucket(normal).tolist(),
                  float(counts[burst].sum()), float(normal[burst].sum()))
