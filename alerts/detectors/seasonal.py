"""The main detector: negative-binomial upper-tail test of trailing windows against the baseline.

Every closed bucket is tested in several trailing windows (by default 1, 2, 4 and 12 six-hour
buckets: the last 6 hours, 12 hours, day and three days): a sharp burst shows in the short
window at once, a slower sustained rise in a long one (a scan statistic in time; it plays the
part a CUSUM would, and the evaluation shows it does so better here). For each window the sum
of counts is compared with the sum of the buckets' expectations from
:mod:`alerts.detectors.baseline`, under a negative binomial that carries both the uncertainty
of the rate and the burstiness of news.

Testing several windows at every bucket is a multiple test, and the windows are not alike: a
three-day window tested every six hours mostly re-tests the same days (twelve overlapping
tests make about one independent one), while the six-hour window makes a fresh test every
bucket. So each window gets the same false-alarm budget per unit of time rather than the same
alpha: a window of ``w`` buckets counts as ``alpha_window / w`` tests (fewer than one when it
is long), and its p-value is corrected as for that many independent tests (Sidak:
``1 - (1 - p) ** (alpha_window / w)``, about ``p x alpha_window / w`` for a small p, 1 for 1),
so it is tested at about ``alpha x w / alpha_window``. Short windows stay strict, long ones
can see a slow doubling of a quiet key (the evaluation: +2 to +5 points of recall for 0.1 to
0.2 more false alarm per key and month), and the budget no longer grows when buckets shrink.

A window is a number of observed buckets, and a bucket with no articles at all is not observed
(it carries no information). On a dense feed that is the same as a span of time; on a sparse one
(press releases: none at night or at weekends) the last twelve observed buckets can reach back
a week, which keeps the amount of news in a window steady. A window does not reach across more
than ``max_gap`` buckets without any article, though: a weekend is a pause, a gap of months in
an archive is not the same story. The ring keeps each bucket's index,
so the window an alert reports (``Score.window``, from which the policy dates its start) is the
span of event time it really covers, and holds exactly the events it counted.

Events cluster in articles (one report can hold five hostile sentences about one pair), so
the test is made in article-equivalent units: counts and expectation are divided by the
window's events-per-article ratio when it exceeds one. Two long articles never look like
ten independent reports.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from alerts.detectors import baseline as bl
from alerts.detectors.base import Observation, PolicyDecisions, Score
from alerts.detectors.policy import AlertPolicy
from alerts.detectors.tails import nb_sf


@dataclass(frozen=True, kw_only=True)
class SeasonalNB(PolicyDecisions):
    name: ClassVar[str] = "seasonal-nb"
    windows: tuple[int, ...] = (1, 2, 4, 12)
    """Trailing windows tested at every bucket, in buckets, shortest first (6 h, 12 h, 1 day, 3 days)."""
    hold_window: int = 4
    """Longest window that keeps a young alert open (a day); the three-day window would keep
    remembering a burst of hours for three days after it ended."""
    hold_by_age: bool = True
    """An alert that has lasted longer than ``hold_window`` is held by the windows as long as it
    has lasted (up to the longest): a rise of days is not resolved by one ordinary day inside
    it and fired again the next (the evaluation: 1.5-1.7 instead of 2.2 alerts per two-week rise)."""
    baseline: bl.BaselineConfig = field(default_factory=bl.BaselineConfig)
    """How the expected count is learned (level, season, dispersion)."""
    policy: AlertPolicy = field(default_factory=AlertPolicy)
    """Threshold, floors, warm-up, hysteresis, cooldown and severity."""
    max_gap: int = 12
    """Longest run of buckets without any article a window reaches across (three days: a long
    weekend, not a feed outage or a hole in an archive)."""
    alpha_window: float = 1.0
    """Window length, in buckets, tested at exactly ``policy.alpha`` (six hours); a window of w
    buckets is tested at alpha x w / alpha_window: one false-alarm budget per unit of time."""

    def window_p(self, p: float, window: int) -> float:
        """A window's tail probability, corrected for how often it is re-tested (see above).

        >>> SeasonalNB().window_p(1e-3, 1), round(SeasonalNB().window_p(1e-3, 4), 6), SeasonalNB().window_p(1.0, 4)
        (0.001, 0.00025, 1.0)
        >>> round(SeasonalNB(alpha_window=6.0).window_p(1e-4, 1), 6)   # hourly buckets: the hour window is stricter
        0.0006
        """
        tests = self.alpha_window / window
        if tests == 1.0 or p <= 0.0 or p >= 1.0:
            return p
        return -math.expm1(tests * math.log1p(-p))

    def init_state(self) -> dict[str, Any]:
        # ring: the last max(windows) - 1 observed buckets as columns (events, articles, expected, index)
        return {"base": bl.initial_baseline(self.baseline), "ring": [[], [], [], []], "alert": AlertPolicy.initial()}

    @staticmethod
    def _ring(state: dict[str, Any], index: int) -> tuple[list, list, list, list]:
        ys, arts, mus, *rest = state["ring"]
        # a state saved before the ring kept indices: take its buckets as the ones just before
        return ys, arts, mus, rest[0] if rest else list(range(index - len(ys), index))

    def _bucket_expected(self, base: dict[str, Any], obs: Observation) -> float | None:
        r = bl.rate(self.baseline, base)
        if r is None:
            return None
        return r * obs.exposure * bl.season_factor(self.baseline, base, obs.slot)

    def _reach(self, idx: list[int], index: int) -> int:
        """How many of the ring's buckets a window ending at `index` may take in before a gap."""
        later = index
        for n, i in enumerate(reversed(idx)):
            if later - i - 1 > self.max_gap:
                return n
            later = i
        return len(idx)

    def score(self, state: dict[str, Any], obs: Observation) -> Score:
        base = state["base"]
        mu = self._bucket_expected(base, obs)
        if mu is None or obs.exposure <= 0.0:
            return Score(obs.count, 0.0, 1.0, 1, False, 1.0, False, 0.0)
        size = bl.nb_size(self.baseline, base)
        firing = state["alert"]["firing"]
        ys, arts, mus, idx = self._ring(state, obs.index)
        best = None
        hold_p = near_p = 1.0
        clear_from = state["alert"].get("clear_from")
        # a spike is held by windows as long as it has lasted: a burst of hours resolves within
        # a day of its end, a rise of days is not dropped for one quiet day inside it
        holding = self.hold_window
        if firing and self.hold_by_age:  # its age in event time: on a sparse feed a day is a day
            holding = max(holding, obs.index - state["alert"]["start"] + 1)
        reach = self._reach(idx, obs.index)
        for w in self.windows:
            k = min(w - 1, reach)
            if k:
                y = obs.count + sum(ys[-k:])
                a = obs.article_count + sum(arts[-k:])
                m = mu + sum(mus[-k:])
            else:
                y, a, m = obs.count, obs.article_count, mu
            first = idx[-k] if k else obs.index  # the window's first bucket in event time
            floors_ok = self.policy.floors_pass(y, a, m) and (clear_from is None or first >= clear_from)
            p = 1.0
            if y > m and (floors_ok or firing):
                phi = max(1.0, y / a) if a > 0 else 1.0
                p = nb_sf(y / phi, m / phi, size)
            cand = (not floors_ok, self.window_p(p, k + 1), k + 1, y, m, floors_ok, obs.index - first + 1)
            if best is None or cand < best:
                best = cand
            shortest = w == self.windows[0]
            if w <= self.hold_window or shortest:
                near_p = min(near_p, p)
            if w <= holding or shortest:  # on the firing test's scale: hysteresis alike for all
                hold_p = min(hold_p, self.window_p(p, k + 1))
        _, p, _, y, m, floors_ok, span = best
        warm = base["n"] >= self.policy.warmup
        return Score(y, m, p, span, floors_ok, hold_p, warm, mu, near_p)

    def update(self, state: dict[str, Any], obs: Observation, score: Score) -> dict[str, Any]:
        keep = max(self.windows) - 1
        columns = zip(self._ring(state, obs.index), (obs.count, obs.article_count, score.bucket_expected, obs.index))
        ring = [(col + [new])[-keep:] for col, new in columns] if keep else [[], [], [], []]
        return {**state, "base": bl.learn(self.baseline, state["base"], obs.count, obs.exposure, obs.slot,
                                    typical=not state["alert"]["firing"] and score.near_p >= self.policy.hold_alpha),
                "ring": ring}

    def band(self, state: dict[str, Any], obs: Observation) -> tuple[float, float]:
        mu = self._bucket_expected(state["base"], obs)
        if mu is None:
            return 0.0, float(self.policy.min_count)
        size = bl.nb_size(self.baseline, state["base"])
        lo = max(self.policy.min_count, math.ceil(self.policy.min_ratio * mu), 1)
        alpha = self.policy.alpha / self.alpha_window  # the one-bucket window's level
        if nb_sf(lo, mu, size) < alpha:
            return mu, float(lo)
        hi = lo * 2
        while nb_sf(hi, mu, size) >= alpha:
            lo, hi = hi, hi * 2
        while hi - lo > 1:  # smallest count whose tail is below alpha
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if nb_sf(mid, mu, size) >= alpha else (lo, mid)
        return mu, float(hi)
