"""Is a gazetteer place name a place here, or a piece of a longer proper name?

Provinces and cities come from data packages by the thousand, and many share their name with
people and things: "John Kerry" (County Kerry), "Paul Hastings" (Paul, Cape Verde), "the Persian
Gulf" (Gulf, Papua New Guinea), "the Lakota Freedom Delegation". A place name glued to another
capitalised word that is not a word for a place or an office is part of that longer name (a
country next to it is no exception: "Persian Gulf", "Lake Chad"). Only the tokens are read: this
runs in the first pass, before any parse.

A province or city read as a person's name ("Special Envoy John Kerry") is a person throughout
the article, as named-entity taggers assume (one sense per discourse): "Kerry said" later is not
County Kerry. Capitals are checked only for a preceding name, mention by mention: "University
College London" is not London, but London stays London elsewhere, and "the Washington Post" or a
capital's metonymy ("Moscow said") is too useful to risk.

>>> import spacy
>>> from extractors.gazetteer import Entry
>>> doc = spacy.blank("en")("Envoy John Kerry visited Kerry and the Kerry Freedom Group.")
>>> kerry = Entry("IRL", "province", location="Kerry")
>>> [s for s, _, _ in places_in_names(doc, [(2, 3, kerry), (4, 5, kerry), (7, 8, kerry)])]
[]
>>> [s for s, _, _ in places_in_names(doc, [(4, 5, kerry)])]
[4]
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from extractors.gazetteer import Entry
from extractors.roles import role_sectors

#: Kinds checked: the bulk-loaded ones. Countries, demonyms and hand-listed regions are kept.
CHECKED_KINDS = frozenset({"province", "city", "capital"})
#: Of those, kinds that a following capitalised word can absorb ("Washington Post" stays).
FOLLOWED_KINDS = frozenset({"province", "city"})
#: Capitalised words that may precede a place without making it part of a name (a compass point,
#: a date, an ordinal, "Embassy Kyiv").
PLACE_MODIFIERS = frozenset(
    """north south east west northern southern eastern western central northeastern northwestern
    southeastern southwestern upper lower greater inner outer occupied coastal downtown rural metropolitan
    first second third fourth fifth sixth seventh eighth ninth tenth embassy consulate
    monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    january february march april may june july august september october november december""".split()
)
#: Capitalised words that may follow a place: what kind of place it is, or what is in it.
PLACE_HEADS = frozenset(
    """province provinces region regions oblast oblasts state county counties district districts
    city governorate prefecture department municipality raion krai territory territories area
    valley river airport port harbour harbor base province's region's oblast's city's state's""".split()
)


SENTENCE_ENDS = frozenset(".!?…")


def _is_word(tok) -> bool:
    """A capitalised word, or an initial ("Laura J. Richardson")."""
    return (tok.is_alpha and tok.text[0].isupper()) or (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == ".")


def _name_before(doc: Doc, s: int) -> bool:
    """A capitalised word (or "Word-") right before: "John Kerry", "Persian Gulf", "ISIS-Khorasan"."""
    i = s - 1
    if i >= 1 and doc[i].text == "-" and not doc[i].whitespace_:
        i -= 1
    elif i >= 1 and doc[i].text == "General" and doc[i - 1].lower_ == "consulate":  # "Consulate General Erbil"
        return False
    if i < 0 or not _is_word(doc[i]):
        return False
    low = doc[i].lower_
    return low not in STOP_WORDS and low not in PLACE_MODIFIERS


def _name_after(doc: Doc, e: int, roles: frozenset[str]) -> bool:
    """A capitalised word right after that names neither a place nor an office: "Lakota Freedom"."""
    i = e
    if i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_:
        i += 1
    if i >= len(doc) or not _is_word(doc[i]):
        return False
    low = doc[i].lower_
    return low not in STOP_WORDS and low not in PLACE_HEADS and low not in roles


def _title_case(doc: Doc, s: int, e: int, reach: int = 40) -> bool:
    """No content word of the sentence around is in lower case: a headline, where capitals say
    nothing ("Russian Forces Shell Kharkiv Overnight")."""
    words = []
    for step, start in ((-1, s - 1), (1, e)):
        i = start
        while 0 <= i < len(doc) and abs(i - start) < reach and not (doc[i].text in SENTENCE_ENDS or "\n" in doc[i].text):
            if doc[i].is_alpha and doc[i].lower_ not in STOP_WORDS:
                words.append(doc[i])
            i += step
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def places_in_names(doc: Doc, mentions: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """`mentions` without the place names that are pieces of longer proper names."""
    roles = frozenset(role_sectors())
    persons: set[str] = set()
    dropped: set[int] = set()
    for k, (s, e, entry) in enumerate(mentions):
        if entry.kind not in CHECKED_KINDS or _title_case(doc, s, e):
            continue
        if _name_before(doc, s):
            if entry.kind in FOLLOWED_KINDS:
                persons.add(doc[s:e].text)
            dropped.add(k)
        elif entry.kind in FOLLOWED_KINDS and _name_after(doc, e, roles):
            dropped.add(k)
    return [
        m for k, m in enumerate(mentions)
        if k not in dropped and not (m[2].kind in FOLLOWED_KINDS and doc[m[0]:m[1]].text in persons)
    ]
