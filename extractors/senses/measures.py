"""Closing, recalling, freezing, stopping, jailing: which of them are sanctions or coercion."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.roles import counted_noun
from extractors.senses.phrase import WH_TAGS, patient_of

#: Cutting and reducing sanction what ties one state to another: "cut aid to Egypt", "reduced the size
#: of its mission", "cut imports"; not "cut a deal", "cut short the trip", "reduce the risk".
_TIES = frozenset(
    """relations ties links contacts cooperation presence footprint staff staffing mission missions personnel
    diplomats embassy aid assistance funding funds loans imports exports trade purchases supplies supply
    deliveries shipments flights reliance dependence dependency oil gas electricity power water access flow flows
    volume volumes sale sales support contribution contributions representation visa visas sharing intelligence
    investment investments""".split()
)
#: Verbs that sanction only what a state shuts, recalls or freezes: "closed the border", "recalled its
#: ambassador", "froze the assets"; not "close the gap", "recalling their discussion", "freeze to death".
SANCTIONED_OBJECTS = {
    "close": frozenset(
        """border borders crossing crossings frontier embassy embassies consulate consulates mission missions
        airspace port ports harbour harbor strait straits airport airports base bases checkpoint checkpoints
        route routes road roads corridor corridors pass office offices bureau bureaus channel channels point
        points gate gates entrance entrances space agency agencies""".split()
    ),
    "recall": frozenset(
        """ambassador ambassadors envoy envoys diplomat diplomats consul consuls representative representatives
        commissioner chargé charge affaires d'affaires attaché attache delegation delegations staff personnel
        troops forces monitors observers inspectors""".split()
    ),
    "freeze": frozenset(
        """asset assets fund funds funding account accounts reserves revenue revenues property properties holdings
        talks relations ties aid assistance cooperation contacts payments loans transfers membership
        participation exports imports trade sale sales deliveries shipments""".split()
    ),
    "cut": _TIES,
    "reduce": _TIES,
}
#: Nouns that measure what they are "of": "the size of its mission", "the level of aid".
SIZES = frozenset("size level levels scale amount volume share number".split())


MONEY = frozenset("$ million billion trillion dollars euros".split())
#: Lemmas of sanctions that stop something: talks and visits, or a measure against someone.
STOPPING = frozenset({"cancel", "suspend", "halt"})
#: Where people are sent when they are jailed: "to prison", "into custody" (bare: "to the prison"
#: or "to prisons" is a place things are sent to).
PRISONS = frozenset("jail prison custody detention gaol".split())


def sanctions_object(verb: Token, verb_lemma: str) -> bool:
    """Whether what the verb shuts, recalls, freezes, cuts or reduces is what it sanctions (SANCTIONED_OBJECTS),
    money ("froze $1 billion") or a named body ("close down the Palestinian Union …"); also through
    a relative clause or a participle ("the crossings, which have been closed", "funds frozen by
    the courts")."""
    objects = SANCTIONED_OBJECTS[verb_lemma]
    patient = patient_of(verb, True)
    if patient is not None and patient.tag_ in WH_TAGS and verb.dep_ == "relcl":
        patient = verb.head  # "the crossings, which have been closed"
    elif patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head  # "funds frozen by the courts"
    if patient is None:
        return False
    nouns = [counted_noun(patient)] + [c for c in patient.children if c.dep_ == "appos"]
    if verb_lemma == "cut" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return True  # "cut off the Russian Government from a key avenue", "cut off gas supplies"
    if patient.tag_ == "CD" or patient.lower_ in SIZES:  # "two of its border checkpoints", "the size of"
        nouns += [p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(n.lower_ in objects or n.lower_ in MONEY or n.tag_ == "$" for n in nouns):
        return True
    return verb_lemma == "close" and patient.tag_ in ("NNP", "NNPS")  # not "recalled the G7 Compact"


def stops_a_measure(trig, by_token: dict) -> str | None:
    """The category of the coercive measure or armed action a stop (`extractors.triggers.Trigger`)
    stops ("cancelled the restrictions", "suspended sanctions", "halted the offensive"), if it is a
    stop and stops one: easing a measure is a concession (CAMEO 08), halting an assault de-escalates
    (CAMEO 087)."""
    if trig.word.lemma not in STOPPING:
        return None
    patient = patient_of(trig.tok, trig.is_verb)
    if patient is None:
        return None
    patient = counted_noun(patient)
    # the measure itself, or the one its carrier carries ("the arrest warrant")
    for t in [patient] + [c for c in patient.children if c.dep_ in ("compound", "amod")]:
        measure = by_token.get(t.i)
        if measure is not None and not measure.is_verb and measure.category in ("coerce", "sanction", "assault"):
            return measure.category  # an assault stopped: "halted the offensive", "suspended its strikes"
    return None


def sends_to_prison(tok: Token) -> bool:
    """Whether a sending is a jailing (CAMEO 173): "sent the sailors to prison"."""
    return any(
        c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")
        and any(g.dep_ == "pobj" and g.lower_ in PRISONS and not any(d.dep_ in ("det", "poss") for d in g.children) for g in c.children)
        for c in tok.children
    )
