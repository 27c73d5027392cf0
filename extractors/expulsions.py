"""Ordering a foreign party out of one's country expels it (CAMEO 1663): "Niger ordered the French
ambassador to leave", "Mali's junta told French troops to leave the country".

"Order/tell … to leave" is more often something else, so the phrase is an expulsion only when
the resolved parties say so: a state (not an armed group) orders out a party of another country
or organisation, from the state's own territory ("the country", its own name, or no place said).
A travel advisory ("told American citizens to leave Lebanon": its own people), a demand ("Hamas
told Israel to leave Gaza": no state), an evacuation order ("ordered Palestinians to leave
northern Gaza": not the orderer's land) are none. In the passive, only a diplomat is expelled by
the country he is ordered out of ("the French ambassador was ordered to leave Niger"); staff and
citizens are ordered out by their own side.
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.model import Actor
from extractors.roles import Mention, counted_noun, resolve

#: The phrase triggers of data/triggers.tsv that order someone out.
EXPELLING = frozenset({"order leave", "tell leave", "instruct leave"})
#: Words for one's own territory as the place left: "leave the country".
OWN_LAND = frozenset({"country", "territory", "nation", "state"})
#: Who can order a party out of a state: the state itself (no sector), its government, forces,
#: police, legislature, courts; not rebels, protesters or companies (data/roles.tsv sectors).
STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "LEG", "JUD"})
#: Those whom only a host state orders out.
DIPLOMATS = frozenset(
    """ambassador ambassadors envoy envoys diplomat diplomats consul consuls attaché attache attachés chargé
    charge""".split()
)


def expulsion(verb: Token, sources: list[Actor], targets: list[Actor], mentions: dict[int, Mention]) -> tuple[list[Actor], list[Actor]] | None:
    """The expeller and the expelled of an "order … to leave" trigger on `verb`, or None if it is none."""
    leave = next((c for c in verb.children if c.lower_ == "leave"), None)
    place = next((c for c in leave.children if c.dep_ == "dobj"), None) if leave is not None else None
    hosts = resolve(place, mentions, places_act=True)[0] if place is not None else []
    place_codes = {a.code for a in hosts}
    if not sources:
        ordered = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if ordered is None or counted_noun(ordered).lower_ not in DIPLOMATS or len(place_codes) != 1:
            return None
        sources = [Actor(hosts[0].text, hosts[0].code, "GOV")]
    if len(sources) != 1 or sources[0].sector not in STATE_SECTORS:
        return None
    home = sources[0].code
    expelled = [t for t in targets if t.code != home]
    if not expelled or len(expelled) != len(targets):
        return None  # its own people, or some of them
    own = place is None or place.lower_ in OWN_LAND or place_codes == {home}
    return (sources, expelled) if own else None
