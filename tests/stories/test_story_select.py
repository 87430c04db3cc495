"""The SQL prefilters of timelines and dyad series give exactly what a scan of every event gives."""

from __future__ import annotations

import pytest
from story_corpus import (HARLOW, LEE, MEETING_BODY, OTHER_MEETING_BODY, PRK, SANCTIONS_BODY, USA, actors_of, add,
                          make_article, make_event)

from parley.dates import month_range
from parley.options import Options
from parley.records import Actor, EventActor
from parley.stories import link_corpus
from parley.stories.dyad import _empty, actor_matcher, between, dyad_series
from parley.stories.merge import HAPPENED
from parley.stories.timeline import build_timeline, effective_status

# a name-only actor (no id), an actor whose country only the canonical record knows, a non-ASCII name
NAMELESS = EventActor("Kim Yo-jong", None, "PRK", "GOV")
ENVOY = EventActor("Special Envoy", "per:envoy-local", None, "GOV")
CANON_ENVOY = Actor("per:envoy", "Special Envoy", ["Envoy"], "person", "USA", "GOV", [], 3)
ZOE = EventActor("Zoë Ångström", "per:zoe", "SWE", "GOV")


def _store(store, merged: bool):
    rows = [
        ("2019-06-03", USA, PRK, "SANCTION", 3, -8.0, "reported"),
        ("2019-06-20", PRK, USA, "ACCUSE", 3, -2.0, "historical"),
        ("2019-07-02", NAMELESS, USA, "THREATEN", 3, -4.4, "reported"),
        ("2019-07-15", ENVOY, PRK, "CONSULT", 1, 1.0, "reported"),
        ("2019-08-01", ZOE, PRK, "CONSULT", 1, 1.0, "reported"),
        ("2019-08-02", HARLOW, LEE, "CONSULT", 1, 1.0, "reported"),
        ("2019-08-20", USA, PRK, "CONSULT", 1, 1.0, "planned"),
        ("2019-09-30", USA, PRK, "CONSULT", 1, 1.0, "reported"),  # dated after its article: planned
        ("2019-09", PRK, USA, "REJECT", 3, -4.0, "negated"),
        (None, USA, PRK, "ACCUSE", 3, -2.0, "reported"),
    ]
    bodies = (MEETING_BODY, OTHER_MEETING_BODY, SANCTIONS_BODY)
    for n, (day, a1, a2, type_, quad, gold, status) in enumerate(rows):
        published = {None: None, "2019-09-30": "2019-09-10", "2019-09": "2019-09-12"}.get(day, day)
        article = make_article(f"{bodies[n % 3]} {n}", f"O{n}", published)
        event = make_event(article, "e", type_, a1, a2, day, quad=quad, goldstein=gold, status=status,
                           needle=bodies[n % 3].split()[3])
        add(store, article, [event], actors_of(USA, PRK, HARLOW, LEE))
    if merged:
        link_corpus(store, Options())
    store.set_actors([CANON_ENVOY], {"per:envoy-local": "per:envoy"})


def _timeline_by_scan(store, *, actor=None, dyad=None, since=None, until=None, status=None, search=None):
    """The selection rules of build_timeline applied to every event (what the SQL must reproduce)."""
    wanted = {status} if status else set(HAPPENED)
    match = [actor_matcher(store, k) for k in dyad] if dyad else None
    found = store.find_articles(search) if search else None
    words = [w.lower() for w in (search or "").split()]
    out = []
    for e in store.events(actor=actor, since=since, until=until):
        st = effective_status(e)
        if found is not None and not (any(s.article_id in found for s in e.sources)
                                      or any(all(w in s.sentence.lower() for w in words) for s in e.sources)):
            continue
        if st in wanted and (not match or between(e, *match)) and e.date:
            out.append((e.id, st))
    return sorted(out)


def _dyad_by_scan(store, a, b):
    match_a, match_b = actor_matcher(store, a), actor_matcher(store, b)
    months: dict = {}
    for e in store.events():
        if e.status in HAPPENED and e.date and len(e.date) >= 7 and between(e, match_a, match_b):
            row = months.setdefault(e.date[:7], _empty(e.date[:7]))
            row[f"quad{e.quad}"] += 1
            row["goldstein"] = round(row["goldstein"] + (e.goldstein or 0.0), 2)
            row["events"] += 1
    return [months.get(m) or _empty(m) for m in month_range(min(months), max(months))] if months else []


def _ids(timeline):
    return sorted((e.event_id, e.status) for e in timeline)


QUERIES = [
    {}, {"dyad": ("USA", "PRK")}, {"dyad": ("PRK", "USA")}, {"dyad": ("Kim Yo-jong", "USA")},
    {"dyad": ("kim yo-jong", "USA")}, {"dyad": ("USA", "PRK"), "status": "planned"},
    {"dyad": ("zoë ångström", "PRK")}, {"dyad": ("ZOË ÅNGSTRÖM", "PRK")}, {"dyad": ("Envoy", "PRK")},
    {"dyad": ("per:envoy", "PRK")}, {"dyad": ("USA", "KOR")}, {"actor": "Lee Sang-ho"},
    {"status": "negated"}, {"since": "2019-07", "until": "2019-08-01"}, {"dyad": ("USA", "FRA")},
    {"search": "shipping companies"}, {"search": "TOP american"}, {"search": "american"}, {"search": '"shipping'},
    {"search": "Korea's"}, {"search": "nowhere-to-be-found"}, {"search": "top", "dyad": ("USA", "PRK")},
]


@pytest.mark.parametrize("merged", [False, True])
def test_timeline_selection_matches_a_scan_of_every_event(store, merged):
    _store(store, merged)
    for query in QUERIES:
        assert _ids(build_timeline(store, **query)) == _timeline_by_scan(store, **query), query
    assert [x.article_id for x in build_timeline(store).excluded]  # the undated event's article


@pytest.mark.parametrize("merged", [False, True])
def test_dyad_series_matches_a_scan_of_every_event(store, merged):
    _store(store, merged)
    for a, b in [("USA", "PRK"), ("PRK", "USA"), ("Kim Yo-jong", "USA"), ("Envoy", "PRK"), ("Zoë Ångström", "prk"),
                 ("zoë ångström", "PRK"), ("Stephen Harlow", "KOR"), ("USA", "FRA")]:
        assert dyad_series(store, a, b) == _dyad_by_scan(store, a, b), (a, b)
    # the canonical record gives the envoy a country the article did not
    assert [r["events"] for r in dyad_series(store, "USA", "PRK") if r["month"] == "2019-07"] == [2]


def test_search_finds_words_of_a_source_sentence_in_any_case(store):
    _store(store, merged=True)
    assert build_timeline(store, search="shipping companies")
    assert all(any("top american" in s.lower() for s in [e.sentence]) or e.articles
               for e in build_timeline(store, search="TOP american"))
    assert build_timeline(store, search="nowhere-to-be-found") == []
