"""Turning templates into sentences: the slots every template may use, filled for one article."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime

from samples.world import ORGANISATIONS, Country

# "a Armenian" → "an Armenian": demonyms are filled in after the article is written.
_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[AEIOU])")


@dataclass(frozen=True, kw_only=True)
class Story:
    """One article's words before it gets an id, a time and an outlet."""

    title: str
    """Headline."""
    sentences: tuple[str, ...]
    """Body, 3 to 8 sentences."""
    kind: str
    """Topic tag (`diplomacy`, `hostility`, `escalation`, …), used only for the statistics."""


def country_slots(prefix: str, country: Country) -> dict[str, str]:
    """`{A}`, `{A_poss}`, `{A_dem}`, `{A_cap}`, `{A_lead}` for one country."""
    return {
        prefix: country.name,
        f"{prefix}_poss": country.possessive,
        f"{prefix}_dem": country.demonym,
        f"{prefix}_cap": country.capital,
        f"{prefix}_lead": country.leader,
    }


def number_slots(rng: random.Random, when: datetime) -> dict[str, str]:
    """Figures and dates that make otherwise similar sentences differ."""
    org, org_head = rng.choice(ORGANISATIONS)
    goals = sorted(rng.sample(range(5), 2), reverse=True)
    return {
        "O": org,
        "O_head": org_head,
        "day": when.strftime("%A"),
        "n_small": str(rng.randint(2, 9)),
        "n_years": str(rng.randint(3, 15)),
        "n_hours": str(rng.randint(2, 6)),
        "n_thousands": str(rng.randint(5, 60)),
        "pct": f"{rng.uniform(1.0, 9.9):.1f}",
        "pct_small": f"{rng.choice((0.25, 0.5, 0.75, 1.0))}",
        "pct_big": str(rng.randint(38, 81)),
        "temp": str(rng.randint(36, 44)),
        "money": rng.choice(("${n} million", "{n} million euros", "${n} billion")).format(n=rng.randint(3, 90)),
        "score": f"{goals[0]}-{goals[1]}",
        "draw": rng.choice(("1-1", "2-2", "0-0")),
    }


def fill(template: str, slots: dict[str, str]) -> str:
    """Format a template and start it with a capital letter.

    >>> fill("{A} met {B}.", {"A": "the Netherlands", "B": "Peru"})
    'The Netherlands met Peru.'
    >>> fill("a {A_dem} team won.", {"A_dem": "Armenian"})
    'An Armenian team won.'
    """
    text = _A_BEFORE_VOWEL.sub(r"\1n ", template.format_map(slots))
    return text[:1].upper() + text[1:]


def compose(
    rng: random.Random,
    *,
    kind: str,
    title: str,
    lead: str,
    details: list[str],
    slots: dict[str, str],
    min_sentences: int = 3,
    max_sentences: int = 8,
) -> Story:
    """A lead plus a random handful of distinct detail sentences, all filled from `slots`."""
    extra = rng.randint(min_sentences - 1, min(max_sentences - 1, len(details)))
    body = [lead, *rng.sample(details, extra)]
    return Story(title=fill(title, slots), sentences=tuple(fill(s, slots) for s in body), kind=kind)
