"""The one escalation in the sample: Armenia and Azerbaijan, two days of fighting, then a truce.

The wording is ours, written in the register of wire copy about September 2022. Phase
`hostility` is dense reporting of shelling, attacks, accusations and casualties; phase
`ceasefire` is the truce being declared, called for, holding and (sometimes) said to be violated.
"""

from __future__ import annotations

import random
from datetime import datetime

from samples.render import Story, compose, country_slots, number_slots
from samples.world import ARMENIA, AZERBAIJAN

ARMENIAN_PLACES = ("Jermuk", "Goris", "Kapan", "Vardenis", "Sotk")
AZERBAIJANI_PLACES = ("Kalbajar", "Lachin", "Dashkasan")

HOSTILITY_LEADS = (
    ("Armenia says Azerbaijani forces shelled border villages",
     "Azerbaijani forces shelled Armenian border villages overnight, Armenia's defence ministry said."),
    ("Armenia accuses Azerbaijan of large-scale attack",
     "Armenia accused Azerbaijan of launching a large-scale attack on its sovereign territory."),
    ("Azerbaijan says Armenian troops fired on its positions",
     "Azerbaijan said Armenian troops had fired on its positions in the {az_place} district."),
    ("Heavy fighting on Armenia-Azerbaijan border",
     "Heavy fighting broke out on the border between Armenia and Azerbaijan, with both sides reporting casualties."),
    ("Drones and artillery strike near {arm_place}",
     "Armenia's defence ministry said Azerbaijani artillery and drones had struck targets near {arm_place}."),
    ("Azerbaijan blames Armenian provocations",
     "The Azerbaijani defence ministry said its forces had responded to large-scale provocations by Armenian troops."),
    ("Armenia reports soldiers killed",
     "Armenian officials said {n_dead} soldiers had been killed in attacks by Azerbaijani forces since Monday night."),
    ("Azerbaijan reports servicemen killed",
     "Azerbaijan said {n_dead} of its servicemen had been killed in clashes with Armenian forces."),
    ("Armenian leader tells parliament of attacks",
     "The Armenian Prime Minister told parliament that Azerbaijani troops had attacked Armenian positions in several directions."),
    ("Azerbaijan accuses Armenia of mining border roads",
     "Azerbaijan accused Armenia of planting mines along the border and shelling its army positions."),
    ("Armenia asks allies for help",
     "Armenia asked Russia and a Moscow-led security alliance for help after what it called Azerbaijani aggression."),
    ("Shelling continues near {arm_place}",
     "Shelling continued near {arm_place} on {day}, as Armenia accused Azerbaijan of targeting civilian infrastructure."),
    ("UN chief urges end to Armenia-Azerbaijan fighting",
     "The UN Secretary-General called on Armenia and Azerbaijan to stop the fighting and agree a ceasefire."),
)

HOSTILITY_DETAILS = (
    "Azerbaijan denied the accusation and said its forces were responding to Armenian provocations.",
    "Armenia's Foreign Ministry called the attack an act of aggression.",
    "Residents of {arm_place} said they had spent the night in basements.",
    "The Azerbaijani defence ministry said Armenian forces had fired mortars at its positions near {az_place}.",
    "The claims could not be independently verified.",
    "Russia called on both sides to show restraint.",
    "France condemned the attacks on Armenian territory and called for an immediate end to the fighting.",
    "Turkey blamed Armenia for the fighting and said it stood with Azerbaijan.",
    "The UN Secretary-General said he was deeply concerned by the escalation and urged both sides to de-escalate.",
    "The United States called on Azerbaijan and Armenia to stop the fighting immediately.",
    "Armenia's Security Council met in an emergency session in Yerevan.",
    "Azerbaijan said Armenian sabotage groups had tried to mine supply roads.",
    "Armenia said Azerbaijani troops had advanced into its territory near {arm_place}.",
    "Casualties were reported on both sides, officials said.",
    "Iran called for calm and said it would not accept changes to internationally recognised borders.",
    "The two countries fought a six-week war in 2020 over the Nagorno-Karabakh region.",
)

CEASEFIRE_LEADS = (
    ("Armenia and Azerbaijan agree ceasefire",
     "Armenia and Azerbaijan agreed to a ceasefire late on Wednesday, the secretary of Armenia's Security Council said."),
    ("Ceasefire holds on Armenia-Azerbaijan border",
     "A ceasefire between Armenia and Azerbaijan appeared to be holding on {day}, both defence ministries said."),
    ("UN urges Armenia and Azerbaijan to respect ceasefire",
     "The UN Secretary-General called on Armenia and Azerbaijan to respect the ceasefire and return to talks."),
    ("US urges both sides to uphold truce",
     "The United States urged Armenia and Azerbaijan to uphold the truce and pull their forces back from the border."),
    ("EU welcomes ceasefire, offers talks",
     "The European Union welcomed the ceasefire between Armenia and Azerbaijan and offered to host new talks in Brussels."),
    ("Russia says truce must be observed",
     "Russia said it had helped broker the truce between Armenia and Azerbaijan and called on both sides to observe it strictly."),
    ("Border truce holds for another day",
     "The truce on the border between Armenia and Azerbaijan held for another day, with no new casualties reported."),
    ("Yerevan links ceasefire to troop withdrawal",
     "Armenia's Foreign Ministry said the ceasefire must be followed by the withdrawal of Azerbaijani troops."),
    ("France calls for ceasefire to be respected",
     "France called for the ceasefire between Armenia and Azerbaijan to be respected and asked for a meeting of the UN Security Council on the border clashes."),
)

VIOLATION_LEADS = (
    ("Azerbaijan accuses Armenia of ceasefire violation",
     "Azerbaijan accused Armenia of violating the ceasefire near {az_place}, a charge Yerevan denied."),
    ("Armenia says Azerbaijan broke ceasefire",
     "Armenia said Azerbaijani forces had broken the ceasefire with sporadic fire overnight."),
)

CEASEFIRE_DETAILS = (
    "Both sides said the situation on the border was calm but tense.",
    "The ceasefire was agreed with international mediation, officials said.",
    "The OSCE said it was ready to send monitors to the border.",
    "Residents of {arm_place} began returning to their homes.",
    "Azerbaijan said it remained committed to the ceasefire.",
    "Armenia said it would respect the truce as long as Azerbaijan did.",
    "Dozens of soldiers were killed on both sides during two days of fighting, according to official figures.",
    "The UN Secretary-General expressed hope that the ceasefire would hold.",
    "Russia's Foreign Ministry said the truce was being observed.",
    "Observers said the ceasefire remained fragile.",
    "Armenia accused Azerbaijan of firing on a village after the truce took effect.",
)


def escalation_story(rng: random.Random, when: datetime, *, phase: str, violation_share: float = 0.0) -> Story:
    """One ARM–AZE article of the given phase (`hostility` or `ceasefire`)."""
    slots = {
        **number_slots(rng, when),
        **country_slots("A", ARMENIA),
        **country_slots("B", AZERBAIJAN),
        "arm_place": rng.choice(ARMENIAN_PLACES),
        "az_place": rng.choice(AZERBAIJANI_PLACES),
        "n_dead": str(rng.randint(15, 60)),
    }
    if phase == "hostility":
        title, lead = rng.choice(HOSTILITY_LEADS)
        details = HOSTILITY_DETAILS
    elif phase == "ceasefire":
        pool = VIOLATION_LEADS if rng.random() < violation_share else CEASEFIRE_LEADS
        title, lead = rng.choice(pool)
        details = CEASEFIRE_DETAILS
    else:
        raise ValueError(f"unknown phase {phase!r}")
    return compose(rng, kind=f"escalation-{phase}", title=title, lead=lead, details=list(details), slots=slots)
