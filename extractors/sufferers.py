"""Who suffers, withstands or only talks about an event noun, and what "which" stands for.

"Ukrainians pushed back Russian aggression" and "Kyiv defended itself against the invasion" make
the subject the target; "NATO will defend Lithuania against aggression" makes Lithuania the
target; "Bhutto was the target of a bombing" makes Bhutto the target; "concerned about the
violence in Haiti" makes no one its doer; in "an attack on Israel, which killed 1,200" what kills
is the attack, not Israel.

>>> import spacy
>>> from spacy.tokens import Doc
>>> from extractors.lexicon import load_lexicon
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Kyiv", "resisted", "the", "invasion"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "det", "dobj"])
>>> agent = lambda verb: next((c for c in verb.children if c.dep_ == "nsubj"), None)
>>> sufferer(doc[3], load_lexicon(), agent)
Kyiv
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from extractors.lexicon import Lexicon, is_topic_prep
from extractors.senses.force import shields_itself
from extractors.senses.phrase import child

#: Verbs (with their particle) whose subject withstands the event noun that is their object:
#: "Ukrainians pushed back Russian aggression", "Kyiv resisted the invasion".
RESISTING = frozenset({("resist", ""), ("repel", ""), ("repulse", ""), ("withstand", ""), ("endure", ""), ("suffer", ""),
                       ("survive", ""), ("face", ""), ("push", "back"), ("fight", "off"), ("fend", "off"), ("beat", "back"),
                       ("defend", "against"), ("protect", "against")})
#: Verbs whose subject is usually an event: "the raid on the village, which killed 20".
EFFECTS = frozenset("kill destroy wound injure damage devastate displace leave claim".split())
#: Nouns whose holder suffers the event of their "of" phrase: "was the target of a bombing".
SUFFERER_FORMS = frozenset({"target", "targets", "victim", "victims"})


def antecedent(relcl: Token, lex: Lexicon) -> Token:
    """What "which" stands for. The parser hangs the clause on the nearest noun, but in "an attack
    on Israel, which killed 1,200" what kills is the attack, not its victim."""
    noun = relcl.head
    if lex.lemma(relcl.text) not in EFFECTS:
        return noun
    node = noun.head if noun.dep_ == "appos" else noun  # "the attack in Elad, Israel, which killed"
    for _ in range(2):  # "the bombing of the embassy in Nairobi, which killed 200"
        if node.dep_ != "pobj" or node.head.lower_ not in ("on", "against", "in", "of", "at"):
            break
        node = node.head.head
        if node.pos_ == "NOUN" and lex.lookup(node.text):
            return node
    return noun


def is_topic(noun: Token, lex: Lexicon) -> bool:
    """"concerned about the unrest", "attended a summit on the unrest": what is talked about is
    not done by who talks (but "digging in on this aggression" goes on with it)."""
    return noun.dep_ == "pobj" and is_topic_prep(noun.head, lex)


def sufferer(noun: Token, lex: Lexicon, agent_of: Callable[[Token], Token | None]) -> Token | None:
    """Who withstands or is the mark of an event noun: "Ukrainians pushed back Russian aggression",
    "Kyiv defended itself against the invasion", "Bhutto was the target of a bombing".

    agent_of: a verb's agent (`extractors.arguments.subject_of`, which imports this module).
    """
    head = noun.head
    if noun.dep_ == "dobj":
        particle = next((c.lower_ for c in head.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "off")), "")
        return agent_of(head) if (lex.lemma(head.text), particle) in RESISTING else None
    if noun.dep_ != "pobj":
        return None
    if head.lower_ == "against" and (lex.lemma(head.head.text), "against") in RESISTING:
        # "Kyiv defended itself (its territory) against", but "NATO will defend Lithuania against"
        return agent_of(head.head) if shields_itself(head.head) else child(head.head, "dobj")
    owner = head.head
    if head.lower_ != "of" or owner.lower_ not in SUFFERER_FORMS:
        return None
    if owner.dep_ in ("attr", "oprd"):
        if child(owner.head, "neg") is not None:
            return None  # "Pakistan was not the target of the strike"
        return child(owner.head, "nsubj", "nsubjpass")  # "Bhutto was the target of", "became victims of"
    return owner.head if owner.dep_ == "appos" else None  # "Bhutto, the target of a bombing,"
