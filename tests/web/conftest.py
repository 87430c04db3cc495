"""A small hand-made store for the web tests (no spaCy): four articles, one of them hostile, on each
backend (tests/conftest.py)."""

from __future__ import annotations

import pytest

from parley.records import (Actor, Article, ArticleRecords, Event, EventActor, Location, Mention, Quote, Role,
                            Source)
from parley.store import open_store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

ACTORS = {
    "trump": Actor("trump", "Donald Trump", ["Trump", "President Trump"], "person", "USA", "GOV",
                   [Role("President", "USA", "2017-01-20", "2019-06-30")], 6),
    "kim": Actor("kim", "Kim Jong Un", ["Kim"], "person", "PRK", "GOV",
                 [Role("Chairman", "PRK", "2018-06", "2019-06-30")], 5),
    "moon": Actor("moon", "Moon Jae-in", ["Moon"], "person", "KOR", "GOV", [Role("President", "KOR", "2017")], 2),
    "evil": Actor("evil", f"Evil {XSS_IMG}", [XSS_SCRIPT], "person", "XXX", "GOV", [Role(XSS_SCRIPT, None, "2019-03")], 1),
}


def _ref(key: str) -> EventActor:
    a = ACTORS[key]
    return EventActor(a.name, a.id, a.country, a.sector)


def _article(aid, headline, body, outlet, published, *, removed=(), duplicate_of=None, mentions=(), quotes=(),
             events=()) -> ArticleRecords:
    article = Article(aid, f"test/{aid}.txt", f"https://example.org/{aid}", headline, outlet, ["A. Writer"], None,
                      published, "Hanoi", "en", body, list(removed), duplicate_of, [])
    ms = []
    for key, text in mentions:
        at = body.index(text)
        ms.append(Mention(aid, key, text, at, at + len(text)))
    qs = []
    for i, (key, text) in enumerate(quotes):
        at = body.index(text)
        qs.append(Quote(f"{aid}-q{i}", aid, text, ACTORS[key].name, key, "said", "direct", published[:10],
                        body[max(0, at - 20):at + len(text)], at, at + len(text)))
    es = []
    for i, (etype, quad, status, a1, a2, trigger, date) in enumerate(events):
        sentence_start = body.index(trigger)
        sent_lo = body.rfind(".", 0, sentence_start) + 1
        sent_hi = body.find(".", sentence_start) + 1 or len(body)
        es.append(Event(f"{aid}-e{i}", date, "explicit", etype, None, [], "040", 1.0 if quad <= 2 else -4.0, quad,
                        status, _ref(a1), _ref(a2) if a2 else None, Location("Hanoi", "VNM"), trigger,
                        [Source(aid, outlet, published, body[sent_lo:sent_hi].strip(), sent_lo, sent_hi)], 1))
    actors = sorted({k for k, _ in mentions} | {e.actor1.actor_id for e in es} | {e.actor2.actor_id for e in es if e.actor2})
    return ArticleRecords(article, [ACTORS[k] for k in actors], ms, qs, es)


def build_store(path: str) -> dict:
    """Write the test corpus into `path`; returns the ids tests refer to."""
    body1 = ("Donald Trump met Kim Jong Un in Hanoi on Wednesday for a second summit.\n\n"
             "\"We had a very good dinner,\" Trump said after the talks.\n\n"
             "Kim said he hoped for a good outcome, and Moon Jae-in praised the meeting.")
    body3 = (f"A crafted story {XSS_SCRIPT} with an image {XSS_IMG} inside.\n\n"
             f"Evil threatened Kim Jong Un with sanctions.\n\n"
             f"\"{XSS_IMG} is coming,\" Evil said.")
    body4 = "Kim Jong Un rejected the proposal from Donald Trump in May.\n\nMoon Jae-in urged both to return to talks."
    records = [
        _article("art1", "Trump and Kim meet in Hanoi", body1, "Reuters", "2019-02-27T10:00:00+07:00",
                 removed=["Advertisement", "Share this article"],
                 mentions=[("trump", "Donald Trump"), ("kim", "Kim Jong Un"), ("trump", "Trump said"[:5]),
                           ("moon", "Moon Jae-in")],
                 quotes=[("trump", "We had a very good dinner,")],
                 events=[("CONSULT", 1, "reported", "trump", "kim", "met", "2019-02-27"),
                         ("SUPPORT", 1, "reported", "moon", "kim", "praised", "2019-02-28")]),
        _article("art2", "Trump, Kim meet in Hanoi (copy)", body1, "Yonhap", "2019-02-27",
                 duplicate_of="art1", mentions=[("trump", "Donald Trump"), ("kim", "Kim Jong Un")]),
        _article("art3", f"{XSS_SCRIPT} Hostile {XSS_IMG}", body3, f"<b>Evil</b> Times", "2019-03-05",
                 removed=[XSS_SCRIPT, XSS_IMG],
                 mentions=[("evil", "Evil"), ("kim", "Kim Jong Un")],
                 quotes=[("evil", f"{XSS_IMG} is coming,")],
                 events=[("THREATEN", 3, "reported", "evil", "kim", "threatened", "2019-03-05")]),
        _article("art4", "Kim rejects proposal", body4, "AP", "2019-05-10",
                 mentions=[("kim", "Kim Jong Un"), ("trump", "Donald Trump"), ("moon", "Moon Jae-in")],
                 events=[("REJECT", 3, "reported", "kim", "trump", "rejected", "2019-05"),
                         ("REQUEST", 3, "planned", "moon", "kim", "urged", "2019-05-10")]),
    ]
    with open_store(path) as store:
        for r in records:
            store.add(r)
        store.set_duplicates({"art2": "art1"})
        store.set_actors(ACTORS.values(), {k: k for k in ACTORS})
    return {"articles": [r.article.id for r in records], "hostile": "art3"}


@pytest.fixture(scope="session")
def web_db(new_store_target) -> str:
    """The test corpus in a store of the backend (tests/conftest.py), built once per test process."""
    target = new_store_target()
    build_store(target)
    return target


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from parley.web.app import create_app

    with TestClient(create_app(web_db)) as c:
        yield c
