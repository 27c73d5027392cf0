"""The cheap first pass: tokens only → sentences, actor mentions, and which sentences to parse.

A sentence reaches the parser only if it holds a trigger word (any inflection, or a ceasefire
noun) AND an actor: a gazetteer name (country, demonym, capital, IGO, metonym …) or a role noun
("troops", "government"). Everything here is vectorised over token hashes: no tagger, no parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import IS_SPACE, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.language import Language

from extractors import nonevents
from extractors.gazetteer import Entry, Gazetteer
from extractors.lexicon import Lexicon
from extractors.model import Actor
from extractors.placenames import english_words, is_common_word, places_in_names
from extractors.triggers import CEASEFIRE_FORMS
from extractors.roles import ACTING_KINDS, BOTH_SIDES_FORMS, PLACE_TARGET_CATEGORIES, Mention, role_sectors

SENTENCE_END = (".", "!", "?", "…")
# Word classes of the first pass (bits of one lookup table).
TRIGGER, SPORT_TRIGGER, SPORT_WORD, VOID, PAIR_FIRST, PAIR_SECOND, ROLE, DYAD, END, PLACE_TRIGGER = (1 << i for i in range(10))
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]"})
#: Kinds that name a country for the "both sides" dyad of an article.
DYAD_KINDS = frozenset({"country", "demonym", "region", "capital", "metonym"})


#: Words through which a sentence without a name can still refer to the article's two parties.
DYAD_WORDS = frozenset(CEASEFIRE_FORMS | {f for f in BOTH_SIDES_FORMS if f.endswith("s")} | {"both", "each", "cease", "cessation"})


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
        """The article's two main countries so far (most named, then most recent): "both sides"."""
        counts: dict[str, list] = {}
        for s, e, entry in self.mentions:
            if s >= end:
                break
            if entry.kind in DYAD_KINDS:
                c = counts.setdefault(entry.code, [0, 0, doc[s:e].text])
                c[0] += 1
                c[1] = s
        top = sorted(counts.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))[:2]
        return tuple(Actor(v[2], code) for code, v in sorted(top, key=lambda kv: kv[1][1]))


class FirstPass:
    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.words = english_words(nlp)
        names = sorted(n for n, e in gazetteer.names.items() if not is_common_word(n, e, self.words))
        for name, doc in zip(names, nlp.tokenizer.pipe(names)):
            self.matcher.add(name, [doc])
        strings = nlp.vocab.strings
        self.strings = strings
        sport = lexicon.sport_forms
        first, second = lexicon.pair_forms
        # One table: lower-cased word hash → bit mask of the word classes below, so a document
        # needs a single vectorised lookup instead of one set test per class.
        classes = {
            TRIGGER: lexicon.first_pass_forms - sport, SPORT_TRIGGER: sport, SPORT_WORD: nonevents.SPORT,
            VOID: nonevents.FICTION | nonevents.STRONG_SPORT, PAIR_FIRST: first, PAIR_SECOND: second,
            ROLE: frozenset(role_sectors()), DYAD: DYAD_WORDS, END: frozenset(SENTENCE_END),
            PLACE_TRIGGER: frozenset(f for f, words in lexicon.by_form.items() if any(w.category in PLACE_TARGET_CATEGORIES for w in words)),
        }
        table: dict[int, int] = {}
        for bit, words in classes.items():
            for w in words:
                h = strings.add(w)
                table[h] = table.get(h, 0) | bit
        self.keys = np.array(sorted(table), dtype=np.uint64)
        self.bits = np.array([table[k] for k in sorted(table)], dtype=np.int64)

    def classify(self, lower: np.ndarray) -> np.ndarray:
        idx = np.searchsorted(self.keys, lower).clip(0, len(self.keys) - 1)
        return np.where(self.keys[idx] == lower, self.bits[idx], 0)

    def split(self, doc: Doc, ends: np.ndarray, space: np.ndarray) -> list[tuple[int, int]]:
        """Rule-based sentences: . ! ? before a non-lower-case word, and line breaks."""
        n = len(doc)
        cuts = set()
        for i in np.flatnonzero(ends).tolist():
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
            if b > start and not space[start:b].all():  # a bare line break is no sentence
                out.append((start, b))
            start = b
        return out

    def scan(self, doc: Doc, prefilter: bool = True) -> Scan:
        if len(doc) == 0:
            return Scan([], [])
        arr = doc.to_array([LOWER, IS_SPACE])
        mask = self.classify(arr[:, 0])
        sentences = self.split(doc, mask & END, arr[:, 1].astype(bool))
        mentions = self._mentions(doc, sentences)
        if not prefilter:
            return Scan(sentences, list(range(len(sentences))), mentions)
        starts = np.array([s for s, _ in sentences])

        def sentence_ids(positions) -> set[int]:
            return set(np.searchsorted(starts, np.asarray(positions, dtype=np.int64), side="right").tolist())

        def having(bit: int) -> set[int]:
            return sentence_ids(np.flatnonzero(mask & bit))

        # The same context rules as `events_in`, so skipping here loses nothing: a game word
        # voids "attack"/"strike"; a film, a novel or cricket voids the sentence.
        has_trigger = having(TRIGGER) | (having(SPORT_TRIGGER) - having(SPORT_WORD))
        has_trigger |= having(PAIR_FIRST) & having(PAIR_SECOND)
        has_trigger -= having(VOID)
        # An actor can only be resolved from a gazetteer name in the sentence: a country or
        # organisation, or a place that locates a role ("rebels in Darfur"). Without one, only
        # "both sides" / a ceasefire can still refer to the article's dyad.
        acting = sentence_ids([s for s, _, e in mentions if e.kind in ACTING_KINDS])
        places = sentence_ids([s for s, _, e in mentions if e.kind not in ACTING_KINDS])
        roles = having(ROLE)
        # A city alone acts only as the target of a physical act: "bombed Kharkiv".
        cities = sentence_ids([s for s, _, e in mentions if e.kind == "city"]) & having(PLACE_TRIGGER)
        keep = has_trigger & (acting | cities | (roles & places))
        if any(e.kind in DYAD_KINDS for _, _, e in mentions):
            keep |= has_trigger & having(DYAD)
        return Scan(sentences, sorted(i - 1 for i in keep), mentions)

    def _mentions(self, doc: Doc, sentences: list[tuple[int, int]]) -> list[tuple[int, int, Entry]]:
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], m[1] - m[2]))
        out: list[tuple[int, int, Entry]] = []
        last_end = 0
        for match_id, s, e in matches:
            if s >= last_end:
                out.append((s, e, self.gazetteer.names[self.strings[match_id]]))
                last_end = e
        out = [(s, e, entry) for s, e, entry in out if not nonevents.names_former_state(doc, s)]
        return places_in_names(doc, out, self.words, sentences)
