"""Finding trigger words in a parsed sentence, ceasefires included.

A trigger is a verb or event noun of the lexicon, or a verb + particle/object phrase ("called
on", "opened fire"). A ceasefire noun gives its event the `ceasefire` signal and, through the word
that governs it, its category: declared → concede, agreed → agree, holding → retreat, called
for → request, refused → reject, violated → assault; a bare mention is a ceasefire state (retreat).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.irrealis import DATED
from extractors.lexicon import CEASEFIRE_NOUNS, Lexicon, TriggerWord, inflect_noun
from extractors.modality import is_for_clause
from extractors.model import PLOVER
from extractors.nonevents import WEAPONS
from extractors.senses.arms import volley_of
from extractors.senses.phrase import SPANS

CEASEFIRE_FORMS = frozenset(f for n in CEASEFIRE_NOUNS for f in inflect_noun(n))
CEASEFIRE_CUES = CEASEFIRE_FORMS | {"fire", "cessation"}
#: What a ceasefire's governing word makes of the event.
CEASEFIRE_GOVERNORS: dict[str, str] = {}
for _cat, _words in {
    "assault": "violate break breach violation breach collapse shatter wreck",
    "reject": "refuse reject rebuff",
    "request": "urge call demand appeal request ask seek propose plead press push",
    "concede": "declare announce establish implement impose order proclaim",
    "agree": "agree sign reach accept broker negotiate conclude agreement deal accord",
    "retreat": "hold observe respect honour honor maintain extend last keep abide restore",
}.items():
    for _w in _words.split():
        CEASEFIRE_GOVERNORS[_w] = _cat
#: Nouns that carry the event of their modifier: "mediation mission", "peace talks", "relief effort",
#: "arrest warrant", "mortar rounds".
CARRIERS = frozenset("mission missions effort efforts process operation operations campaign attempt bid drive initiative programme program warrant warrants round rounds".split())
#: A weapon (nonevents.WEAPONS) is an event as what is fired: a "missile campaign" fires, a
#: "missile programme" does not.
PROGRAMMES = frozenset("program programs programme programmes".split())
#: Noun triggers that are only modifiers ("attack helicopter", "war crimes") are not events.
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass
class Trigger:
    tok: Token
    word: TriggerWord
    category: str
    cameo: str
    ceasefire: bool = False

    @property
    def arg_tok(self) -> Token:
        """Where the arguments hang: the carrier noun of "mediation mission" or "mortar rounds", the
        volley a weapon is fired in ("a barrage of missiles"), the counted span an event fills
        ("three days of protests"), else the trigger."""
        tok = self.tok
        if tok.dep_ in ("compound", "amod") and tok.head.lower_ in CARRIERS:
            tok = tok.head
        elif " of " in self.word.lemma and _of_phrase(tok, self.word.lemma.split()[:-1]):
            tok = tok.head.head  # "a state of emergency": the phrase is the state's
        if self.word.has("l"):
            return volley_of(tok)  # "launched a barrage of missiles at Kyiv": the barrage was launched
        if not self.is_verb and tok.dep_ == "pobj" and tok.head.lower_ == "of" and _counted_span(tok.head.head):
            return tok.head.head  # "announced three days of protests", "after two years of war": the span is told
        return tok

    @property
    def is_verb(self) -> bool:
        return self.word.pos in ("V", "P") and self.tok.pos_ not in NOUN_POS


def _choose(tok: Token, words: tuple[TriggerWord, ...]) -> TriggerWord | None:
    want = "V" if tok.pos_ in VERB_POS else "N" if tok.pos_ in NOUN_POS else None
    if want is None:
        return None
    fitting = [w for w in words if w.pos == want]
    if not fitting and want == "V" and tok.tag_ == "VBG":  # "the shelling" tagged as a gerund
        fitting = [w for w in words if w.pos == "N"]
    # A trigger of several words whose first words are there ("air strikes", "a state of
    # emergency") beats the bare head ("strike").
    for w in fitting:
        first = w.lemma.split()[:-1]
        if w.has("x") and (
            (tok.i >= len(first) and [t.lower_ for t in tok.doc[tok.i - len(first):tok.i]] == first)
            or _of_phrase(tok, first)  # "a state of national emergency", "states of emergency"
        ):
            return w
    return next((w for w in fitting if not w.has("x")), None)


def _counted_span(tok: Token) -> bool:
    """ "three days", "a week": a span that counts the event of its "of" phrase ("three days of
    protests"); "the seventh day of Russia's war" only dates a moment of it."""
    return tok.lower_ in SPANS and any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in tok.children)


def _for_a_time(particle: Token) -> bool:
    """ "called a strike for Thursday": a "for" that dates, not what is called for."""
    obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
    return particle.lower_ == "for" and obj is not None and obj.lower_ in DATED


def _of_phrase(tok: Token, first: list[str]) -> bool:
    """Whether `tok` ends the phrase "X of … tok" by the parse, the X in either number."""
    return (
        first[-1:] == ["of"] and tok.dep_ == "pobj" and tok.head.lower_ == "of"
        and tok.head.head.lower_ in (first[0], first[0] + "s")
    )


def is_ceasefire(tok: Token) -> bool:
    low = tok.lower_
    if low in CEASEFIRE_FORMS and low != "cessation":
        return True
    if low == "fire" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "cease":
        return True  # "cease-fire"
    if low == "fire" and tok.i >= 1 and tok.doc[tok.i - 1].lower_ == "cease":
        return True  # "a cease fire", "agreed to cease fire"
    return low == "cessation" and tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 2].lower_ == "hostilities"


def lower_forms(sent: Doc) -> list[str]:
    """Lower-cased words of a sentence without building Token objects (the costly part)."""
    strings = sent.vocab.strings
    return [strings[h] for h in sent.to_array("LOWER").tolist()]


def find_triggers(sent: Doc, lex: Lexicon, lowers: list[str] | None = None) -> list[Trigger]:
    lowers = lower_forms(sent) if lowers is None else lowers
    found: dict[int, Trigger] = {}
    consumed: set[int] = set()
    phrase_verbs = lex.phrase_verb_forms
    for i, low in enumerate(lowers):
        if low not in phrase_verbs:
            continue
        tok = sent[i]
        if tok.pos_ not in VERB_POS:
            continue
        lem = lex.lemma(tok.text)
        # "called for Russian troops to be withdrawn": the parser makes "for" the mark of the clause
        marks = [g for c in tok.children if is_for_clause(c) for g in c.children if g.dep_ == "mark"]
        for child in [*tok.children, *marks]:
            word = lex.phrases.get((lem, child.lower_))
            if word is not None and child.i > tok.i and not _for_a_time(child):
                found[tok.i] = Trigger(tok, word, word.category, word.cameo or PLOVER[word.category][0])
                consumed.add(child.i)
                break
    ceasefires = []
    for i, low in enumerate(lowers):
        if low in CEASEFIRE_CUES:
            tok = sent[i]
            if is_ceasefire(tok):
                ceasefires.append(tok)
                continue
        words = lex.by_form.get(low)
        if not words or i in found or i in consumed:
            continue
        if low == "hostilities" and i >= 2 and lowers[i - 2] == "cessation":
            continue
        tok = sent[i]
        word = _choose(tok, words)
        modified = _modified(tok) if word is not None and word.pos == "N" else None
        if word is None or (modified is not None and (modified.lower_ not in CEASEFIRE_FORMS | CARRIERS or (low in WEAPONS and modified.lower_ in PROGRAMMES))):
            continue
        found[tok.i] = Trigger(tok, word, word.category, word.cameo or PLOVER[word.category][0])
    for tok in ceasefires:
        _attach_ceasefire(tok, found, lex)
    return sorted(found.values(), key=lambda t: t.tok.i)


def _modified(tok: Token) -> Token | None:
    """The noun a modifier qualifies ("attack helicopter", "nuclear and missile programmes"), if any."""
    if tok.dep_ == "conj" and tok.head.dep_ in ("compound", "amod", "nmod"):
        tok = tok.head  # "mortar and rocket fire": the parser makes "mortar" an nmod
    return tok.head if tok.dep_ in ("compound", "amod", "nmod") else None


_CEASEFIRE_WORD = TriggerWord("ceasefire", "N", "retreat", "", "c")


def _attach_ceasefire(noun: Token, found: dict[int, Trigger], lex: Lexicon) -> None:
    node = noun
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i != node.i:
        node = node.head  # "ceasefire agreement", "truce violations"
    verb = node.head
    if node.i != noun.i and node.dep_ in ("dobj", "nsubjpass") and verb.pos_ in VERB_POS and lex.lemma(verb.text) in CEASEFIRE_GOVERNORS:
        # "violated the ceasefire agreement", "signed a truce deal": the verb governs the ceasefire,
        # and the agreement noun is that ceasefire, not an agreement of its own
        if node.i in found and found[node.i].category == "agree":
            del found[node.i]
        node = verb
    if node.i in found:
        gov = node
    elif node.dep_ == "pobj":
        gov = node.head.head  # "called for a ceasefire", "violations of the truce"
    elif node.dep_ in ("conj", "appos"):
        gov = node.head
    else:
        gov = node.head
    category = CEASEFIRE_GOVERNORS.get(lex.lemma(gov.text))
    if category == "request" and lex.lemma(gov.text) == "call" and node.dep_ == "dobj":
        category = "concede"  # "called a truce" declares it; "called for a truce" asks for it
    if gov.i in found:
        trig = found[gov.i]
        trig.ceasefire = True
        if category and category != trig.category:
            trig.category, trig.cameo = category, PLOVER[category][0]
        _propagate(gov, found)
        return
    if category and gov.pos_ in VERB_POS | NOUN_POS and gov.i != noun.i:
        found[gov.i] = Trigger(gov, TriggerWord(gov.lower_, "V" if gov.pos_ in VERB_POS else "N", category, "", "c"), category, PLOVER[category][0], True)
        _propagate(gov, found)
        return
    found[noun.i] = Trigger(noun, _CEASEFIRE_WORD, "retreat", PLOVER["retreat"][0], True)
    _propagate(noun, found)


def _propagate(tok: Token, found: dict[int, Trigger]) -> None:
    """A request or refusal whose complement is about the ceasefire is about it too."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl") or node.head.i == node.i:
            return
        node = node.head
        trig = found.get(node.i)
        if trig is not None and trig.category in ("request", "reject", "agree", "accuse", "support"):
            trig.ceasefire = True
            return
