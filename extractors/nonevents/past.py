"""How long before publication a time expression lies: "in 2019", "in December 2023", "last November".

A monitor counts what happens now. An event dated a season or more before its article is told as
background ("At the end of June 2020, China imposed the law", in a 2021 briefing), however recent
its year. Each expression is read at its latest possible moment, so a doubt keeps the event:
"in 2023" is at the earliest December 2023, "last year" the December just gone.

>>> from datetime import date
>>> months_before("in june 2020 china imposed".split(), 2, date(2021, 8, 5))
14
>>> months_before("on december 28 , 2023".split(), 4, date(2024, 1, 10)), months_before("in 2023".split(), 1, date(2024, 2, 1))
(1, 2)
>>> months_before("raids last november".split(), 1, date(2024, 6, 1)), months_before("since 2030".split(), 1, date(2024, 6, 1))
(7, None)
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items()) if m != "may"})
MONTHS["sept"] = 9
#: An event further back than this is no news of the day but the story's background.
STALE_MONTHS = 3

_YEAR = re.compile(r"(1[0-9]{3}|20[0-9]{2})(s?)")


def months_before(lowers: list[str], i: int, published: date) -> int | None:
    """Months from the time named at `lowers[i]` (a year, or "last" before a month or "year") to
    publication, when it names a time before it; a decade counts from its last year."""
    low = lowers[i]
    if low == "last" and i + 1 < len(lowers):
        nxt = lowers[i + 1].rstrip(".")
        if nxt == "year":
            return published.month
        if nxt in MONTHS:
            return (published.month - MONTHS[nxt] - 1) % 12 + 1
        return None
    m = _YEAR.fullmatch(low)
    if m is None:
        return None
    year = int(m.group(1)) + (9 if m.group(2) else 0)
    month = next((MONTHS[w.rstrip(".")] for w in lowers[max(0, i - 3):i] if w.rstrip(".") in MONTHS), 12)
    months = (published.year - year) * 12 + published.month - month
    return months if months > 0 else None


def is_stale(lowers: list[str], i: int, published: date | None) -> bool:
    """Whether the time named at `lowers[i]` lies more than a season before publication."""
    if published is None:
        return False
    months = months_before(lowers, i, published)
    return months is not None and months > STALE_MONTHS
