"""The tail probabilities against direct summation of the probability mass functions."""

from __future__ import annotations

import math

import pytest

from alerts.detectors.tails import nb_sf, poisson_sf


def poisson_direct(k: int, mu: float) -> float:
    return 1.0 - sum(math.exp(-mu + i * math.log(mu) - math.lgamma(i + 1)) for i in range(k))


def nb_direct(k: int, mean: float, size: float) -> float:
    p = size / (size + mean)
    return 1.0 - sum(math.exp(math.lgamma(i + size) - math.lgamma(size) - math.lgamma(i + 1)
                              + size * math.log(p) + i * math.log1p(-p)) for i in range(k))


@pytest.mark.parametrize(("k", "mu"), [(1, 0.01), (3, 0.5), (5, 1.0), (12, 4.0), (40, 30.0), (90, 60.0), (2, 20.0)])
def test_poisson(k, mu):
    assert poisson_sf(k, mu) == pytest.approx(poisson_direct(k, mu), rel=1e-7, abs=1e-13)


@pytest.mark.parametrize(("k", "mean", "size"), [(1, 0.1, 0.5), (5, 1.0, 3.0), (20, 5.0, 10.0), (60, 50.0, 4.0),
                                                 (3, 2.0, 1e4)])
def test_negative_binomial(k, mean, size):
    assert nb_sf(k, mean, size) == pytest.approx(nb_direct(k, mean, size), rel=1e-7, abs=1e-13)


def test_tiny_tails_stay_accurate():
    # P(X >= 30 | 1): far below what 1 - CDF could resolve in floating point
    direct = sum(math.exp(-1 - math.lgamma(i + 1)) for i in range(30, 60))
    assert poisson_sf(30, 1.0) == pytest.approx(direct, rel=1e-9)
    assert 0.0 < nb_sf(200, 1.0, 2.0) < 1e-20
