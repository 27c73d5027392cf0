"""What is normal for one key: a seasonal, volume-normalised rate with its own uncertainty.

The expected count of a bucket is ``rate x exposure x season[slot]``:

* ``exposure`` is the overall article volume of the bucket, so a busy news day raises every
  key's expectation and is not a war (and the daily news cycle comes for free);
* ``rate`` is events per unit of exposure, an exponentially forgetting Gamma-Poisson estimate
  (``(events + prior_events) / exposure``); its Gamma posterior makes the prediction a
  negative binomial that is wide while history is short;
* ``season[slot]`` is the key's own day-of-week profile relative to the volume, shrunk to 1
  by ``season_prior`` pseudo-events and used only once ``season_min_history`` buckets exist;
* ``dispersion`` c is the extra-Poisson variance (variance = mu + c mu^2), a method-of-moments
  estimate over blocks of ``dispersion_block`` buckets (news is bursty from day to day, and an
  hourly estimate for a quiet key is pure noise), shrunk towards ``dispersion_prior``; blocks
  that held an alert or a near-alert are left out, so a burst does not excuse the next one.

Counts are winsorised before learning so that a spike does not teach the baseline that spikes
are normal; a lasting shift is still absorbed, at the pace of ``half_life``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, kw_only=True, slots=True)
class BaselineConfig:
    half_life: float = 56.0
    """Buckets after which an observation weighs half (56 six-hour buckets = two weeks)."""
    prior_events: float = 0.5
    """Gamma prior shape: pseudo-events that keep a never-seen key's rate above zero."""
    season_slots: int = 7
    """Number of seasonal slots (7: day of week)."""
    season_min_history: int = 56
    """Buckets of history before the seasonal profile is used (two weeks of six-hour buckets)."""
    season_prior: float = 20.0
    """Pseudo-events per slot pulling each seasonal factor towards 1 (quiet keys stay flat)."""
    season_half_life: float = 224.0
    """Half-life of the seasonal profile in buckets (eight weeks)."""
    dispersion_prior: float = 0.05
    """Prior extra-Poisson variance coefficient c (variance = mu + c mu^2)."""
    dispersion_weight: float = 20.0
    """Weight of that prior, in units of sum(block mu^2) of the evidence it competes with."""
    dispersion_block: int = 4
    """Buckets summed into one dispersion sample (four six-hour buckets: a day)."""
    winsor_sd: float = 3.0
    """Counts above expected + winsor_sd standard deviations (+1) are learned at that cap."""


def initial_baseline(cfg: BaselineConfig) -> dict[str, Any]:
    # per slot: decayed observed events, decayed expected events (no season), bucket of last update
    return {"n": 0, "num": 0.0, "den": 0.0, "sobs": [0.0] * cfg.season_slots, "sexp": [0.0] * cfg.season_slots,
            "sn": [0] * cfg.season_slots, "dnum": 0.0, "dden": 0.0, "block": [0.0, 0.0, 0, True]}


def season_factor(cfg: BaselineConfig, base: dict[str, Any], slot: int) -> float:
    if base["n"] < cfg.season_min_history:
        return 1.0
    s = slot % cfg.season_slots
    fade = 0.5 ** ((base["n"] - base["sn"][s]) / cfg.season_half_life)  # slots decay lazily, when read
    return (base["sobs"][s] * fade + cfg.season_prior) / (base["sexp"][s] * fade + cfg.season_prior)


def rate(cfg: BaselineConfig, base: dict[str, Any]) -> float | None:
    """Posterior mean events per unit of exposure; None before any exposure was seen."""
    if base["den"] <= 0.0:
        return None
    return (base["num"] + cfg.prior_events) / base["den"]


def shape(cfg: BaselineConfig, base: dict[str, Any]) -> float:
    """Gamma posterior shape: how many (decayed) events the rate rests on."""
    return base["num"] + cfg.prior_events


def dispersion(cfg: BaselineConfig, base: dict[str, Any]) -> float:
    c = (base["dnum"] + cfg.dispersion_prior * cfg.dispersion_weight) / (base["dden"] + cfg.dispersion_weight)
    return max(0.0, c)


def nb_size(cfg: BaselineConfig, base: dict[str, Any]) -> float:
    """Size r of the predictive negative binomial: 1/r = 1/shape (rate unknown) + c (bursty news)."""
    inv = 1.0 / shape(cfg, base) + dispersion(cfg, base)
    return 1.0 / inv


def learn(cfg: BaselineConfig, base: dict[str, Any], count: float, exposure: float, slot: int,
          typical: bool = True) -> dict[str, Any]:
    """Fold one bucket into the baseline; returns a new dict. `typical`: no alert near it."""
    if exposure <= 0.0:
        return base
    decay = 0.5 ** (1.0 / cfg.half_life)
    r = rate(cfg, base)
    new = dict(base)
    y = count
    if r is not None:
        factor = season_factor(cfg, base, slot)
        mu = r * exposure * factor
        c = dispersion(cfg, base)
        y = min(count, mu + cfg.winsor_sd * math.sqrt(mu + c * mu * mu) + 1.0)
        by, bm, bn, bok = base["block"]
        by, bm, bn, bok = by + y, bm + mu, bn + 1, bok and typical
        if bn >= cfg.dispersion_block:
            block_decay = decay ** bn
            if bok:
                new["dnum"] = base["dnum"] * block_decay + (by - bm) ** 2 - bm
                new["dden"] = base["dden"] * block_decay + bm * bm
            by, bm, bn, bok = 0.0, 0.0, 0, True
        new["block"] = [by, bm, bn, bok]
        s = slot % cfg.season_slots
        fade = 0.5 ** ((base["n"] - base["sn"][s]) / cfg.season_half_life)
        new["sobs"], new["sexp"], new["sn"] = list(base["sobs"]), list(base["sexp"]), list(base["sn"])
        new["sobs"][s] = base["sobs"][s] * fade + y
        new["sexp"][s] = base["sexp"][s] * fade + r * exposure
        new["sn"][s] = base["n"]
    else:
        factor = 1.0
    new["num"] = base["num"] * decay + y
    new["den"] = base["den"] * decay + exposure * factor
    new["n"] = base["n"] + 1
    return new
