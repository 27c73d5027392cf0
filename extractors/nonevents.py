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

from spacy.tokens import Doc, Token

SPORT = frozenset(
    """football soccer match matches goal goals league cup tournament championship championships striker
    midfielder goalkeeper coach team teams squad stadium season innings wicket wickets batsman bowler
    olympic olympics medal medals semi-final quarter-final final finals scored score scoring game games
    player players club clubs referee penalty half-time tennis rugby cricket basketball baseball hockey
    nfl nba fifa uefa playoff playoffs defeat victory champion champions race racing boxing boxer wrestling
    chess fixture derby kick-off kickoff""".split()
)
FICTION = frozenset(
    """film films movie movies novel novels plot episode episodes sitcom thriller screenplay starring stars
    directed director documentary fiction fictional character characters musical opera drama trailer
    video-game videogame""".split()
)
HISTORY = frozenset("century centuries history historical historically anniversary medieval ancient commemorate commemorates commemorated commemoration".split())
#: Head nouns of a phrase that is a private person, not a state or armed group.
PRIVATE = frozenset(
    """man men woman women boy boys girl girls person suspect suspects gunman gunmen teenager teenagers student
    students couple father mother husband wife son daughter neighbour neighbor neighbours neighbors driver
    resident residents tourist tourists worker workers robber robbers thief thieves burglar gang gangs
    customer customers patient patients passenger passengers""".split()
)
#: Physical targets: a hostile verb aimed at these is no metaphor even without a named actor.
PHYSICAL = frozenset(
    """city cities town towns village villages position positions base bases border post posts territory region
    area areas convoy convoys ship ships plane planes aircraft infrastructure building buildings camp camps
    capital district province troops forces soldiers army military civilians people embassy checkpoint
    checkpoints facility facilities site sites settlement settlements vessel vessels tanks helicopter
    helicopters drone drones enclave pipeline port airport bridge outpost outposts stronghold""".split()
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


def sentence_context(sent: Doc, published_year: int | None) -> set[str]:
    """Which non-event contexts the sentence is in: 'sport', 'fiction', 'history'."""
    words = {t.lower_ for t in sent}
    out = set()
    if words & SPORT:
        out.add("sport")
    if words & FICTION:
        out.add("fiction")
    if words & HISTORY or is_history_year(sent.text, published_year) or _ago(sent):
        out.add("history")
    return out


def _ago(sent: Doc) -> bool:
    """'years ago', 'decades ago' (but not 'two days ago')."""
    return any(t.lower_ == "ago" and t.i > 0 and sent[t.i - 1].lower_ in ("years", "decades", "centuries", "generations") for t in sent)


def is_metaphor_target(target: Token | None, resolved: bool) -> bool:
    """'war on obesity', 'battle with cancer': an abstract object nobody can shell."""
    if target is None or resolved:
        return False
    return target.pos_ in ("NOUN", "PROPN") and target.lower_ not in PHYSICAL and not target.is_title


def is_private(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in PRIVATE
