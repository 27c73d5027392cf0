"""Event words that are part of a proper name: "the Laws of War"."""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Token

#: Lower-case words that link the words of a name: "the Laws of War", "Develop Don't Destroy".
NAME_LINKS = frozenset({"of", "and", "for", "against", "on", "&", "n't"})


def in_proper_name(tok: Token, places: Container[int]) -> bool:
    """A capitalised word inside a longer capitalised name names a thing and tells no event: "the
    Laws of War", "Cebu Provincial Detention and Rehabilitation Center", "the Atrocity Crimes
    Advisory Group". A place before it makes no name ("the Iraq War"). Headlines, where every
    word is capitalised, make none either: long ones reach the parser sentence-cased
    (``pipeline._sentence_case``), their event words in lower case; short ones ("Israel Strikes
    Back") have no lower-case word at all.

    >>> import spacy
    >>> doc = spacy.blank("en")("He respects the Laws of War and the war ended")
    >>> in_proper_name(doc[5], set()), in_proper_name(doc[8], set())
    (True, False)
    """
    doc = tok.doc
    if not tok.is_title or _starts(doc, tok.i):
        return False
    if not any(t.is_lower and t.is_alpha and len(t) > 3 for t in doc):
        return False  # a short headline ("Israel Strikes Back"), too short to be sentence-cased
    for step in (-1, 1):
        j = tok.i + step
        if 0 <= j < len(doc) and doc[j].lower_ in NAME_LINKS and not doc[j].is_title:
            j += step
        if 0 <= j < len(doc) and doc[j].is_title and j not in places and not _starts(doc, j):
            return True
    return False


def _starts(doc: Doc, i: int) -> bool:
    """Whether token i is the sentence's first word (after quotes and brackets)."""
    return all(not t.is_alpha for t in doc[:i])
