"""Build-ups, sendings and withdrawals: of armed force, or of something else."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.nonevents.accidents import NON_AGENTS
from extractors.roles import counted_noun, role_sectors
from extractors.senses.phrase import patient_of

#: Sectors whose members are armed: their build-up is a show of force.
ARMED_SECTORS = frozenset({"MIL", "REB", "COP"})
#: Arms and postures (besides the armed roles of data/roles.tsv) whose build-up is a show of force.
ARMS = frozenset(
    """missile missiles rocket rockets weapon weapons warship warships ship ships vessel vessels submarine
    submarines bomber bombers fighter fighters jet jets drone drones helicopter helicopters launcher launchers
    warhead warheads arsenal arsenals reservist reservists reserves garrison garrisons presence posture flank
    flanks deterrence personnel men paratrooper paratroopers commando commandos reinforcements contingent
    contingents mercenary mercenaries""".split()
)
#: Lines that armed force is sent to or crosses.
BORDERS = frozenset("border borders frontier frontiers line boundary".split())
#: People whose withdrawal reduces relations (CAMEO 166 "expel or withdraw": peacekeepers,
#: inspectors, aid workers, envoys) rather than a retreat of forces.
PRESENCE = frozenset(
    """inspector inspectors observer observers monitor monitors peacekeeper peacekeepers diplomat diplomats
    ambassador ambassadors envoy envoys staff mission missions worker workers volunteers""".split()
)


def builds_up_arms(tok: Token, is_verb: bool) -> bool:
    """Whether a build-up builds up force: what it deploys, masses or strengthens is armed (its
    object, the noun a participle describes, a noun's "of" phrase), or nothing is named ("Russia
    is mobilizing for war")."""
    patient = patient_of(tok, is_verb)
    if patient is None and is_verb and tok.dep_ == "acl":  # "personnel deployed in Poland"
        patient = tok.head
    if patient is None:
        return True
    patient = counted_noun(patient)  # "deployed thousands of troops"
    words = [patient] + [c for c in patient.children if c.dep_ in ("amod", "compound")]
    return any(w.lower_ in ARMS or role_sectors().get(w.lower_) in ARMED_SECTORS for w in words)


def is_peacekeeping(tok: Token) -> bool:
    """"peacekeepers", "peace-keeping force": armed, but protection, not a threat."""
    return tok.lower_.startswith(("peacekeep", "peace-keep"))


def sends_force_into(tok: Token) -> bool:
    """Whether a sending sends armed force into a place or to its own border ("sent 30 warplanes
    into Taiwan's air defence zone", "will send 10,000 troops to its border with Belarus"): a show
    of force (CAMEO 150), not aid; "sent troops to Belarus" stays aid."""
    patient = patient_of(tok, True)
    to_border = any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.dep_ == "pobj" and p.lower_ in BORDERS for p in c.children)
        for c in tok.children
    )
    return (
        patient is not None and builds_up_arms(tok, True)
        and not is_peacekeeping(counted_noun(patient))  # "sent peacekeepers into South Sudan"
        and (to_border or any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children))
    )


#: What troops sent on relief do: "deployed 1,000 troops to assist search and rescue efforts".
RELIEF = frozenset("assist rescue search evacuate rebuild distribute".split())


def is_relief(tok: Token) -> bool:
    """Whether a deployment or mobilisation meets a disaster, not an enemy: it goes to rescue or
    assist ("to assist search and rescue"), or its sentence is about a hazard ("after an earthquake
    struck", "to help fight wildfires")."""
    purposes = [c for c in tok.children if c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return any(p.lower_ in RELIEF for p in purposes) or any(t.lower_ in NON_AGENTS for t in tok.sent)


def crosses_in_arms(tok: Token) -> bool:
    """Whether a crossing is an incursion: armed force goes into a place or over a border ("Russian
    troops crossed into the Kharkiv region", "tanks crossed the border"), not migrants, trucks or
    tourists."""
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None and tok.dep_ == "acl":
        subject = tok.head  # "soldiers crossing into Lebanon"
    if subject is None:
        return False
    subject = counted_noun(subject)
    armed = subject.lower_ in ARMS or role_sectors().get(subject.lower_) in ARMED_SECTORS
    into = any(c.dep_ == "prep" and c.lower_ in ("into", "over") for c in tok.children)
    border = any(c.dep_ == "dobj" and c.lower_ in BORDERS for c in tok.children)
    return armed and not is_peacekeeping(subject) and (into or border)


def withdraws_presence(tok: Token, is_verb: bool) -> bool:
    """Whether a withdrawal takes away a presence, not forces: "withdraw weapons inspectors",
    "the withdrawal of the ambassador"."""
    patient = patient_of(tok, is_verb)
    return patient is not None and counted_noun(patient).lower_ in PRESENCE


#: Objects by which a state defends itself, not another party it backs.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})


def shields_itself(verb: Token) -> bool:
    """Whether a defending verb's object is its subject's own: none, "itself", "their country"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return not objects or any(o.lower_ in REFLEXIVES or any(c.tag_ == "PRP$" for c in o.children) for o in objects)


def defends_itself(tok: Token) -> bool:
    """Whether "defend" is self-defence ("Ukraine defended itself against the invasion", "defending
    their country against aggression", "to defend against aggression"), which backs no one, rather
    than backing a party or its position ("defended the decision")."""
    against = any(c.dep_ == "prep" and c.lower_ == "against" for c in tok.children)
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return shields_itself(tok) and (against or any(o.lower_ in REFLEXIVES for o in objects))
