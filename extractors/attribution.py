"""Whose account an event is, and so its modality: a doer telling its own deed or a bystander
asserts it, the other side or a state telling of others claims it, the speaker's own act to come is
promised (a threat when it harms), and what follows from a condition may happen. The word tests
are `extractors.telling`'s; the frame (`modality.Frame`) says who speaks and how.
"""

from __future__ import annotations

from extractors.gazetteer import load_gazetteer
from extractors.modality import Frame
from extractors.model import Actor
from extractors.telling import is_bystander, is_unverified, sets_condition
from extractors.triggers import Trigger

#: What, said of the speaker's own future, threatens someone ("said it would retaliate"); a protest or a
#: deployment the speaker announces is planned ("unions said they will block motorways").
HARMS = frozenset({"assault", "coerce", "sanction", "threaten"})
#: What, promised on a condition, is a threat: a harm, or a strike or protest ("unless wages rise").
THREATS = HARMS | {"protest"}
COUNTRY_CODES = frozenset(e.code for e in load_gazetteer().names.values() if e.kind == "country")


def told_as(trig: Trigger, frame: Frame, speaker: Actor | None, src: Actor | None, codes: set[str]) -> str:
    """The modality of one event, given who tells it. A doer telling its own deed asserts it ("Israel
    said it struck Hezbollah sites"), as does a bystander ("residents said"); the other party, or
    a state or armed group telling of others, claims it ("Ukraine's air force said Russia launched
    40 drones"), and so does anyone whose word the sentence calls a claim ("…, a claim that could
    not be independently verified"). What the speaker says it will do is a threat when it harms
    someone ("Iran said it would retaliate"), else a plan ("unions said they will block motorways"). A harm or a protest
    promised on a condition is a threat ("will impose sanctions if Russia invades", "unions said they
    would strike unless …"); anything else that follows from one may happen ("if it engages, we will
    talk"); a threat made on a condition is still made ("warned Israel of a crushing response if it
    attacked")."""
    mod = frame.modality
    if frame.promised and mod in ("possible", "planned", "asserted"):
        if trig.category in HARMS or (trig.category == "protest" and sets_condition(trig.tok)):
            return "threatened"
        return "possible" if frame.conditional else "planned"
    if mod == "planned" and trig.category in THREATS and sets_condition(trig.tok):
        return "threatened"  # "Iran will strike U.S. bases if Washington joins the attack"
    if frame.conditional and mod in ("asserted", "planned") and trig.category != "threaten":
        return "possible"  # "if it engages, we will talk", "the ceasefire holds if …"
    if mod != "asserted" or speaker is None or frame.speaker is None or trig.tok.i == getattr(frame.speaker_verb, "i", None):
        return mod
    if is_unverified(trig.tok):
        return "claimed"  # "Russia said its air defences downed 12 drones, a claim that could not be verified"
    if (src is not None and src.code == speaker.code) or is_bystander(frame.speaker):
        return mod
    partisan = speaker.code in codes or (frame.reported and speaker.code in COUNTRY_CODES)
    return "claimed" if partisan else mod
