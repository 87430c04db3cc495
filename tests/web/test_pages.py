"""Page plumbing: HEAD answers like GET, and a bad parameter is explained in plain words."""

from parley.web.pages import plain_message


def test_pages_answer_head(client):
    for path in ["/", "/actors", "/timeline", "/network", "/dyad", "/articles/art1"]:
        response = client.head(path)
        assert response.status_code == 200, path
        assert response.content == b""


def test_bad_date_page_speaks_plainly(client):
    page = client.get("/?since=2019-13")
    assert page.status_code == 422
    assert "Value error" not in page.text and "“from” date: bad date" in page.text


def test_plain_message_names_the_field_and_drops_validator_words():
    said = plain_message("page: Input should be greater than or equal to 1; status: Value error, expected one of a, b")
    assert said == "Page: expected 1 or more; status: expected one of a, b"


def test_latest_articles_newest_first_by_time(store):
    from parley.records import Article, ArticleRecords
    from parley.web.data import list_articles

    times = {"a-early": "2020-05-01T08:00:00+00:00", "b-noon-seoul": "2020-05-01T12:00:00+09:00",
             "c-late": "2020-05-01T18:30:00-04:00", "d-day-before": "2020-04-30T23:00:00+00:00"}
    for aid, published in times.items():
        store.add(ArticleRecords(Article(aid, f"{aid}.txt", headline=aid, published=published, body="Text.")))
    order = [row.id for row in list_articles(store)]
    # in UTC: c 22:30, a 08:00, b 03:00 (12:00 in Seoul), then the day before
    assert order == ["c-late", "a-early", "b-noon-seoul", "d-day-before"]
