"""The SQL translation of an EventQuery never drops an event its Python predicate keeps, and the
store's answers are the predicate's, on random events, actors and queries (both backends)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.records import Actor, Article, ArticleRecords, Event, EventActor, Source
from parley.store import EventQuery

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


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
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


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(rows=st.lists(events, min_size=3, max_size=14), query=queries,
       limit=st.integers(1, 4), offset=st.integers(0, 4))
def test_pages_are_slices_of_the_whole_answer(fresh_store, rows, query, limit, offset):
    from dataclasses import replace

    with fresh_store() as store:
        _fill(store, rows)
        whole = [e.id for e in store.events(query)]
        page = [e.id for e in store.events(replace(query, limit=limit, offset=offset))]
        assert page == whole[offset:offset + limit]
