"""Source and target phrases of a trigger, from the dependency parse (not word order).

Verbs: subject → source, object → target; passive: "by" agent → source, subject → target, also
a raised or shared one ("are believed to have been killed by", "were kidnapped and killed by");
missing subjects are inherited through control ("threatened to strike", "accused Azerbaijan of
violating"), coordination and relative clauses, and a missing object from the next verb ("kidnapped
and killed two soldiers"). Nouns: possessor or nationality adjective → source ("Azerbaijani
shelling", "Russia's invasion"), "of/on/against" → target; a light verb lends its subject
("launched an attack"); "came under attack" makes the subject the target, and so do the frames of
`extractors.sufferers` ("resisted the invasion", "was the target of a bombing").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from extractors.lexicon import CEASEFIRE_NOUNS, Lexicon, inflect_noun
from extractors.modality import is_for_clause, speakers_aside
from extractors.senses.arms import HITTING, launches
from extractors.senses.phrase import SPANS, child
from extractors.sufferers import antecedent, is_topic
from extractors.sufferers import sufferer as find_sufferer

#: Verbs whose object, not subject, performs their complement: "urged Iran to stop", "accused X of".
OBJECT_CONTROL = frozenset("urge ask call accuse blame charge condemn criticize criticise press invite persuade force order allow help encourage warn tell".split())
#: Verbs that only ask their object to act: "South Africa was not invited to participate".
ASKING = OBJECT_CONTROL - frozenset("allow help force order".split())
#: Verbs whose object did the deed of their "of"/"for" phrase: "accused Ukraine of violations".
ACCUSING = frozenset("accuse blame charge condemn criticize criticise denounce sanction".split())
#: Verbs that only carry a nominal trigger: "launched an attack", "imposed sanctions".
LIGHT = frozenset(
    "launch carry conduct stage mount hold sign impose make issue reach deliver wage step begin start continue resume "
    "intensify escalate order announce declare extend renew open provide send give offer lodge file level express "
    "conclude seal strike broker agree organize organise tighten enforce maintain expand undertake trade exchange".split()
)
#: Light verbs that make their subjects act on each other: "Armenia and Azerbaijan traded accusations".
MUTUAL = frozenset({"trade", "exchange"})
#: Participles whose "by" names who did the event they describe: "the operation carried out by U.S.
#: forces", "an attack claimed by ISIS", "sanctions imposed by the EU".
DOING = LIGHT | frozenset("perpetrate commit claim lead take hold seize capture kidnap abduct".split())
#: Verbs whose subject holds the hostages that are their object: "took hostages", not "rescued hostages".
CAPTORS = frozenset("take hold seize keep capture kidnap abduct".split())
#: What a "with" phrase lends rather than aims at: "with the Kremlin's support".
BACKING = frozenset("support help backing assistance approval blessing consent aid".split())
#: Verbs whose "in" phrase is what their subject does: "engaged in fighting", "joined in the attack".
ENGAGING = frozenset("engage involve participate join".split())
#: What is called out as "called a strike" (not "called the attack a crime", "called a meeting").
CALLABLE_FORMS = frozenset(f for n in "strike protest demonstration rally walkout boycott shutdown stoppage march".split() for f in inflect_noun(n))
#: What is "called for" as the caller's own: "called for protests", "called for three days of protests".
CALLED_FOR = CALLABLE_FORMS | SPANS
#: Verbs whose subject reacts to, reports or suffers an event rather than doing it.
NO_INHERIT = frozenset(
    "respond react retaliate suffer survive witness face fear escape flee say report claim deny blame condemn "
    "investigate announce confirm welcome praise criticize criticise deplore urge call demand end halt stop prevent "
    "avert cancel postpone lift ease suspend blame deny describe mark commemorate remember recall "
    "address counter combat tackle confront deter thwart foil withstand learn hear read know".split()
)
#: What one party puts to another, so that answering it answers them: "rejected calls by Belarus".
PROPOSALS = frozenset(
    "call offer proposal request demand appeal plea bid invitation initiative overture plan proposition "
    "ultimatum suggestion statement remark claim accusation allegation".split()
)
PROPOSAL_FORMS = frozenset(form for noun in PROPOSALS for form in inflect_noun(noun))
#: Verbs that take no object, so never share the next verb's: "withdrew and attacked Gaza".
INTRANSITIVE = frozenset("withdraw retreat flee leave gather march rally return retaliate riot clash".split())
#: Prepositions that introduce the target of a verb or noun trigger.
TARGET_PREPS = frozenset({"against", "on", "at", "into", "upon", "with", "to", "toward", "towards", "of", "over", "about"})
SOURCE_PREPS = frozenset({"by", "from"})
#: Prepositions of what a weapon hits: "slammed into a school", "rained down on Kharkiv".
HIT_PREPS = TARGET_PREPS - {"with", "of", "about", "to"}
#: Prepositions that say where an event happens ("in Nairobi", "protests across Iran").
PLACE_PREPS = frozenset({"in", "near", "inside", "along", "off", "outside", "across", "throughout"})


@dataclass
class Args:
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    pairs: list[Token] = field(default_factory=list)  # "between X and Y": both directions
    anchor: Token | None = None  # the clause that frames the event (the trigger or its light verb)
    places: list[Token] = field(default_factory=list)  # "in Nairobi"
    origins: list[Token] = field(default_factory=list)  # "from X": where a withdrawal leaves, where fire comes from
    inherited: list[Token] = field(default_factory=list)  # the clause's agent, for a bare event noun
    suffered: bool = False  # "came under attack": the subject is the target, no agent needed
    mutual: bool = False  # "traded accusations": the subjects act on each other


def _preps(tok: Token) -> list[tuple[str, Token]]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative"):
            obj = child(c, "pobj", "pcomp")
            inner = child(c, "prep") if obj is None else None
            if inner is not None and inner.lower_ == "of":  # "outside of the city"
                obj = child(inner, "pobj")
            if obj is not None:
                out.append((c.lower_, obj))
            elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(("to", c))
    return out


def _place(pobj: Token) -> list[Token]:
    """A place and the larger one that locates it: "in Elad, Israel" names Israel too."""
    return [pobj, *(c for c in pobj.children if c.dep_ == "appos" and c.pos_ == "PROPN")]


def subject_of(verb: Token, lex: Lexicon, depth: int = 0) -> Token | None:
    """The (possibly inherited) agent of a verb."""
    if depth > 5:
        return None
    speaker_verb = speakers_aside(verb, lex)
    if speaker_verb is not None:
        return subject_of(speaker_verb, lex, depth + 1)  # "Moscow denied …, accusing Ukraine": Moscow accuses
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # The subject nearest the verb: a dateline ("New York, 20 September:") can parse as another.
    subj = min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None
    if subj is not None:
        if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return antecedent(verb, lex)
        return subj
    agent = child(verb, "agent")
    if agent is None:  # "was threatened and condemned by China": the last verb's agent is both's
        later = next((c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" and child(c, "nsubj", "nsubjpass") is None), None)
        agent = child(later, "agent") if later is not None and child(verb, "nsubjpass", "auxpass") is not None else None
    if agent is not None or child(verb, "nsubjpass", "auxpass") is not None:
        # a passive's agent is its "by" phrase; a subject it inherits suffers it ("the first
        # journalist reported to have been killed", "troops entered the town and were ambushed")
        return child(agent, "pobj") if agent is not None else None
    if verb.dep_ == "conj" and verb.tag_ != "VBN" and verb.head.dep_ == "ROOT" and (patient := child(verb.head, "nsubjpass")) is not None:
        # "Israel was attacked and retaliated": who suffered the first acts in the second (in a
        # main clause: deeper down, the parser often joins a verb to the wrong clause)
        return patient
    return _inherited_subject(verb, lex, depth)


def patient_of(verb: Token, lex: Lexicon) -> Token | None:
    """Who suffers a passive verb: its own subject or, without one, the subject it inherits."""
    own = child(verb, "nsubjpass")
    if own is not None or child(verb, "nsubj", "csubj", "dobj") is not None:
        return own
    if child(verb, "auxpass") is not None:
        return _inherited_subject(verb, lex, 0)
    if verb.dep_ == "conj" and verb.tag_ == "VBN":  # "were kidnapped and killed": the soldiers were killed
        return child(verb.head, "nsubjpass")
    return None


def _inherited_subject(verb: Token, lex: Lexicon, depth: int) -> Token | None:
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return None
    if dep == "pcomp" and head.pos_ == "ADP" and head.lower_ == "by" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head, lex, depth + 1)  # "forced them to fight by jailing relatives": the forcer jails
    if dep == "pcomp" and head.pos_ == "ADP":  # "accused Azerbaijan of violating"
        return _controller(head.head, lex, depth)
    if dep in ("xcomp", "pcomp"):
        return _controller(head, lex, depth)
    if dep in ("conj", "advcl", "acomp") or (dep == "xcomp" and head.pos_ == "ADJ"):
        return subject_of(head, lex, depth + 1)
    if dep == "acl" and verb.tag_ == "VBN" and (agent := child(verb, "agent")) is not None:
        return child(agent, "pobj")  # "the attack condemned by France": France condemns
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN"):
        # "forces loyal to", "troops who attacked": the noun acts; "soldiers killed in": it suffers.
        return None if dep == "acl" and verb.tag_ == "VBN" else head
    return None


def _controller(head: Token, lex: Lexicon, depth: int) -> Token | None:
    if (raised := child(head, "nsubjpass")) is not None and lex.lemma(head.text) not in ASKING | ACCUSING | {"use"}:
        # "Russia is believed to have attacked", "Ukraine was forced to retreat"; but what "is
        # used to threaten" is a means, and who "was invited to take part" may never do it
        return raised
    if lex.lemma(head.text) in OBJECT_CONTROL and head.dep_ == "acl" and head.tag_ == "VBN":
        return head.head  # "Palestinians ordered by Israel to evacuate": the Palestinians evacuate
    if lex.lemma(head.text) in OBJECT_CONTROL:
        # "urged Iran to"; of a passive, only the accused is the doer ("Israel was accused of
        # violating"), not who is invited or asked ("South Africa was not invited to participate").
        obj = child(head, "dobj", "nsubjpass") if lex.lemma(head.text) in ACCUSING else child(head, "dobj")
        if obj is None:  # "called on both sides to"
            obj = next((o for p, o in _preps(head) if p == "on"), None)
        if obj is not None:
            return obj
    if head.pos_ in ("NOUN", "PROPN"):  # "calls for X to", "plans to"
        owner = child(head, "poss")
        return owner if owner is not None else subject_of(head.head, lex, depth + 1) if head.dep_ in ("dobj", "nsubj") else None
    return subject_of(head, lex, depth + 1)


def _sharing_verb(verb: Token, lex: Lexicon) -> Token | None:
    """The next verb, whose object (and place) this one shares: "Hamas kidnapped and killed two
    soldiers", "bombed and destroyed a mosque in Gaza". Only for a verb with no phrase of its own,
    before a verb of its form with no subject of its own; not for a verb that takes no object
    ("Israel withdrew and attacked Gaza")."""
    if lex.lemma(verb.text) in INTRANSITIVE or any(c.dep_ in ("prep", "dative", "xcomp", "ccomp", "prt") for c in verb.children):
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    past = ("VBD", "VBN")  # the parser tells these apart poorly: "invaded and partially occupied"
    if nxt is None or (nxt.tag_ != verb.tag_ and not {nxt.tag_, verb.tag_} <= set(past)) or child(nxt, "nsubj", "nsubjpass") is not None:
        return None  # not "the ceasefire will hold and (the UN) underlined its support"
    return nxt if child(nxt, "dobj") is not None else None


def _object_preps(obj: Token, lex: Lexicon) -> list[Token]:
    """"threatened action against Russia", "gave aid to Liberia": the object's own complement;
    "rejected calls by Belarus", "accepted an offer from China": who made the proposal answered."""
    wanted = ("against", "on", "to", "with", "for", "at", "into", "about", "over")
    makers = []
    if obj.lower_ in PROPOSAL_FORMS:
        wanted += ("by", "from")
        for made in (c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN"):  # "the plan proposed by China"
            makers.extend(pobj for prep, pobj in _preps(made) if prep == "by")
    return [pobj for prep, pobj in _preps(obj) if prep in wanted] + makers


def verb_args(verb: Token, lex: Lexicon) -> Args:
    """Candidates in order of preference; the caller keeps the first that names an actor."""
    args = Args(anchor=verb)
    passive = patient_of(verb, lex)
    subj = subject_of(verb, lex)
    if subj is not None:
        args.sources.append(subj)
    if passive is not None:
        args.targets.append(passive)
    obj = child(verb, "dobj")
    sharing = _sharing_verb(verb, lex) if obj is None and passive is None else None
    if sharing is not None:
        obj = child(sharing, "dobj")
        args.places.extend(p for prep, pobj in _preps(sharing) if prep in PLACE_PREPS for p in _place(pobj))
    if obj is not None and passive is None:
        args.targets.append(obj)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        args.targets.insert(0, verb.head)  # "ten soldiers killed in Ukraine"
    for prep, pobj in _preps(verb):
        if prep == "between":
            args.pairs.append(pobj)
        elif prep in PLACE_PREPS:
            args.places.extend(_place(pobj))
        elif prep == "with" and pobj.lower_ in BACKING:
            continue  # "besieged Ghouta with the Kremlin's support": the backer is no target
        elif prep in TARGET_PREPS or prep in ("for", "from"):
            args.targets.append(pobj)
            if prep == "from":
                args.origins.append(pobj)
    for t in list(args.targets):  # "complained to the UN about the raids": the complement's own complement
        args.targets.extend(p for p in _object_preps(t, lex) if p not in args.targets)
    for o in [obj] + [p for p in args.targets if p is not obj]:
        if o is not None:  # "called for a ceasefire in Syria", "deployed ships off Taiwan"
            args.places.extend(pobj for prep, pobj in _preps(o) if prep in PLACE_PREPS)
    if obj is not None and not args.pairs and obj.lower_ in CEASEFIRE_NOUNS:  # "brokered a ceasefire between Armenia and Azerbaijan"
        args.pairs.extend(pobj for prep, pobj in _preps(obj) if prep == "between")
    for c in verb.children:
        for_clause = is_for_clause(c) and (lex.lemma(verb.text), "for") in lex.phrases  # "called for", not "fought for"
        if c.dep_ == "ccomp" or for_clause:  # "demanded that the US cancel", "called for Egypt to improve": the one asked, accused, warned
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and subj.lower_ not in ("it", "they", "he", "she", "we", "i"):
                args.targets.append(subj)
        elif c.dep_ == "xcomp":  # "threatened to break off relations with Congo"
            inner = verb_args(c, lex)
            args.targets.extend(inner.targets)
            args.places.extend(inner.places)
    return args


def _engaging_verb(noun: Token, lex: Lexicon) -> Token | None:
    """The verb of "engaged in fighting", "took part in the attack": it lends the event its agent."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = prep.head
    lem = lex.lemma(verb.text)
    if lem in ENGAGING or (lem == "take" and any(c.lower_ == "part" for c in verb.children)):
        return verb
    return None


def _hit_by(weapon: Token) -> Token | None:
    """The verb of what a weapon hit: "a missile hit the block", "homes damaged by Russian rockets"."""
    head = weapon.head
    if weapon.dep_ == "nsubj" and head.lower_ in HITTING:
        return head
    if weapon.dep_ == "pobj" and head.lower_ == "by" and head.head.tag_ == "VBN" and head.head.lower_ in HITTING:
        return head.head
    return None


def _accused(noun: Token, lex: Lexicon) -> Token | None:
    """The object of "accused X of <noun>", "blamed X for <noun>": who did the deed."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for"):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or lex.lemma(verb.text) not in ACCUSING:
        return None
    return child(verb, "dobj")


def _claimer(noun: Token, lex: Lexicon) -> Token | None:
    """Who claimed the event as theirs: "claimed responsibility for the attack", "claimed the bombing"."""
    verb = None
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lower_ in ("responsibility", "credit"):
        verb = noun.head.head.head if noun.head.head.dep_ == "dobj" else None
    elif noun.dep_ == "dobj":
        verb = noun.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or lex.lemma(verb.text) not in ("claim", "accept", "admit"):
        return None
    return subject_of(verb, lex)


def noun_args(noun: Token, lex: Lexicon, victims: bool = False, weapon: bool = False) -> Args:
    """victims: the noun names those who suffer the act ("hostage"), so a nationality before it
    is theirs ("two Japanese hostages"), while a possessor still holds them ("Hamas's hostages").
    weapon: the noun is a weapon fired (`extractors.senses.arms`): what launched it acts, what it hit suffers."""
    args = Args(anchor=noun)
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
            (args.targets if victims and c.dep_ != "poss" else args.sources).append(c)
    for prep, pobj in _preps(noun):
        if prep == "between":
            args.pairs.append(pobj)
        elif prep in SOURCE_PREPS:
            args.sources.append(pobj)
            if prep == "from":
                args.origins.append(pobj)
        elif prep in PLACE_PREPS:
            args.places.extend(_place(pobj))
        elif prep in TARGET_PREPS or prep == "for":
            args.targets.append(pobj)
    for acl in (c for c in noun.children if c.dep_ in ("acl", "conj") and c.tag_ == "VBN"):
        for participle in [acl, *(c for c in acl.children if c.dep_ == "conj")]:
            lem = lex.lemma(participle.text)
            for prep, pobj in _preps(participle):
                if (prep == "by" and lem in DOING) or (prep == "on" and lem in ("blame", "pin")):
                    args.sources.append(pobj)  # "carried out by U.S. forces", "blamed on the United States"
    head = noun.head
    lem = lex.lemma(head.text)
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    sufferer = find_sufferer(noun, lex, lambda verb: subject_of(verb, lex))
    if sufferer is not None and sufferer.pos_ != "PRON":  # "as it defends itself": whoever "it" is
        args.targets.insert(0, sufferer)
        # "was the target of an attack" tells the attack as "came under attack" does; but "faced
        # threats", "protect against attacks" may tell only of a danger, so they need an agent
        args.suffered = noun.head.lower_ == "of"
    verb = _engaging_verb(noun, lex)
    if verb is not None:  # "Serb forces were engaged in ethnic cleansing", "engaged the peacekeepers in a firefight"
        obj = child(verb, "dobj")
        if obj is not None:
            args.targets.append(obj)
    elif noun.dep_ == "dobj" and (lem in LIGHT or (lem == "call" and noun.lower_ in CALLABLE_FORMS)) and head.pos_ in ("VERB", "AUX"):
        verb = head  # "launched an attack"; "unions called a general strike" call it out
        args.mutual = lem in MUTUAL
    elif weapon and noun.dep_ in ("dobj", "nsubjpass") and launches(head, noun):
        verb = head  # "lobbed mortar rounds at the base", "drones were launched at Kyiv"
        if noun.dep_ == "nsubjpass":
            args.sources.extend(pobj for prep, pobj in _preps(head) if prep == "by")
    elif weapon and (hit := _hit_by(noun)) is not None:
        args.anchor = hit  # "a missile hit an apartment block", "homes damaged by Russian rockets"
        struck = child(hit, "dobj", "nsubjpass") or (hit.head if hit.dep_ == "acl" else None)
        if struck is not None and struck.i != noun.i:
            args.targets.append(struck)
        for prep, pobj in _preps(hit):
            if prep in HIT_PREPS:
                args.targets.append(pobj)  # "slammed into a school", "rained down on Kharkiv"
            elif prep in PLACE_PREPS:
                args.places.extend(_place(pobj))
    if verb is not None:
        args.anchor = verb
        subj = subject_of(verb, lex) or child(verb, "nsubjpass")  # "were engaged in"
        if subj is not None:
            args.sources.append(subj)
        for prep, pobj in _preps(verb):
            if prep == "between":
                args.pairs.append(pobj)
            elif prep in TARGET_PREPS or prep == "for":
                args.targets.append(pobj)
            elif prep in PLACE_PREPS:
                args.places.extend(_place(pobj))
    elif first.dep_ == "pobj" and first.head.lower_ in ("under", "to") and lex.lemma(first.head.head.text) in ("come", "be", "fall", "subject", "put", "place", "remain"):
        # "came under attack", "were subjected to shelling", "came under mortar and rocket fire":
        # the subject suffered it.
        verb = first.head.head
        args.anchor = verb
        args.suffered = True
        subj = child(verb, "nsubj", "nsubjpass")
        if subj is not None:
            args.targets = [subj]
        for prep, pobj in _preps(verb):
            if prep in SOURCE_PREPS:
                args.sources.append(pobj)
    elif noun.dep_ in ("nsubj", "nsubjpass"):
        for prep, pobj in _preps(head):  # "clashes erupted between X and Y", "fighting broke out in"
            if prep == "between":
                args.pairs.append(pobj)
            elif prep in PLACE_PREPS:
                args.places.extend(_place(pobj))
    accused = _accused(noun, lex) or _claimer(noun, lex)
    if accused is not None:
        # "accused Ukraine of ceasefire violations": the accused did it; so did who claimed it
        args.inherited.append(accused)
    elif noun.lower_ in CALLED_FOR and noun.dep_ == "pobj" and noun.head.lower_ == "for" and lex.lemma(noun.head.head.text) == "call":
        caller = subject_of(noun.head.head, lex)  # "the opposition called for protests": theirs, called for
        if caller is not None:
            args.inherited.append(caller)
    elif sufferer is None and not is_topic(noun, lex) and noun.dep_ in ("pobj", "dobj", "conj") and (not victims or (noun.dep_ == "dobj" and lex.lemma(noun.head.text) in CAPTORS)):
        # "negotiators returned to Geneva for talks", "launched ten days of war games": the agent
        # of the clause the event noun sits in. Only the caller knows if the category allows it.
        # Victims have their captor there only as the object of a captor's verb: "took hostages",
        # not "met the hostages' families" or "rescued four hostages".
        node = noun
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subj = subject_of(node, lex)
                if subj is not None and lex.lemma(node.text) not in NO_INHERIT and not lex.lookup(node.text):
                    args.inherited.append(subj)
                break
    return args

