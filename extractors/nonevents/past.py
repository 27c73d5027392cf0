"""Time expressions: how long before publication they lie ("in 2019", "in December 2023", "last
November"), and which word they date ("the 2020 war", "In June 2020, China imposed the law").

A monitor counts what happens now. An event dated a season or more before its article is told as
background ("At the end of June 2020, China imposed the law", in a 2021 briefing), however recent
its year. Each expression is read at its latest possible moment, so a doubt keeps the event:
"in 2023" counts as December 2023, "last year" as the December just gone.

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

from spacy.tokens import Doc, Token

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


def is_past_time(sent: Doc, lowers: list[str], i: int, published: date | None) -> bool:
    """Whether word `i` names a time of the story's background: a season or more before
    publication ("in June 2020", "last November"; not "2000 soldiers"), "years ago", "at the time"."""
    if is_stale(lowers, i, published) and not _counts(sent, i):
        return True
    if lowers[i] == "ago" and i > 0:
        return lowers[i - 1] in ("year", "years", "decades", "centuries", "generations")
    return _then(lowers, i)


#: Words inside a time expression, walked through to find what it dates.
_TIME_WORDS = frozenset(MONTHS) | frozenset(
    """year years month months week weeks day days time end beginning start middle half part course late early
    last spring summer autumn fall winter decade decades ago then""".split()
)
#: A verb's arguments: a date hung on one of them through a preposition dates the verb.
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj"})
#: How a time names a thing: "the 2011 Agreement", "last year's decree".
_MODIFIERS = frozenset({"nummod", "compound", "amod", "poss"})


def dated_word(tok: Token, event_nouns: frozenset[int]) -> Token:
    """What a time expression dates: the event noun it hangs on ("the 2020 war", "a bombing two
    years ago"), a noun phrase it follows ("the scene of violence last March"), else its clause
    ("In June 2020, China imposed the law"; "during his 2000 campaign, he criticized …";
    "annexed Crimea in 2014", whichever word the parser hangs the date on)."""
    node, via = tok, ""
    for _ in range(12):
        head = node.head
        if node.pos_ in ("VERB", "AUX") or head.i == node.i:
            return node
        if node.i in event_nouns and not _is_time(node) and not _dates_its_clause(node, via):
            return node
        if node.dep_ == "npadvmod" and head.pos_ == "NOUN" and not _is_time(head) and head.dep_ not in _ARGUMENTS:
            return head  # "the scene of ethnic violence last March"
        if (node.i == tok.i or _is_time(node)) and node.dep_ in _MODIFIERS and head.pos_ in ("NOUN", "PROPN") and not _is_time(head):
            if head.i not in event_nouns and not _dates_its_clause(head, ""):
                return head  # "the 2011 Agreement", "from 2020 levels", "last year's decree": a time that names a thing
        node, via = head, node.dep_
    return node


def _counts(sent: Doc, i: int) -> bool:
    """ "2000 soldiers", "1500 attacks": a number before a plural noun counts, it names no year."""
    return i + 1 < len(sent) and sent[i + 1].tag_ in ("NNS", "NNPS")


def _is_time(tok: Token) -> bool:
    return tok.like_num or tok.lower_.rstrip(".") in _TIME_WORDS


def _dates_its_clause(noun: Token, via: str) -> bool:
    """ "signed the treaty in 1850", "shot during a 2013 massacre", "in 2002 Super Bowl ads": the
    date of a verb's object (wherever the parser hangs it) or of a "during" or "in" phrase is the
    verb's."""
    return (via == "prep" and noun.dep_ in _ARGUMENTS) or (noun.dep_ == "pobj" and noun.head.lower_ in ("during", "in"))


_CLAUSE_BREAK = frozenset(". , ; : ) -- — – and but".split())


def _then(lowers: list[str], i: int) -> bool:
    """ "At the time, Russia denied it", "back then": a narrative's past (not "at the time of")."""
    if lowers[i] == "then":
        return i > 0 and lowers[i - 1] == "back"
    after = lowers[i + 1] if i + 1 < len(lowers) else "."
    return lowers[i] == "time" and lowers[i - 2:i] == ["at", "the"] and after in _CLAUSE_BREAK
