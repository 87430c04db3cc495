"""A hand-written sample corpus for the cross-article tests (written for this project): no spaCy needed."""

from __future__ import annotations

from parley.ids import content_id
from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Location, Source
from parley.store import Store

HARLOW = EventActor("Stephen Harlow", "per:stephen-harlow", "USA", "GOV")
LEE = EventActor("Lee Sang-ho", "per:lee-sang-ho", "KOR", "GOV")
USA = EventActor("United States", "country:USA", "USA", "GOV")
PRK = EventActor("North Korea", "country:PRK", "PRK", "GOV")

MEETING_BODY = (
    "WASHINGTON - The top American envoy for North Korea, Stephen Harlow, met his South Korean "
    "counterpart Lee Sang-ho in Washington on Tuesday to discuss how to restart stalled nuclear talks "
    "with Pyongyang.\n\nThe two officials agreed to keep working closely together, a statement from the "
    "State Department said, adding that the allies shared the goal of complete denuclearisation.\n\n"
    "Lee told reporters after the meeting that both sides expected working-level talks to resume soon."
)
OTHER_MEETING_BODY = (
    "SEOUL - South Korea's chief nuclear negotiator sat down with the United States special "
    "representative in the American capital, Seoul's foreign ministry announced on Wednesday.\n\n"
    "Officials in Seoul said Lee Sang-ho and Stephen Harlow reviewed plans for a new round of "
    "negotiations and exchanged views on humanitarian aid, according to a ministry briefing.\n\n"
    "Neither government gave details of any proposal that might be put to North Korean officials."
)
SANCTIONS_BODY = (
    "The Treasury Department imposed new sanctions on two shipping companies accused of helping North "
    "Korea evade limits on oil imports, officials said, in a move analysts called largely symbolic.\n\n"
    "The measures freeze any assets the firms hold in American jurisdictions and bar citizens from "
    "dealing with them, the department said in a notice published on its website."
)


def sentence_of(body: str, needle: str) -> tuple[str, int, int]:
    start = body.index(needle)
    end = body.find(".", start) + 1
    begin = body.rfind("\n", 0, start) + 1
    return body[begin:end], begin, end


def make_event(article: Article, key: str, type_: str, a1, a2, day, *, status="reported", cameo="040",
               goldstein=1.0, quad=1, location=None, basis="explicit", needle=None) -> Event:
    sentence, start, end = sentence_of(article.body, needle) if needle else ("", 0, 0)
    return Event(
        id=f"ev-{article.id[:6]}-{key}", date=day, date_basis=basis, type=type_, cameo=cameo, goldstein=goldstein,
        quad=quad, status=status, actor1=a1, actor2=a2, location=Location(location, None) if location else None,
        trigger="met", sources=[Source(article.id, article.outlet, article.published, sentence, start, end)],
    )


def make_article(body: str, outlet: str | None, published: str | None, headline: str = "A story") -> Article:
    return Article(id=content_id(f"{outlet}|{published}|{body}"), source=f"{outlet}.txt", url=f"https://{outlet}.example/x",
                   headline=headline, outlet=outlet, published=published, body=body)


def actors_of(*refs: EventActor) -> list[Actor]:
    kinds = {"per": "person", "country": "country"}
    return [Actor(id=r.actor_id, name=r.name, kind=kinds[r.actor_id.split(":")[0]], country=r.country,
                  sector=r.sector, mentions=1) for r in refs]


def add(store: Store, article: Article, events: list[Event], actors: list[Actor] | None = None) -> Article:
    store.add(ArticleRecords(article=article, actors=actors or [], events=events))
    return article
