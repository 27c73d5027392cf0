"""The quiet baseline: everyday news from many countries, mostly not about conflict.

Each topic is a list of (headline, lead sentence, its own details) plus a pool of details that
fit every lead; an article is one lead and a few details. `{A}`/`{B}` are two different countries (see
`samples.render` for every slot).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Topic:
    """One kind of everyday story."""

    kind: str
    """Tag used in the statistics."""
    weight: int
    """Relative share of the baseline."""
    leads: tuple[tuple[str, str, tuple[str, ...]], ...]
    """(headline, lead sentence, details that only fit this lead)."""
    details: tuple[str, ...]
    """Sentences that may follow any lead of this topic."""


GENERIC = (
    "Officials declined to give further details.",
    "More information is expected later this week.",
    "Local media carried the story on their front pages.",
    "The announcement was published on the government's website.",
)

TOPICS: tuple[Topic, ...] = (
    Topic(kind="diplomacy", weight=9, leads=(
        ("{A_dem} and {B_dem} foreign ministers meet in {A_cap}",
         "The foreign ministers of {A} and {B} met in {A_cap} on {day} to discuss trade, energy and education links.",
         ("A joint statement said the ministers would meet again early next year.",
          "The meeting lasted about {n_hours} hours, according to a ministry spokesperson.")),
        ("{A} calls talks with {B} constructive",
         "{A_poss} Foreign Ministry said talks with a {B_dem} delegation in {A_cap} had been constructive.",
         ("The {B_dem} delegation included representatives of several universities and chambers of commerce.",
          "The talks lasted about {n_hours} hours, according to a ministry spokesperson.")),
        ("{B_dem} {B_lead} visits {A_cap}",
         "The {B_dem} {B_lead} arrived in {A_cap} on {day} for a two-day official visit, the first in {n_years} years.",
         ("The {B_lead} is also due to address students at a university in {A_cap}.",
          "The two leaders laid flowers at a memorial before their talks.")),
        ("{A} and {B} to open new consulates",
         "{A} and {B} agreed on {day} to open new consulates in each other's second cities.",
         ("The consulates are expected to open next spring.",)),
        ("{A_dem} and {B_dem} diplomats hold consultations",
         "Diplomats from {A} and {B} held a round of consultations on consular matters in {B_cap}.",
         ("The next round is planned for {A_cap} in the new year.",)),
    ), details=(
        "Both sides said they wanted to expand direct flights between {A_cap} and {B_cap}.",
        "The two governments signed a memorandum on student exchanges.",
        "Officials said cultural cooperation and tourism were also discussed.",
        "{B_poss} ambassador to {A} described the relationship as warm and growing.",
        "No agreement was reached on visa rules, but both sides said work would continue.",
    )),
    Topic(kind="trade", weight=8, leads=(
        ("{A} and {B} sign trade agreement",
         "{A} and {B} signed a trade agreement on {day} that will cut tariffs on farm goods and machinery.",
         ("The deal is expected to take effect at the start of next year.",
          "Farmers' groups in {A} welcomed the agreement.",
          "The agreement still needs approval from {B_poss} parliament.",
          "Officials said the negotiations had lasted more than {n_small} years.")),
        ("{A_dem} exports to {B} rise",
         "{A_poss} trade minister said exports to {B} had risen {pct} percent in the first half of the year.",
         ("Machinery, fruit and medicines made up most of the increase.",
          "The minister said new rail links had cut delivery times.")),
        ("{B_dem} company to supply gas to {A}",
         "A {B_dem} energy company agreed to supply liquefied natural gas to {A} under a {n_years}-year contract.",
         ("The first cargo is expected before the winter.",
          "The contract still needs approval from {A_poss} energy regulator.")),
        ("{A_dem} and {B_dem} business leaders discuss investment",
         "Business leaders from {A} and {B} met in {B_cap} to discuss investment in ports and railways.",
         ("About {n_thousands}0 companies took part in the forum.",
          "Several smaller contracts were signed on the sidelines.")),
    ), details=(
        "Trade between the two countries was worth about {money} last year.",
        "Economists said the impact on consumer prices would be modest.",
        "Shipping companies expect more container traffic between the two countries.",
    )),
    Topic(kind="aid", weight=5, leads=(
        ("{A} pledges flood aid to {B}",
         "{A} pledged {money} in humanitarian aid to {B} after severe flooding in the country's south.",
         ("Relief workers said roads in some flooded areas remained difficult to reach.",
          "{B_poss} government thanked donors for their support.")),
        ("{O} approves loan for {A}",
         "{O} approved a {money} loan to {A} to support schools and health clinics.",
         ("The money will also fund clean water projects in rural districts.",
          "{A_poss} finance ministry said the loan carried a low interest rate.")),
        ("{A_dem} medical team arrives in {B_cap}",
         "A {A_dem} medical team arrived in {B_cap} to help vaccinate children against measles.",
         ("{B_poss} health ministry said cases had risen in several provinces this summer.",
          "The team will work alongside local nurses for six weeks.")),
        ("{A} sends relief supplies to {B}",
         "{A_poss} government sent tents, water and medicine to drought-hit regions of {B}.",
         ("Relief workers said some villages had been without clean water for weeks.",
          "{B_poss} government thanked donors for their support.")),
    ), details=(
        "The aid will be distributed by local charities and the Red Cross.",
        "Officials said the first shipments would arrive within days.",
    )),
    Topic(kind="election", weight=5, leads=(
        ("{A} votes in regional elections",
         "Voters in {A} go to the polls on {day} in regional elections seen as a test for the {A_lead}.",
         ("Polls suggest a close race between the governing party and the opposition.",
          "Results are expected late on election night.")),
        ("{A_dem} candidate list published",
         "{A_poss} electoral commission published the final list of candidates for next month's parliamentary election.",
         ("Several new parties are standing for the first time.",
          "International observers from {O} will monitor the vote.")),
        ("Turnout of {pct_big} percent in {A_dem} local elections",
         "Turnout in {A_poss} municipal elections reached {pct_big} percent, the electoral commission said.",
         ("Final results will be published within a week.",
          "The governing party held most of the large cities.")),
        ("{A_dem} opposition picks new leader",
         "The main opposition party in {A} chose a new leader at a congress in {A_cap} on {day}.",
         ("The new leader promised to focus on jobs for young people.",
          "Delegates also adopted a new party programme.")),
    ), details=(
        "Campaigning has focused on housing costs and public transport.",
        "The {A_lead} urged citizens to take part in the vote.",
    )),
    Topic(kind="economy", weight=7, leads=(
        ("{A_dem} central bank raises rates",
         "{A_poss} central bank raised its main interest rate by {pct_small} percentage points on {day} to curb inflation.",
         ("The central bank said it would keep watching wage growth closely.",
          "It was the third increase this year.")),
        ("Inflation in {A} eases",
         "Inflation in {A} eased to {pct} percent in August, the national statistics office said.",
         ("Food and energy prices were the main drivers, the statistics office said.",)),
        ("{A_dem} economy beats forecasts",
         "{A_poss} economy grew {pct_small} percent in the second quarter, faster than analysts had forecast.",
         ("Retail sales and exports both rose in the quarter.",
          "Analysts expect growth to slow slightly next year.")),
        ("{A_dem} currency rises",
         "The {A_dem} currency rose against the dollar after the finance ministry announced new spending rules.",
         ("The finance minister said the budget would prioritise pensions and schools.",)),
        ("{A_dem} unemployment falls",
         "Unemployment in {A} fell to its lowest level in {n_years} years, official figures showed.",
         ("Construction and tourism added the most jobs.",)),
    ), details=(
        "Stocks in {A_cap} closed slightly higher after the announcement.",
        "Business confidence improved for a second month in a row.",
        "Economists said the figures were broadly in line with expectations.",
    )),
    Topic(kind="sport", weight=6, leads=(
        ("{A} beat {B} in friendly",
         "{A} beat {B} {score} in a friendly football match in {A_cap} on {day}.",
         ("A crowd of about {n_thousands} thousand watched the match.",
          "The {A_dem} captain scored twice in the second half.",
          "The two teams meet again next month.")),
        ("{A_dem} basketball team wins opener",
         "The {A_dem} national basketball team won its opening game of the tournament against {B}.",
         ("The coach praised the young squad after the game.",
          "The team plays its next group game on Thursday.")),
        ("{A_dem} runner sets national record",
         "A {A_dem} runner set a new national record in the 5,000 metres at a meeting in {B_cap}.",
         ("The previous record had stood for {n_years} years.",
          "She said she hoped to run even faster at next year's championships.")),
        ("{B} to host swimming championships",
         "{B} will host the regional swimming championships next year, organisers announced.",
         ("Organisers said the event would bring thousands of visitors to {B_cap}.",
          "A new pool is being built for the competition.")),
        ("{A} and {B} draw in volleyball qualifier",
         "{A} and {B} drew {draw} in a women's volleyball qualifier in {B_cap}.",
         ("Both teams remain in contention for the finals.",)),
    ), details=(
        "Tickets sold out within hours.",
        "The game was shown live on national television.",
    )),
    Topic(kind="science", weight=5, leads=(
        ("New frog species found in {A}",
         "Scientists in {A} discovered a new species of frog in a mountain forest, the national museum said.",
         ("The frog is smaller than a thumbnail and lives near streams.",
          "The team plans further fieldwork next spring.")),
        ("{A} launches observation satellite",
         "{A_poss} space agency launched an Earth observation satellite on {day}.",
         ("The satellite will help farmers monitor crops and soil moisture.",
          "It was carried into orbit by a rocket from a launch site abroad.")),
        ("{A_dem} and {B_dem} researchers study warming seas",
         "Researchers from {A} and {B} published a study on rising sea temperatures.",
         ("The researchers said more data was needed to confirm the results.",
          "The study used measurements from buoys over twenty years.")),
        ("Battery laboratory opens in {A_cap}",
         "A university in {A_cap} opened a new laboratory for battery research.",
         ("The laboratory will employ about {n_thousands} scientists and engineers.",)),
    ), details=(
        "The findings were published in a scientific journal this week.",
        "The project received funding from {O}.",
    )),
    Topic(kind="weather", weight=5, leads=(
        ("Floods force families from homes in {A}",
         "Heavy rain caused flooding in parts of {A} on {day}, forcing hundreds of families to leave their homes.",
         ("Schools in several districts were closed as a precaution.",
          "Train services were delayed in some areas.")),
        ("Heatwave grips {A_cap}",
         "A heatwave pushed temperatures in {A_cap} above {temp} degrees Celsius.",
         ("Health officials advised people to stay indoors in the afternoon.",
          "Farmers said the heat had damaged some crops.")),
        ("Storm warning for {A_dem} coast",
         "Forecasters in {A} warned of strong winds and storms along the coast this weekend.",
         ("Some ferry services were cancelled as a precaution.",)),
        ("Mild earthquake in {A}",
         "A mild earthquake shook northern {A} on {day}, but no damage was reported.",
         ("Residents said they felt the shaking for a few seconds.",)),
    ), details=(
        "Emergency services said no one was seriously hurt.",
        "The weather service expects conditions to improve by the middle of the week.",
    )),
    Topic(kind="culture", weight=5, leads=(
        ("{A_dem} film wins festival prize",
         "A film by a {A_dem} director won the main prize at a festival in {B_cap}.",
         ("Critics praised the film for its humour and warmth.",)),
        ("Museum in {A_cap} reopens",
         "The national museum in {A_cap} reopened after a two-year renovation.",
         ("Admission will be free on the first Sunday of each month.",
          "A new wing shows textiles and ceramics.")),
        ("{A} and {B} to return historic manuscripts",
         "{A} and {B} agreed to return several historic manuscripts to their original libraries.",
         ("The manuscripts will go on show before they are returned.",)),
        ("{A_dem} novelist wins literary prize",
         "A {A_dem} novelist was awarded a major literary prize on {day}.",
         ("The prize-winning novel follows three generations of a fishing family.",)),
        ("Music festival draws crowds in {A_cap}",
         "Thousands attended a music festival in {A_cap} over the weekend.",
         ("Organisers said ticket sales were the highest in a decade.",)),
    ), details=(
        "The ceremony was attended by the culture minister.",
        "The event was widely covered by local media.",
    )),
    Topic(kind="crime", weight=4, leads=(
        ("Fraud suspects arrested in {A_cap}",
         "Police in {A_cap} arrested {n_small} people suspected of running an online fraud scheme.",
         ("Investigators said the group had targeted elderly people.",
          "The suspects will appear in court next week.")),
        ("Former mayor jailed in {A}",
         "A court in {A} sentenced a former mayor to {n_small} years in prison for corruption.",
         ("The defendant's lawyer said he would appeal.",)),
        ("Fake medicines seized in {A}",
         "Customs officers in {A} seized a large shipment of counterfeit medicines at the port.",
         ("The pills were hidden in boxes labelled as spare parts.",)),
        ("Man charged after robbery in {A_cap}",
         "Police in {A} said a man had been charged after a robbery at a jewellery shop in {A_cap}.",
         ("Police urged anyone with information to come forward.",)),
    ), details=(
        "Officials said the investigation was continuing.",
    )),
)

#: Ordinary low-level hostility between two countries; its dyads come from a balanced rotation.
FRICTION = Topic(kind="friction", weight=4, leads=(
    ("{A} accuses {B} of airspace violation",
     "{A} accused {B} of violating its airspace with a military aircraft, {A_poss} defence ministry said.",
     ("{B} denied the accusation and called it baseless.",)),
    ("Protest outside {B_dem} embassy in {A_cap}",
     "Hundreds of people protested outside the {B_dem} embassy in {A_cap} on {day} over a fishing dispute.",
     ("Police said the protest ended peacefully in the afternoon.",)),
    ("{A} summons {B_dem} ambassador",
     "{A_poss} Foreign Ministry summoned the {B_dem} ambassador to protest remarks by a {B_dem} minister.",
     ("The minister had questioned {A_poss} handling of a border crossing.",)),
    ("{A} condemns expulsion of diplomats by {B}",
     "{A} condemned {B_poss} decision to expel two {A_dem} diplomats.",
     ("{A_poss} Foreign Ministry said it would respond in kind.",)),
    ("{A} threatens tariffs on {B_dem} steel",
     "{A} threatened to impose tariffs on {B_dem} steel if talks on import quotas failed.",
     ("Steelmakers in {B} said the threat was unfair.",)),
    ("{B} rejects {A_dem} interference claim",
     "{B} rejected accusations by {A} that it had interfered in a local election.",
     ("{B_poss} Foreign Ministry called the accusation baseless.",)),
), details=(
    "{B_poss} government did not immediately respond to a request for comment.",
    "The dispute has strained relations between the two countries this year.",
    "Diplomats said both sides wanted to avoid further escalation.",
    "The issue is expected to be raised at a regional summit next month.",
))

#: Rare ceasefire news from internal conflicts elsewhere, so the ceasefire signal has a baseline.
TRUCE_COUNTRIES = ("Ethiopia", "Colombia", "the Philippines", "Nigeria")
TRUCE = Topic(kind="truce", weight=0, leads=(
    ("Truce in northern {A} holds",
     "A truce between the {A_dem} government and rebel groups in the north held for another week, officials said.",
     ("Aid groups said the lull had allowed food deliveries to resume.",)),
    ("{O_head} urges respect for truce in {A}",
     "{O_head} urged all parties in {A} to respect a local ceasefire and return to talks.",
     ("Previous truces in the region have broken down within weeks.",)),
    ("{B} offers to host {A_dem} peace talks",
     "{B} offered to host talks on extending the ceasefire in {A_poss} northern region.",
     ("The talks could begin next month.",)),
), details=(
    "Local leaders said residents were cautiously optimistic.",
    "The government said it was committed to a lasting peace.",
))
