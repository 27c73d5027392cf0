"""Trigger words read in another sense than their event's: the word is there, the deed is not.

"the accused" is a person; "demonstrated its commitment" shows something; "strengthened ties",
"mobilized support" and "deployed clean energy" build up no force; workers "on strike" protest and
attack no one; a state that withdraws its inspectors or its ambassador reduces relations, it does
not retreat; cancelling restrictions or suspending sanctions concedes; a state that sends people to
prison does not give them anything; denying an accusation rebuts it and rejects no one; closing,
recalling and freezing sanction only borders, envoys and assets ("close cooperation", "recalling
their talks" and "freeze to death" do not). Each rule reads the word's own phrase (its object, its
determiner) or the roles of its agents, never a list of sentences. The flags are those of
`data/triggers.tsv`: `i` a protest only without an object, `a` a build-up of force.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.roles import counted_noun, role_sectors

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


#: What a denial denies when it rebuts words, not a party: "denied the accusation", "denied any involvement".
STATEMENTS = frozenset(
    """accusation accusations allegation allegations charge charges report reports rumour rumours
    rumor rumors involvement responsibility role link links wrongdoing knowledge complicity participation
    suggestion suggestions story stories""".split()
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
}


MONEY = frozenset("$ million billion trillion dollars euros".split())


#: Purposes that make an operation a rescue, not an attack: "an operation to evacuate its citizens".
RESCUES = frozenset("evacuate rescue escort protect".split())


def is_other_sense(trig) -> bool:
    """Whether a trigger (`extractors.triggers.Trigger`) is used in a sense that is no event."""
    tok = trig.tok
    if not trig.is_verb and trig.category == "assault" and _purpose(tok) in RESCUES:
        return True  # "a military operation to evacuate its citizens from Sudan"
    if trig.is_verb and tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children):
        return True  # "the accused", "the wounded": people, not a deed
    if trig.is_verb and trig.word.lemma in SANCTIONED_OBJECTS and not _sanctions_object(tok, trig.word.lemma):
        return True  # "close the gap", "recalling their talks", "the market closed", "freeze to death"
    if trig.is_verb and trig.word.lemma == "deny" and rebuts_words(tok):
        return True  # "denied the accusation", "denied that its troops were there": a rebuttal, not a rejection
    if trig.word.has("i") and trig.is_verb and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return True  # "demonstrate its commitment", "demonstrated that": showing, not protesting
    return trig.word.has("a") and not builds_up_arms(tok, trig.is_verb)


def _sanctions_object(verb: Token, verb_lemma: str) -> bool:
    """Whether what the verb shuts, recalls or freezes is what it sanctions (SANCTIONED_OBJECTS),
    money ("froze $1 billion") or a named body ("close down the Palestinian Union …"); also through
    a relative clause or a participle ("the crossings, which have been closed", "funds frozen by
    the courts")."""
    objects = SANCTIONED_OBJECTS[verb_lemma]
    patient = _patient(verb, True)
    if patient is not None and patient.tag_ in WH_TAGS and verb.dep_ == "relcl":
        patient = verb.head  # "the crossings, which have been closed"
    elif patient is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        patient = verb.head  # "funds frozen by the courts"
    if patient is None:
        return False
    nouns = [counted_noun(patient)] + [c for c in patient.children if c.dep_ == "appos"]
    if patient.tag_ == "CD":  # "two of its border checkpoints"
        nouns += [p for c in patient.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(n.lower_ in objects or n.lower_ in MONEY or n.tag_ == "$" for n in nouns):
        return True
    return verb_lemma == "close" and patient.tag_ in ("NNP", "NNPS")  # not "recalled the G7 Compact"


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


WH_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})


def _purpose(noun: Token) -> str | None:
    """The bare infinitive that says what a noun is for: "an operation to evacuate" → "evacuate",
    also when the parse hangs it on the verb the noun is the object of ("launched an operation to")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ == "dobj":
        clauses += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i]
    for c in clauses:
        if c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c.lower_
    return None


def builds_up_arms(tok: Token, is_verb: bool) -> bool:
    """Whether a build-up builds up force: what it deploys, masses or strengthens is armed (its
    object, the noun a participle describes, a noun's "of" phrase), or nothing is named ("Russia
    is mobilizing for war")."""
    patient = _patient(tok, is_verb)
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
    """Whether a sending sends armed force into a place ("sent 30 warplanes into Taiwan's air
    defence zone"): a show of force (CAMEO 150), not aid; "sent troops to Belarus" stays aid."""
    patient = _patient(tok, True)
    return (
        patient is not None and builds_up_arms(tok, True)
        and not is_peacekeeping(counted_noun(patient))  # "sent peacekeepers into South Sudan"
        and any(c.dep_ == "prep" and c.lower_ == "into" for c in tok.children)
    )


#: Sectors of people whose strike is a walk-out (CAMEO 143), not an attack.
CIVIL_SECTORS = frozenset({"LAB", "EDU", "OPP", "CVL", "MED", "JRN", "BUS", "REL", "JUD", "REF"})
#: Modifiers of "strike" that only a walk-out takes: "an indefinite strike", "a general strike".
WALKOUT = frozenset("general hunger indefinite nationwide national labour labor wildcat token one-day".split())
#: Forms of the verbs of "went on strike", "are on strike", "remain on strike".
_ON_STRIKE_VERBS = frozenset("go goes went gone going be is are was were been being remain remains remained stay stays stayed come came".split())


def is_walkout(tok: Token, source_sectors: list[str | None]) -> bool:
    """Whether "strike" is a labour strike: "went on strike", "an indefinite strike", or struck
    by workers, students or doctors rather than by an armed force or a state."""
    if tok.lower_ == "strike" and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lower_ in _ON_STRIKE_VERBS:
        return True  # "went on strike", not "relied on strikes against Hamas"
    if any(c.dep_ in ("amod", "compound") and c.lower_ in WALKOUT for c in tok.children):
        return True
    return bool(source_sectors) and all(s in CIVIL_SECTORS for s in source_sectors)


#: People whose withdrawal reduces relations (CAMEO 166 "expel or withdraw": peacekeepers,
#: inspectors, aid workers, envoys) rather than a retreat of forces.
PRESENCE = frozenset(
    """inspector inspectors observer observers monitor monitors peacekeeper peacekeepers diplomat diplomats
    ambassador ambassadors envoy envoys staff mission missions worker workers volunteers""".split()
)


def withdraws_presence(tok: Token, is_verb: bool) -> bool:
    """Whether a withdrawal takes away a presence, not forces: "withdraw weapons inspectors",
    "the withdrawal of the ambassador"."""
    patient = _patient(tok, is_verb)
    return patient is not None and counted_noun(patient).lower_ in PRESENCE


#: Lemmas of sanctions that stop something: talks and visits, or a measure against someone.
STOPPING = frozenset({"cancel", "suspend", "halt"})


def stops_a_measure(trig, by_token: dict) -> str | None:
    """The category of the coercive measure a stop (`extractors.triggers.Trigger`) stops
    ("cancelled the restrictions", "suspended sanctions"), if it is a stop and stops one: easing a
    measure is a concession (CAMEO 08)."""
    if trig.word.lemma not in STOPPING:
        return None
    patient = _patient(trig.tok, trig.is_verb)
    if patient is None:
        return None
    patient = counted_noun(patient)
    # the measure itself, or the one its carrier carries ("the arrest warrant")
    for t in [patient] + [c for c in patient.children if c.dep_ in ("compound", "amod")]:
        measure = by_token.get(t.i)
        if measure is not None and not measure.is_verb and measure.category in ("coerce", "sanction"):
            return measure.category
    return None


#: Where people are sent when they are jailed: "to prison", "into custody" (bare: "to the prison"
#: or "to prisons" is a place things are sent to).
PRISONS = frozenset("jail prison custody detention gaol".split())


def sends_to_prison(tok: Token) -> bool:
    """Whether a sending is a jailing (CAMEO 173): "sent the sailors to prison"."""
    return any(
        c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into")
        and any(g.dep_ == "pobj" and g.lower_ in PRISONS and not any(d.dep_ in ("det", "poss") for d in g.children) for g in c.children)
        for c in tok.children
    )


def _patient(tok: Token, is_verb: bool) -> Token | None:
    """What a verb acts on (its object, the subject of its passive) or a noun's "of" phrase."""
    if is_verb:
        return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
