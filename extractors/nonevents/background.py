"""Events told as hypothetical, undone or background to the sentence's own event."""

from __future__ import annotations

from extractors.irrealis import DATED
from extractors.senses.arms import LAUNCHERS

#: Verbs whose object did not (or no longer) happen: "lifted the blockade", "prevent further fighting".
UNDO = frozenset("lift ease end postpone cancel suspend halt stop drop remove relax revoke avert prevent avoid deter cut reduce lower slash".split())
#: Nouns of undoing: what they are "of" is undone ("the lifting of the blockade").
UNDOING = frozenset("lifting easing removal suspension cancellation repeal relaxation revocation postponement scrapping".split())
#: Prepositions that put a nominal event in the background of the sentence's own event.
BACKGROUND = frozenset({"after", "following", "since", "before", "during", "despite", "over"})
#: Modifiers that date a nominal event before the news: "amid previous Russian aggression".
PAST = frozenset({"previous", "past", "former", "prior"})
#: Categories of deeds, which a present tense tells as a habit; a present stance is taken now.
DEEDS = frozenset({"assault", "coerce", "sanction", "mobilize", "threaten"})
#: Adverbs of habit: "a group that frequently targets civilians" tells what it is, not what it did.
HABITUAL = frozenset("frequently regularly routinely typically often usually habitually customarily traditionally long".split())


def is_background(trig, lex, trigger_tokens: frozenset[int] = frozenset()) -> bool:
    """Hypothetical ("if it is attacked"), undone ("lifted the blockade") or background events.

    trigger_tokens: indices of the sentence's other triggers, whose participants' descriptions
    ("released the civilians imprisoned for …") are background.
    """
    tok = trig.tok
    if (trig.is_verb and is_habit(tok, deed=trig.category in DEEDS)) or is_reputation(tok):
        return True
    if not trig.is_verb:
        phrase = trig.arg_tok  # "lifted the state of emergency": the state is lifted
        if phrase.dep_ == "dobj" and lex.lemma(phrase.head.text) in UNDO and not (trig.word.has("l") and phrase.head.lower_ in LAUNCHERS):
            return True  # but "dropped bombs on Gaza" drops them on it
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.lower_ in UNDOING:
            return True  # "the lifting of sanctions"
        if any(c.dep_ == "amod" and c.lower_ in PAST for c in tok.children):
            return True  # "amid previous Russian aggression", "past attacks"
        node = tok
        for _ in range(4):
            if node.dep_ == "pobj" and (node.head.lower_ in BACKGROUND or _prior_to(node.head)):
                return True
            if node.dep_ not in ("pobj", "prep", "conj", "compound") or node.head.i == node.i:
                break
            node = node.head
    if trig.is_verb and tok.dep_ in ("relcl", "acl"):
        # "the mayor, jailed a year ago", "whom they had taken hostage": a participle or a
        # pluperfect describing the noun is its history, unless it names its agent ("arrested by").
        if (
            tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children)
            and tok.head.head.i in trigger_tokens
        ):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True  # "if it is attacked"; an aside too ("if I could ask about Iran" asks nothing)
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return False


def is_habit(verb, *, deed: bool = True) -> bool:
    """What an actor does by habit describes it: "which regularly attacks bases", "has long fired
    rockets at Israel", "a security agency that arrests critics" (a deed in the simple present in a
    relative clause, with no time of its own). "Russia repeatedly shelled Kharkiv this week"
    happened, and a stance in the present is taken now ("which the United States condemns").

    verb: the trigger verb.
    deed: whether it is a deed (an attack, an arrest) rather than a stance or a statement.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "ISWAP , which regularly attacks bases , split".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 0, 4, 4, 0, 4, 0, 7], deps=["nsubj", "punct", "nsubj", "advmod", "relcl", "dobj", "punct", "ROOT"],
    ...           tags=["NNP", ",", "WDT", "RB", "VBZ", "NNS", ",", "VBD"])
    >>> is_habit(doc[4]), is_habit(doc[7])
    (True, False)
    """
    kids = list(verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in kids):
        auxes = [c.lower_ for c in kids if c.dep_ == "aux"]
        return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and not auxes) or "has" in auxes or "have" in auxes
    return (
        deed and verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("npadvmod", "prep", "advmod") and _tells_time(c) for c in kids)
    )


#: What an actor is known for, or has a history of, is its reputation: "notorious for kidnapping
#: schoolchildren", "a long history of jailing its critics".
REPUTED = frozenset("known notorious famous infamous renowned noted".split())
RECORDS = frozenset("history record habit tradition".split())


def is_reputation(tok) -> bool:
    """ "Boko Haram is notorious for kidnapping schoolchildren", "the Kremlin has a long history of
    jailing its critics": a reputation, no event."""
    if tok.dep_ == "dobj" and tok.head.dep_ == "pcomp":  # "known for staging street rallies"
        tok = tok.head
    if tok.dep_ not in ("pcomp", "pobj"):
        return False
    prep = tok.head
    return (prep.lower_ == "for" and prep.head.lower_ in REPUTED) or (prep.lower_ == "of" and prep.head.lower_ in RECORDS)


def _tells_time(tok) -> bool:
    return any(t.lower_ in DATED or t.lower_ in ("now", "currently") for t in tok.subtree)


def _prior_to(prep) -> bool:
    """ "prior to Russia's invasion": "before" in two words."""
    return prep.lower_ == "to" and (prep.head.lower_ == "prior" or (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "prior"))

