"""What looks like an event but is not one: sport, metaphor, private crime, fiction, history.

Each rule is a general cue, not a list of sentences: a game context turns "attack", "strike",
"fight" into sport; a war "on obesity" has no actor to fight; a man who stabs his neighbour is no
state; a film's plot and a history lesson did not happen today. One module per kind of cue.
"""

from extractors.nonevents.accidents import WEAPONS, follows_accident, is_accident, is_non_agent
from extractors.nonevents.background import is_background
from extractors.nonevents.context import FICTION, SPORT, STRONG_SPORT, sentence_context
from extractors.nonevents.history import (
    DEFUNCT, defunct_states, history_clauses, in_history, is_defunct_actor, names_former_state,
)
from extractors.nonevents.past import is_stale
from extractors.nonevents.names import in_proper_name
from extractors.nonevents.parties import ARMING, PHYSICAL, is_metaphor_target, is_private, is_state_target

__all__ = [
    "ARMING", "DEFUNCT", "FICTION", "PHYSICAL", "SPORT", "STRONG_SPORT", "WEAPONS",
    "defunct_states", "follows_accident", "history_clauses", "in_history", "in_proper_name", "is_accident", "is_background",
    "is_defunct_actor", "is_stale", "is_metaphor_target", "is_non_agent", "is_private", "is_state_target", "names_former_state",
    "sentence_context",
]
