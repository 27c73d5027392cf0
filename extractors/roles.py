"""Who a noun phrase is: country, organisation or role phrase → `Actor` (code, sector) and place.

Works on a parsed sentence plus the gazetteer matches of the cheap pass (`mentions`: token index
→ Mention). Looks inside the phrase (left modifiers: "Azerbaijani forces", "Armenia's Defence
Ministry", "US Secretary of State Antony Blinken"), into its "of" complement ("the Foreign
Minister of Azerbaijan") and its apposition ("Antony Blinken, the US Secretary of State"), and
splits coordinations ("Armenia and Azerbaijan") into one actor each.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from extractors.gazetteer import Entry
from extractors.lexicon import inflect_noun
from extractors.model import Actor

DATA = Path(__file__).parent / "data"
PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our", "us", "he", "his", "she", "her"})
#: Pronouns that can stand for a whole coordination ("Obama and Putin said they would …").
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "our", "us"})
#: Nouns that only count what their "of" phrase names: "thousands of protesters".
QUANTITIES = frozenset(
    "dozens hundreds thousands millions tens scores number numbers crowd crowds handful".split()
)
BOTH_SIDES = frozenset({"side", "country", "nation", "party", "neighbour", "neighbor", "government", "state", "foe", "rival", "adversary"})
BOTH_SIDES_FORMS = frozenset(f for w in BOTH_SIDES for f in inflect_noun(w))
#: Kinds of gazetteer entry that can act; provinces and cities only say where.
ACTING_KINDS = frozenset({"country", "demonym", "metonym", "igo", "ngo", "img", "region", "capital", "armed", "person"})
#: Categories whose target can be a city alone ("shelled Kharkiv", "a curfew in Srinagar", "withdrew
#: from Kherson"). A city with any other trigger and no actor ("Osaka approved …", "visit
#: Louisville") makes no event.
PLACE_TARGET_CATEGORIES = frozenset({"assault", "coerce", "mobilize", "retreat"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token indices in the sentence doc
    end: int
    entry: Entry
    text: str


@lru_cache(maxsize=1)
def role_sectors() -> dict[str, str]:
    """Lower-cased role noun (singular and plural) → sector."""
    out: dict[str, str] = {}
    for line in (DATA / "roles.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, sector = line.split("\t")
            for form in inflect_noun(lemma):
                out[form] = sector
    return out


def _np_tokens(tok: Token) -> list[Token]:
    """The phrase's head, its left modifiers, and the object of an "of" / "'s" complement."""
    doc = tok.doc
    out = [doc[i] for i in range(tok.left_edge.i, tok.i + 1)]
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            out.extend(t for t in child.subtree if t.dep_ != "relcl")
        elif child.dep_ == "appos":
            out.extend(_np_tokens(child))
    return out


def phrase_text(tok: Token) -> str:
    """The phrase as the article spells it (a headline is parsed lower-cased: `user_data["text"]`)."""
    doc = tok.doc
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            end = child.right_edge.i + 1
    span = doc[tok.left_edge.i:end]
    original = doc.user_data.get("text")
    text = original[span.start_char:span.end_char] if original else span.text
    return text.strip(" ,")


def counted_noun(tok: Token) -> Token:
    """The noun a quantity phrase counts: "protesters" in "thousands of protesters", else `tok`."""
    for _ in range(3):  # "hundreds of thousands of people"
        if tok.lower_ not in QUANTITIES:
            break
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            break
        tok = obj
    return tok


def resolve_one(tok: Token, mentions: dict[int, Mention], places_act: bool = False, guess_place: bool = True) -> tuple[list[Actor], str | None]:
    """Actors a single phrase headed by `tok` denotes (two for "Hungarian and Romanian officials").

    places_act: a city or province names its country ("bombed Kharkiv" → UKR), as for targets.
    guess_place: an unnamed role ("government forces") may belong to the one place the sentence names.
    """
    if tok.i not in mentions:
        tok = counted_noun(tok)
    roles = role_sectors()
    role = roles.get(tok.lower_) or next(
        (roles[c.lower_] for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in roles and c.i not in mentions), None
    )
    location = None
    acting: list[Mention] = []
    for t in _np_tokens(tok):
        m = mentions.get(t.i)
        if m is None or m in acting:
            continue
        if m.entry.location and location is None:
            location = m.entry.location
        if m.entry.kind in ACTING_KINDS or (role and m.entry.kind in ("city", "province")) or (places_act and m.entry.kind == "city"):
            acting.append(m)
    if not acting and role:
        # "rebels in the Ivory Coast", "students throughout Indonesia", "doctors at South Korea's
        # hospitals": a role placed in a country.
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside", "from", "throughout", "across", "at"):
                for t in child.subtree:
                    m = mentions.get(t.i)
                    if m is not None and m not in acting:
                        acting.append(m)
                        location = location or m.entry.location
    if not acting and role and guess_place:
        # "Government forces … in Darfur": an unnamed role belongs to the one place the sentence names.
        places = {m.entry.code: m for m in mentions.values() if m.entry.kind in ("region", "city", "province", "capital")}
        if len(places) == 1:
            acting = list(places.values())
            location = location or acting[0].entry.location
    if not acting:
        return [], location
    if role is None:  # "Antony Blinken, the US Secretary of State": the role is in the apposition
        role = next((roles[a.lower_] for a in tok.children if a.dep_ == "appos" and a.lower_ in roles), None)
    # The head's own mention beats a modifier's; otherwise the first one found.
    best = next((m for m in acting if m.start <= tok.i < m.end), acting[0])
    chosen = [best] + [m for m in acting if m is not best and _coordinated_with(m, best, tok.doc)]
    head_named = best.start <= tok.i < best.end
    sector = best.entry.sector if best.entry.kind != "capital" or head_named else None
    if role and not head_named:  # "Azerbaijani forces" → MIL; but "Secretary-General" is one name
        sector = role
    if best.entry.kind == "region":
        location = best.entry.location
    text = phrase_text(tok)
    out, seen = [], set()
    for m in chosen:
        if m.entry.code not in seen:
            seen.add(m.entry.code)
            out.append(Actor(text, m.entry.code, sector))
    return out, location


def _coordinated_with(m: Mention, best: Mention, doc) -> bool:
    a, b = doc[m.end - 1], doc[best.end - 1]
    return (a.dep_ == "conj" and best.start <= a.head.i < best.end) or (b.dep_ == "conj" and m.start <= b.head.i < m.end)


def coordinated(tok: Token, mentions: dict[int, Mention] | None = None) -> list[Token]:
    """`tok` and every phrase coordinated with it ("Armenia, Georgia and Azerbaijan").

    mentions: when given, a list of names parsed as an apposition counts as a coordination.
    """
    out = [tok]
    for c in tok.conjuncts:
        if c.i != tok.i and c not in out:
            out.append(c)
    # "The US, Russia, and Switzerland met": the small model may parse a list of names as an
    # apposition (with the rest coordinated to it); a name is never another name's apposition.
    for c in tok.children:
        if mentions and c.dep_ == "appos" and c.i in mentions and tok.i in mentions and any(g.dep_ == "conj" for g in c.children):
            out.extend(x for x in [c, *c.conjuncts] if x not in out)
    return sorted(out, key=lambda t: t.i)


def is_both_sides(tok: Token) -> bool:
    """"both sides", "the two countries", "each other", "both" standing alone."""
    low = tok.lower_
    if low in ("both", "each") and tok.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass"):
        return True
    if low in BOTH_SIDES_FORMS:
        return any(c.lower_ in ("both", "two", "each", "all") for c in tok.children)
    return low == "other" and any(c.lower_ == "each" for c in tok.children)


def resolve_object_pronoun(tok: Token, mentions: dict[int, Mention], dyad: tuple[Actor, ...]) -> list[Actor]:
    """An object pronoun ("urging them") refers back to the nearest earlier phrase naming actors
    that is not the clause's own subject: "calls to the leaders of both nations, urging them"."""
    for t in reversed(tok.doc[: tok.i]):
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "dobj", "conj", "appos", "nsubjpass") and t.lower_ not in PRONOUNS:
            if is_both_sides(t):
                return [Actor(phrase_text(t), d.code, d.sector) for d in dyad]
            found, _ = resolve_one(t, mentions)
            if found:
                return found
    return []


def resolve_pronoun(tok: Token, mentions: dict[int, Mention]) -> list[Actor]:
    """A pronoun refers to the nearest governing clause's subject that is an actor; a plural one
    to every actor of that subject ("Obama and Putin said they would …" → both)."""
    seen = {tok.i}
    node = tok
    while node.head.i != node.i:
        node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i not in seen and child.lower_ not in PRONOUNS:
                if tok.lower_ not in PLURAL_PRONOUNS:
                    actors, _ = resolve_one(child, mentions)
                    if actors:
                        return actors[:1]
                    continue
                actors = []  # one per country: "they" is the parties, not their every office
                for t in coordinated(child, mentions):
                    actors.extend(a for a in resolve_one(t, mentions)[0] if all(a.code != b.code for b in actors))
                if actors:
                    return actors
        seen.add(node.i)
    return []


def resolve(tok: Token | None, mentions: dict[int, Mention], dyad: tuple[Actor, ...] = (), places_act: bool = False,
            guess_place: bool = True) -> tuple[list[Actor], str | None]:
    """Actors denoted by the phrase headed by `tok` (several for a coordination or "both sides").

    places_act, guess_place: as for `resolve_one`.
    """
    if tok is None:
        return [], None
    actors: list[Actor] = []
    location = None
    for t in coordinated(tok, mentions):
        if t.i in mentions:  # "US" is a country, not "us"
            found, loc = resolve_one(t, mentions, places_act, guess_place)
            location = location or loc
            _add_new(actors, found)
            continue
        if t.lower_ in ("them", "us") and t.dep_ in ("dobj", "pobj", "dative"):
            _add_new(actors, resolve_object_pronoun(t, mentions, dyad))
            continue
        if t.lower_ in PRONOUNS or (t.dep_ == "poss" and t.tag_ == "PRP$"):
            _add_new(actors, resolve_pronoun(t, mentions))
            continue
        if is_both_sides(t):
            actors.extend(Actor(phrase_text(t), d.code, d.sector) for d in dyad)
            continue
        found, loc = resolve_one(t, mentions, places_act, guess_place)
        location = location or loc
        if not found:
            # "its infrastructure", "their towns": the owner is the actor.
            for child in t.children:
                if child.dep_ == "poss" and child.lower_ in PRONOUNS:
                    found = resolve_pronoun(child, mentions)
        _add_new(actors, found)
    return actors, location


def _add_new(actors: list[Actor], found: list[Actor]) -> None:
    """Append the actors of `found` not yet in `actors` (same code and sector)."""
    actors.extend(a for a in found if all((a.code, a.sector) != (b.code, b.sector) for b in actors))
