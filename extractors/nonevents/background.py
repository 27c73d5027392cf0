"""Events told as hypothetical, undone or background to the sentence's own event."""

from __future__ import annotations

#: Verbs whose object did not (or no longer) happen: "lifted the blockade", "prevent further fighting".
UNDO = frozenset("lift ease end postpone cancel suspend halt stop drop remove relax revoke avert prevent avoid deter".split())
#: Nouns of undoing: what they are "of" is undone ("the lifting of the blockade").
UNDOING = frozenset("lifting easing removal suspension cancellation repeal relaxation revocation postponement scrapping".split())
#: Prepositions that put a nominal event in the background of the sentence's own event.
BACKGROUND = frozenset({"after", "following", "since", "before", "during", "despite", "over"})
#: Modifiers that date a nominal event before the news: "amid previous Russian aggression".
PAST = frozenset({"previous", "past", "former", "prior"})


def is_background(trig, lex, trigger_tokens: frozenset[int] = frozenset()) -> bool:
    """Hypothetical ("if it is attacked"), undone ("lifted the blockade") or background events.

    trigger_tokens: indices of the sentence's other triggers, whose participants' descriptions
    ("released the civilians imprisoned for …") are background.
    """
    tok = trig.tok
    if not trig.is_verb:
        phrase = trig.arg_tok  # "lifted the state of emergency": the state is lifted
        if phrase.dep_ == "dobj" and lex.lemma(phrase.head.text) in UNDO:
            return True
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
            return True
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return False


def _prior_to(prep) -> bool:
    """ "prior to Russia's invasion": "before" in two words."""
    return prep.lower_ == "to" and (prep.head.lower_ == "prior" or (prep.i > 0 and prep.doc[prep.i - 1].lower_ == "prior"))

