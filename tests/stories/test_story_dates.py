from dataclasses import replace

from parley.stories.dates import DEFAULT_WEIGHTS, DateSignal, date_references, select_dates

# 2019-03-20 is a Wednesday: "on Monday" resolves to 2019-03-18
ARTICLES = [
    ("a1", "2019-03-20", "Talks collapsed on Monday, the envoy said."),
    ("a2", "2019-03-20", "The Monday talks ended without a statement."),
    ("a3", "2019-03-20", "Ministers walked out on Monday."),
    ("a4", "2019-03-25", "The ceasefire agreed on 15 March still holds."),
]


def test_weekday_references_resolve_but_do_not_count_by_default():
    assert [(r.day, r.explicit) for r in date_references(ARTICLES[0][2], "2019-03-20")] == [("2019-03-18", False)]
    (top,) = select_dates(ARTICLES, 1)
    assert top == "2019-03-15"


def test_weekday_references_count_when_asked():
    (top,) = select_dates(ARTICLES, 1, replace(DEFAULT_WEIGHTS, implicit_refs=True))
    assert top == "2019-03-18"


def test_a_weekday_referenced_day_keeps_its_sentence():
    signal = DateSignal()
    for article in ARTICLES:
        signal.add_article(*article)
    assert signal.references().get("2019-03-18", 0.0) == 0.0
    sentence, article_id = signal.best_reference("2019-03-18")
    assert "Monday" in sentence and article_id in {"a1", "a2", "a3"}
