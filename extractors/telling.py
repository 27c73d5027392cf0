"""How an event is told, beside what it is: who tells it, and in what kind of sentence.

A bystander tells what it saw ("residents said"); a speaker's own act to come is promised ("Iran
said it would retaliate"); a clause with an "if" of its own depends on it ("we will impose costs
if Russia invades"); a wish to speak speaks ("I would like to reiterate our condemnation"); a
report the sentence calls a claim is one ("…, a claim that could not be independently verified").
These are word tests on the parse; `modality.frame_of` and `attribution.told_as` decide what they
make of them.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.irrealis import FUTURE_AUX
from extractors.roles import PRONOUNS

#: Verbs of wishing ("I would like to", "I want to") and the speech acts they perform as they wish
#: them ("reiterate", "thank"): the act is done now, not planned.
WISH = frozenset({"like", "want", "wish"})
PERFORMED = frozenset("say reiterate repeat express stress underscore emphasize note add begin start join thank welcome".split())


def is_conditional(verb: Token) -> bool:
    """ "We will impose costs if Russia invades", "if it engages in an invasion": a clause with an
    "if" or "unless" clause of its own, or one itself."""
    return is_if_clause(verb) or any(c.dep_ == "advcl" and is_if_clause(c) for c in verb.children)


def sets_condition(tok: Token) -> bool:
    """Whether an act is what follows from a condition ("will strike if Washington joins", "imposed
    sanctions … unless"), not the condition itself ("if Russia decides to pursue aggression"). A
    noun's condition hangs on its verb ("will impose sanctions if")."""
    clauses = [tok, tok.head] if tok.pos_ in ("NOUN", "PROPN") else [tok]
    return any(c.dep_ == "advcl" and is_if_clause(c) for v in clauses for c in v.children)


def is_if_clause(clause: Token) -> bool:
    """An "if" clause that sets a condition, not a speaker's aside ("if you look at", "if I may")."""
    kids = list(clause.children)
    aside = any(c.dep_ == "nsubj" and c.lower_ in ("you", "i") for c in kids)
    return not aside and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in kids)


#: Subjects that are the speaker's own side: "said it would retaliate", "said they would attack".
_OWN = PRONOUNS | {"i"}
_FUTURE = FUTURE_AUX | {"would"}


def is_own_future(verb: Token) -> bool:
    """ "said it would retaliate", "said they will attack again" (if provoked or not): the speaker's
    own act to come, a promise or, when hostile, a threat ("said Russia would attack" is a guess
    about another)."""
    if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _OWN for c in verb.children)



#: Who tells what they saw, not what their side wants believed: "residents said", "hospital officials said".
BYSTANDERS = frozenset(
    """resident residents witness witnesses eyewitness eyewitnesses doctor doctors medic medics paramedic paramedics
    rescuer rescuers hospital survivor survivors local locals villager villagers police monitor monitors observer
    observers journalist journalists reporter reporters correspondent correspondents""".split()
)


def is_bystander(speaker: Token) -> bool:
    """ "residents", "hospital officials", "police": a speaker who tells what it saw."""
    return speaker.lower_ in BYSTANDERS or any(c.dep_ in ("compound", "amod") and c.lower_ in BYSTANDERS for c in speaker.children)


#: How wire copy marks a report as one side's word: "…, a claim that could not be independently
#: verified", "…, a claim Manila dismissed".
CLAIM_NOUNS = frozenset({"claim", "claims", "assertion", "allegation"})


def is_unverified(tok: Token) -> bool:
    """Whether the sentence of `tok` calls what was said a claim ("…, a claim that could not be
    independently verified") or says it could not be verified."""
    for t in tok.sent:
        if t.lower_ in CLAIM_NOUNS and t.dep_ in ("npadvmod", "appos") and any(c.lower_ == "a" for c in t.children):
            return True
        if t.lower_ == "verified" and any(c.dep_ == "neg" for c in t.children):
            return True
    return False
