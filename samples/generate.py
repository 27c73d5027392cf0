"""Write the bundled sample stream: 22 days of everyday news with one ARM–AZE escalation.

Deterministic (seeded, standard library only): the same seed always writes the same bytes.

    python -m samples.generate              # rewrite samples/sample_stream.jsonl
    python -m samples.generate --check      # exit 1 if the committed file is stale
    python -m samples.generate --stats      # print the per-day volumes as JSON
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

if __package__ in (None, ""):  # run as `python samples/generate.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from samples.escalation import escalation_story
from samples.everyday import FRICTION, GENERIC, TOPICS, TRUCE, TRUCE_COUNTRIES
from samples.render import Story, compose, country_slots, number_slots
from samples.world import ARMENIA, AZERBAIJAN, COUNTRIES, SOURCES, slug

DEFAULT_OUT = Path(__file__).resolve().parent / "sample_stream.jsonl"


@dataclass(frozen=True, kw_only=True)
class Schedule:
    """When things happen in the sample (all UTC)."""

    seed: int = 20220912
    """Seed of the one random generator everything is drawn from."""
    start: datetime = datetime(2022, 8, 29, tzinfo=timezone.utc)
    """Midnight of the first day."""
    days: int = 22
    """Number of days of event time (2022-08-29 to 2022-09-19 inclusive)."""
    baseline_per_day: tuple[int, int] = (46, 54)
    """Inclusive range of everyday articles per day."""
    friction_dyads: int = 40
    """Size of the rotation of country pairs that carry everyday low-level hostility."""
    truce_every_days: int = 3
    """One ceasefire story from an unrelated internal conflict every this many days."""
    escalation_start: datetime = datetime(2022, 9, 12, 23, 0, tzinfo=timezone.utc)
    """First ARM–AZE hostility report."""
    hostility_blocks: tuple[int, ...] = (24, 16, 14, 10)
    """ARM–AZE hostility articles per 12-hour block (about two days)."""
    ceasefire_blocks: tuple[int, ...] = (14, 10, 8, 6, 5, 4)
    """ARM–AZE ceasefire articles per 12-hour block after the fighting (about three days)."""
    violation_share: tuple[float, ...] = (0.3, 0.25, 0.2, 0.15, 0.1, 0.1)
    """Per ceasefire block, the share of articles whose lead alleges a ceasefire violation."""


def _stratified_times(rng: random.Random, start: datetime, span: timedelta, n: int) -> list[datetime]:
    """n times spread evenly over the span (one per equal slice) so no hour spikes by chance."""
    step = span / n
    return [start + step * (i + rng.random()) for i in range(n)]


def _two_countries(rng: random.Random) -> tuple:
    return tuple(rng.sample(COUNTRIES, 2))


def _friction_rotation(rng: random.Random, size: int) -> list[tuple]:
    """Distinct unordered pairs (ARM–AZE among them once), shuffled; used round-robin."""
    pairs = {(ARMENIA.name, AZERBAIJAN.name): (ARMENIA, AZERBAIJAN)}
    while len(pairs) < size:
        a, b = _two_countries(rng)
        pairs.setdefault(tuple(sorted((a.name, b.name))), (a, b))
    rotation = list(pairs.values())
    rng.shuffle(rotation)
    return rotation


def _everyday_story(rng: random.Random, when: datetime, topic, pair: tuple) -> Story:
    a, b = pair
    slots = {**number_slots(rng, when), **country_slots("A", a), **country_slots("B", b)}
    title, lead, own = rng.choice(topic.leads)
    details = [*own, *topic.details, *rng.sample(GENERIC, 1)]
    return compose(rng, kind=topic.kind, title=title, lead=lead, details=details, slots=slots)


def stories(schedule: Schedule) -> list[tuple[datetime, Story]]:
    """Every (time, story) of the sample, unsorted."""
    rng = random.Random(schedule.seed)
    rotation = _friction_rotation(rng, schedule.friction_dyads)
    weighted = [*TOPICS, FRICTION]
    weights = [t.weight for t in weighted]
    out: list[tuple[datetime, Story]] = []
    friction_seen = 0
    for day in range(schedule.days):
        day_start = schedule.start + timedelta(days=day)
        n = rng.randint(*schedule.baseline_per_day)
        for when in _stratified_times(rng, day_start, timedelta(days=1), n):
            topic = rng.choices(weighted, weights)[0]
            if topic is FRICTION:
                pair = rotation[friction_seen % len(rotation)]
                friction_seen += 1
            else:
                pair = _two_countries(rng)
            out.append((when, _everyday_story(rng, when, topic, pair)))
        if day % schedule.truce_every_days == 1:
            when = day_start + timedelta(hours=rng.uniform(6, 20))
            name = rng.choice(TRUCE_COUNTRIES)
            country = next(c for c in COUNTRIES if c.name == name)
            other = rng.choice([c for c in COUNTRIES if c is not country])
            out.append((when, _everyday_story(rng, when, TRUCE, (country, other))))
    block = timedelta(hours=12)
    cursor = schedule.escalation_start
    for n in schedule.hostility_blocks:
        for when in _stratified_times(rng, cursor, block, n):
            out.append((when, escalation_story(rng, when, phase="hostility")))
        cursor += block
    for n, share in zip(schedule.ceasefire_blocks, schedule.violation_share, strict=True):
        for when in _stratified_times(rng, cursor, block, n):
            out.append((when, escalation_story(rng, when, phase="ceasefire", violation_share=share)))
        cursor += block
    return out


def articles(schedule: Schedule = Schedule(), *, with_kind: bool = False) -> list[dict]:
    """The sample as article dicts (DESIGN's input contract), sorted by `published_at`.

    with_kind: add each story's topic tag as `kind` (for statistics and tests; not in the file).
    """
    timed = sorted(stories(schedule), key=lambda pair: pair[0])
    rng = random.Random(schedule.seed + 1)  # outlets drawn separately so stories stay stable
    per_day: Counter[str] = Counter()
    out = []
    for when, story in timed:
        when = when.replace(microsecond=0)
        day = when.strftime("%Y%m%d")
        per_day[day] += 1
        art_id = f"fp-{day}-{per_day[day]:04d}"
        source = rng.choice(SOURCES)
        out.append({
            "id": art_id,
            "title": story.title,
            "text": " ".join(story.sentences),
            "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "url": f"https://example.org/{slug(source)}/{when:%Y/%m/%d}/{slug(story.title)}-{art_id[-4:]}",
            "source": source,
            "lang": "en",
        })
        if with_kind:
            out[-1]["kind"] = story.kind
    return out


def to_jsonl(docs: list[dict]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n" for d in docs)


def statistics(docs: list[dict]) -> dict:
    """Per-day volumes, split into everyday news and the two escalation phases."""
    days: dict[str, Counter] = {}
    for d in docs:
        days.setdefault(d["published_at"][:10], Counter())[d["kind"]] += 1
    table = {
        day: {
            "total": sum(c.values()),
            "escalation_hostility": c["escalation-hostility"],
            "escalation_ceasefire": c["escalation-ceasefire"],
        }
        for day, c in sorted(days.items())
    }
    return {"articles": len(docs), "days": len(table), "per_day": table}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSONL")
    parser.add_argument("--seed", type=int, default=Schedule.seed, help="random seed")
    parser.add_argument("--check", action="store_true", help="only compare with --out; exit 1 if different")
    parser.add_argument("--stats", action="store_true", help="print per-day volumes as JSON")
    args = parser.parse_args(argv)
    labelled = articles(Schedule(seed=args.seed), with_kind=True)
    docs = [{k: v for k, v in d.items() if k != "kind"} for d in labelled]
    text = to_jsonl(docs)
    if args.stats:
        print(json.dumps(statistics(labelled), indent=1))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'STALE - rerun python -m samples.generate'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(docs)} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
