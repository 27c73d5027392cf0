"""Events and article streams for the monitor tests, built from the real contract classes.

Exposed as the `alert_inputs` fixture (the tests run in importlib mode, where a helper module
next to them cannot be imported by name).
"""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from datetime import datetime, timezone

from extractors.model import PLOVER, Actor, Event, Trigger, epoch_to_rfc3339, make_event_id

DAY = 86400.0
START = datetime(2022, 8, 29, tzinfo=timezone.utc).timestamp()  # a Monday
COUNTRIES = ["FRA", "DEU", "ITA", "ESP", "POL", "UKR", "RUS", "TUR", "IRN", "IRQ", "SYR", "ISR", "EGY", "ETH",
             "KEN", "NGA", "IND", "PAK", "CHN", "JPN", "KOR", "PRK", "USA", "MEX", "BRA", "ARG", "GEO", "KAZ"]


def event(article_id: str, ts: float, category: str = "assault", source: str | None = "ARM",
          target: str | None = "AZE", *, ceasefire: bool = False, negated: bool = False,
          modality: str = "asserted", sentence: str | None = None, n: int = 0) -> Event:
    cameo, quad, goldstein, signals = PLOVER[category]
    if ceasefire:
        signals = tuple(sorted(set(signals) | {"ceasefire"}))
    return Event(
        event_id=make_event_id(article_id, n, category, source, target), article_id=article_id,
        published_at=epoch_to_rfc3339(ts), sentence=sentence or f"{source} {category} {target} ({article_id}/{n}).",
        trigger=Trigger(category, n, n + len(category)), category=category, signals=signals,
        source=Actor(source, source) if source else None, target=Actor(target, target) if target else None,
        negated=negated, modality=modality, cameo=cameo, quad_class=quad, goldstein=goldstein)


def demo_like(seed: int = 0, days: int = 21, per_day: int = 50, escalation_day: int = 15):
    """(article_id, published_at, url, events) in time order: quiet varied news, then an ARM-AZE
    escalation for two days, then two days of ceasefire talk, then quiet again."""
    rng = random.Random(seed)
    rows = []
    for d in range(days):
        n_articles = per_day
        for k in range(n_articles):
            ts = START + d * DAY + (k + rng.random()) * DAY / n_articles
            aid = f"a{d:02d}-{k:03d}"
            events = []
            if rng.random() < 0.15:  # ordinary friction between two random countries
                a, b = rng.sample(COUNTRIES, 2)
                events.append(event(aid, ts, rng.choice(["accuse", "protest", "threaten"]), a, b))
            elif rng.random() < 0.3:
                a, b = rng.sample(COUNTRIES, 2)
                events.append(event(aid, ts, "consult", a, b))
            rows.append((aid, ts, f"https://example.org/{aid}", events))
        if escalation_day <= d < escalation_day + 2:
            for k in range(30):
                ts = START + d * DAY + (k + 0.5) * DAY / 30
                aid = f"x{d:02d}-{k:03d}"
                evs = [event(aid, ts, "assault", "AZE", "ARM", n=0), event(aid, ts, "accuse", "ARM", "AZE", n=1,
                                                                         modality="claimed")]
                rows.append((aid, ts, f"https://example.org/{aid}", evs))
        if escalation_day + 2 <= d < escalation_day + 4:
            for k in range(15):
                ts = START + d * DAY + (k + 0.5) * DAY / 15
                aid = f"c{d:02d}-{k:03d}"
                evs = [event(aid, ts, "agree", "ARM", "AZE", ceasefire=True, n=0)]
                rows.append((aid, ts, f"https://example.org/{aid}", evs))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


@pytest.fixture(scope="session")
def alert_inputs() -> SimpleNamespace:
    return SimpleNamespace(DAY=DAY, START=START, event=event, demo_like=demo_like)
