"""One parsed sentence → events: triggers, their actors, frame, and the non-event filters.

Output is `Found` records holding tokens; `pipeline` turns them into contract `Event`s with
article offsets and ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors import nonevents
from extractors.arguments import Args, noun_args, verb_args
from extractors.lexicon import Lexicon
from extractors.modality import Frame, frame_of
from extractors.model import Actor, PLOVER
from extractors.roles import Mention, phrase_text, resolve, role_sectors
from extractors.gazetteer import load_gazetteer
from extractors.triggers import Trigger, find_triggers

DOMESTIC = frozenset({"REB", "OPP"})
HOSTILE = frozenset(c for c, v in PLOVER.items() if "hostility" in v[3])
#: Verbs that report a position: "X said/declared/concluded that Y must …" is X demanding of Y.
SAYING = frozenset("say declare state insist reiterate conclude stress tell warn add".split())
#: Categories where a coordinated subject acts with each other: "Japan and Australia signed".
SYMMETRIC = frozenset({"agree", "consult", "cooperate"})
#: Assertions by a party that it was hit are accusations of the one who hit it.
ACCUSABLE = frozenset({"assault", "coerce", "threaten", "mobilize", "sanction"})


COUNTRY_CODES = frozenset(e.code for e in load_gazetteer().names.values() if e.kind == "country")


@dataclass
class Found:
    tok: Token  # trigger
    category: str
    cameo: str
    ceasefire: bool
    source: Actor | None
    target: Actor | None
    location: str | None
    frame: Frame
    attributed_to: Actor | None


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _resolve_all(toks: list[Token], mentions: dict[int, Mention], dyad: tuple[Actor, ...]) -> tuple[list[Actor], str | None]:
    actors: list[Actor] = []
    location = None
    for t in toks:
        found, loc = resolve(t, mentions, dyad)
        location = location or loc
        actors.extend(a for a in found if all(a.code != b.code or a.sector != b.sector for b in actors))
    return actors, location


def _resolve_first(
    toks: list[Token], mentions: dict[int, Mention], dyad: tuple[Actor, ...], exclude: list[Actor] = (), places_act: bool = False
) -> tuple[list[Actor], str | None, Token | None]:
    """Actors of the first candidate phrase that names any, its place, and that phrase.

    exclude: the sources; a target naming only them ("withdraw its troops") is passed over.
    """
    location = None
    own = {a.code for a in exclude}
    for t in toks:
        found, loc = resolve(t, mentions, dyad, places_act)
        location = location or loc
        # A target that is only the source's own country ("withdrew its troops") is passed over,
        # unless one side is an insurgent or opposition group: civil conflict.
        if found and not all(a.code in own and a.sector not in DOMESTIC and all(b.sector not in DOMESTIC for b in exclude) for a in found):
            return found, location, t
    return [], location, None


def _pairs(trig: Trigger, args: Args, sources: list[Actor], targets: list[Actor], pair_actors: list[Actor]) -> list[tuple[Actor | None, Actor | None]]:
    if len(pair_actors) >= 2 and not targets:
        if sources:  # "X mediated between A and B": X towards each
            return [(s, b) for s in sources for b in pair_actors if s.code != b.code]
        return [(a, b) for a in pair_actors for b in pair_actors if a.code != b.code]
    if len(sources) >= 2 and not targets and (trig.word.has("r") or trig.category in SYMMETRIC or trig.ceasefire):
        return [(a, b) for a in sources for b in sources if a.code != b.code]
    out = []
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and t is not None and s.code == t.code and s.sector == t.sector:
                continue
            if s is not None or t is not None:
                out.append((s, t))
    return out


def events_in(sent: Doc, mentions: dict[int, Mention], lex: Lexicon, dyad: tuple[Actor, ...] = (), published_year: int | None = None) -> list[Found]:
    context = nonevents.sentence_context(sent)
    if "fiction" in context:
        return []
    history = nonevents.history_clauses(sent, published_year)
    out: list[Found] = []
    triggers = find_triggers(sent, lex)
    accusers = {t.tok.i for t in triggers if t.category == "accuse"}
    by_token = {t.tok.i: t for t in triggers}
    skipped: set[int] = set()
    for trig in sorted(triggers, key=lambda t: t.is_verb):  # nouns first: they may replace a light verb
        if "sport" in context and trig.word.has("s") or trig.tok.i in skipped:
            continue
        args = verb_args(trig.tok, lex) if trig.is_verb else noun_args(trig.arg_tok, lex)
        if args.anchor is not None and args.anchor.i != trig.tok.i and args.anchor.i in by_token:
            # "signed an agreement", "violated the truce": one event, not two. The verb carries
            # it unless it is a weak verb and the noun a strong one ("imposed sanctions").
            verb = by_token[args.anchor.i]
            if not (verb.word.has("w") and not trig.word.has("w")):
                verb.ceasefire = verb.ceasefire or trig.ceasefire
                continue
            trig.ceasefire = trig.ceasefire or verb.ceasefire
            skipped.add(verb.tok.i)
        if trig.category in ("assault", "coerce") and any(nonevents.is_private(s) for s in args.sources):
            continue
        if _background(trig, lex) or nonevents.in_history(args.anchor or trig.tok, history):
            continue
        sources, loc1, _ = _resolve_first(args.sources, mentions, dyad)
        pair_actors, _ = _resolve_all(args.pairs, mentions, dyad)
        places, loc3 = _resolve_all(args.places, mentions, dyad)
        if not sources and args.inherited and not args.suffered:
            sources, _, _ = _resolve_first(args.inherited, mentions, dyad)
        if not sources and places and args.sources and args.sources[0].lower_ in role_sectors():
            # "Demonstrators blocked streets in Hong Kong": an unnamed role acts where it is.
            sector = role_sectors()[args.sources[0].lower_]
            sources = [Actor(phrase_text(args.sources[0]), p.code, sector) for p in places[:1]]
        targets, loc2, _ = _resolve_first(_by_preference(trig, args.targets), mentions, dyad, sources, places_act=True)
        if not targets and trig.category in ("retreat", "sanction") and args.origins:
            targets, _, _ = _resolve_first(args.origins, mentions, dyad, sources, places_act=True)  # "withdrawal from X"
        if not targets and len(sources) < 2:
            targets = _deep_target(args.targets, mentions, sources)
        location = loc3 or loc2 or loc1
        if trig.word.has("m") and args.targets and not targets and nonevents.is_metaphor_target(args.targets[0], False):
            continue
        if not targets and places and not trig.word.has("r") and len(sources) < 2:
            targets = [p for p in places if all(p.code != s.code for s in sources)][:1]  # "shelled positions in Lebanon"
        if trig.category == "mobilize" and any(t.lower_.startswith(("peacekeep", "peace-keep")) for t in trig.tok.sent):
            trig.category, trig.cameo = "aid", "074"  # deploying peacekeepers is protection, not a threat
        frame = frame_of(args.anchor or trig.tok, lex)
        speaker = _first(resolve(frame.speaker, mentions, dyad)[0]) if frame.speaker is not None else None
        modality = frame.modality
        if speaker is not None and trig.category in HOSTILE and not targets and modality in ("claimed", "asserted") and sources and all(s.code != speaker.code for s in sources) and speaker.code in COUNTRY_CODES:
            # "Armenia claimed that towns had been shelled", "…, Azerbaijan said": the speaker's own.
            targets = [speaker]
        if trig.word.has("w") and not trig.is_verb and not sources and not pair_actors and not trig.ceasefire and not args.suffered:
            continue  # a weak word ("violence", "provocation") is an event only with a named agent
        pairs = _pairs(trig, args, sources, targets, pair_actors)
        if not pairs and trig.ceasefire:
            fallback = pair_actors or list(dyad) or ([speaker] if speaker else [])
            pairs = [(a, None) for a in fallback[:1]] if len(fallback) < 2 else [(fallback[0], fallback[1])]
            if speaker is not None and not pair_actors:
                pairs = [(speaker, None)]
        for src, tgt in pairs:
            codes = {a.code for a in (src, tgt) if a is not None}
            mod = modality
            if mod == "asserted" and speaker is not None and speaker.code in codes and trig.tok.i != (frame.speaker_verb.i if frame.speaker_verb is not None else -1):
                mod = "claimed"
            f = Frame(frame.negated, mod, frame.speaker, frame.speaker_verb)
            out.append(Found(trig.tok, trig.category, trig.cameo, trig.ceasefire, src, tgt, location, f, speaker))
            verb = frame.speaker_verb
            if (
                mod == "claimed" and speaker is not None and src is not None and tgt is not None
                and trig.category in ACCUSABLE and tgt.code == speaker.code and src.code != speaker.code
                and verb is not None and verb.i not in accusers and verb.pos_ in ("VERB", "AUX") and not frame.negated
            ):
                out.append(Found(verb, "accuse", PLOVER["accuse"][0], False, speaker, src, None, Frame(), None))
    return _dedupe(out + must_demands(sent, mentions, lex, dyad))


#: Verbs whose object did not (or no longer) happen: "lifted the blockade", "prevent further fighting".
UNDO = frozenset("lift ease end postpone cancel suspend halt stop drop remove relax revoke avert prevent avoid".split())
#: Prepositions that put a nominal event in the background of the sentence's own event.
BACKGROUND = frozenset({"after", "following", "since", "before", "during", "despite", "over"})


def _background(trig: Trigger, lex: Lexicon) -> bool:
    """Hypothetical ("if it is attacked"), undone ("lifted the blockade") or background events."""
    tok = trig.tok
    if not trig.is_verb:
        if tok.dep_ == "dobj" and lex.lemma(tok.head.text) in UNDO:
            return True
        node = tok
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND:
                return True
            if node.dep_ not in ("pobj", "prep", "conj", "compound") or node.head.i == node.i:
                break
            node = node.head
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return False


#: Categories whose target is what they are about ("complained over the raids"), not whom they address.
ABOUT_FIRST = frozenset({"accuse", "protest", "reject", "threaten"})


def _by_preference(trig: Trigger, cands: list[Token]) -> list[Token]:
    if trig.category not in ABOUT_FIRST:
        return cands
    return sorted(cands, key=lambda t: 0 if t.dep_ != "pobj" or t.head.lower_ in ("against", "over", "about", "of", "on") else 1)


def _deep_target(cands: list[Token], mentions: dict[int, Mention], sources: list[Actor]) -> list[Actor]:
    """"aid to refugees fleeing the war in Liberia", "a camp for Congolese refugees": the patient
    phrase names a country somewhere inside; the first one that is not the source's own."""
    own = {a.code for a in sources}
    for t in cands:
        for u in t.subtree:
            m = mentions.get(u.i)
            if m is not None and m.entry.kind in ("country", "demonym", "region", "capital", "city") and m.entry.code not in own:
                return [Actor(phrase_text(t), m.entry.code, None)]
    return []


def must_demands(sent: Doc, mentions: dict[int, Mention], lex: Lexicon, dyad: tuple[Actor, ...]) -> list[Found]:
    """"Russia said that Sudan must return the helicopter": a demand by the speaker of the one who must."""
    out = []
    for verb in sent:
        if verb.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
            continue
        say = verb.head
        if lex.lemma(say.text) not in SAYING:
            continue
        speaker = next((c for c in say.children if c.dep_ == "nsubj"), None)
        addressee = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        src, _ = resolve(speaker, mentions, dyad)
        for tgt in resolve(addressee, mentions, dyad)[0]:
            if src and src[0].code != tgt.code:
                out.append(Found(say, "request", "1041", False, src[0], tgt, None, frame_of(say, lex), None))
    return out


def _dedupe(found: list[Found]) -> list[Found]:
    seen: set[tuple] = set()
    out = []
    for f in found:
        key = (f.tok.i, f.category, f.source.code if f.source else None, f.target.code if f.target else None)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
