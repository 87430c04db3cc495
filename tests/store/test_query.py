"""The SQL translation of an EventQuery never drops an event its Python predicate keeps, and the
store's answers are the predicate's, on random events, actors and queries (both backends)."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Quote, Source
from parley.store import ArticleQuery, EventQuery, QuoteQuery

# a small world, so that random queries hit: ids, names (one non-ASCII, one differing only in
# case), countries, and a side with a name but no id
SIDES = [
    EventActor("Stephen Biegun", "per:biegun", "USA", "GOV"),
    EventActor("Lee Do-hoon", "per:lee", "KOR", "GOV"),
    EventActor("Zoë Ångström", "per:zoe", "SWE", "GOV"),
    EventActor("Kim Yo-jong", None, "PRK", "GOV"),
    EventActor("kim yo-jong", "per:kim-local", None, None),
    EventActor("United States", "country:USA", "USA", None),
    EventActor("Envoy", "per:envoy-local", None, "GOV"),
]
# the canonical actors of a merge: the envoy is a US official, Lee is merged into another id
CANON = [Actor("per:envoy", "Special Envoy", ["Envoy"], "person", "USA", "GOV", [], 3),
         Actor("per:lee-do-hoon", "Lee Do-hoon", ["Lee"], "person", "KOR", "GOV", [], 4)]
MAPPING = {"per:envoy-local": "per:envoy", "per:lee": "per:lee-do-hoon"}
KEYS = ["USA", "KOR", "PRK", "SWE", "Biegun", "Lee Do-hoon", "kim yo-jong", "Zoë Ångström", "Special Envoy",
        "per:envoy", "nobody"]
WORDS = ["talks", "sanctions", "Seoul", "missile", "zoë"]
DATES = [None, "2019", "2019-06", "2019-06-03", "2019-07-15", "2020-01", "2020-02-29"]
STATUSES = ["reported", "historical", "planned", "negated"]
TYPES = ["CONSULT", "ACCUSE", "SANCTION"]

# no long shrinking (a store per example is slow to shrink over): a failure prints its example as found
FAST = (Phase.explicit, Phase.reuse, Phase.generate)

events = st.builds(
    lambda date, status, type_, a1, a2, words: (date, status, type_, a1, a2, " ".join(words)),
    st.sampled_from(DATES), st.sampled_from(STATUSES), st.sampled_from(TYPES),
    st.sampled_from(SIDES + [None]), st.sampled_from(SIDES + [None]),
    st.lists(st.sampled_from(WORDS), max_size=3))

queries = st.builds(
    EventQuery,
    actor=st.none() | st.sampled_from(KEYS),
    dyad=st.none() | st.tuples(st.sampled_from(KEYS), st.sampled_from(KEYS)),
    since=st.none() | st.sampled_from(DATES[1:]),
    until=st.none() | st.sampled_from(DATES[1:]),
    status=st.none() | st.sampled_from(STATUSES),
    type=st.none() | st.sampled_from([t.lower() for t in TYPES]),
    search=st.none() | st.sampled_from(WORDS + ["talks Seoul", "absent"]),
    dated=st.booleans(),
    newest_first=st.booleans(),
)


def _fill(store, rows) -> list[str]:
    for n, (date, status, type_, a1, a2, words) in enumerate(rows):
        aid = f"a{n:03d}"
        sentence = f"Officials spoke {words}."
        body = f"{sentence} The meeting went on {'in Seoul' if n % 3 == 0 else 'for hours'}."
        article = Article(aid, f"{aid}.txt", headline=f"Story {n}", outlet="Herald", published="2019-06-01",
                          body=body)
        event = Event(f"e{n:03d}", date, "explicit", type_, status=status, actor1=a1, actor2=a2,
                      sources=[Source(aid, "Herald", "2019-06-01", sentence, 0, len(sentence))])
        store.add(ArticleRecords(article, [], [], [], [event]))
    store.set_actors(CANON, MAPPING)
    return [f"e{n:03d}" for n in range(len(rows))]


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), phases=FAST)
@given(rows=st.lists(events, min_size=1, max_size=14), picks=st.lists(queries, min_size=1, max_size=5))
def test_sql_never_drops_what_the_predicate_keeps(fresh_store, rows, picks):
    with fresh_store() as store:
        _fill(store, rows)
        every = list(store.events(merged=False))
        for query in picks:
            bound = store.bind_events(query)
            kept = [e.id for e in every if bound.matches(e)]
            candidates = {e.id for e in store.event_candidates(bound)}
            assert set(kept) <= candidates, query
            answer = [e.id for e in store.events(query)]
            assert sorted(answer) == sorted(kept), query
            if not (query.actor or query.dyad or query.search):
                assert candidates == set(kept), query  # dates, status and type: the SQL is exact


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), phases=FAST)
@given(rows=st.lists(events, min_size=3, max_size=14), query=queries,
       limit=st.integers(1, 4), offset=st.integers(0, 4))
def test_pages_are_slices_of_the_whole_answer(fresh_store, rows, query, limit, offset):
    from dataclasses import replace

    with fresh_store() as store:
        _fill(store, rows)
        whole = [e.id for e in store.events(query)]
        page = [e.id for e in store.events(replace(query, limit=limit, offset=offset))]
        assert page == whole[offset:offset + limit]


# articles and quotations: ASCII outlets and speakers (SQL's LIKE folds the case of ASCII letters
# only, and so do the predicates)
OUTLETS = ["Herald", "Daily Herald", "Tribune", None]
SPEAKERS = [("Stephen Biegun", "per:biegun"), ("Lee Do-hoon", "per:lee"), ("an official", None),
            ("Envoy", "per:envoy-local")]
articles = st.tuples(st.sampled_from(DATES[1:] + [None]), st.sampled_from(OUTLETS),
                     st.lists(st.sampled_from(WORDS), max_size=3), st.sampled_from(SPEAKERS),
                     st.sampled_from(["direct", "indirect"]), st.sampled_from(SIDES[:3] + SIDES[6:]))
article_queries = st.builds(
    ArticleQuery, outlet=st.none() | st.sampled_from(["herald", "TRIB", "x"]),
    since=st.none() | st.sampled_from(DATES[1:]), until=st.none() | st.sampled_from(DATES[1:]),
    search=st.none() | st.sampled_from(WORDS + ["absent"]), actor=st.none() | st.sampled_from(KEYS))
quote_queries = st.builds(
    QuoteQuery, speaker=st.none() | st.sampled_from(["Biegun", "official", "Special Envoy", "lee", "nobody"]),
    kind=st.none() | st.sampled_from(["direct", "indirect"]), search=st.none() | st.sampled_from(WORDS),
    article_id=st.none() | st.sampled_from(["a000", "a001"]))


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), phases=FAST)
@given(rows=st.lists(articles, min_size=1, max_size=10), picks=st.lists(article_queries, min_size=1, max_size=4),
       quote_picks=st.lists(quote_queries, min_size=1, max_size=4))
def test_article_and_quote_predicates_agree_with_the_sql(fresh_store, rows, picks, quote_picks):
    with fresh_store() as store:
        stored, quotes, named = [], [], {}
        for n, (day, outlet, words, (speaker, speaker_id), kind, side) in enumerate(rows):
            aid = f"a{n:03d}"
            text = f"We want {' '.join(words) or 'peace'}"
            article = Article(aid, f"{aid}.txt", headline=f"Story {n}", outlet=outlet, published=day,
                              body=f"{text}, {speaker} said.")
            quote = Quote(f"q{n:03d}", aid, text, speaker, speaker_id, "said", kind, day, article.body, 0, len(text))
            actor = Actor(side.actor_id, side.name, [], "person", side.country, side.sector, [], 1)
            store.add(ArticleRecords(article, [actor], [], [quote], []))
            stored.append(article)
            quotes.append(quote)
            named[aid] = {actor.id}
        store.set_actors(CANON, MAPPING)
        for query in picks:
            bound = store.bind_articles(query)
            expected = sorted(a.id for a in stored if bound.matches(a, named[a.id]))
            assert sorted(a.id for a in store.articles(query)) == expected, query
        for query in quote_picks:
            bound = store.bind_quotes(query)
            expected = sorted(q.id for q in quotes if bound.matches(q))
            assert sorted(q.id for q in store.quotes(query)) == expected, query
