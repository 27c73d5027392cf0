"""Upper-tail probabilities of the Poisson and negative-binomial laws, through SciPy.

Detectors only ever ask one question: how likely is a count at least this large if nothing
changed? Both tails are regularised incomplete functions, called directly from
:mod:`scipy.special` (``scipy.stats`` computes the same, ``poisson.sf(k - 1, mu)`` and
``nbinom.sf(k - 1, size, size / (size + mean))``, at a hundred times the cost per scalar call,
and the detectors make a few of these calls per key and bucket):

* Poisson: ``P(X >= k) = P(k, mu)``, the regularised lower incomplete gamma;
* negative binomial: ``P(X >= k) = I_q(k, size)`` with ``q = mean / (size + mean)``, the
  regularised incomplete beta.

Both are computed directly, not as ``1 - CDF``, so tiny tails keep their precision.

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

from scipy.special import betainc, gammainc


def poisson_sf(k: float, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu); k is rounded up to a whole count."""
    k = math.ceil(k)
    if k <= 0:
        return 1.0
    if mu <= 0.0:
        return 0.0
    return float(gammainc(float(k), mu))


def nb_sf(k: float, mean: float, size: float) -> float:
    """P(X >= k) for a negative binomial with this mean and size r (variance mean + mean²/r)."""
    k = math.ceil(k)
    if k <= 0:
        return 1.0
    if mean <= 0.0:
        return 0.0
    if size > 1e8 * max(1.0, mean):  # the beta's second argument would swamp the first: Poisson limit
        return poisson_sf(k, mean)
    q = mean / (size + mean)  # probability of a "failure" step; P(X >= k) = I_q(k, r)
    return float(betainc(float(k), size, q))


def log10_surprise(p: float) -> float:
    """-log10 p, capped so a p of exactly zero stays a finite, serialisable number."""
    return -math.log10(max(p, 1e-300))
