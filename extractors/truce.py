"""Which ceasefire "the ceasefire" means: the one the article has just told of.

A ceasefire sentence that names no party ("Observers said the truce remained fragile") is about
the truce the article last told of between two parties, for a few sentences and while the story
stays with it: not once the sentence names countries of its own, and not once a sentence in
between turned to other countries without a word of a truce ("In Sudan, the army and the RSF
traded fire"). The article's two most-named countries, the older stand-in, made a mediator who
spoke last a party to the truce.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from extractors.found import Found
from extractors.model import Actor
from extractors.prefilter import DYAD_KINDS


@dataclass
class TruceMemory:
    """One article's last two-party ceasefire, as its sentences are read in order."""

    window: int
    """For how many sentences the last ceasefire still stands in for one naming no party."""
    sentence: int = -1
    end: int = 0  # token where the sentence that told of it ends
    parties: tuple[Actor, ...] = ()
    told: list[tuple[int, int]] = field(default_factory=list)  # token spans of sentences with a ceasefire event

    def parties_for(self, sentence: int, start: int, end: int, mentions: list) -> tuple[Actor, ...]:
        """The parties a partyless ceasefire in this sentence (tokens start..end) is between, or ().

        mentions: the article's (start, end, gazetteer entry) mentions in text order."""
        if not self.parties or sentence - self.sentence > self.window:
            return ()
        codes = {a.code for a in self.parties}
        for s, _, entry in mentions[bisect_left(mentions, self.end, key=lambda m: m[0]):]:  # since the truce
            if s >= end:
                break
            if entry.kind not in DYAD_KINDS:
                continue
            if s >= start or (entry.code not in codes and not any(a <= s < b for a, b in self.told)):
                return ()  # this sentence names its own countries, or the story moved to others
        return self.parties

    def record(self, sentence: int, start: int, end: int, found: list[Found]) -> None:
        if any(f.ceasefire for f in found):
            self.told.append((start, end))
        if parties := truce_parties(found):
            self.sentence, self.end, self.parties = sentence, end, parties


def truce_parties(found: list[Found]) -> tuple[Actor, ...]:
    """Whom a sentence's ceasefire is between: those it is urged on or brokered for, who never act
    in it, when there are two of them or two who act ("Russia and Turkey brokered a truce between
    Armenia and Azerbaijan"; one party for a civil war's), else the two parties of its first
    ceasefire event, in their order ("Israel agreed to a truce with Hamas")."""
    truces = [f for f in found
              if f.ceasefire and f.source is not None and f.target is not None and f.source.code != f.target.code]
    actors = {f.source.code for f in truces}
    targets = list({f.target.code: f.target for f in truces if f.target.code not in actors}.values())
    if len(targets) >= 2 or (targets and len(actors) >= 2):  # co-mediators of a civil war's truce: one party
        return tuple(targets[:2])
    return (truces[0].source, truces[0].target) if truces else ()  # "Israel agreed to a truce with Hamas"
