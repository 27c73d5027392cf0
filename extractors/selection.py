"""Choosing actors among candidate phrases: first that names one, preferred prepositions, deep
targets inside the patient phrase, and how sources and targets pair up into events.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.arguments import Args
from extractors.model import Actor
from extractors.roles import Mention, resolve
from extractors.triggers import Trigger

#: Sectors of a state's internal opponents: an act of the state on them is no act on itself.
DOMESTIC = frozenset({"REB", "OPP"})
#: Categories where a coordinated subject acts with each other: "Japan and Australia signed".
SYMMETRIC = frozenset({"agree", "consult", "cooperate"})
#: Above this many parties acting together ("the US, the EU, Japan … met"), no dyads are coded.
MAX_DYADIC_PARTIES = 4


def resolve_all(toks: list[Token], mentions: dict[int, Mention], dyad: tuple[Actor, ...]) -> tuple[list[Actor], str | None]:
    actors: list[Actor] = []
    location = None
    for t in toks:
        found, loc = resolve(t, mentions, dyad)
        location = location or loc
        actors.extend(a for a in found if all(a.code != b.code or a.sector != b.sector for b in actors))
    return actors, location


def resolve_first(
    toks: list[Token], mentions: dict[int, Mention], dyad: tuple[Actor, ...], exclude: list[Actor] = (), places_act: bool = False
) -> tuple[list[Actor], str | None, Token | None]:
    """Actors of the first candidate phrase that names any, its place, and that phrase.

    exclude: the sources; a target naming only them ("withdraw its troops") is passed over.
    """
    own = {a.code for a in exclude}
    # A phrase that names an actor beats an unnamed role guessed to belong to the sentence's one
    # place: "Russia is conducting military exercises in Alaska" is Russia's, not the USA's.
    for guess_place in (False, True):
        location = None
        for t in toks:
            found, loc = resolve(t, mentions, dyad, places_act, guess_place)
            location = location or loc
            # A target that is only the source's own country ("withdrew its troops") is passed over,
            # unless one side is an insurgent or opposition group: civil conflict.
            if found and not all(a.code in own and a.sector not in DOMESTIC and all(b.sector not in DOMESTIC for b in exclude) for a in found):
                if not guess_place:  # the phrase chosen, its unnamed conjuncts count too ("officials and the Quebec police")
                    found, loc = resolve(t, mentions, dyad, places_act, True)
                    location = location or loc
                return found, location, t
    return [], location, None


def pairs(trig: Trigger, args: Args, sources: list[Actor], targets: list[Actor], pair_actors: list[Actor]) -> list[tuple[Actor | None, Actor | None]]:
    if len(pair_actors) >= 2 and not targets:
        if sources:  # "X mediated between A and B": X towards each
            return [(s, b) for s in sources for b in pair_actors if s.code != b.code]
        return _each_with_each(pair_actors)
    if len(sources) >= 2 and not targets and (trig.word.has("r") or trig.category in SYMMETRIC or trig.ceasefire or args.mutual):
        return _each_with_each(sources)
    out = []
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and t is not None and s.code == t.code and s.sector == t.sector:
                continue
            if s is not None or t is not None:
                out.append((s, t))
    return out


def _each_with_each(parties: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    """Every ordered pair of parties acting together; a meeting of twenty governments is a
    multilateral act of each, not 380 dyadic ones."""
    if len(parties) > MAX_DYADIC_PARTIES:
        return [(a, None) for a in parties]
    return [(a, b) for a in parties for b in parties if (a.code, a.sector) != (b.code, b.sector)]


#: Categories whose target is what they are about ("complained over the raids"), not whom they address.
ABOUT_FIRST = frozenset({"accuse", "protest", "reject", "threaten"})


def by_preference(trig: Trigger, cands: list[Token]) -> list[Token]:
    if trig.category not in ABOUT_FIRST:
        return cands
    return sorted(cands, key=lambda t: 0 if t.dep_ != "pobj" or t.head.lower_ in ("against", "over", "about", "of", "on") else 1)


def deep_target(cands: list[Token], mentions: dict[int, Mention], sources: list[Actor]) -> list[Actor]:
    """"aid to refugees fleeing the war in Liberia", "a camp for Congolese refugees": the patient
    phrase names a country somewhere inside; the first one that is not the source's own. An agent
    inside it ("a truce brokered by Qatar") is no patient."""
    own = {a.code for a in sources}
    for t in cands:
        for u in _without_agents(t):
            m = mentions.get(u.i)
            if m is not None and m.entry.kind in DEEP_KINDS and m.entry.code not in own:
                # and those named with it: "the ceasefire between Armenia and Azerbaijan"
                found = {m.entry.code: Actor(m.text, m.entry.code, None)}
                for c in u.conjuncts:
                    n = mentions.get(c.i)
                    if n is not None and n.entry.kind in DEEP_KINDS and n.entry.code not in own:
                        found.setdefault(n.entry.code, Actor(n.text, n.entry.code, None))
                return list(found.values())
    return []


DEEP_KINDS = frozenset({"country", "demonym", "region", "capital", "city"})


def _without_agents(tok: Token):
    yield tok
    for child in tok.children:
        if child.dep_ == "agent" or child.lower_ == "by":
            continue
        yield from _without_agents(child)
