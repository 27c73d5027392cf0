"""What looks like an event but is not one: sport, metaphor, private crime, fiction, history.

Each rule is a general cue, not a list of sentences: a game context turns "attack", "strike",
"fight" into sport; a war "on obesity" has no actor to fight; a man who stabs his neighbour is no
state; a film's plot and a history lesson did not happen today.

>>> is_history_year("in 1992", 2022)
True
>>> is_history_year("on 12 September 2022", 2022)
False
"""

from __future__ import annotations

import re
from collections.abc import Container

from spacy.tokens import Doc, Token

#: Words that only sport uses: in their sentence nothing is a political event.
STRONG_SPORT = frozenset(
    """striker strikers midfielder midfielders goalkeeper goalkeepers innings wicket wickets batsman batsmen
    bowler bowlers playoff playoffs referee half-time halftime kickoff kick-off overs""".split()
)
#: Heads of phrases that cannot be an agent of a political act: storms, crashes, diseases.
NON_AGENTS = frozenset(
    """storm storms typhoon hurricane cyclone earthquake quake flood floods flooding tsunami wildfire wildfires blaze
    blazes bushfire bushfires firestorm drought tornado virus outbreak epidemic pandemic disease crash accident
    collision landslide avalanche mudslide mudslides eruption volcano lightning blizzard heatwave weather rain
    rains rainfall snow snowfall winds""".split()
)
#: A single aircraft that strikes a building is an accident unless a country or a military word
#: owns it: "a small plane struck a tower", but "an Israeli plane bombed a house".
VEHICLES = frozenset("plane aircraft helicopter airliner flight".split())
MILITARY = frozenset("military army navy fighter war combat attack enemy coalition".split())
#: What a vehicle does by accident: a plane "struck a tower", "killing" its crew; it bombs no one by accident.
COLLISIONS = frozenset("strike hit kill destroy damage".split())
#: Vehicles besides aircraft, which crash into things by accident.
CARRIAGES = frozenset("bus train car truck boat ship ferry vessel".split())
#: Weapons: they "crash" into something on purpose, and their programmes fire nothing (triggers.py).
WEAPONS = frozenset("missile missiles rocket rockets drone drones bomb bombs shell shells bomber bombers".split())
SPORT = frozenset(
    """football soccer match matches goal goals league cup tournament championship championships striker
    midfielder goalkeeper coach team teams squad stadium season innings wicket wickets batsman bowler
    olympic olympics medal medals semi-final quarter-final final finals scored score scoring game games
    player players club clubs referee penalty half-time tennis rugby cricket basketball baseball hockey
    nfl nba fifa uefa playoff playoffs defeat victory champion champions race racing boxing boxer wrestling
    chess fixture derby kick-off kickoff bowled""".split()
)
FICTION = frozenset(
    """film films movie movies novel novels plot episode episodes sitcom thriller screenplay starring stars
    directed director documentary fiction fictional character characters musical opera drama trailer
    video-game videogame""".split()
)
#: A game's score ("reduced to 35-3", "beat Argentina 2–1", "won 3-1"): a number pair right after a
#: word of winning or losing, or after "to" at the end of a clause. Any other number range is not
#: one: dates, votes, hours, "20-25 attacks", "killing 2-3 people".
SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
SCORE_VERBS = frozenset(
    "beat beating beats won win wins winning lost lose losing drew draw defeated thrashed edged led leading trailed trailing".split()
)
CLAUSE_END = frozenset(". , ; : at in after before with when and but early late by within".split())
#: Words of sanctions regimes: where they are, "targeting" officials designates them, it shoots no one.
MEASURES = frozenset(
    """sanction sanctions sanctioned sanctioning designation designations designate designates designated
    designating restriction restrictions visa visas e.o. treasury ofac embargo tariffs asset assets freeze
    freezes frozen blacklist blacklisted""".split()
)
HISTORY = frozenset(
    """century centuries decades history historical historically anniversary medieval ancient commemorate
    commemorates commemorated commemoration wwi wwii ww1 ww2""".split()
)
#: Words that number a world war: "the Second World War", "World War II".
_WORLD_WAR = frozenset("first second i ii one two 1 2".split())
#: Verbs of accidents: "killed when their helicopter crashed" tells a crash, not an attack.
ACCIDENTS = frozenset(
    """crash crashed crashes crashing collide collided collides colliding derail derailed derails derailing
    capsize capsized capsizes capsizing collapse collapsed collapses collapsing""".split()
)
#: Head nouns of a phrase that is a private person, not a state or armed group.
PRIVATE = frozenset(
    """man men woman women boy boys girl girls person suspect suspects gunman attacker assailant teenager
    teenagers student students couple father mother husband wife son daughter neighbour neighbor neighbours
    neighbors driver resident residents tourist tourists worker workers robber robbers thief thieves burglar
    gang gangs customer customers patient patients passenger passengers""".split()
)
#: Physical targets: a hostile verb aimed at these is no metaphor even without a named actor.
PHYSICAL = frozenset(
    """city cities town towns village villages position positions base bases border post posts territory region
    area areas convoy convoys ship ships plane planes aircraft infrastructure building buildings camp camps
    capital district province troops forces soldiers army military civilians people embassy checkpoint
    checkpoints facility facilities site sites settlement settlements vessel vessels tanks helicopter
    helicopters drone drones enclave pipeline port airport bridge outpost outposts stronghold target targets
    refinery refineries plant plants depot depots warehouse warehouses school schools hospital hospitals market
    markets mosque mosques church churches house houses home homes apartment apartments neighbourhood
    neighborhood neighbourhoods neighborhoods tanker tankers warship warships vehicle vehicles truck trucks bus
    buses train trains barracks compound headquarters hotel hotels dam railway substation""".split()
)
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})(s?)\b")


def is_history_year(text: str, published_year: int | None) -> bool:
    """A year (or decade) at least five years before publication is a history lesson."""
    if published_year is None:
        return False
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if year <= published_year - 5 or (m.group(2) and year + 10 <= published_year):
            return True
    return False


def sentence_context(lowers: list[str]) -> set[str]:
    """Which non-event contexts the whole sentence (its lower-cased words) is in: 'sport', 'fiction'.

    The tokenizer splits "half-time" into three tokens; they are joined again here.

    >>> sorted(sentence_context("after half - time canada closed the gap".split()))
    ['only-sport', 'sport']
    """
    words = set(lowers)
    words.update(f"{a}-{b}" for a, h, b in zip(lowers, lowers[1:], lowers[2:]) if h == "-")
    out = set()
    if words & SPORT or _has_score(lowers):
        out.add("sport")
    if words & STRONG_SPORT:
        out.add("only-sport")
    if words & FICTION:
        out.add("fiction")
    if words & MEASURES:
        out.add("measures")
    return out


def _has_score(lowers: list[str]) -> bool:
    """ "India were reduced to 35-3", "beat Argentina 2–1": a game's score.

    >>> _has_score("india were reduced to 35 - 3 .".split()), _has_score("brazil beat argentina 2–1".split())
    (True, True)
    >>> _has_score("russia struck kyiv on 5 - 6 march".split()), _has_score("adopted 143 - 5 , days after".split())
    (False, False)
    >>> _has_score("the toll rose to 10 - 15 people".split()), _has_score("ukraine repelled 20 - 25 attacks".split())
    (False, False)
    """
    for i, w in enumerate(lowers):
        n = 3 if i + 2 < len(lowers) and lowers[i + 1] == "-" else 1  # the tokenizer splits "35-3", not "2–1"
        if not SCORE.fullmatch("".join(lowers[i:i + n])):
            continue
        after = lowers[i + n] if i + n < len(lowers) else "."
        before = lowers[max(0, i - 2):i]
        if (before and before[-1] in SCORE_VERBS) or (len(before) == 2 and before[0] in SCORE_VERBS):
            return True  # "won 3-1", "beat Argentina 2–1"
        if before and before[-1] == "to" and after in CLAUSE_END:
            return True  # "reduced to 35-3."
    return False


def _clause(tok: Token) -> Token:
    """The verb whose clause holds `tok` (the root for verbless fragments)."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def history_clauses(sent: Doc, lowers: list[str], published_year: int | None) -> set[int]:
    """Clauses that tell history: an old year or decade, "years ago", "in the last decades", "the
    anniversary of" — only that clause, so "signed a deal today to raise trade over 1983" stands."""
    out = set()
    for i, low in enumerate(lowers):
        cue = low in HISTORY
        if not cue and low[:1].isdigit() and published_year is not None:
            cue = is_history_year(low, published_year)
        if not cue and low == "ago" and i > 0:
            cue = lowers[i - 1] in ("year", "years", "decades", "centuries", "generations")
        if not cue and low == "war" and i > 0 and lowers[i - 1] == "world":  # "the Second World War"
            cue = (i > 1 and lowers[i - 2] in _WORLD_WAR) or (i + 1 < len(lowers) and lowers[i + 1] in _WORLD_WAR)
        if cue and not _yardstick(sent[i]):
            out.add(_clause(sent[i]).i)
    return out


def _yardstick(tok: Token) -> bool:
    """A past time that measures the present rather than telling the past: "the deadliest attack
    since World War II", "since 2014", "for the first time in its history"."""
    node = tok
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ == "since":
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "in" and node.lower_ == "history":
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "nummod", "amod", "appos", "npadvmod") or node.head.i == node.i:
            return False
        node = node.head
    return False


def in_history(tok: Token, clauses: set[int]) -> bool:
    """Whether `tok` is told in a history clause; a relative clause describes its noun, so it is
    history when its noun is ("the 1995 bombing that killed 168 people")."""
    if not clauses:
        return False
    clause = _clause(tok)
    for _ in range(4):
        if clause.i in clauses:
            return True
        if _shares_time(clause):  # "During the 1960s he led an army, backed by the CIA, against …"
            clause = _clause(clause.head)
            continue
        if clause.dep_ not in ("relcl", "acl") or clause.head.pos_ not in ("NOUN", "PROPN"):
            return False
        clause = _clause(clause.head)
    return False


def _shares_time(clause: Token) -> bool:
    """A participle clause with no tense or conjunction of its own tells its main clause's time."""
    return (
        clause.dep_ == "advcl" and clause.tag_ in ("VBN", "VBG")
        and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
    )


def is_accident(tok: Token) -> bool:
    """Deaths told with an accident as their cause: "killed when the helicopter crashed"."""
    return any(c.dep_ == "advcl" and c.lower_ in ACCIDENTS for c in tok.children)


def follows_accident(tok: Token) -> bool:
    """Deaths told as an accident's outcome: "the helicopter crashed, killing sixteen on board",
    "a flight that crashed into a valley, killing 158"; whoever the vehicle belonged to, the crash
    killed them. A weapon's crash ("a missile crashed into a mall"), a crash of something into
    something ("crashed his car into a checkpoint") or of people through it is an attack."""
    crash = tok.head
    if tok.dep_ not in ("advcl", "conj") or crash.lower_ not in ACCIDENTS:
        return False
    if any(c.dep_ == "dobj" for c in crash.children):
        return False
    subject = next((c for c in crash.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and crash.dep_ == "relcl":  # "a flight that crashed"
        subject = crash.head
    if subject is not None and subject.lower_ in WEAPONS:
        return False
    aimed = any(c.dep_ == "prep" and c.lower_ in ("into", "through", "onto") for c in crash.children)
    return not aimed or subject is None or subject.lower_ in VEHICLES | CARRIAGES


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


def is_metaphor_target(target: Token | None, resolved: bool) -> bool:
    """'war on obesity', 'battle with cancer': an abstract object nobody can shell."""
    if target is None or resolved:
        return False
    return target.pos_ in ("NOUN", "PROPN") and target.lower_ not in PHYSICAL and not target.is_title


def is_private(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in PRIVATE


def is_non_agent(tok: Token | None, owners: Container[int] = (), act: str = "") -> bool:
    """"the storm", "Typhoon Krosa", "a plane crash": the phrase's head or a modifier says so; "a
    small aircraft" struck or killed (`act`, a lemma) by accident, unless a country or group
    (owners: indices of tokens naming one) or a military word owns it. No aircraft bombs by accident."""
    if tok is None:
        return False
    phrase = tok.doc[tok.left_edge.i : tok.i + 1]
    if any(t.lower_ in NON_AGENTS for t in phrase):
        return True
    vehicle = tok.lower_ in VEHICLES and act in COLLISIONS
    return vehicle and not any(t.i in owners or t.lower_ in MILITARY for t in phrase)


#: Verbs whose object did not (or no longer) happen: "lifted the blockade", "prevent further fighting".
UNDO = frozenset("lift ease end postpone cancel suspend halt stop drop remove relax revoke avert prevent avoid".split())
#: Nouns of undoing: what they are "of" is undone ("the lifting of the blockade").
UNDOING = frozenset("lifting easing removal suspension cancellation repeal relaxation revocation postponement scrapping".split())
#: Prepositions that put a nominal event in the background of the sentence's own event.
BACKGROUND = frozenset({"after", "following", "since", "before", "during", "despite", "over"})


def is_background(trig, lex, trigger_tokens: frozenset[int] = frozenset()) -> bool:
    """Hypothetical ("if it is attacked"), undone ("lifted the blockade") or background events.

    trigger_tokens: indices of the sentence's other triggers, whose participants' descriptions
    ("released the civilians imprisoned for …") are background.
    """
    tok = trig.tok
    if not trig.is_verb:
        phrase = trig.arg_tok  # "lifted the state of emergency": the state is lifted
        if phrase.dep_ == "dobj" and lex.lemma(phrase.head.text) in UNDO:
            return True
        if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.lower_ in UNDOING:
            return True  # "the lifting of sanctions"
        node = tok
        for _ in range(4):
            if node.dep_ == "pobj" and node.head.lower_ in BACKGROUND:
                return True
            if node.dep_ not in ("pobj", "prep", "conj", "compound") or node.head.i == node.i:
                break
            node = node.head
    if trig.is_verb and tok.dep_ in ("relcl", "acl"):
        # "the mayor, jailed a year ago", "whom they had taken hostage": a participle or a
        # pluperfect describing the noun is its history, unless it names its agent ("arrested by").
        if (
            tok.tag_ == "VBN" and tok.dep_ == "acl" and not any(c.dep_ == "agent" for c in tok.children)
            and tok.head.head.i in trigger_tokens
        ):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
    return False
