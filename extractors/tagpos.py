"""A fast stand-in for spaCy's attribute ruler: coarse POS straight from the fine-grained tag.

The attribute ruler runs a token Matcher over every sentence and cost half of all parsing time in
the profile; the extractor only needs `pos_`, which for all but a few words is a function of
`tag_`. The mapping is read from the model's own attribute ruler, so it stays in sync with it.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

#: Forms of "be": AUX in every use (as in the model's attribute ruler); other verbs only as auxiliaries.
BE_WORDS = frozenset("be am is are was were been being 's 're 'm".split())


class TagToPos:
    def __init__(self, nlp: Language) -> None:
        ruler = nlp.get_pipe("attribute_ruler")
        strings = nlp.vocab.strings
        table: dict[int, int] = {}
        for p in ruler.patterns:
            pattern = p["patterns"][0][0]
            if list(pattern) == ["TAG"] and "POS" in p["attrs"]:
                table[strings.add(pattern["TAG"])] = strings.add(p["attrs"]["POS"])
        self.keys = np.array(sorted(table), dtype=np.uint64)
        self.values = np.array([table[k] for k in sorted(table)], dtype=np.uint64)
        self.be = np.array([strings.add(w) for w in BE_WORDS], dtype=np.uint64)
        self.aux_pos = strings.add("AUX")
        self.verb_tags = np.array([strings.add(t) for t in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD")], dtype=np.uint64)
        self.aux_deps = np.array([strings.add(d) for d in ("aux", "auxpass")], dtype=np.uint64)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array([TAG, "LOWER", "DEP"])
        idx = np.searchsorted(self.keys, arr[:, 0]).clip(0, len(self.keys) - 1)
        pos = np.where(self.keys[idx] == arr[:, 0], self.values[idx], 0)
        verbal = np.isin(arr[:, 0], self.verb_tags)
        aux = verbal & (np.isin(arr[:, 2], self.aux_deps) | np.isin(arr[:, 1], self.be))
        pos[aux] = self.aux_pos
        doc.from_array([POS], pos.reshape(-1, 1).astype(np.uint64))
        return doc

    def pipe(self, docs, batch_size: int = 0):
        for doc in docs:
            yield self(doc)
