"""Clauses that tell history: an old year, "years ago", a world war, an anniversary.

>>> is_history_year("in 1992", 2022)
True
>>> is_history_year("on 12 September 2022", 2022)
False
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

HISTORY = frozenset(
    """century centuries decades history historical historically anniversary medieval ancient commemorate
    commemorates commemorated commemoration wwi wwii ww1 ww2""".split()
)
#: Words that number a world war: "the Second World War", "World War II".
_WORLD_WAR = frozenset("first second i ii one two 1 2".split())
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})(s?)\b")


def is_history_year(text: str, published_year: int | None) -> bool:
    """A year (or decade) at least five years before publication is a history lesson."""
    if published_year is None:
        return False
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year <= published_year - 5 or (m.group(2) and year + 10 <= published_year):
            return True
    return False


#: Names of states that no longer exist, with the last year they did: their deeds are history
#: ("Estonia went from Soviet occupation to democracy"), whatever country inherited their code.
DEFUNCT = {"soviet": 1991, "ussr": 1991, "u.s.s.r.": 1991}


def defunct_states(lowers: list[str], published_year: int | None) -> frozenset[int]:
    """Indices of words naming a state gone by the time of publication.

    >>> sorted(defunct_states("after soviet occupation".split(), 2022)), sorted(defunct_states(["soviet"], 1985))
    ([1], [])
    """
    if published_year is None:
        return frozenset()
    return frozenset(i for i, low in enumerate(lowers) if DEFUNCT.get(low, published_year) < published_year)


def is_defunct_actor(tok: Token, defunct: frozenset[int]) -> bool:
    """Whether a phrase headed by `tok` is a gone state's: "Soviet", "Soviet troops"."""
    words = [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")]
    return any(w.i in defunct and not names_former_state(w.doc, w.i) for w in words)


def names_former_state(doc: Doc, i: int) -> bool:
    """ "the former Soviet republic of Georgia", "post-Soviet states": a gone state's name that
    qualifies a state of today, which it does not name (the gazetteer drops it).

    >>> import spacy
    >>> doc = spacy.blank("en")("the former Soviet republic and ex-Soviet states under Soviet rule")
    >>> names_former_state(doc, 2), names_former_state(doc, 7), names_former_state(doc, 10)
    (True, True, False)
    """
    if doc[i].lower_ not in DEFUNCT:
        return False
    before = [t.lower_ for t in doc[max(0, i - 2):i]]
    return bool(before) and (before[-1] in ("former", "ex") or before[-2:] in (["ex", "-"], ["post", "-"]))


def _clause(tok: Token) -> Token:
    """The verb whose clause holds `tok` (the root for verbless fragments)."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def history_clauses(sent: Doc, lowers: list[str], published_year: int | None) -> set[int]:
    """Clauses that tell history: an old year or decade, "years ago", "in the last decades", "the
    anniversary of" — only that clause, so "signed a deal today to raise trade over 1983" stands."""
    out = set()
    for i, low in enumerate(lowers):
        cue = low in HISTORY
        if not cue and low[:1].isdigit() and published_year is not None:
            cue = is_history_year(low, published_year)
        if not cue and low == "ago" and i > 0:
            cue = lowers[i - 1] in ("year", "years", "decades", "centuries", "generations")
        if not cue and low == "war" and i > 0 and lowers[i - 1] == "world":  # "the Second World War"
            cue = (i > 1 and lowers[i - 2] in _WORLD_WAR) or (i + 1 < len(lowers) and lowers[i + 1] in _WORLD_WAR)
        if cue and not _yardstick(sent[i]):
            out.add(_clause(sent[i]).i)
    return out


def _yardstick(tok: Token) -> bool:
    """A past time that measures the present rather than telling the past: "the deadliest attack
    since World War II", "since 2014", "for the first time in its history"."""
    node = tok
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ == "since":
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "in" and node.lower_ == "history":
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "nummod", "amod", "appos", "npadvmod") or node.head.i == node.i:
            return False
        node = node.head
    return False


def in_history(tok: Token, clauses: set[int]) -> bool:
    """Whether `tok` is told in a history clause; a relative clause describes its noun, so it is
    history when its noun is ("the 1995 bombing that killed 168 people")."""
    if not clauses:
        return False
    clause = _clause(tok)
    for _ in range(4):
        if clause.i in clauses:
            return True
        if _shares_time(clause):  # "During the 1960s he led an army, backed by the CIA, against …"
            clause = _clause(clause.head)
            continue
        if clause.dep_ not in ("relcl", "acl") or clause.head.pos_ not in ("NOUN", "PROPN"):
            return False
        clause = _clause(clause.head)
    return False


def _shares_time(clause: Token) -> bool:
    """A participle clause with no tense or conjunction of its own tells its main clause's time."""
    return (
        clause.dep_ == "advcl" and clause.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
    )
