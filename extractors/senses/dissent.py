"""Denials, refusals and strikes that are no rejection or attack: rebutting words, declining to
comment, walking out."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.senses.phrase import WH_TAGS

#: What a denial denies when it rebuts words, not a party: "denied the accusation", "denied any involvement".
STATEMENTS = frozenset(
    """accusation accusations allegation allegations charge charges report reports rumour rumours
    rumor rumors involvement responsibility role link links wrongdoing knowledge complicity participation
    suggestion suggestions story stories""".split()
)
#: What one declines or refuses to do when one only says nothing (CAMEO 011 "decline comment").
COMMENTING = frozenset(
    """comment comments commented commenting elaborate speculate say disclose specify confirm identify
    name""".split()
)
#: Sectors of people whose strike is a walk-out (CAMEO 143), not an attack.
CIVIL_SECTORS = frozenset({"LAB", "EDU", "OPP", "CVL", "MED", "JRN", "BUS", "REL", "JUD", "REF"})
#: Modifiers of "strike" that only a walk-out takes: "an indefinite strike", "a general strike".
WALKOUT = frozenset("general hunger indefinite nationwide national labour labor wildcat token one-day".split())
#: Forms of the verbs of "went on strike", "are on strike", "remain on strike".
_ON_STRIKE_VERBS = frozenset("go goes went gone going be is are was were been being remain remains remained stay stays stayed come came".split())


def rebuts_words(verb: Token) -> bool:
    """What is denied is something said ("the allegations", "any role", a that-clause, a deed), not
    something withheld from someone ("denied entry", "denied them a right", "deny Russia what it needs")."""
    if verb.dep_ == "relcl" and verb.head.lower_ in STATEMENTS:  # "a charge Yerevan denied"
        return True
    kids = list(verb.children)
    if any(c.dep_ == "dative" or (c.dep_ == "dobj" and c.lower_ not in STATEMENTS) for c in kids):
        return False
    return any(
        (c.dep_ == "dobj")  # only statements are left
        or (c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i)  # "denied attacking the ports"
        or (c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.tag_ not in WH_TAGS  # "denied that …"
            and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children))
        for c in kids
    )


def declines_comment(verb: Token) -> bool:
    """"declined to comment", "refused to elaborate", "declined comment": a statement that says
    nothing (CAMEO 011), not a rejection of anyone."""
    return any(c.dep_ in ("xcomp", "dobj") and c.lower_ in COMMENTING for c in verb.children)


def is_walkout(tok: Token, source_sectors: list[str | None]) -> bool:
    """Whether "strike" is a labour strike: "went on strike", "an indefinite strike", or struck
    by workers, students or doctors rather than by an armed force or a state."""
    if tok.lower_ == "strike" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lower_ in _ON_STRIKE_VERBS:
        return True  # "went on strike", not "relied on strikes against Hamas"
    if any(c.dep_ in ("amod", "compound") and c.lower_ in WALKOUT for c in tok.children):
        return True
    return bool(source_sectors) and all(s in CIVIL_SECTORS for s in source_sectors)
