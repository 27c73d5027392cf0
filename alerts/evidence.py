"""The strongest sentences behind an alert, chosen deterministically.

A candidate is a list ``[strength, published_at, event_id, article_id, url, sentence]`` (a
list, not a tuple, so that it survives a JSON round trip unchanged). Stronger first: a sentence
that names the event's parties beats one whose parties the extractor took from the rest of the
article ("Observers said the ceasefire remained fragile" shows an analyst nothing of who); then
an asserted event beats a claimed one, which beats a hoped-for or called-for one; then the more
violent (larger absolute Goldstein value), and an event with both a source and a target beats
one with a single actor. Ties fall to the earlier publication, then the event id, so the same
input always gives the same evidence. The selection takes one sentence per article first (five
reports beat five sentences of one report), then fills up, and never shows the same sentence
twice (syndicated copies of one wire story are one piece of evidence).

>>> a = [32.0, "2022-09-13T00:00:00Z", "e1", "a1", None, "Azerbaijan shelled Jermuk."]
>>> b = [33.0, "2022-09-13T01:00:00Z", "e2", "a1", None, "Shelling hit Goris."]
>>> c = [22.0, "2022-09-13T02:00:00Z", "e3", "a2", "http://x", "Armenia says it was attacked."]
>>> d = [22.0, "2022-09-13T03:00:00Z", "e4", "a3", "http://y", "Armenia says it was attacked."]
>>> [e.sentence for e in select([a, b, c, d], 3)]
['Shelling hit Goris.', 'Armenia says it was attacked.', 'Azerbaijan shelled Jermuk.']
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from alerts.model import Evidence
from extractors.model import Event

MODALITY_WEIGHT = {"asserted": 3.0, "claimed": 2.0, "threatened": 2.0, "planned": 1.5, "called_for": 1.0,
                   "hoped": 1.0, "possible": 0.5, "denied": 0.0}


NAMED_WEIGHT = 50.0  # above any modality, violence and pair sum (at most 30 + 10 + 1)


#: Words that stand for the parties without naming them ("both sides accused each other").
STAND_INS = frozenset({"both sides", "each other", "the two sides", "the sides", "both", "they", "the parties",
                       "both parties", "the two countries", "both countries", "one another"})


def names_its_parties(event: Event) -> bool:
    """Every actor of the event is named in its own sentence, as a whole word ("Niger" is not in
    "Nigeria"), not by a stand-in; an event with no actor names them all."""
    return all(a.text.casefold() not in STAND_INS and re.search(rf"(?<!\w){re.escape(a.text)}(?!\w)", event.sentence)
               for a in (event.source, event.target) if a is not None)


def candidate(event: Event, url: str | None) -> list[Any]:
    strength = (NAMED_WEIGHT * names_its_parties(event) + 10.0 * MODALITY_WEIGHT.get(event.modality, 1.0)
                + abs(event.goldstein) + (1.0 if event.source is not None and event.target is not None else 0.0))
    return [strength, event.published_at, event.event_id, event.article_id, url, event.sentence]


def _text(c: list[Any]) -> str:
    return " ".join(str(c[5]).split()).casefold()


def _rank(c: list[Any]) -> tuple:
    return (-c[0], c[1], c[2])


def keep_best(pool: list[list[Any]], new: Iterable[list[Any]], limit: int) -> list[list[Any]]:
    """Merge candidates into a bounded pool (twice the evidence size, so one article cannot crowd out the rest)."""
    seen = {c[2] for c in pool}
    merged = pool + [c for c in new if c[2] not in seen]
    merged.sort(key=_rank)
    per_article: dict[str, int] = {}
    texts: set[str] = set()
    kept = []
    for c in merged:  # at most `limit` per article, one per sentence text and 2 * limit in all
        text = _text(c)
        if per_article.get(c[3], 0) < limit and text not in texts and len(kept) < 2 * limit:
            per_article[c[3]] = per_article.get(c[3], 0) + 1
            texts.add(text)
            kept.append(c)
    return kept


def select(pool: Iterable[list[Any]], limit: int = 5) -> tuple[Evidence, ...]:
    """Up to `limit` sentences: the best of each article first, then the next best."""
    ranked = sorted(pool, key=_rank)
    first, rest, articles, texts = [], [], set(), set()
    for c in ranked:
        text = _text(c)
        if text in texts:
            continue
        (rest if c[3] in articles else first).append(c)
        articles.add(c[3])
        texts.add(text)
    chosen = (first + rest)[:limit]
    return tuple(Evidence(article_id=c[3], url=c[4], sentence=c[5]) for c in chosen)
