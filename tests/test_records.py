import json

from parley.records import Event, EventActor, Source, ArticleRecords, Article, from_dict, to_dict
from parley.ids import actor_id, content_id, record_id, slug


def test_event_round_trips_through_dict():
    event = Event(id="e1", date="2019-09", date_basis="explicit", type="CONSULT", cameo="040",
                  actor1=EventActor("Lee Sang-ho", "per:lee-sang-ho", "KOR", "GOV"),
                  sources=[Source("a1", "Herald", "2019-09-19", "Lee met Harlow.", 0, 15)])
    data = to_dict(event)
    assert data["cameo"] == "040" and data["actor1"]["country"] == "KOR"
    assert from_dict(Event, data) == event


def test_article_records_round_trip_ignores_unknown_keys():
    records = ArticleRecords(Article(id="a", source="s", body="x"))
    data = to_dict(records)
    data["article"]["future_field"] = 1
    assert from_dict(ArticleRecords, data) == records


def test_ids_are_stable():
    assert content_id("abc") == content_id(b"abc")
    assert record_id("e", "a", 1) == record_id("e", "a", 1) != record_id("e", "a", 2)
    assert slug("Kim Jong-un") == "kim-jong-un"
    assert actor_id("country", "prk") == "country:PRK"
    assert actor_id("person", "Moon Jae-in") == "per:moon-jae-in"


def test_to_dict_gives_what_asdict_gives_and_shares_no_container():
    from dataclasses import asdict
    from parley.records import Actor, Location, Role

    event = Event(id="e1", date=None, date_basis="none", type="ACCUSE", context=["a", ("b", 2)],
                  goldstein=-2.5, quad=4, actor1=EventActor("Ana Costa"),
                  location=Location("Lyon", "FRA", 45.75, 4.85, "FRB9", 2996944, "city"),
                  sources=[Source("a1"), Source("a2", start=3, end=9)])
    actor = Actor("per:x", "X", aliases=["Mr X"], roles=[Role("envoy", "BRA")], mentions=True)
    article = Article(id="a", source="s", removed=[{"kind": "byline", "span": (0, 4)}], warnings=["w"])
    for record in (event, actor, article, ArticleRecords(article, [actor], [], [], [event])):
        by_asdict = json.loads(json.dumps(asdict(record)))
        assert json.dumps(to_dict(record)) == json.dumps(by_asdict)
    data = to_dict(article)
    data["removed"][0]["span"].append(5)
    data["warnings"].append("changed")
    assert article.removed == [{"kind": "byline", "span": (0, 4)}] and article.warnings == ["w"]
