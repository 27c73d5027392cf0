"""Generated articles with events, for the monitor's tests and its false-alarm budget.

* :func:`demo_like`: quiet varied news (~50 articles a day, random friction between 28
  countries), then two days of ARM-AZE escalation and two days of ceasefire talk: the shape of
  the bundled sample, without the extractor.
* :func:`news_like`: ~800 articles a day, Zipf-popular actors, random dyads, and every key with
  good and bad news days (a Gamma day multiplier): ordinary news with no escalation in it, to
  count how many alerts a day the defaults raise across all keys.

Each yields ``(article_id, published_at, url, events)`` in time order, as ``Monitor.observe`` takes them.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone

from extractors.model import PLOVER, Actor, Event, Trigger, epoch_to_rfc3339, make_event_id

DAY = 86400.0
START = datetime(2022, 8, 29, tzinfo=timezone.utc).timestamp()  # a Monday
COUNTRIES = ["FRA", "DEU", "ITA", "ESP", "POL", "UKR", "RUS", "TUR", "IRN", "IRQ", "SYR", "ISR", "EGY", "ETH",
             "KEN", "NGA", "IND", "PAK", "CHN", "JPN", "KOR", "PRK", "USA", "MEX", "BRA", "ARG", "GEO", "KAZ"]
Row = tuple[str, float, "str | None", list[Event]]


def event(article_id: str, ts: float, category: str = "assault", source: str | None = "ARM",
          target: str | None = "AZE", *, ceasefire: bool = False, negated: bool = False,
          modality: str = "asserted", sentence: str | None = None, n: int = 0) -> Event:
    """An event as the extractor would emit it (ids, PLOVER codes and signals filled in)."""
    cameo, quad, goldstein, signals = PLOVER[category]
    if ceasefire:
        signals = tuple(sorted(set(signals) | {"ceasefire"}))
    return Event(
        event_id=make_event_id(article_id, n, category, source, target), article_id=article_id,
        published_at=epoch_to_rfc3339(ts), sentence=sentence or f"{source} {category} {target} ({article_id}/{n}).",
        trigger=Trigger(category, n, n + len(category)), category=category, signals=signals,
        source=Actor(source, source) if source else None, target=Actor(target, target) if target else None,
        negated=negated, modality=modality, cameo=cameo, quad_class=quad, goldstein=goldstein)


def demo_like(seed: int = 0, days: int = 21, per_day: int = 50, escalation_day: int = 15) -> list[Row]:
    rng = random.Random(seed)
    rows: list[Row] = []
    for d in range(days):
        for k in range(per_day):
            ts = START + d * DAY + (k + rng.random()) * DAY / per_day
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
                rows.append((aid, ts, f"https://example.org/{aid}", [
                    event(aid, ts, "assault", "AZE", "ARM", n=0),
                    event(aid, ts, "accuse", "ARM", "AZE", n=1, modality="claimed")]))
        if escalation_day + 2 <= d < escalation_day + 4:
            for k in range(15):
                ts = START + d * DAY + (k + 0.5) * DAY / 15
                aid = f"c{d:02d}-{k:03d}"
                rows.append((aid, ts, f"https://example.org/{aid}", [event(aid, ts, "agree", "ARM", "AZE",
                                                                           ceasefire=True)]))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


def news_like(seed: int = 1, days: int = 30, per_day: int = 800, actors: int = 180,
              day_dispersion: float = 0.3) -> list[Row]:
    rng = random.Random(seed)
    codes = [f"C{i:03d}" for i in range(actors)]
    popularity = [1 / (i + 1) ** 1.1 for i in range(actors)]
    rows: list[Row] = []
    shape = 1 / day_dispersion
    for d in range(days):
        today = [w * rng.gammavariate(shape, day_dispersion) for w in popularity]
        for k in range(per_day):
            ts = START + d * DAY + (k + rng.random()) * DAY / per_day
            aid = f"n{d:03d}-{k:04d}"
            events = []
            if rng.random() < 0.35:  # a third of the articles carry one to three hostile events
                a = rng.choices(codes, today)[0]
                b = rng.choices(codes, today)[0] if rng.random() < 0.6 else None
                b = None if b == a else b
                category = rng.choice(["accuse", "threaten", "assault", "protest"])
                events += [event(aid, ts, category, a, b, n=n) for n in range(rng.choice([1, 1, 1, 2, 3]))]
            if rng.random() < 0.03:
                a, b = rng.sample(codes[:40], 2)
                events.append(event(aid, ts, "agree", a, b, ceasefire=True, n=9))
            rows.append((aid, ts, None, events))
    return rows
