"""Is a gazetteer place name a place here, or a piece of a longer proper name, or a word?

Provinces and towns come from data packages by the thousand, and many share their name with
people and things: "John Kerry" (County Kerry), "Paul Whelan" (Paul, Cape Verde), "the Lakota
Freedom Delegation" (Lakota, Côte d'Ivoire), "Mobile networks" (Mobile, Alabama). Only the
tokens are read: this runs in the first pass, before any parse.

- A place name glued to another capitalised word is part of that longer name, unless the word
  is a word for a place or an office ("Kharkiv Oblast", "Kharkiv Mayor"), another place
  ("Russian Kursk", "the Idlib-Aleppo highway"), a compass point or a date, or an English word
  capitalised only because it starts the sentence ("Overnight Kharkiv"). Headlines, where every
  word is capitalised, say nothing either way.
- A province or town read as a person's name ("Special Envoy John Kerry") is a person
  throughout the article, as named-entity taggers assume (one sense per discourse): "Kerry said"
  later is not County Kerry. Capitals are checked only for a preceding name, mention by mention:
  "University College London" is not London, but London stays London elsewhere, and "the
  Washington Post" or a capital's metonymy ("Moscow said") is too useful to risk.
- A town followed by a province of another country is that country's namesake ("Paris, Texas").
- A one-word town that is also an English verb, adjective or adverb is not matched at all.

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

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

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
#: Capitalised words that may follow a place: what kind of place it is, what is in it, its offices.
PLACE_HEADS = frozenset(
    """province provinces region regions oblast oblasts state county counties district districts
    city governorate prefecture department municipality raion krai territory territories area
    valley river airport port harbour harbor base province's region's oblast's city's state's
    mayor governor council dam bridge crossing station plant""".split()
)
#: What may stand between a sentence's start and its first word.
OPENERS = frozenset({'"', "“", "‘", "'", "(", "["})
#: Kinds of mention that, next to a place name, make a list or a phrase of places, not a longer name.
PLACE_NEIGHBOURS = frozenset({"country", "demonym", "region", "capital", "city", "province"})
#: Towns this large keep their name even when it is also an English word ("Shanghai").
MIN_WORDLIKE_POPULATION = 1_000_000


def english_words(nlp) -> frozenset[str]:
    """Verbs, adjectives and adverbs of the pipeline's lemmatizer index (WordNet's), read from
    the model's files even when the lemmatizer is not loaded; empty if the model has none."""
    return _index_words(str(nlp.path / "lemmatizer" / "lookups") if nlp.path is not None else "")


@lru_cache(maxsize=2)
def _index_words(path: str) -> frozenset[str]:
    # read once per process: the pipeline reloads itself every few hundred thousand new strings
    from spacy.lookups import Lookups

    if not path or not Path(path).exists():
        return frozenset()
    index = Lookups().from_disk(path).get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, ()))


def is_common_word(name: str, entry: Entry, words: frozenset[str]) -> bool:
    """A one-word town that is also an English verb, adjective or adverb ("Mobile", "Split",
    "Surprise", "Nice"): capitalised at the start of a sentence, it is the word. Provinces are
    kept: "Afar" is an adverb too, and a region at war."""
    return (
        entry.kind == "city" and " " not in name and name.lower() in words
        and entry.population < MIN_WORDLIKE_POPULATION
    )


def _is_word(tok) -> bool:
    """A capitalised word, or an initial ("Laura J. Richardson")."""
    return (tok.is_alpha and tok.text[0].isupper()) or (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == ".")


def _name_before(doc: Doc, s: int, places: dict[int, str], words: frozenset[str], start: int) -> int | None:
    """The capitalised word (or "Word-") right before that makes the name part of a longer one
    ("John Kerry", "ISIS-Khorasan"), if any. An English word that is capitalised only because it
    starts the sentence ("Overnight Kharkiv") does not, nor a country ("Russian Kursk") or, across
    a hyphen, any place ("the Idlib-Aleppo highway"); a town before a town is a person's names
    ("Warren Henderson")."""
    i = s - 1
    hyphen = i >= 1 and doc[i].text == "-" and not doc[i].whitespace_
    if hyphen:
        i -= 1
    elif i >= 1 and doc[i].text == "General" and doc[i - 1].lower_ == "consulate":  # "Consulate General Erbil"
        return None
    if i < 0 or not _is_word(doc[i]) or (i in places and (hyphen or places[i] not in FOLLOWED_KINDS)):
        return None
    low = doc[i].lower_
    if low in words and _first_word(doc, i, start):
        return None
    return i if low not in STOP_WORDS and low not in PLACE_MODIFIERS else None


def _first_word(doc: Doc, i: int, start: int) -> bool:
    """Whether token `i` is the first word of the sentence that begins at `start`."""
    j = start
    while j < i and doc[j].text in OPENERS:
        j += 1
    return j == i


def _name_after(doc: Doc, e: int, roles: frozenset[str], places: dict[int, str]) -> bool:
    """A capitalised word right after that names neither a place nor an office: "Lakota Freedom"."""
    i = e
    hyphen = i + 1 < len(doc) and doc[i].text == "-" and not doc[i - 1].whitespace_
    if hyphen:
        i += 1
    if i >= len(doc) or not _is_word(doc[i]) or (i in places and (hyphen or places[i] not in FOLLOWED_KINDS)):
        return False
    low = doc[i].lower_
    return low not in STOP_WORDS and low not in PLACE_HEADS and low not in roles


def _title_case(doc: Doc, s: int, e: int, start: int, end: int, reach: int = 40) -> bool:
    """No content word of the sentence [start, end) near the name is in lower case: a headline,
    where capitals say nothing ("Russian Forces Shell Kharkiv Overnight")."""
    near = list(doc[max(start, s - reach):s]) + list(doc[e:min(end, e + reach)])
    words = [t for t in near if t.is_alpha and t.lower_ not in STOP_WORDS]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


def _placed_elsewhere(doc: Doc, e: int, code: str, provinces: dict[int, str]) -> bool:
    """A town followed by ", <province of another country>" is that country's namesake: "Salem,
    Oregon", "Paris, Texas", "Birmingham, Alabama"."""
    return e + 1 < len(doc) and doc[e].text == "," and provinces.get(e + 1, code) != code


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    return frozenset(role_sectors())


def places_in_names(
    doc: Doc, mentions: list[tuple[int, int, Entry]], words: frozenset[str] = frozenset(),
    sentences: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, Entry]]:
    """`mentions` without the place names that are pieces of longer proper names.

    words: English verbs, adjectives and adverbs (`english_words`): one that starts a sentence is
    no given name ("Overnight Kharkiv").
    sentences: token [start, end) of each sentence, as the first pass split them (default: one).
    """
    roles = _roles()
    sentences = sentences or [(0, len(doc))]
    starts = [b for b, _ in sentences]
    places = {i: entry.kind for s, e, entry in mentions if entry.kind in PLACE_NEIGHBOURS for i in range(s, e)}
    provinces = {s: entry.code for s, _, entry in mentions if entry.kind == "province"}
    persons: set[str] = set()
    dropped: set[int] = set()
    for k, (s, e, entry) in enumerate(mentions):
        if entry.kind not in CHECKED_KINDS or (e < len(doc) and doc[e].lower_ in PLACE_HEADS):
            continue  # "the Kursk region" is the region, whatever comes before
        if _placed_elsewhere(doc, e, entry.code, provinces):
            dropped.add(k)
            continue
        start, end = sentences[max(0, bisect_right(starts, s) - 1)]
        before = _name_before(doc, s, places, words, start)
        if before is not None and not _title_case(doc, s, e, start, end):
            if entry.kind in FOLLOWED_KINDS and not doc[before].is_upper:  # "IDF Hebron Brigade" names no person
                persons.add(doc[s:e].text)
            dropped.add(k)
        elif entry.kind in FOLLOWED_KINDS and _name_after(doc, e, roles, places) and not _title_case(doc, s, e, start, end):
            dropped.add(k)
    return [
        m for k, m in enumerate(mentions)
        if k not in dropped and not (m[2].kind in FOLLOWED_KINDS and doc[m[0]:m[1]].text in persons)
    ]
