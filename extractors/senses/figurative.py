"""Event verbs used figuratively: an impression ("strikes us as serious"), a plan killed ("the
Senate killed the bill"), a reaction ("would be met with force"). The frame of the verb says so,
not the sentence's topic.

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


def kills_a_plan(verb: Token, lemma: str) -> bool:
    """ "killed the bill", "the deal had been killed by the Pentagon", "torpedoed the talks"."""
    if lemma not in ENDING:
        return False
    patient = patient_of(verb, True)
    return patient is not None and counted_noun(patient).lower_ in PLANS
