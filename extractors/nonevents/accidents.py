"""Deaths and damage with no one to blame: storms, crashes, a small plane striking a tower."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Token

#: Heads of phrases that cannot be an agent of a political act: storms, crashes, diseases.
NON_AGENTS = frozenset(
    """storm storms typhoon hurricane cyclone earthquake quake flood floods flooding tsunami wildfire wildfires blaze
    blazes bushfire bushfires firestorm drought tornado virus outbreak epidemic pandemic disease crash accident
    collision landslide avalanche mudslide mudslides eruption volcano lightning blizzard heatwave weather rain
    rains rainfall snow snowfall winds""".split()
)
#: A single aircraft that strikes a building is an accident unless a country or a military word
#: owns it: "a small plane struck a tower", but "an Israeli plane bombed a house".
VEHICLES = frozenset("plane aircraft helicopter airliner flight".split())
MILITARY = frozenset("military army navy fighter war combat attack enemy coalition".split())
#: What a vehicle does by accident: a plane "struck a tower", "killing" its crew; it bombs no one by accident.
COLLISIONS = frozenset("strike hit kill destroy damage".split())
#: Vehicles besides aircraft, which crash into things by accident.
CARRIAGES = frozenset("bus train car truck boat ship ferry vessel".split())
#: Weapons: they "crash" into something on purpose, and their programmes fire nothing (triggers.py).
WEAPONS = frozenset("missile missiles rocket rockets drone drones bomb bombs shell shells bomber bombers".split())
#: Verbs of accidents: "killed when their helicopter crashed" tells a crash, not an attack.
ACCIDENTS = frozenset(
    """crash crashed crashes crashing collide collided collides colliding derail derailed derails derailing
    capsize capsized capsizes capsizing collapse collapsed collapses collapsing""".split()
)


def is_accident(tok: Token) -> bool:
    """Deaths told with an accident as their cause: "killed when the helicopter crashed"."""
    return any(c.dep_ == "advcl" and c.lower_ in ACCIDENTS for c in tok.children)


def follows_accident(tok: Token) -> bool:
    """Deaths told as an accident's outcome: "the helicopter crashed, killing sixteen on board",
    "a flight that crashed into a valley, killing 158"; whoever the vehicle belonged to, the crash
    killed them. A weapon's crash ("a missile crashed into a mall"), a crash of something into
    something ("crashed his car into a checkpoint") or of people through it is an attack."""
    crash = tok.head
    if tok.dep_ not in ("advcl", "conj") or crash.lower_ not in ACCIDENTS:
        return False
    if any(c.dep_ == "dobj" for c in crash.children):
        return False
    subject = next((c for c in crash.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and crash.dep_ == "relcl":  # "a flight that crashed"
        subject = crash.head
    if subject is not None and subject.lower_ in WEAPONS:
        return False
    aimed = any(c.dep_ == "prep" and c.lower_ in ("into", "through", "onto") for c in crash.children)
    return not aimed or subject is None or subject.lower_ in VEHICLES | CARRIAGES


def is_non_agent(tok: Token | None, owners: Container[int] = (), act: str = "") -> bool:
    """"the storm", "Typhoon Krosa", "a plane crash": the phrase's head or a modifier says so; "a
    small aircraft" struck or killed (`act`, a lemma) by accident, unless a country or group
    (owners: indices of tokens naming one) or a military word owns it. No aircraft bombs by accident."""
    if tok is None:
        return False
    phrase = tok.doc[tok.left_edge.i : tok.i + 1]
    if any(t.lower_ in NON_AGENTS for t in phrase):
        return True
    vehicle = tok.lower_ in VEHICLES and act in COLLISIONS
    return vehicle and not any(t.i in owners or t.lower_ in MILITARY for t in phrase)
