"""Arms in use or arms as things: a weapon named is an attack only when it is fired.

"Russia launched 40 drones at Kyiv", "a barrage of missiles", "a missile hit an apartment block",
"homes hit by Russian rockets" tell an attack; "develops missiles", "sold Patriot missiles to
Poland", "unveiled a new missile", "a drone programme" do not. Shooting down or intercepting is
force only against arms ("downed 30 Russian drones", not "downed tools" or "intercepted calls").
The weapons are the `l` words of `data/triggers.tsv`; these are the words around them.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Russia", "launched", "a", "barrage", "of", "drones", "at", "Kyiv"],
...           heads=[1, 1, 3, 1, 3, 4, 3, 6], deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj"])
>>> volley_of(doc[5]).text, is_fired(volley_of(doc[5]))
('barrage', True)
>>> doc = Doc(nlp.vocab, words=["Turkey", "builds", "drones"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
>>> is_fired(doc[2])
False
>>> doc = Doc(nlp.vocab, words=["Ukraine", "downed", "30", "drones"], heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "nummod", "dobj"])
>>> downs_arms(doc[1])
True
>>> doc = Doc(nlp.vocab, words=["Workers", "downed", "tools"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
>>> downs_arms(doc[1])
False
"""

from __future__ import annotations

from spacy.tokens import Token

from extractors.lexicon import inflect_noun
from extractors.nonevents.accidents import WEAPONS

#: Verbs whose object is a weapon sent on its way: "launched drones", "lobbed mortar rounds".
#: "fire" is an attack word itself, so the weapon it fires adds nothing.
LAUNCHERS = frozenset(
    """launch launches launched launching lob lobs lobbed lobbing hurl hurls hurled hurling unleash unleashes
    unleashed unleashing drop drops dropped dropping rain rains rained raining""".split()
)
#: Verbs that launch a weapon only at someone: "used water cannon against a supply boat", "sent a
#: wave of drones toward a refinery"; not "uses drones for surveillance", "sent drones to Ukraine".
USING = frozenset("use uses used using send sends sent sending".split())
#: Verbs whose subject, a weapon, lands on what it hits: "a missile hit the block", "rockets landed
#: in Sderot", "Russian missiles will drop across Ukraine". Attack words ("struck", "killed") tell
#: it themselves.
HITTING = frozenset(
    """hit hits hitting slam slams slammed slamming land lands landed landing fall falls fell falling smash
    smashes smashed smashing rain rains rained raining drop drops dropped dropping damage damages damaged
    damaging tear tears tore torn tearing rock rocks rocked rocking""".split()
)
#: Nouns that only count the weapons of their "of" phrase: "a barrage of missiles", "dozens of drones".
VOLLEYS = frozenset(
    f for n in "barrage salvo volley wave swarm hail rain series dozen hundred score number flurry".split()
    for f in inflect_noun(n)
)
#: Nouns that carry a weapon's firing ("a missile campaign"; its "programme" fires nothing).
CAMPAIGNS = frozenset("campaign campaigns operation operations".split())
#: What can be shot down or intercepted by force: arms in the air, not ships ("a gunboat intercepting a
#: ship" may only stop it).
AIRBORNE = WEAPONS | frozenset(
    f for n in "aircraft plane warplane jet fighter bomber helicopter balloon uav projectile warhead".split()
    for f in inflect_noun(n)
)


def volley_of(tok: Token) -> Token:
    """The noun that counts a weapon ("barrage" in "a barrage of missiles and drones"), else `tok`."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in VOLLEYS:
        return volley_of(tok.head.head)
    return tok


def is_fired(phrase: Token) -> bool:
    """Whether the weapon phrase (a weapon, its volley or its rounds: `Trigger.arg_tok`) is used
    against something: launched ("launched a drone at a ship"), landing ("a missile hit the block"),
    or what something was hit by ("damaged by Russian rockets"). In "missiles and drones" only the
    first is launched by the parse: one volley, one event."""
    if phrase.lower_ in CAMPAIGNS:
        return True  # "Russia's missile campaign against Ukraine's power grid"
    head = phrase.head
    if phrase.dep_ in ("dobj", "nsubjpass") and launches(head, phrase):
        return True
    if phrase.dep_ == "nsubj" and head.lower_ in HITTING:
        return True
    return phrase.dep_ == "pobj" and head.lower_ == "by" and head.head.tag_ == "VBN" and head.head.lower_ in HITTING


def launches(verb: Token, weapon: Token) -> bool:
    """Whether `verb` sends `weapon`, its object, on its way (`LAUNCHERS`, `USING`)."""
    if verb.lower_ in LAUNCHERS:
        return True
    aimed = [c for t in (verb, weapon) for c in t.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "at", "toward", "towards")]
    return verb.lower_ in USING and bool(aimed)


def downs_arms(tok: Token) -> bool:
    """Whether a verb of shooting down or intercepting acts on arms: "downed 30 Russian drones",
    "intercepted a missile", not "downed tools", "intercepted a shipment" (a seizure, read elsewhere)."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and tok.dep_ == "acl":
        obj = tok.head  # "the drones intercepted over Kyiv"
    if obj is None:
        return False
    obj = weapon_counted(obj)
    return obj.lower_ in AIRBORNE or any(c.lower_ in AIRBORNE for c in obj.children if c.dep_ == "compound")


def weapon_counted(tok: Token) -> Token:
    """The weapon a volley or a number counts ("missiles" in "40 of the 45 missiles", "drones" in "a
    swarm of drones"), else `tok`: `volley_of` the other way round."""
    for _ in range(3):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None or (tok.lower_ not in VOLLEYS and tok.pos_ != "NUM"):
            break
        tok = obj
    return tok


def sends_arms_at(verb: Token) -> bool:
    """Whether a sending fires weapons at someone: "sent a wave of drones toward an oil refinery",
    not "sent drones to Ukraine" (aid)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and verb.lower_ in USING and weapon_counted(obj).lower_ in WEAPONS and launches(verb, obj)
