from parley.records import Event, EventActor, Source, ArticleRecords, Article, from_dict, to_dict
from parley.ids import actor_id, content_id, record_id, slug


def test_event_round_trips_through_dict():
    event = Event(id="e1", date="2019-09", date_basis="explicit", type="CONSULT", cameo="040",
                  actor1=EventActor("Lee Do-hoon", "per:lee-do-hoon", "KOR", "GOV"),
                  sources=[Source("a1", "Herald", "2019-09-19", "Lee met Biegun.", 0, 15)])
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
