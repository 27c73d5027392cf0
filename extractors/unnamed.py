"""Doers named by no country: an armed group ("gunmen", "armed men", "jihadists") or a crowd
("thousands", "farmers") acts where it is, as CAMEO codes it: "Thousands rallied in Tel Aviv" →
Israel's civilians, "suspected jihadists killed 20 civilians in an attack on a village near Djibo
in northern Burkina Faso" → Burkina Faso's rebels. Where it is: the trigger's own "in" phrases, or
for an armed group or crowd a place of where ("in", "near", "through" …) anywhere in the clause's
own phrases, never a place acted on ("aggression against Ukraine") and never in another clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.model import Actor
from extractors.nonevents import ARMING
from extractors.roles import Mention, counted_noun, phrase_text, resolve, role_sectors
from extractors.senses.force import ARMED_SECTORS

#: Who turns out to protest, unnamed: "Thousands rallied in Tel Aviv", "Farmers blocked motorways across France".
CROWDS = frozenset("thousands hundreds dozens tens crowds farmers survivors pensioners truckers miners nurses women mothers families".split())
#: What an unnamed armed group or crowd is coded for where it acts.
SCENE_CATEGORIES = frozenset({"assault", "coerce", "protest"})
#: Gazetteer kinds that say where something happens, and the prepositions of where.
SCENE_KINDS = frozenset({"country", "region", "capital", "city", "province"})
SCENE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "throughout", "through", "along", "around", "off"})
#: How a place hangs in a clause's own phrases: "in an attack on a village near Djibo in Burkina Faso".
_SCENE_LINKS = frozenset({"prep", "pobj", "dobj", "compound", "amod", "appos", "npadvmod", "poss", "nmod", "pcomp"})


def unnamed_doers(trig, args, places: list[Actor], mentions: dict[int, Mention], dyad: tuple[Actor, ...]) -> list[Actor]:
    """The doer of `trig` (an `extractors.triggers.Trigger`) when its agent phrase (`args.sources`)
    names a role or crowd but no country: coded by `places` (the trigger's own "in" phrases), or, for
    an armed group or crowd, by the first place of its clause (`scene_of`); else none. A crowd
    "against the French government" targets it instead of standing for where it is; one "against
    the government's decision" names no one it is against."""
    if not args.sources:
        return []
    phrase = args.sources[0]
    agent = counted_noun(phrase)  # "thousands of protesters"
    crowd = trig.category == "protest" and bool(CROWDS & {agent.lower_, phrase.lower_}) and not _against_someone(args, mentions, dyad)
    sector = role_sectors().get(agent.lower_)
    if sector is None and any(c.dep_ == "amod" and c.lower_ in ARMING for c in agent.children):
        sector = "REB"  # "armed men", "masked men": an armed group, unnamed
    if sector is None and not crowd:
        return []
    if not places and trig.category in SCENE_CATEGORIES and (crowd or sector in ARMED_SECTORS):
        scene = scene_of(args.anchor or trig.tok, mentions, phrase)
        places = resolve(scene, mentions, dyad, places_act=True)[0][:1] if scene is not None else []
    return [Actor(phrase_text(phrase), p.code, sector or "CVL") for p in places[:1]]


def _against_someone(args, mentions: dict[int, Mention], dyad: tuple[Actor, ...]) -> bool:
    """ "against the French government" names whom a crowd is against; "against the reform" does not."""
    return any(t.dep_ == "pobj" and t.head.lower_ == "against" and resolve(t, mentions, dyad)[0] for t in args.targets)


def scene_of(clause: Token, mentions: dict[int, Mention], agent: Token) -> Token | None:
    """The first place named, in word order, within the clause's own phrases outside its agent's,
    said to be where ("in northern Mali", "near Djibo", "through central Tbilisi")."""
    frontier = [(c, "") for c in clause.children if c.i != agent.i and c.dep_ in _SCENE_LINKS]
    while frontier:
        t, prep = min(frontier, key=lambda x: x[0].i)
        frontier.remove((t, prep))
        m = mentions.get(t.i)
        if m is not None and m.entry.kind in SCENE_KINDS and prep in SCENE_PREPS:
            return t
        frontier.extend((c, t.lower_ if t.dep_ == "prep" else prep) for c in t.children if c.dep_ in _SCENE_LINKS)
    return None
