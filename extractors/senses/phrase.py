"""What a trigger word acts on, and what a noun is for: the phrases the sense rules read."""

from __future__ import annotations

from spacy.tokens import Token

WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
#: Spans of time whose "of" phrase is an event: "three days of protests", "a week of shelling".
SPANS = frozenset("day days night nights week weeks month months year years decade decades".split())


def child(tok: Token, *deps: str) -> Token | None:
    """The first dependent of `tok` with one of these labels: child(verb, "dobj")."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def patient_of(tok: Token, is_verb: bool) -> Token | None:
    """What a verb acts on (its object, the subject of its passive) or a noun's "of" phrase."""
    if is_verb:
        return child(tok, "dobj", "nsubjpass")
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def purpose(noun: Token) -> str | None:
    """The bare infinitive that says what a noun is for: "an operation to evacuate" → "evacuate",
    also when the parse hangs it on the verb the noun is the object of ("launched an operation to")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ == "dobj":
        clauses += [c for c in noun.head.children if c.dep_ in ("advcl", "xcomp") and c.i > noun.i]
    for c in clauses:
        if c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c.lower_
    return None
