"""The bundled sample stream: reproducible, valid articles, and the escalation shape the demo relies on."""

from __future__ import annotations

import doctest
import json
import re
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `samples` is a repo folder, not an installed package
    sys.path.insert(0, str(ROOT))

from extractors.article import parse_article  # noqa: E402
from samples import generate, render, world  # noqa: E402

SAMPLE = ROOT / "samples" / "sample_stream.jsonl"
FIELDS = {"id", "title", "text", "published_at", "url", "source", "lang"}


@pytest.fixture(scope="module")
def labelled() -> list[dict]:
    return generate.articles(with_kind=True)


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


def test_committed_file_is_what_the_generator_writes(labelled):
    docs = [{k: v for k, v in d.items() if k != "kind"} for d in labelled]
    assert SAMPLE.read_text(encoding="utf-8") == generate.to_jsonl(docs)


def test_same_seed_same_bytes_other_seed_other_stream():
    one = generate.to_jsonl(generate.articles(generate.Schedule(seed=5)))
    assert one == generate.to_jsonl(generate.articles(generate.Schedule(seed=5)))
    assert one != generate.to_jsonl(generate.articles(generate.Schedule(seed=6)))


def test_small_enough_to_bundle():
    assert SAMPLE.stat().st_size < 2_000_000


def test_every_line_is_a_valid_article_sorted_by_time(lines):
    now = datetime(2026, 1, 1).timestamp()
    parsed = [parse_article(line.encode(), now=now) for line in lines]
    assert len({a.id for a in parsed}) == len(parsed)
    times = [a.published_at for a in parsed]
    assert times == sorted(times)
    for line, art in zip(lines, parsed):
        doc = json.loads(line)
        assert set(doc) == FIELDS
        assert art.extra == {}
        assert art.lang == "en"
        assert art.url.startswith("https://example.org/")
        assert doc["published_at"] == art.published_at  # already normalised RFC 3339 UTC
        assert 3 <= art.text.count(". ") + 1 <= 8


def test_at_least_three_weeks_of_event_time(labelled):
    days = Counter(d["published_at"][:10] for d in labelled)
    assert len(days) >= 21
    assert min(days) == "2022-08-29" and max(days) == "2022-09-19"


def test_quiet_baseline_outside_the_escalation(labelled):
    everyday = Counter(d["published_at"][:10] for d in labelled if not d["kind"].startswith("escalation"))
    assert all(40 <= n <= 60 for n in everyday.values()), everyday
    # Many countries appear; no single one dominates the everyday news.
    mentions = Counter(
        c.name for d in labelled if not d["kind"].startswith("escalation") for c in world.COUNTRIES if c.name in d["text"]
    )
    assert len(mentions) >= 40
    assert max(mentions.values()) < 0.1 * sum(everyday.values())


def test_everyday_friction_never_piles_up_on_one_pair(labelled):
    pairs = Counter()
    for d in labelled:
        if d["kind"] == "friction":
            lead = d["text"].split(". ")[0]
            named = tuple(sorted(c.name for c in world.COUNTRIES if any(w in lead for w in (c.name, c.demonym, c.capital))))
            assert len(named) == 2, lead
            pairs[(d["published_at"][:10], named)] += 1
    assert pairs and max(pairs.values()) == 1


def test_escalation_shape(labelled):
    hostility = Counter(d["published_at"][:10] for d in labelled if d["kind"] == "escalation-hostility")
    ceasefire = Counter(d["published_at"][:10] for d in labelled if d["kind"] == "escalation-ceasefire")
    assert min(hostility) == "2022-09-12" and max(hostility) == "2022-09-14"
    assert 20 <= hostility["2022-09-13"] <= 40 and 20 <= hostility["2022-09-14"] <= 40
    assert min(ceasefire) >= "2022-09-14" and max(ceasefire) == "2022-09-17"
    assert sum(ceasefire.values()) >= 30
    first_h = min(d["published_at"] for d in labelled if d["kind"] == "escalation-hostility")
    last_h = max(d["published_at"] for d in labelled if d["kind"] == "escalation-hostility")
    first_c = min(d["published_at"] for d in labelled if d["kind"] == "escalation-ceasefire")
    assert first_h.startswith("2022-09-12T23") and last_h < first_c
    for d in labelled:
        if d["kind"].startswith("escalation"):
            assert "Armenia" in d["text"] and "Azerbaijan" in d["text"]
        if d["kind"] == "escalation-ceasefire":
            assert "ceasefire" in d["text"] or "truce" in d["text"]


def test_the_ceasefire_talk_is_mostly_absent_before_the_escalation(labelled):
    before = [d for d in labelled if d["published_at"] < "2022-09-12T23:00:00Z"]
    during = [d for d in labelled if "2022-09-14T23:00:00Z" <= d["published_at"] < "2022-09-17T23:00:00Z"]
    per_day_before = sum("ceasefire" in d["text"] or "truce" in d["text"] for d in before) / 15
    per_day_during = sum("ceasefire" in d["text"] or "truce" in d["text"] for d in during) / 3
    assert per_day_during > 10 * max(per_day_before, 0.1)


@pytest.mark.parametrize("module", [world, render], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_readme_figures_match_the_generated_stream(labelled):
    readme = (ROOT / "samples" / "README.md").read_text(encoding="utf-8")
    stats = generate.statistics(labelled)
    assert f"{stats['articles']:,} short news articles over {stats['days']} days" in readme
    rows = re.findall(r"^\| (2022-\d\d-\d\d) \| (\d+) \| (\d+) \| (\d+) \|$", readme, re.M)
    assert len(rows) >= 6
    for day, total, hostility, ceasefire in rows:
        row = stats["per_day"][day]
        assert (row["total"], row["escalation_hostility"], row["escalation_ceasefire"]) == (
            int(total), int(hostility), int(ceasefire)), day
