"""A generated corpus that reads like ordinary news: ~800-word articles, mostly not about politics.

Sport, business, science, weather, culture and local stories, with a political or conflict
paragraph in about one article in eight — the density of a general news wire, not of a
foreign-ministry feed. Deterministic for a given seed, so runs compare.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

PLACES = ["Leeds", "Porto", "Lyon", "Osaka", "Denver", "Perth", "Bergen", "Curitiba", "Pune", "Graz",
          "Malmo", "Cork", "Tampere", "Bilbao", "Durban", "Halifax", "Adelaide", "Utrecht", "Gdansk", "Brno"]
NAMES = ["Maria Lopez", "James Chen", "Aisha Bello", "Tomas Novak", "Sara Lindqvist", "David Okafor",
         "Yuki Tanaka", "Elena Rossi", "Omar Haddad", "Priya Nair", "Lukas Weber", "Grace Mensah"]
TEAMS = ["City", "Rovers", "United", "Athletic", "Wanderers", "Albion", "Rangers", "Harriers"]
FIRMS = ["Northwind Foods", "Atlas Logistics", "Brightline Energy", "Kestrel Bank", "Orchid Pharma",
         "Summit Motors", "Bluewater Retail", "Helix Software", "Granite Cement", "Meridian Air"]

ORDINARY = [
    "{team} beat {team2} {g1}-{g2} on {day}, with {name} scoring twice in the second half.",
    "The coach said the team had worked hard in training and deserved the win.",
    "Fans in {place} celebrated late into the night after the final whistle.",
    "{firm} reported quarterly revenue of {n} million dollars, up {p} percent on a year earlier.",
    "Shares in {firm} rose {p} percent in early trading after the results were published.",
    "Analysts said demand for the company's products had held up better than expected.",
    "The central bank kept interest rates unchanged at {p} percent, citing slowing inflation.",
    "Researchers at the University of {place} said the new battery could be charged in under {n} minutes.",
    "The study, published in a peer-reviewed journal, followed {n} patients over five years.",
    "Forecasters expect heavy rain across {place} on {day}, with temperatures around {t} degrees.",
    "Residents were advised to allow extra time for journeys because of flooding on minor roads.",
    "The festival in {place} drew more than {n} thousand visitors over the weekend.",
    "{name}, who directed the film, said the story was inspired by her grandmother.",
    "The museum's new wing will open to the public next month after a three-year renovation.",
    "Local councillors in {place} approved plans for {n} new homes near the railway station.",
    "The bus company said services would run on a reduced timetable during the holiday.",
    "Volunteers collected more than {n} bags of litter from the beach on {day}.",
    "Police in {place} said a man had been arrested after a shop window was smashed on {day}.",
    "The school will receive new funding to expand its science laboratories.",
    "Tickets for the concert sold out within {n} minutes, the organisers said.",
    "The airline said it would add direct flights from {place} to {place2} in the spring.",
    "A spokesperson for {firm} said the company would hire {n} more staff this year.",
    "House prices in {place} rose {p} percent over the past twelve months, according to a survey.",
    "The marathon in {place} was won by {name} in a course record time.",
    "Doctors urged people to get their seasonal flu vaccinations before the winter.",
    "The new bridge over the river in {place} is expected to cut commuting times by a quarter.",
    "Organisers said next year's event would move to a larger venue in {place2}.",
    "{name} said the book had taken almost a decade to finish.",
]
POLITICAL = [
    "Separately, {c1} accused {c2} of violating its airspace, a claim {c2} denied.",
    "The foreign ministers of {c1} and {c2} met in {cap} to discuss trade and energy.",
    "{c1} said it would impose new sanctions on {c2} over the dispute.",
    "Troops from {c1} shelled positions near the border with {c2}, officials said.",
    "The UN Secretary-General called on {c1} and {c2} to respect the ceasefire.",
    "{c1} and {c2} signed an agreement to expand cooperation on health and education.",
    "Protesters gathered outside the {dem} embassy in {cap} to condemn the arrests.",
]
COUNTRIES = [("France", "French", "Paris"), ("Kenya", "Kenyan", "Nairobi"), ("Brazil", "Brazilian", "Brasilia"),
             ("Japan", "Japanese", "Tokyo"), ("Egypt", "Egyptian", "Cairo"), ("Poland", "Polish", "Warsaw"),
             ("India", "Indian", "New Delhi"), ("Turkey", "Turkish", "Ankara"), ("Mexico", "Mexican", "Mexico City"),
             ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"), ("Russia", "Russian", "Moscow"),
             ("Ukraine", "Ukrainian", "Kyiv"), ("China", "Chinese", "Beijing"), ("Nigeria", "Nigerian", "Abuja")]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _fill(rng: random.Random, template: str) -> str:
    c1, c2 = rng.sample(COUNTRIES, 2)
    p1, p2 = rng.sample(PLACES, 2)
    t1, t2 = rng.sample(TEAMS, 2)
    return template.format(
        team=f"{p1} {t1}", team2=f"{p2} {t2}", g1=rng.randint(0, 4), g2=rng.randint(0, 3), name=rng.choice(NAMES),
        day=rng.choice(DAYS), firm=rng.choice(FIRMS), n=rng.randint(3, 900), p=round(rng.uniform(0.5, 12), 1),
        place=p1, place2=p2, t=rng.randint(-5, 35), c1=c1[0], c2=c2[0], cap=c1[2], dem=c2[1])


def generate(n: int = 400, *, words: int = 800, political_share: float = 0.125, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, tzinfo=timezone.utc)
    docs = []
    for i in range(n):
        sentences: list[str] = []
        count = 0
        political = rng.random() < political_share
        while count < words:
            template = rng.choice(POLITICAL) if political and rng.random() < 0.15 else rng.choice(ORDINARY)
            sentence = _fill(rng, template)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(sentences[j:j + 4]) for j in range(0, len(sentences), 4)]
        when = start + timedelta(seconds=i * 86400 * 30 / n)
        docs.append({"id": f"bench-{seed}-{i:05d}", "title": sentences[0][:60], "text": "\n\n".join(paragraphs),
                     "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "url": f"https://example.org/bench/{i}",
                     "source": "Generated Wire", "lang": "en"})
    return docs
