"""Synthetic events for the export tests: every status, date precision, actor kind and place kind."""

from __future__ import annotations

import random

from parley.ids import content_id
from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Location, Source

ACTORS = [
    EventActor("United States", "country:USA", "USA", "GOV"), EventActor("Russia", "country:RUS", "RUS", "GOV"),
    EventActor("Ukrainian army", "org:ukr-army", "UKR", "MIL"), EventActor("United Nations", "org:un", "IGO", None),
    EventActor("UN Security Council", "org:unsc", "IGO", "GOV"), EventActor("NATO", "org:nato", "IGO", "MIL"),
    EventActor("African Union", "org:au", "IGO", None), EventActor("ECOWAS", "org:ecowas", "IGO", None),
    EventActor("ASEAN", "org:asean", "IGO", None), EventActor("European Union", "org:eu", "IGO", None),
    EventActor("Amnesty International", "org:amnesty", "NGO", "CVL"), EventActor("Hamas", "org:hamas", "PSE", "REB"),
    EventActor("Kosovo", "country:XKX", "XKX", "GOV"), EventActor("Islamic State", "org:is", "IMG", "REB"),
    EventActor("A local party", "org:party", "DEU", "PTY"), EventActor("Reporters", "org:rep", "FRA", "MED"),
    EventActor("Someone", None, None, None), EventActor("APEC", "org:apec", "IGO", "IGO"),
]
PLACES = [("Kharkiv", None), ("Washington", "USA"), ("Paris", None), ("Gaza City", "PSE"), ("Ukraine", "UKR"),
          ("Texas", "USA"), ("Nowhere-on-earth", None), ("Springfield, Illinois", None)]
TYPES = [("CONSULT", "040", "visit", 1), ("SUPPORT", "051", "praise", 1), ("AGREE", "030", "yield", 1),
         ("ACCUSE", "112", "allege", 3), ("ASSAULT", "190", "firearms", 4), ("REQUEST", "100", "meet", 3),
         ("SANCTION", "163", None, 4), ("RETREAT", "0871", "ceasefire", 2)]
STATUSES = ["reported", "planned", "negated", "hypothetical", "historical"]
DATES = ["2019-09-10", "2019-09", "2019", "2020-02-29", None]


def events(n: int, seed: int = 13) -> list[tuple[Article, Event]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        body = f"Report number {i}. Officials met and talked about the matter at length."
        url = rng.choice([f"https://news.example/{i}", None, "/home/user/pasted.txt"])
        published = rng.choice(["2019-09-10T22:30:00-04:00", "2019-09-10", None])
        article = Article(id=content_id(body), source=f"pasted-{i}.txt", url=url, headline=f"Story {i}",
                          outlet="Example News", published=published, body=body)
        type_, cameo, mode, quad = rng.choice(TYPES)
        place, country = rng.choice(PLACES)
        a1, a2 = rng.sample(ACTORS, 2)
        event = Event(id=f"ev-{i}", date=rng.choice(DATES), date_basis="explicit", type=type_, mode=mode,
                      context=rng.choice([[], ["diplomatic"], ["nuclear", "military"], ["humanitarian"]]),
                      cameo=cameo, goldstein=rng.choice([-10.0, -2.0, 1.0, 7.4]), quad=quad,
                      status=rng.choice(STATUSES), actor1=a1, actor2=rng.choice([a2, None]),
                      location=Location(place, country) if rng.random() < 0.8 else None, trigger="met",
                      sources=[Source(article.id, "Example News", published, body[:20], 0, 20)])
        out.append((article, event))
    return out


def fill(store, n: int, seed: int = 13) -> list[Event]:
    made = events(n, seed)
    for article, event in made:
        actors = [Actor(id=a.actor_id, name=a.name, kind="organization", country=a.country, sector=a.sector)
                  for a in (event.actor1, event.actor2) if a and a.actor_id]
        store.add(ArticleRecords(article=article, actors=actors, events=[event]))
    return [e for _, e in made]
