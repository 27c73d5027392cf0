"""Who cannot be a party to a political event: a private person, an abstract target."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.roles import counted_noun, role_sectors

#: Head nouns of a phrase that is a private person, not a state or armed group.
PRIVATE = frozenset(
    """man men woman women boy boys girl girls person suspect suspects gunman attacker assailant teenager
    teenagers student students couple father mother husband wife son daughter neighbour neighbor neighbours
    neighbors driver resident residents tourist tourists worker workers robber robbers thief thieves burglar
    gang gangs customer customers patient patients passenger passengers pirate pirates""".split()
)
#: Physical targets: a hostile verb aimed at these is no metaphor even without a named actor.
PHYSICAL = frozenset(
    """city cities town towns village villages position positions base bases border post posts territory region
    area areas convoy convoys ship ships plane planes aircraft infrastructure building buildings camp camps
    capital district province troops forces soldiers army military civilians people embassy checkpoint
    checkpoints facility facilities site sites settlement settlements vessel vessels tanks helicopter
    helicopters drone drones enclave pipeline port airport bridge outpost outposts stronghold target targets
    refinery refineries plant plants depot depots warehouse warehouses school schools hospital hospitals market
    markets mosque mosques church churches house houses home homes apartment apartments neighbourhood
    neighborhood neighbourhoods neighborhoods tanker tankers warship warships vehicle vehicles truck trucks bus
    buses train trains barracks compound headquarters hotel hotels dam railway substation men women children
    officers worshippers hostages passengers patrol patrols crowd crowds mourners migrants terrorists jihadists
    extremists station stations""".split()
)


def is_metaphor_target(target: Token | None, resolved: bool) -> bool:
    """'war on obesity', 'battle with cancer': an abstract object nobody can shell."""
    if target is None or resolved:
        return False
    if counted_noun(target).lower_ in role_sectors():
        return False  # "attacked rebels", "shelled hundreds of militants": people with a role
    return target.pos_ in ("NOUN", "PROPN") and target.lower_ not in PHYSICAL and not target.is_title


#: Modifiers that arm a private-sounding noun: "armed men", "masked gunmen", "men loyal to the Houthis".
ARMING = frozenset("armed masked uniformed loyal".split())


def is_private(tok: Token | None) -> bool:
    """A private person ("a man", "the robbers"), not "armed men" or "men loyal to the Houthi movement"."""
    if tok is None or tok.lower_ not in PRIVATE:
        return False
    return not any(c.dep_ == "amod" and c.lower_ in ARMING for c in tok.children)


#: Places of the state: who attacks them is no private person ("gunmen attacked a police station").
STATE_PLACES = frozenset("station checkpoint checkpoints base bases barracks convoy patrol embassy ministry parliament outpost".split())
#: Sectors of the state and its forces.
STATE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})


def is_state_target(tok: Token) -> bool:
    """ "a police station", "an army convoy", "two officers", "the governor": the state, its forces
    or their places, whom an attack makes political whoever carries it out."""
    sectors = role_sectors()
    noun = counted_noun(tok)
    if sectors.get(noun.lower_) in STATE_SECTORS:
        return True
    owners = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    return noun.lower_ in STATE_PLACES and any(sectors.get(c.lower_) in STATE_SECTORS for c in owners)
