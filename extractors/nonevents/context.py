"""Words that put a whole sentence outside politics: a game, a film, a sanctions regime."""

from __future__ import annotations

import re

#: Words that only sport uses: in their sentence nothing is a political event.
STRONG_SPORT = frozenset(
    """striker strikers midfielder midfielders goalkeeper goalkeepers innings wicket wickets batsman batsmen
    bowler bowlers playoff playoffs referee half-time halftime kickoff kick-off overs""".split()
)
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
