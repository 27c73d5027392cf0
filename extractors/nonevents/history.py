"""Clauses that tell history: a time a season or more before the news ("in 1992", "in June 2020",
"last year"), "years ago", "at the time", a world war, an anniversary.

>>> from datetime import date
>>> import spacy
>>> nlp = spacy.blank("en")
>>> def told(text, published=date(2024, 5, 1)):
...     return bool(history_clauses(nlp(text), text.lower().split(), published))
>>> told("At the time , Russia denied it ."), told("At the time of the attack , Russia denied it .")
(True, False)
>>> told("Israel bombed Gaza in June 2023 ."), told("Israel bombed Gaza on 28 April 2024 .")
(True, False)
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from extractors.nonevents.past import dated_word, is_past_time

HISTORY = frozenset(
    """century centuries decades history historical historically anniversary medieval ancient commemorate
    commemorates commemorated commemoration wwi wwii ww1 ww2""".split()
)
#: Words that number a world war: "the Second World War", "World War II".
_WORLD_WAR = frozenset("first second i ii one two 1 2".split())


#: Names of states that no longer exist, with the last year they did: their deeds are history
#: ("Estonia went from Soviet occupation to democracy"), whatever country inherited their code.
DEFUNCT = {"soviet": 1991, "ussr": 1991, "u.s.s.r.": 1991}


def defunct_states(lowers: list[str], published: date | None) -> frozenset[int]:
    """Indices of words naming a state gone by the time of publication.

    >>> sorted(defunct_states("after soviet occupation".split(), date(2022, 1, 1))), sorted(defunct_states(["soviet"], date(1985, 1, 1)))
    ([1], [])
    """
    if published is None:
        return frozenset()
    return frozenset(i for i, low in enumerate(lowers) if DEFUNCT.get(low, published.year) < published.year)


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


def history_clauses(sent: Doc, lowers: list[str], published: date | None, event_nouns: frozenset[int] = frozenset()) -> set[int]:
    """Clauses that tell history: a time a season or more before publication, "years ago", "at the
    time", "in the last decades", "the anniversary of" — only that clause, so "signed a deal today
    to raise trade over 1983" stands. A time that dates an event noun dates that noun alone
    (`event_nouns`): "eased measures in the scene of violence last March" eased them now."""
    out = set()
    for i, low in enumerate(lowers):
        dated = is_past_time(sent, lowers, i, published)
        cue = dated or low in HISTORY
        if not cue and low == "war" and i > 0 and lowers[i - 1] == "world":  # "the Second World War"
            cue = (i > 1 and lowers[i - 2] in _WORLD_WAR) or (i + 1 < len(lowers) and lowers[i + 1] in _WORLD_WAR)
        if cue and not _yardstick(sent[i]):
            out.add(dated_word(sent[i], event_nouns).i if dated else _clause(sent[i]).i)
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
    """Whether `tok` is told in a history clause or a dated noun phrase; a relative clause
    describes its noun, so it is history when its noun is ("the 1995 bombing that killed 168
    people")."""
    if not clauses:
        return False
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:  # "the scene of violence last March"
        if node.i in clauses:
            return True
        node = node.head
    clause = _clause(tok)
    for _ in range(4):
        if clause.i in clauses:
            return True
        if _shares_time(clause):  # "During the 1960s he led an army, backed by the CIA, against …"
            clause = _clause(clause.head)
            continue
        if clause.dep_ not in ("relcl", "acl") or clause.head.pos_ not in ("NOUN", "PROPN"):
            return False
        if any(n.i in clauses for n in [clause.head, *clause.head.ancestors][:3]):
            return True
        clause = _clause(clause.head)
    return False


def _shares_time(clause: Token) -> bool:
    """A participle clause with no tense or conjunction of its own tells its main clause's time."""
    return (
        clause.dep_ == "advcl" and clause.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
    )
