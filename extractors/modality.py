"""Negation, modality and attribution of a trigger, read off the clauses that govern it.

Walking up from the trigger through complement clauses: "Armenia *claimed* that towns had been
shelled" → claimed, said by Armenia; "*threatened* to strike" → threatened; "*hopes* the
ceasefire will hold" → hoped; "*urged* both sides to settle" → called_for; "*plans* to" →
planned; "*refused* to withdraw" and "did *not* attack" → negated; "*denied* shelling" → denied;
"*should* be condemned" → called_for; "the *risk* of war", "*any* attack *would* …", "is
*weighing* new sanctions", what "*if* Washington joins" holds → possible; "does *not allow* U.S.
forces to cross" → negated.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extractors.irrealis import FUTURE_AUX, POSSIBLE_AUX, PROSPECT, aux_modality, is_asked, is_pending, is_possibility_of, is_unrealised_subject
from extractors.lexicon import Lexicon, is_topic_prep
from extractors.nonevents.accidents import NON_AGENTS
from extractors.telling import PERFORMED, WISH, is_conditional, is_if_clause, is_own_future

CLAIM = frozenset("claim allege accuse charge blame insist contend allegation claim accusation".split())
SAY = frozenset("say report announce state tell add confirm note declare statement according reiterate".split())
THREATEN = frozenset("threaten warn vow threat warning".split())
HOPE = frozenset("hope wish expect trust".split())
CALL = frozenset("urge call ask demand appeal press request propose encourage invite plead".split())
PLAN = frozenset("plan intend prepare aim decide schedule seek try want".split())
#: Verbs of weighing an act not yet chosen: "is weighing new sanctions", "considering a ground offensive".
CONSIDER = frozenset("consider weigh mull contemplate".split())
DENY = frozenset({"deny", "denial"})
#: Participles of speaking that belong to the speaker wherever the parser hangs them ("denied that
#: its forces shelled the plant, accusing Kyiv of …").
SPEAKING = frozenset("accuse blame dismiss reject call say insist describe charge claim".split())
#: How a clause hangs on a denial without being what is denied ("denied it, calling it absurd").
ASIDE = frozenset({"advcl", "conj", "parataxis", "npadvmod"})
#: Nouns that, with "no", deny what they are of: "no intention of retaliating", "no evidence of an attack".
UNFOUND = frozenset("intention intentions intent plan plans record evidence sign signs indication indications proof desire".split())
#: Governors whose complement did not happen: "refused to withdraw", "failed to agree".
NEGATING = frozenset("refuse fail decline reject avoid stop halt end cease".split())
#: Verbs whose negation undoes their complement: "will not allow Russia to annex", "did not let them cross".
PERMITTING = frozenset("allow permit let".split())
#: Dependencies through which a governing clause frames its dependent.
FRAMED_BY_HEAD = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl", "conj", "acl", "dobj", "parataxis", "csubj"})


@dataclass(frozen=True, slots=True)
class Frame:
    negated: bool = False
    modality: str = "asserted"
    speaker: Token | None = None  # the subject of the saying/claiming clause, if any
    speaker_verb: Token | None = None
    reported: bool = False  # told in what the speaker said ("X said Y attacked"), not only named by it
    promised: bool = False  # the speaker's own act to come ("Iran said it would retaliate")
    conditional: bool = False  # what follows from a condition ("we will impose costs if Russia invades")


def is_negated(tok: Token) -> bool:
    """A `neg` on the word itself, or "no"/"never"/"without"/"free of" before a nominal trigger."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    free = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if free is not None and free.lower_ == "free":  # "a state largely free of drug violence"
        return not any(c.dep_ == "neg" for c in [*free.children, *free.head.children])  # not "will never be free of"
    return tok.head.lower_ == "without" and tok.dep_ == "pobj"


def _shares_negation(verb: Token, head: Token) -> bool:
    """"did not attack or threaten Israel", "will not invade and occupy": a second verb in the base
    form with no subject or auxiliary of its own is under the first one's "not" (but "did not
    attack, and withdrew" and "did not vote or opposed it" are not)."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "neg" for c in head.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children):
        return False
    return verb.tag_ == "VB"  # not "did not participate or opposed the constitution"


def _subject(verb: Token) -> Token | None:
    """Who says: the subject, or of a passive its "by" phrase; "Armenia is reported to have been
    attacked" has no speaker, Armenia is what is told of."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def is_for_clause(node: Token) -> bool:
    """ "calling for her to be executed": the parser hangs a for-to clause on its verb as an advcl
    with "for" as its mark (used by triggers, arguments and the frame)."""
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)


#: Auxiliaries that make a warning's content something to come: "warned that it would attack".
_COMING = POSSIBLE_AUX | FUTURE_AUX | {"must"}
#: What one warns "of" when alerting: "warned citizens of the risk of wrongful detention", and
#: hazards (`nonevents.NON_AGENTS`: "warned of heavy rain").
_RISKS = frozenset("risk risks danger dangers".split())
#: What a forecast is about: "warned that prices could rise", "that dengue cases could reach a record".
_TRENDS = frozenset(
    "cases prices price inflation temperatures temperature growth unemployment demand supplies output economy debt deficit levels rates".split()
)
_FORECAST = _TRENDS | NON_AGENTS
_HAZARDS = _RISKS | NON_AGENTS


def is_alert(verb: Token) -> bool:
    """A warning that tells a fact or a risk, not what the warner will do: "the WHO warned that 90
    countries are off track", "warned the world that Russia was mobilizing", "warned citizens of
    the risk of detention". What is to come stays a threat ("warned that it would attack", "warned
    that police will no longer tolerate rallies"), as does a warning to act ("warned the US to
    tread carefully") or of anything else ("warned of massive consequences"). A forecast or a
    hazard is an alert whatever its tense ("warned that dengue cases could reach a record",
    "warned of heavy rain")."""
    kids = list(verb.children)
    if any(c.dep_ == "xcomp" for c in kids):
        return False
    said = [c for c in kids if c.dep_ == "ccomp"]
    if said:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FORECAST for s in said for c in s.children):
            return True  # "warned that dengue cases could reach a record": a forecast
        return not any(a.dep_ == "aux" and a.lower_ in _COMING for s in said for a in s.children)
    of = [p for c in kids if c.dep_ == "prep" and c.lower_ in ("of", "about") for p in c.children if p.dep_ == "pobj"]
    return bool(of) and all(p.lower_ in _HAZARDS for p in of)  # "warned of heavy rain"


def speakers_aside(verb: Token, lex: Lexicon) -> Token | None:
    """The speech verb a participle of speaking belongs to, though the parser hangs it inside what
    was said: "Moscow denied that its forces had shelled the plant, accusing Ukraine of …" (the
    accusation is Moscow's, made, not denied); None for any other clause."""
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and lex.lemma(verb.text) in SPEAKING and head.dep_ == "ccomp":
        return head.head
    return None


def frame_of(anchor: Token, lex: Lexicon) -> Frame:
    """Negation, modality and speaker for the clause headed by `anchor` (a trigger or light verb)."""
    negated = is_negated(anchor)
    modality = aux_modality(anchor)
    if is_unrealised_subject(anchor) or (anchor.pos_ == "NOUN" and is_pending(anchor)):
        modality = "possible"  # "any attack would be met with force", "Russia's looming aggression"
    elif anchor.dep_ == "nsubj" and any(c.dep_ == "acomp" and PROSPECT.get(c.lower_) == "possible" for c in anchor.head.children):
        modality = "possible"  # "an Israeli ground offensive is increasingly likely"
    speaker = speaker_verb = None
    reported = promised = False
    conditional = is_conditional(anchor)
    node = anchor
    topic = False
    for _ in range(6):
        head = node.head
        if head.i == node.i or node.dep_ not in FRAMED_BY_HEAD:
            break
        aside = speakers_aside(node, lex)
        if aside is not None:
            node = aside  # "denied …, accusing Ukraine": framed as the speaker's own clause
            continue
        lem = lex.lemma(head.text)
        if lem in WISH and node.dep_ == "xcomp" and lex.lemma(node.text) in PERFORMED:
            break  # "I would like to reiterate our condemnation", "I want to say that we condemn": said now
        conditional = conditional or (node.dep_ == "xcomp" and is_conditional(head))  # "to work to impose costs if …"
        conditional = conditional or (node.dep_ in ("dobj", "pobj", "prep") and is_if_clause(head))  # "if Washington joins any attack"
        if head.lower_ in UNFOUND and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            negated = True  # "had no intention of retaliating", "no record of a strike in the area"
        if node.dep_ == "conj":
            if node.i == anchor.i:  # the event's own verb, not one its object hangs from
                negated = negated or _shares_negation(node, head)
                if modality is None and node.pos_ == "VERB" and not any(c.dep_ in ("aux", "nsubj") for c in node.children):
                    modality = aux_modality(head)  # "will invade and occupy": both are to come
            node = head
            continue
        if node.dep_ == "prep" and is_topic_prep(node, lex):
            topic = True  # "declined to comment on the strike": what is not talked about still happened
        if lem in NEGATING and node.dep_ in ("xcomp", "pcomp", "dobj") and not topic:
            negated = True
        if lem in PERMITTING and node.dep_ in ("xcomp", "ccomp") and is_negated(head):
            negated = True  # "does not allow U.S. forces to cross the border": they do not
        if lem in DENY and not topic and node.dep_ not in ASIDE:
            # "denied talking about the attack" does not deny the attack, nor does "denied …,
            # accusing Ukraine of staging attacks" deny the accusation it goes on to make
            negated, modality = True, "denied"
        elif lem in CLAIM and modality in (None, "planned", "possible"):
            modality = "claimed"
        elif lem in THREATEN and node.dep_ != "dobj":
            if modality not in ("hoped", "called_for"):
                # "warned that Russia was mobilizing" tells a fact: claimed, not threatened
                modality = "claimed" if lem == "warn" and is_alert(head) else "threatened"
        elif lem in HOPE:
            modality = "hoped"
        elif lem in CALL and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            modality = "possible"  # "asked whether Iran would retaliate" asks, it calls for nothing
        elif lem in CALL and (node.dep_ in ("xcomp", "pobj", "prep", "pcomp", "ccomp") or is_for_clause(node)):
            modality = modality if modality == "hoped" else "called_for"
        elif lem in PLAN and node.dep_ in ("xcomp", "ccomp", "pcomp"):
            modality = modality or "planned"
        elif lem in CONSIDER and node.i == anchor.i and node.dep_ in ("dobj", "xcomp", "ccomp", "pcomp"):
            modality = modality or "possible"  # the act weighed itself, not "considered the intrusion an act of provocation"
        elif node.dep_ in ("prep", "acl") and is_possibility_of(anchor, node, lem):
            modality = modality or "possible"
        elif lem == "ought":  # "NATO ought to deploy more troops": the parser makes it the verb
            modality = modality or "called_for"
        elif node.dep_ == "xcomp" and head.lower_ in PROSPECT:
            modality = modality or PROSPECT[head.lower_]  # "is likely to strike", "is going to impose"
        elif node.dep_ == "xcomp" and modality is None:
            # "Ukraine must be allowed to strike", "Russia could begin to shell"; but "will continue
            # to shell" goes on now
            introduced = aux_modality(head)
            modality = None if introduced == "planned" else introduced
        if (lem in SAY or lem in CLAIM or lem in DENY or lem in HOPE or lem in CALL or lem in THREATEN) and speaker is None:
            if lem == "according":  # "according to X"
                speaker = next((c for c in node.subtree if c.dep_ == "pobj"), None)
            else:
                speaker = _subject(head)
                if speaker is None and head.dep_ in ("dobj", "pobj"):  # "expressed hope that"
                    speaker = _subject(head.head)
            speaker_verb = head
            reported = lem == "according" or node.dep_ in ("ccomp", "parataxis")
            promised = lem in SAY and node.dep_ == "ccomp" and node.i == anchor.i and is_own_future(node)
        node = head
    # "…, according to Armenia's defence ministry" hangs off the trigger itself.
    for child in anchor.children:
        if child.lower_ == "according" and speaker is None:
            speaker = next((c for c in child.subtree if c.dep_ == "pobj" and c.lower_ != "to"), None)
            speaker_verb = child
            reported = True
    if modality in (None, "planned") and not negated and is_asked(anchor):
        modality = "possible"  # "Will Russia attack NATO?", "Did Russia attack the port?": asked, not told
    return Frame(negated, modality or "asserted", speaker, speaker_verb, reported, promised, conditional)
