"""One parsed sentence → events: triggers, their actors, frame, and the non-event filters.

Output is `Found` records holding tokens; `pipeline` turns them into contract `Event`s with
article offsets and ids.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractors import nonevents
from extractors.arguments import noun_args, verb_args
from extractors.demands import must_demands
from extractors.found import Found
from extractors.gazetteer import load_gazetteer
from extractors.lexicon import Lexicon
from extractors.modality import Frame, frame_of
from extractors.model import Actor, PLOVER
from extractors.roles import Mention, phrase_text, resolve, role_sectors
from extractors.selection import SYMMETRIC, by_preference, deep_target, pairs as pair_up, resolve_all, resolve_first
from extractors.triggers import find_triggers, lower_forms

__all__ = ["Found", "events_in"]

HOSTILE = frozenset(c for c, v in PLOVER.items() if "hostility" in v[3])
#: Assertions by a party that it was hit are accusations of the one who hit it.
ACCUSABLE = frozenset({"assault", "coerce", "threaten", "mobilize", "sanction"})
COUNTRY_CODES = frozenset(e.code for e in load_gazetteer().names.values() if e.kind == "country")


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def events_in(sent: Doc, mentions: dict[int, Mention], lex: Lexicon, dyad: tuple[Actor, ...] = (), published_year: int | None = None) -> list[Found]:
    lowers = lower_forms(sent)
    context = nonevents.sentence_context(lowers)
    if "fiction" in context or "only-sport" in context:
        return []
    history = nonevents.history_clauses(sent, lowers, published_year)
    out: list[Found] = []
    triggers = find_triggers(sent, lex, lowers)
    accusers = {t.tok.i for t in triggers if t.category == "accuse"}
    by_token = {t.tok.i: t for t in triggers}
    trigger_tokens = frozenset(by_token)
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
        if any(nonevents.is_non_agent(s) for s in args.sources[:1]) or (trig.word.has("w") and trig.tok.dep_ in ("acl", "amod") and trig.category not in HOSTILE):
            continue  # "the storm struck China", "a man called Darius"
        if nonevents.is_background(trig, lex, trigger_tokens) or nonevents.in_history(args.anchor or trig.tok, history):
            continue
        sources, loc1, _ = resolve_first(args.sources, mentions, dyad)
        pair_actors, _ = resolve_all(args.pairs, mentions, dyad)
        places, loc3 = resolve_all(args.places, mentions, dyad)
        if not sources and args.inherited and not args.suffered:
            sources, _, _ = resolve_first(args.inherited, mentions, dyad)
        if not sources and places and args.sources and args.sources[0].lower_ in role_sectors():
            # "Demonstrators blocked streets in Hong Kong": an unnamed role acts where it is.
            sector = role_sectors()[args.sources[0].lower_]
            sources = [Actor(phrase_text(args.sources[0]), p.code, sector) for p in places[:1]]
        targets, loc2, target_tok = resolve_first(by_preference(trig, args.targets), mentions, dyad, sources, places_act=True)
        # A named state or a role phrase, not a person or thing qualified by a nationality.
        state_target = target_tok is not None and (target_tok.i in mentions or target_tok.pos_ == "PRON" or any(a.sector for a in targets))
        if not targets and trig.category in ("retreat", "sanction") and args.origins:
            targets, _, _ = resolve_first(args.origins, mentions, dyad, sources, places_act=True)  # "withdrawal from X"
        if not targets and len(sources) < 2:
            targets = deep_target(args.targets, mentions, sources)
        if not targets and trig.category == "accuse":
            targets = _condemned_parties(args.targets, by_token, mentions, lex, dyad)
        location = loc3 or loc2 or loc1
        if trig.word.has("m") and args.targets and not targets and nonevents.is_metaphor_target(args.targets[0], False):
            continue
        if not targets and places and not trig.word.has("r") and (len(sources) < 2 or trig.category not in SYMMETRIC):
            targets = [p for p in places if all(p.code != s.code for s in sources)][:1]  # "shelled positions in Lebanon"
        if trig.category == "mobilize" and any(t.lower_.startswith(("peacekeep", "peace-keep")) for t in trig.tok.sent):
            trig.category, trig.cameo = "aid", "074"  # deploying peacekeepers is protection, not a threat
        elif trig.category == "mobilize" and (len(sources) >= 2 or any(c.lower_ == "joint" for c in trig.tok.children)):
            trig.category, trig.cameo = "cooperate", "062"  # joint exercises are military cooperation
        frame = frame_of(args.anchor or trig.tok, lex)
        speaker = _first(resolve(frame.speaker, mentions, dyad)[0]) if frame.speaker is not None else None
        modality = frame.modality
        if (
            speaker is not None and trig.category in HOSTILE and not targets and sources
            and all(s.code != speaker.code for s in sources) and speaker.code in COUNTRY_CODES
            and (modality == "claimed" or trig.ceasefire or any(t.lower_ in nonevents.PHYSICAL for t in args.targets))
        ):
            # "Armenia claimed that towns had been shelled", "… violated the truce, Azerbaijan said":
            # the speaker's own (but not "fired missiles into the sea, Seoul said").
            targets = [speaker]
        if trig.word.has("w") and not sources and not pair_actors and not trig.ceasefire and not args.suffered:
            if not trig.is_verb or not state_target:
                continue  # a weak word ("were allowed", "violence") needs a named agent or a state as patient
        pairs = pair_up(trig, args, sources, targets, pair_actors)
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
    return _dedupe(out + must_demands(sent, lowers, mentions, lex, dyad))


def _condemned_parties(cands, by_token, mentions, lex, dyad) -> list[Actor]:
    """"The fighting was condemned": the accused are those who fight — the event noun's own agents,
    or, for a definite "the fighting" with none named, the article's two parties."""
    for t in cands:
        trig = by_token.get(t.i)
        if trig is None or trig.category not in HOSTILE or trig.is_verb:
            continue
        agents, _, _ = resolve_first(noun_args(t, lex).sources, mentions, dyad)
        if agents:
            return agents
        if any(c.lower_ == "the" for c in t.children) and len(dyad) == 2:
            return list(dyad)
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
