"""The cheap first pass: tokens only → sentences, actor mentions, and which sentences to parse.

A sentence reaches the parser only if it holds a trigger word (any inflection, or a ceasefire
noun) AND an actor: a gazetteer name (country, demonym, capital, IGO, metonym …) or a role noun
("troops", "government"). Everything here is vectorised over token hashes: no tagger, no parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.language import Language

from extractors.gazetteer import Entry, Gazetteer
from extractors.lexicon import Lexicon
from extractors.model import Actor
from extractors.roles import ACTING_KINDS, Mention, role_sectors

SENTENCE_END = (".", "!", "?", "…")
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})
#: Kinds that name a country for the "both sides" dyad of an article.
DYAD_KINDS = frozenset({"country", "demonym", "region", "capital", "metonym"})


@dataclass
class Scan:
    """What the first pass learned about one article."""

    sentences: list[tuple[int, int]]  # token [start, end) of each sentence
    candidates: list[int]  # indices into `sentences` worth parsing
    mentions: list[tuple[int, int, Entry]] = field(default_factory=list)  # non-overlapping, in order

    def mentions_in(self, doc: Doc, start: int, end: int) -> dict[int, Mention]:
        """Mentions inside a sentence, keyed by token index relative to the sentence."""
        out: dict[int, Mention] = {}
        for s, e, entry in self.mentions:
            if s >= start and e <= end:
                m = Mention(s - start, e - start, entry, doc[s:e].text)
                for i in range(s - start, e - start):
                    out[i] = m
        return out

    def dyad_before(self, doc: Doc, end: int) -> tuple[Actor, ...]:
        """The two most recently named distinct countries up to token `end`: "both sides"."""
        actors: list[Actor] = []
        for s, e, entry in reversed(self.mentions):
            if s < end and entry.kind in DYAD_KINDS and all(entry.code != a.code for a in actors):
                actors.append(Actor(doc[s:e].text, entry.code))
                if len(actors) == 2:
                    break
        return tuple(reversed(actors))


class FirstPass:
    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted(gazetteer.names)
        for name, doc in zip(names, nlp.tokenizer.pipe(names)):
            self.matcher.add(name, [doc])
        strings = nlp.vocab.strings
        self.trigger_hashes = np.array(sorted(strings.add(f) for f in lexicon.first_pass_forms), dtype=np.uint64)
        self.role_hashes = np.array(sorted(strings.add(f) for f in role_sectors()), dtype=np.uint64)
        self.end_hashes = np.array([strings.add(p) for p in SENTENCE_END], dtype=np.uint64)
        self.strings = strings

    def split(self, doc: Doc, orth: np.ndarray, space: np.ndarray) -> list[tuple[int, int]]:
        """Rule-based sentences: . ! ? before a non-lower-case word, and line breaks."""
        n = len(doc)
        cuts = set()
        for i in np.flatnonzero(np.isin(orth, self.end_hashes)).tolist():
            j = i + 1
            while j < n and doc[j].text in CLOSERS:
                j += 1
            if j >= n or not doc[j].is_lower:
                cuts.add(j)
        for i in np.flatnonzero(space).tolist():
            if "\n" in doc[i].text:
                cuts.add(i + 1)
        bounds = sorted(c for c in cuts if 0 < c < n)
        out, start = [], 0
        for b in bounds + [n]:
            if b > start:
                out.append((start, b))
            start = b
        return out

    def scan(self, doc: Doc, prefilter: bool = True) -> Scan:
        if len(doc) == 0:
            return Scan([], [])
        arr = doc.to_array([ORTH, LOWER, IS_SPACE])
        sentences = self.split(doc, arr[:, 0], arr[:, 2].astype(bool))
        mentions = self._mentions(doc)
        if not prefilter:
            return Scan(sentences, list(range(len(sentences))), mentions)
        starts = np.array([s for s, _ in sentences])
        trig = np.flatnonzero(np.isin(arr[:, 1], self.trigger_hashes))
        has_trigger = set(np.searchsorted(starts, trig, side="right").tolist())
        actor_pos = [s for s, _, e in mentions if e.kind in ACTING_KINDS]
        actor_pos.extend(np.flatnonzero(np.isin(arr[:, 1], self.role_hashes)).tolist())
        has_actor = set(np.searchsorted(starts, np.array(actor_pos, dtype=np.int64), side="right").tolist())
        candidates = sorted(i - 1 for i in has_trigger & has_actor)
        return Scan(sentences, candidates, mentions)

    def _mentions(self, doc: Doc) -> list[tuple[int, int, Entry]]:
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], m[1] - m[2]))
        out: list[tuple[int, int, Entry]] = []
        last_end = 0
        for match_id, s, e in matches:
            if s >= last_end:
                out.append((s, e, self.gazetteer.names[self.strings[match_id]]))
                last_end = e
        return out
