"""Trigger words read in another sense than their event's: the word is there, the deed is not.

"the accused" is a person; "demonstrated its commitment" shows something; "declined to comment" says
nothing; "strengthened ties", "mobilized support" and "deployed clean energy" build up no force;
workers "on strike" protest and attack no one; a state that withdraws its inspectors or its
ambassador reduces relations, it does not retreat; cancelling restrictions or suspending sanctions
concedes; a state that sends people to prison does not give them anything; denying an accusation
rebuts it and rejects no one; closing, recalling and freezing sanction only borders, envoys and
assets ("close cooperation", "recalling their talks" and "freeze to death" do not), cutting and
reducing only ties, aid and trade ("cut a deal" does not); a figurative frame is no deed ("strike us
as serious", "killed the bill", "would be met with force", "poses a threat", "came under fire for
its policy"); a state defending itself backs no one; violence that "declined" fell; an alert against
a virus, a storm or an earthquake shows no force ("deployed troops to assist search and rescue");
a weapon named is an attack only when fired ("launched drones at Kyiv", not "develops missiles"),
only arms are shot down ("downed two drones", not "downed tools") and only armed force crosses into
a place as an incursion; a particle can make another verb ("shares shot up", "struck down the
law"); "prisoners of war" are people, "its fight to end child labour" a campaign, and "I don't rule
out that …" keeps a guess open. Each rule reads the word's own phrase (its object, its determiner) or the
roles of its agents, never a list of sentences. The flags are those of `data/triggers.tsv`: `i` a
protest only without an object, `a` a build-up of force, `l` a weapon.
"""

from __future__ import annotations

from extractors.modality import is_alert
from extractors.senses.arms import downs_arms, is_fired, sends_arms_at
from extractors.senses.dissent import declines_comment, is_walkout, rebuts_words
from extractors.senses.figurative import IMPRESSING, has_other_particle, is_blame, is_danger, is_impression, is_reaction, kills_a_plan
from extractors.senses.force import (
    builds_up_arms, crosses_in_arms, defends_itself, is_peacekeeping, is_relief, sends_force_into, withdraws_presence,
)
from extractors.senses.measures import SANCTIONED_OBJECTS, sanctions_object, sends_to_prison, stops_a_measure
from extractors.senses.phrase import purpose

__all__ = [
    "builds_up_arms", "is_other_sense", "is_peacekeeping", "is_walkout", "sends_arms_at", "sends_force_into", "sends_to_prison",
    "stops_a_measure", "withdraws_presence",
]

#: People named by a war they were in: "prisoners of war", "veterans of the war".
NAMED_BY_WAR = frozenset("prisoner prisoners veteran veterans".split())
#: Purposes of a fight that are combat: "the fight to retake Kherson" (not "to end child labour").
CONQUESTS = frozenset("take retake capture recapture seize hold defend preserve liberate free destroy defeat repel encircle".split())
#: Purposes that make an operation a rescue, not an attack: "an operation to evacuate its citizens".
RESCUES = frozenset("evacuate rescue escort protect".split())


def is_other_sense(trig) -> bool:
    """Whether a trigger (`extractors.triggers.Trigger`) is used in a sense that is no event."""
    tok = trig.tok
    if not trig.is_verb and trig.category == "assault" and purpose(tok) in RESCUES:
        return True  # "a military operation to evacuate its citizens from Sudan"
    if not trig.is_verb and trig.word.lemma in ("fight", "battle") and purpose(tok) not in (None, *CONQUESTS):
        return True  # "its fight to end these practices", "a battle to contain inflation": a campaign, no combat
    if trig.is_verb and tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children):
        return True  # "the accused", "the wounded": people, not a deed
    if not trig.is_verb and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in NAMED_BY_WAR:
        return True  # "exchanged 95 prisoners of war", "veterans of the war": people, not a war now
    if trig.is_verb and trig.word.lemma in SANCTIONED_OBJECTS and not sanctions_object(tok, trig.word.lemma):
        return True  # "close the gap", "recalling their talks", "the market closed", "freeze to death"
    if not trig.is_verb and trig.word.has("l") and not is_fired(trig.arg_tok):
        return True  # "develops missiles", "sold Patriot missiles to Poland": arms, not fired
    if trig.is_verb and trig.word.lemma in ("intercept", "down") and not downs_arms(tok):
        return True  # "downed tools", "intercepted the call": no arms brought down
    if trig.is_verb and trig.word.lemma == "cross" and not crosses_in_arms(tok):
        return True  # "migrants crossed into Poland", "crossed the finish line": no incursion
    if trig.is_verb and trig.word.lemma == "rule out" and any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "I don't rule out that North Korea could act": a guess kept open, not a rejection
    if trig.is_verb and trig.word.lemma == "deny" and rebuts_words(tok):
        return True  # "denied the accusation", "denied that its troops were there": a rebuttal, not a rejection
    if trig.word.has("i") and trig.is_verb and any(c.dep_ in ("dobj", "ccomp", "nsubjpass", "auxpass") for c in tok.children):
        return True  # "demonstrate its commitment", "demonstrated that", "as is being demonstrated": showing, not protesting
    if trig.is_verb and has_other_particle(tok, trig.word.lemma):
        return True  # "bank shares shot up", "the court struck down the law"
    if trig.is_verb and trig.word.lemma in IMPRESSING and is_impression(tok):
        return True  # "who strike us as serious"
    if trig.is_verb and kills_a_plan(tok, trig.word.lemma):
        return True  # "the Senate killed the bill", "torpedoed the talks"
    if trig.is_verb and is_reaction(tok, trig.word.lemma):
        return True  # "any attack would be met with force"
    if not trig.is_verb and trig.word.lemma in ("fire", "attack") and is_blame(tok):
        return True  # "the minister came under fire for the delays": criticism, no shooting
    if not trig.is_verb and trig.word.lemma == "threat" and is_danger(tok):
        return True  # "North Korea poses a threat to the region": a danger, not a threat made
    if trig.is_verb and trig.word.lemma == "warn" and is_alert(tok):
        return True  # "the WHO warned that 90 countries are off track": an alert, no threat
    if trig.is_verb and trig.category == "reject" and declines_comment(tok):
        return True  # "Iran declined to comment on the strike": no comment, no rejection
    if trig.category == "mobilize" and is_relief(tok):
        # "on high alert since the virus was found", "mobilised 2,000 soldiers to help fight wildfires":
        # readiness against a hazard, no force shown
        return True
    if trig.is_verb and trig.word.lemma == "decline" and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass") for c in tok.children):
        return True  # "violence has declined", "GDP will decline by 15 percent": a fall, not a refusal
    if trig.is_verb and trig.word.lemma == "defend" and defends_itself(tok):
        return True  # "Ukraine defended itself against the invasion": self-defence backs no one
    return trig.word.has("a") and not builds_up_arms(tok, trig.is_verb)
