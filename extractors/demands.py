"""Demands reported as obligations: "Russia said that Sudan must return the helicopter" is a
request by the speaker of the one who must (CAMEO 1041), whatever the verb of the obligation.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.found import Found
from extractors.irrealis import has_perfect
from extractors.lexicon import Lexicon
from extractors.model import Actor
from extractors.modality import frame_of
from extractors.roles import Mention, resolve

#: Verbs that report a position: "X said/declared/concluded that Y must …" is X demanding of Y.
SAYING = frozenset("say declare state insist reiterate conclude stress tell warn add".split())


def must_demands(sent: Doc, lowers: list[str], mentions: dict[int, Mention], lex: Lexicon, dyad: tuple[Actor, ...]) -> list[Found]:
    """"Russia said that Sudan must return the helicopter": a demand by the speaker of the one who must."""
    out = []
    for i, low in enumerate(lowers):
        if low not in ("must", "should") or sent[i].dep_ != "aux":
            continue
        verb = sent[i].head
        if verb.dep_ != "ccomp" or has_perfect(verb):
            continue  # "Iran must have attacked the tanker, the Navy said": a guess, no demand
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
