"""One parsed sentence → events: triggers, their actors, frame, and the non-event filters.

Output is `Found` records holding tokens; `pipeline` turns them into contract `Event`s with
article offsets and ids.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from extractors import nonevents
from extractors.arguments import Args, noun_args, verb_args
from extractors.attribution import COUNTRY_CODES, told_as
from extractors.demands import must_demands
from extractors.expulsions import EXPELLING, expulsion
from extractors.found import Found
from extractors.lexicon import Lexicon
from extractors.modality import Frame, frame_of
from extractors.model import Actor, PLOVER
from extractors.roles import PLACE_TARGET_CATEGORIES, Mention, counted_noun, resolve, role_sectors
from extractors.senses import (
    is_other_sense, is_peacekeeping, is_walkout, sends_arms_at, sends_force_into, sends_to_prison, stops_a_measure, withdraws_presence,
)
from extractors.selection import SYMMETRIC, by_preference, deep_target, pairs as pair_up, resolve_all, resolve_first
from extractors.triggers import Trigger, find_triggers, lower_forms
from extractors.unnamed import unnamed_doers

__all__ = ["Found", "events_in"]

HOSTILE = frozenset(c for c, v in PLOVER.items() if "hostility" in v[3])
#: Light verbs that are event words themselves but carry the noun's event: "unions called a general
#: strike" strike, "struck a trade deal" agree.
NOUN_CARRIES = frozenset({("call", "protest"), ("strike", "agree")})
#: Categories whose object can be a deed ("condemned the attacks"): its doers are the target.
CONDEMNING = frozenset({"accuse", "protest"})
#: Verbs whose "on" names the doer of the deed: "blamed the attack on Azerbaijan".
BLAMING = frozenset({"blame", "pin"})
#: Assertions by a party that it was hit are accusations of the one who hit it.
ACCUSABLE = frozenset({"assault", "coerce", "threaten", "mobilize", "sanction"})
#: Cooperation that, refused, is a rejection (PLOVER REJECT: "will not accept", "refused to allow").
REFUSABLE = frozenset({"agree", "concede"})
#: Gazetteer kinds that name where something happens.
PLACE_KINDS = frozenset({"country", "region", "city", "province", "capital"})
#: Verbs whose "from" says where the fire comes from ("rockets fired from Gaza"), not whose the
#: victims are ("killed five pilgrims from Pakistan").
FIRING = frozenset({"fire", "shell", "bomb"})
#: Armed roles that, unnamed, may still attack a named party ("militants killed two Turkish engineers").
FIGHTING_SECTORS = frozenset({"MIL", "REB"})
#: Wars that someone wages in a place but not on it: by proxy, on drugs, on trade, among its people.
WARS_BY_OTHERS = frozenset("proxy drug drugs trade civil cold price tariff information propaganda".split())


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


@dataclass
class _Sentence:
    """What every trigger of one sentence is read against."""

    mentions: dict[int, Mention]
    lex: Lexicon
    dyad: tuple[Actor, ...]
    by_token: dict[int, Trigger]
    history: set[int]
    context: set[str]
    truce: tuple[Actor, ...] = ()  # whom the ceasefire the article just told of was between (extractors.truce)
    defunct: frozenset[int] = frozenset()  # words naming a state gone by publication ("Soviet")


@dataclass
class _Parties:
    sources: list[Actor]
    targets: list[Actor]
    pairs: list[Actor]
    location: str | None
    frame: Frame
    speaker: Actor | None
    truce_parties: tuple[Actor, ...]  # whom a ceasefire naming no party is between


def events_in(sent: Doc, mentions: dict[int, Mention], lex: Lexicon, dyad: tuple[Actor, ...] = (), published: date | None = None,
              truce: tuple[Actor, ...] = ()) -> list[Found]:
    """The events of one parsed sentence.

    dyad: the article's two main countries so far ("both sides", "the attack").
    truce: whom the ceasefire the article has just told of was between (`extractors.truce`): "the
    ceasefire" naming no party is that one, not a truce between whichever countries were named most.
    """
    lowers = lower_forms(sent)
    context = nonevents.sentence_context(lowers)
    if "fiction" in context or "only-sport" in context:
        return []
    triggers = find_triggers(sent, lex, lowers)
    ctx = _Sentence(mentions, lex, dyad, {t.tok.i: t for t in triggers}, nonevents.history_clauses(sent, lowers, published, frozenset(t.tok.i for t in triggers if not t.is_verb)),
                    context, truce,
                    nonevents.defunct_states(lowers, published))
    accusers = {t.tok.i for t in triggers if t.category == "accuse"}
    out: list[Found] = []
    skipped: set[int] = set()
    for trig in sorted(triggers, key=lambda t: t.is_verb):  # nouns first: they may replace a light verb
        if trig.tok.i in skipped:
            continue
        args = verb_args(trig.tok, lex) if trig.is_verb else noun_args(trig.arg_tok, lex, victims=trig.word.has("v"), weapon=trig.word.has("l"))
        if _merged_into_light_verb(trig, args, ctx.by_token, skipped) or _is_non_event(trig, args, ctx):
            continue
        parties = _parties(trig, args, ctx)
        if parties is not None:
            out.extend(_emit(trig, args, parties, accusers))
    return _dedupe(_told_once(out) + must_demands(sent, lowers, mentions, lex, dyad))


def _told_once(found: list[Found]) -> list[Found]:
    """ "Russian missiles struck Kyiv", "the shelling killed five civilians": an attack that is the
    subject of an attack verb is that verb's event, counted once; not when the verb is negated or
    told in another mood than the attack ("the attack killed no one", "the attack could have
    killed hundreds"), nor when the noun is a ceasefire's violation."""
    deeds = {(f.tok.i, f.frame.modality) for f in found if f.category == "assault" and f.tok.pos_ in ("VERB", "AUX") and not f.frame.negated}
    return [
        f for f in found
        if f.ceasefire or not (
            f.category == "assault" and f.tok.pos_ not in ("VERB", "AUX") and f.tok.dep_ in ("nsubj", "nsubjpass")
            and (f.tok.head.i, f.frame.modality) in deeds
        )
    ]


def _merged_into_light_verb(trig: Trigger, args: Args, by_token: dict[int, Trigger], skipped: set[int]) -> bool:
    """"signed an agreement", "violated the truce": one event, not two. The verb carries it unless
    it is a weak verb and the noun a strong one ("imposed sanctions")."""
    if args.anchor is None or args.anchor.i == trig.tok.i or args.anchor.i not in by_token:
        return False
    verb = by_token[args.anchor.i]
    if (verb.word.lemma, trig.category) in NOUN_CARRIES:
        skipped.add(verb.tok.i)
        return False
    if not (verb.word.has("w") and not trig.word.has("w")):
        verb.ceasefire = verb.ceasefire or trig.ceasefire
        return True
    trig.ceasefire = trig.ceasefire or verb.ceasefire
    skipped.add(verb.tok.i)
    return False


def _is_non_event(trig: Trigger, args: Args, ctx: _Sentence) -> bool:
    if "sport" in ctx.context and trig.word.has("s"):
        return True
    walkout = trig.word.lemma == "strike" and not trig.is_verb  # "workers began a strike": see _recategorise
    if (
        trig.category in ("assault", "coerce") and not walkout and any(nonevents.is_private(s) for s in args.sources)
        and not any(nonevents.is_state_target(t) for t in args.targets)
    ):
        return True  # a man who stabs his neighbour; not "gunmen attacked a police station"
    if any(nonevents.is_non_agent(s, ctx.mentions, trig.word.lemma) for s in args.sources[:1]):
        return True  # "the storm struck China"
    if ctx.defunct and any(nonevents.is_defunct_actor(s, ctx.defunct) for s in args.sources[:1]):
        return True  # "Soviet occupation", told in 2022: history
    if trig.category == "assault" and not args.sources and nonevents.is_accident(args.anchor or trig.tok):
        return True  # "ten soldiers were killed when their helicopter crashed"
    if trig.category == "assault" and trig.is_verb and nonevents.follows_accident(trig.tok):
        return True  # "a US helicopter crashed in Afghanistan, killing sixteen"
    if trig.category in HOSTILE and not trig.ceasefire and nonevents.in_proper_name(trig.tok, ctx.mentions):
        return True  # "the Laws of War", "the Atrocity Crimes Advisory Group"
    if is_other_sense(trig):
        return True  # "the accused", "demonstrated its commitment", "strengthened ties"
    if trig.word.has("w") and trig.tok.dep_ in ("acl", "amod") and trig.category not in HOSTILE:
        return True  # "a man called Darius"
    return nonevents.is_background(trig, ctx.lex, frozenset(ctx.by_token)) or nonevents.in_history(args.anchor or trig.tok, ctx.history)


def _parties(trig: Trigger, args: Args, ctx: _Sentence) -> _Parties | None:
    """Sources, targets and frame of one trigger, or None when it is no event after all."""
    mentions, dyad, lex = ctx.mentions, ctx.dyad, ctx.lex
    if trig.word.has("v"):
        # "Hamas hostages", "Taliban hostages": a group before them holds them (noun_args, which
        # has no mentions, put every modifier of a victims' noun among its targets)
        holders = [t for t in args.targets if t.dep_ == "compound" and t.i in mentions and mentions[t.i].entry.kind not in PLACE_KINDS | {"demonym"}]
        args.targets = [t for t in args.targets if t not in holders]
        args.sources = holders + args.sources
    # "the withdrawal of its troops from Gaza": where a withdrawal leaves is no one's act
    agents = [s for s in args.sources if s not in args.origins] if trig.category == "retreat" else args.sources
    deed = noun_args(agents[0], lex) if agents and _is_hostile_noun(agents[0], ctx.by_token) else None
    if deed is not None:
        # "a drone strike blamed on the United States killed three": the strike's doer kills, not
        # whatever its phrase names ("the bombing of the embassy in Nairobi, Kenya, killed 200")
        sources, loc1, _ = resolve_first(deed.sources, mentions, dyad)
    else:
        sources, loc1, _ = resolve_first(agents, mentions, dyad)
    pair_actors, _ = resolve_all(args.pairs, mentions, dyad)
    places, loc3 = resolve_all(args.places, mentions, dyad)
    if not sources and args.inherited and not args.suffered:
        sources, _, _ = resolve_first(args.inherited, mentions, dyad)
    agent = counted_noun(args.sources[0]) if args.sources else None  # "thousands of protesters"
    if not sources:
        sources = unnamed_doers(trig, args, places, mentions, dyad)
    candidates = args.targets
    if not sources and trig.category == "retreat" and not trig.is_verb:
        # "the withdrawal of Eritrean forces from Ethiopian territory": those withdrawn withdraw
        movers = [t for t in args.targets if t.dep_ == "pobj" and t.head.lower_ == "of"]
        sources, _, _ = resolve_first(movers, mentions, dyad)
        if sources:
            candidates = [t for t in args.targets if t not in movers]
    if not sources and trig.is_verb and trig.word.lemma in FIRING and args.origins:
        # "a mortar bomb was fired at Israel from the Gaza Strip": where the fire comes from fires it
        fired_from, _, _ = resolve_first(args.origins, mentions, dyad, places_act=True)
        if fired_from and all(a.sector is None for a in fired_from):  # a place, not "from peacekeepers"
            sources, candidates = fired_from, [t for t in args.targets if t not in args.origins]
    preferred = by_preference(trig, candidates)
    targets, loc2, target_tok = resolve_first(preferred, mentions, dyad, sources, places_act=True)
    struck = False
    if not targets and deed is not None and trig.category == "assault":
        # "the attack in Elad, Israel, which killed three": those killed are where the attack struck
        targets, _, target_tok = resolve_first(deed.targets + deed.places, mentions, dyad, sources, places_act=True)
        struck = bool(targets)
    # A named state or a role phrase, not a person or thing qualified by a nationality.
    state_target = struck or (target_tok is not None and (target_tok.i in mentions or target_tok.pos_ == "PRON" or any(a.sector for a in targets)))
    # "blamed the attack on Azerbaijan" names the doer with "on": the old target rule is right there
    condemns = trig.category in CONDEMNING and trig.word.lemma not in BLAMING
    deeds = [t for t in preferred if _is_hostile_noun(t, ctx.by_token)] if condemns else []
    about_deed = bool(deeds) and deeds[0] is preferred[0]  # not "condemned Armenia for the shelling"
    if about_deed:
        # "France condemned the attacks on Armenian territory": the accused are the attackers,
        # never the victims named with the attack (whether parsed under the noun or the verb).
        others = [t for t in args.targets if t not in deeds]
        doers = [t for t in others if t.dep_ == "pobj" and t.head.lower_ == "from"]  # "the rocket fire from Gaza"
        victims, _ = resolve_all([t for t in others if t not in doers], mentions, dyad)
        targets = _condemned_parties(deeds, ctx.by_token, mentions, lex, dyad, {a.code for a in victims + sources})
        if not targets and doers:
            targets, _, _ = resolve_first(doers, mentions, dyad, sources, places_act=True)
    if not targets and trig.category in ("retreat", "sanction") and args.origins:
        targets, _, _ = resolve_first(args.origins, mentions, dyad, sources, places_act=True)  # "withdrawal from X"
    if not targets and len(sources) < 2 and not about_deed:  # a deed's victims are not its accused
        targets = deep_target(args.targets, mentions, sources)
    if not targets and trig.category == "accuse" and not about_deed:
        targets = _condemned_parties(args.targets, ctx.by_token, mentions, lex, dyad)
    if trig.word.has("m") and args.targets and not targets and nonevents.is_metaphor_target(args.targets[0], False):
        return None  # "war on obesity"
    if not sources and trig.category == "coerce" and places and all(p.code not in {t.code for t in targets} for p in places[:1]):
        # "A missionary was arrested in Lebanon": arrests are made by the state where they happen.
        sources = [Actor(places[0].text, places[0].code, "GOV")]
    if not sources and trig.category == "assault" and targets:
        sources = _unnamed_attacker(args.places, targets, ctx)
    # "Russia's war in Ukraine": a war someone owns is waged on the place it is in, though a war is
    # mutual; not "Russia's war has driven up prices in Egypt", "Iran's proxy war in Yemen"
    war = trig.tok.head if trig.tok.dep_ == "compound" else trig.tok  # "the Kremlin's war effort in Ukraine"
    waged = (
        trig.category == "assault" and not trig.is_verb and len(sources) == 1 and bool(agents) and agents[0].dep_ == "poss"
        and bool(args.places) and args.places[0].head.head.i in (trig.tok.i, war.i)
        and not any(c.lower_ in WARS_BY_OTHERS for c in trig.tok.children if c.dep_ in ("amod", "compound"))
    )
    if not targets and places and (waged or not trig.word.has("r")) and not trig.word.has("t") and (len(sources) < 2 or trig.category not in SYMMETRIC):
        # "shelled positions in Lebanon"; but "reducing violence in Congo" cuts nothing of Congo's
        targets = [p for p in places if all(p.code != s.code for s in sources)][:1]
    if trig.word.lemma in EXPELLING:
        expelled = expulsion(trig.tok, sources, targets, mentions)
        if expelled is None:
            return None  # a travel advisory, a demand, an evacuation order
        sources, targets = expelled
    _recategorise(trig, sources, ctx)
    frame = frame_of(args.anchor or trig.tok, lex)
    inner = args.anchor or trig.tok
    refusal = ctx.by_token.get(inner.head.i) if inner.dep_ in ("xcomp", "ccomp") else None
    already_refused = refusal is not None and refusal.word.category == "reject"  # "refused to accept": one rejection
    if frame.negated and frame.modality != "denied" and trig.category in REFUSABLE and trig.is_verb and not already_refused:
        # an agreement refused or failed is a rejection that happened, not a non-event (but
        # "denied agreeing" disowns the agreement, and "peace without an agreement" rejects nothing)
        trig.category, trig.cameo = "reject", PLOVER["reject"][0]
        refuses = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "'ll") for c in inner.children)
        # "Moscow would not agree to a ceasefire": a refusal said now, not a guess
        frame = replace(frame, negated=False, modality="asserted" if refuses else frame.modality)
    speaker = _first(resolve(frame.speaker, mentions, dyad)[0]) if frame.speaker is not None else None
    if (
        speaker is not None and trig.category in HOSTILE and not targets and sources
        and all(s.code != speaker.code for s in sources) and speaker.code in COUNTRY_CODES
        and (frame.modality == "claimed" or trig.ceasefire or any(t.lower_ in nonevents.PHYSICAL for t in args.targets))
    ):
        # "Armenia claimed that towns had been shelled", "… violated the truce, Azerbaijan said":
        # the speaker's own (but not "fired missiles into the sea, Seoul said").
        targets = [speaker]
    if trig.word.has("w") and not sources and not pair_actors and not trig.ceasefire and not args.suffered:
        armed = trig.category in HOSTILE and agent is not None and role_sectors().get(agent.lower_) in FIGHTING_SECTORS and bool(targets)
        against = target_tok is not None and target_tok.dep_ == "pobj" and target_tok.head.lower_ == "against"
        victims = trig.word.has("v")  # "two Japanese hostages": the nationality is the state hit
        fired = trig.word.has("l") and bool(targets)  # "a car bomb rocked the centre of Qamishli": the weapon hit a place
        if not (state_target and (trig.is_verb or victims or (trig.category == "protest" and against))) and not armed and not fired:
            # a weak word ("were allowed", "violence") needs a named agent, a state as patient, or
            # an armed role acting on a named party ("militants killed two Turkish engineers").
            # A protest noun's state target counts when it is protested against: crowds go
            # unnamed ("a rally against the French government", not "a demonstration of U.S. resolve").
            return None
    city = ctx.mentions.get(target_tok.i) if target_tok is not None else None
    if not sources and not pair_actors and city is not None and city.entry.kind == "city" and trig.category not in PLACE_TARGET_CATEGORIES:
        return None  # "visit Louisville", "gave Wolfsburg a victory": a town alone is hit, not met
    if trig.word.has("t") and not targets and not pair_actors:
        return None  # "cut emissions", "reduce the spread": a cut hurts no one unless someone is named
    return _Parties(sources, targets, pair_actors, loc3 or loc2 or loc1, frame, speaker, ctx.truce or dyad)


def _unnamed_attacker(places: list[Token], targets: list[Actor], ctx: _Sentence) -> list[Actor]:
    """Who attacked when no one is named as doing it: the attack or the arms the victims fell in
    ("killed in a US missile strike", "in Israeli tank shelling"), else, for soldiers killed
    abroad, the country they fell in ("ten Russian soldiers were killed in Ukraine"), as CAMEO
    coders do. Civilians killed abroad are no such sign: foreigners die in other people's wars."""
    victims = {t.code for t in targets}
    for p in places:
        if _is_hostile_noun(p, ctx.by_token) or role_sectors().get(p.lower_) == "MIL":
            found, _ = resolve(p, ctx.mentions, ctx.dyad)
            if found and all(a.code not in victims for a in found):
                return found
    if all(t.sector == "MIL" for t in targets):
        for p in places:  # "in Ukraine", "outside the Iraqi city of Basra"
            m = ctx.mentions.get(p.i)
            if (m is not None and m.entry.kind in PLACE_KINDS) or p.lower_ in nonevents.PHYSICAL:
                found, _ = resolve(p, ctx.mentions, ctx.dyad, places_act=True)
                if found and found[0].code not in victims:
                    return [Actor(found[0].text, found[0].code, None)]
    return []


def _recategorise(trig: Trigger, sources: list[Actor], ctx: _Sentence) -> None:
    if trig.word.lemma == "strike" and is_walkout(trig.tok, [s.sector for s in sources]):
        trig.category, trig.cameo = "protest", "143"  # workers on strike attack no one
        return
    if trig.category == "aid" and trig.is_verb and sends_to_prison(trig.tok):
        trig.category, trig.cameo = "coerce", "173"  # "sent the sailors to prison"
        return
    if trig.category == "aid" and trig.is_verb and sends_arms_at(trig.tok):
        trig.category, trig.cameo = "assault", "195"  # "sent a wave of drones toward an oil refinery"
        return
    if trig.category == "aid" and trig.is_verb and sends_force_into(trig.tok):
        trig.category, trig.cameo = "mobilize", "150"  # "sent 30 warplanes into Taiwan's air defence zone"
        return
    if trig.word.lemma == "target" and "measures" in ctx.context:
        trig.category, trig.cameo = "sanction", "163"  # "the Treasury is targeting Russian officials"
        return
    if measure := stops_a_measure(trig, ctx.by_token):
        # "cancelled restrictions": CAMEO 085 eases sanctions or an embargo, 081 other restrictions;
        # "halted the offensive": 087 de-escalates
        trig.category, trig.cameo = ("retreat", "087") if measure == "assault" else ("concede", "085" if measure == "sanction" else "081")
        return
    if trig.category == "retreat" and withdraws_presence(trig.tok, trig.is_verb):
        trig.category, trig.cameo = "sanction", "166"  # CAMEO "expel or withdraw": inspectors, monitors, envoys
        return
    if trig.category != "mobilize":
        return
    if any(is_peacekeeping(t) for t in trig.tok.sent):
        trig.category, trig.cameo = "aid", "074"  # deploying peacekeepers is protection, not a threat
    elif len(sources) >= 2 or any(c.lower_ == "joint" for c in trig.tok.children):
        trig.category, trig.cameo = "cooperate", "062"  # joint exercises are military cooperation


def _emit(trig: Trigger, args: Args, p: _Parties, accusers: set[int]) -> list[Found]:
    pairs = pair_up(trig, args, p.sources, p.targets, p.pairs)
    if not pairs and trig.ceasefire:  # "the ceasefire will hold": the hoper's, or the parties'
        fallback = p.pairs or list(p.truce_parties) or ([p.speaker] if p.speaker else [])
        pairs = [(a, None) for a in fallback[:1]] if len(fallback) < 2 else [(fallback[0], fallback[1])]
        if p.speaker is not None and not p.pairs:
            pairs = [(p.speaker, None)]
    out = []
    frame, speaker = p.frame, p.speaker
    verb = frame.speaker_verb
    for src, tgt in pairs:
        codes = {a.code for a in (src, tgt) if a is not None}
        mod = told_as(trig, frame, speaker, src, codes)
        f = Frame(frame.negated, mod, frame.speaker, verb)
        out.append(Found(trig.tok, trig.category, trig.cameo, trig.ceasefire, src, tgt, p.location, f, speaker))
        if (
            mod == "claimed" and speaker is not None and src is not None and tgt is not None
            and trig.category in ACCUSABLE and tgt.code == speaker.code and src.code != speaker.code
            and verb is not None and verb.i not in accusers and verb.pos_ in ("VERB", "AUX") and not frame.negated
        ):
            out.append(Found(verb, "accuse", PLOVER["accuse"][0], False, speaker, src, None, Frame(), None))
    return out


def _is_hostile_noun(tok: Token, by_token: dict[int, Trigger]) -> bool:
    trig = by_token.get(tok.i)
    return trig is not None and trig.category in HOSTILE and not trig.is_verb


def _condemned_parties(cands, by_token, mentions, lex, dyad, exclude: set[str] = frozenset()) -> list[Actor]:
    """"The fighting was condemned": the accused are those who fight — the event noun's own agents,
    or, for a definite "the fighting" with none named, those of the article's two parties that are
    neither named as its victims ("the attacks on Armenian territory") nor in `exclude` (the
    condemners themselves, the victims named beside the deed)."""
    for t in cands:
        if not _is_hostile_noun(t, by_token):
            continue
        args = noun_args(t, lex)
        agents, _, _ = resolve_first(args.sources, mentions, dyad)
        if not agents:  # "the rocket fire from Gaza"
            agents, _, _ = resolve_first(args.origins, mentions, dyad, places_act=True)
        if agents:
            return agents
        if any(c.lower_ == "the" for c in t.children) and len(dyad) == 2:
            named = set(exclude) | {a.code for a in resolve_first(args.targets, mentions, dyad, places_act=True)[0]}
            return [d for d in dyad if d.code not in named]
    return []


def _dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple] = set()
    out = []
    for f in found:
        key = (f.tok.i, f.category, f.source.code if f.source else None, f.target.code if f.target else None)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
