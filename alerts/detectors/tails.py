"""Upper-tail probabilities of the Poisson and negative-binomial laws, in pure Python.

Detectors only ever ask one question: how likely is a count at least this large if nothing
changed? These are the textbook continued-fraction evaluations of the regularised incomplete
gamma and beta functions (Numerical Recipes §6.2, §6.4); no SciPy needed on the hot path.

>>> round(poisson_sf(3, 1.0), 6)     # P(X >= 3 | mu = 1)
0.080301
>>> poisson_sf(0, 2.0)
1.0
>>> abs(nb_sf(3, 1.0, 1e12) - poisson_sf(3, 1.0)) < 1e-9   # huge size: Poisson again
True
>>> nb_sf(3, 1.0, 2.0) > poisson_sf(3, 1.0)                 # overdispersion fattens the tail
True
"""

from __future__ import annotations

import math

_EPS = 1e-15
_TINY = 1e-300
_MAX_ITER = 500


def _gamma_p(a: float, x: float) -> float:
    """Regularised lower incomplete gamma P(a, x)."""
    if x <= 0.0:
        return 0.0
    log_front = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1.0:  # series converges fast here
        term = total = 1.0 / a
        ap = a
        for _ in range(_MAX_ITER):
            ap += 1.0
            term *= x / ap
            total += term
            if abs(term) < abs(total) * _EPS:
                break
        return min(1.0, total * math.exp(log_front))
    # continued fraction for Q(a, x) = 1 - P(a, x), modified Lentz
    b = x + 1.0 - a
    c = 1.0 / _TINY
    d = 1.0 / b
    h = d
    for i in range(1, _MAX_ITER):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = _TINY if abs(d) < _TINY else d
        c = b + an / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return max(0.0, 1.0 - math.exp(log_front) * h)


def _beta_cf(a: float, b: float, x: float) -> float:
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = _TINY if abs(d) < _TINY else d
    d = 1.0 / d
    h = d
    for m in range(1, _MAX_ITER):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1.0 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = _TINY if abs(d) < _TINY else d
        c = 1.0 + aa / c
        c = _TINY if abs(c) < _TINY else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def _beta_i(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return min(1.0, math.exp(log_front) * _beta_cf(a, b, x) / a)
    return max(0.0, 1.0 - math.exp(log_front) * _beta_cf(b, a, 1.0 - x) / b)


def poisson_sf(k: float, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu); k is rounded up to a whole count."""
    k = math.ceil(k)
    if k <= 0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    return _gamma_p(float(k), mu)


def nb_sf(k: float, mean: float, size: float) -> float:
    """P(X >= k) for a negative binomial with this mean and size r (variance mean + mean²/r)."""
    k = math.ceil(k)
    if k <= 0:
        return 1.0
    if mean <= 0.0:
        return 0.0
    if size > 1e8 * max(1.0, mean):
        return poisson_sf(k, mean)
    q = mean / (size + mean)  # probability of a "failure" step; P(X >= k) = I_q(k, r)
    return _beta_i(float(k), size, q)


def log10_surprise(p: float) -> float:
    """-log10 p, capped so a p of exactly zero stays a finite, serialisable number."""
    return -math.log10(max(p, 1e-300))
