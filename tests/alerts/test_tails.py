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


@pytest.mark.parametrize("mu", [0.05, 0.7, 3.0, 25.0, 400.0])
@pytest.mark.parametrize("size", [0.3, 2.0, 40.0, 1e6])
def test_the_same_as_scipy_stats(mu, size):
    from scipy.stats import nbinom, poisson

    for k in (1, 2, 5, int(mu) + 1, int(3 * mu) + 5):
        assert poisson_sf(k, mu) == pytest.approx(poisson.sf(k - 1, mu), rel=1e-9, abs=1e-300)
        # rel 1e-6: nbinom forms 1 - p from p = size / (size + mu) and loses digits when size >> mu
        assert nb_sf(k, mu, size) == pytest.approx(nbinom.sf(k - 1, size, size / (size + mu)), rel=1e-6, abs=1e-300)


def test_a_large_size_keeps_its_digits():
    size, mean = 1e6, 0.05  # P(X >= 1) = 1 - (size / (size + mean)) ** size, exactly
    assert nb_sf(1, mean, size) == pytest.approx(-math.expm1(size * math.log1p(-mean / (size + mean))), rel=1e-12)


def test_the_same_as_the_continued_fractions_they_replaced():
    # values of the pure-Python continued fractions (Numerical Recipes 6.2, 6.4) used before SciPy
    assert poisson_sf(30, 1.0) == pytest.approx(1.43308e-33, rel=1e-5)
    assert nb_sf(20, 5.0, 10.0) == pytest.approx(nb_direct(20, 5.0, 10.0), rel=1e-9)
    assert nb_sf(4.2, 1.0, 2.0) == nb_sf(5, 1.0, 2.0)  # counts round up
    assert nb_sf(0, 1.0, 2.0) == 1.0 and nb_sf(3, 0.0, 2.0) == 0.0
