"""Event words used figuratively: an impression ("strikes us as serious"), a plan killed ("the
Senate killed the bill"), a reaction ("would be met with force"), blame ("came under fire for its
policy"). The frame of the word says so, not the sentence's topic.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> words = ["They", "strike", "us", "as", "serious"]
>>> doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "dobj", "prep", "pobj"],
...           tags=["PRP", "VBP", "PRP", "IN", "JJ"])
>>> is_impression(doc[1])
True
>>> doc = Doc(nlp.vocab, words=["They", "killed", "the", "bill"], heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "det", "dobj"])
>>> kills_a_plan(doc[1], "kill")
True
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.roles import counted_noun
from extractors.senses.phrase import patient_of

#: Verbs that strike an impression with an "as" phrase: "strike us as serious", "hit me as odd".
IMPRESSING = frozenset({"strike", "hit"})
#: Particles that make an attack verb mean something else: prices "shot up", "fired off a letter",
#: a court "struck down" a law.
OTHER_PARTICLES = frozenset({("shoot", "up"), ("fire", "up"), ("fire", "off"), ("strike", "down"), ("strike", "out")})
#: Verbs that end a plan, a bill or talks as readily as a life.
ENDING = frozenset({"kill", "torpedo", "shoot down", "shot down"})
#: What is killed or torpedoed when no one is: plans, texts and negotiations.
PLANS = frozenset(
    """bill bills deal deals proposal proposals plan plans legislation law laws measure measures amendment
    amendments idea ideas project projects motion motions initiative initiatives reform reforms resolution
    resolutions agreement agreements treaty accord talks negotiations hopes chances prospects bid bids
    merger takeover nomination nominations budget scheme sale sales transfer transfers contract contracts""".split()
)
#: What a blow is struck "as": its purpose, not an impression ("struck them as retaliation").
PURPOSES = frozenset(
    """retaliation response reprisal reprisals revenge warning deterrent punishment signal part message
    payback""".split()
)


def is_impression(verb: Token) -> bool:
    """ "who strike us as being serious": an impression made on someone (a pronoun: "struck Gaza as
    talks went on" is a blow), no blow."""
    kids = list(verb.children)
    as_ = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None or not any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in kids):
        return False
    return not any(w.lower_ in PURPOSES for w in as_.subtree)  # "struck them as retaliation" is a blow


def is_reaction(verb: Token, lemma: str) -> bool:
    """ "any attack would be met with force", "the plan was met with protests": a reaction, no meeting."""
    return (
        lemma == "meet" and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    )


def is_blame(noun: Token) -> bool:
    """ "came under fire for its treatment of the Kurds": criticism for a policy, no shooting (a
    shooting comes under fire "from" someone, never "for" something)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under":
        return False
    verb = noun.head.head
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in [*verb.children, *noun.children])


#: Verbs that make their object a danger someone is: "poses a threat", "constitutes a threat".
POSING = frozenset(
    """pose poses posed posing constitute constitutes constituted constituting represent represents represented
    remain remains remained become becomes became""".split()
)
#: Verbs that handle a danger: "counter the ISIS threat", "mitigate the Russian threat"; a threat
#: someone made stays one under them ("counter Russia's threats", "faces threats from the Taliban").
HANDLING = frozenset(
    """face faces faced facing counter counters countered countering combat combats combating combatting address
    addresses addressed addressing mitigate mitigating mitigated detect detecting confront confronting tackle
    tackling assess assessing deter deterring reduce reducing""".split()
)
#: "sees China as a threat": a judgement of danger.
SEEING_AS = frozenset("see sees saw seen seeing view views viewed regard regards regarded consider considers considered perceive perceives perceived".split())


def is_danger(noun: Token) -> bool:
    """ "North Korea poses a threat to the region", "the DPRK is a threat", "sees China as a threat",
    "countering the ISIS threat", "the threat posed by the tanker": a danger someone sees, not a
    threat someone made ("reissued the threat of military action", "Iran's threat to close the
    Strait", "threats against journalists" are threats)."""
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "sees China as a potential competitor and an increasing threat"
    head = noun.head
    if any(c.dep_ == "acl" and c.lower_ in POSING for c in noun.children):
        return True  # "the threat posed by the derelict tanker"
    if noun.dep_ == "attr" or (noun.dep_ in ("dobj", "nsubjpass") and head.lower_ in POSING):
        return True
    made = noun.lower_ == "threats" or any(c.dep_ == "poss" for c in noun.children)
    if noun.dep_ in ("dobj", "nsubjpass") and head.lower_ in HANDLING and not made:
        return True
    return noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lower_ in SEEING_AS


def kills_a_plan(verb: Token, lemma: str) -> bool:
    """ "killed the bill", "the deal had been killed by the Pentagon", "torpedoed the talks"."""
    if lemma not in ENDING:
        return False
    patient = patient_of(verb, True)
    return patient is not None and counted_noun(patient).lower_ in PLANS


def has_other_particle(verb: Token, lemma: str) -> bool:
    """ "shares shot up", "a court struck down the law": the particle makes it no attack."""
    return any(c.dep_ == "prt" and (lemma, c.lower_) in OTHER_PARTICLES for c in verb.children)
