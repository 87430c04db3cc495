"""The explorer's SQL version of the timeline agrees with parley.stories."""

from __future__ import annotations

import pytest

from parley.store import open_store
from parley.web import graph


@pytest.fixture
def store(web_db):
    with open_store(web_db) as s:
        yield s


@pytest.mark.parametrize("kwargs", [{}, {"actor": "kim"}, {"dyad": ("USA", "PRK")}, {"status": "planned"},
                                   {"since": "2019-03", "until": "2019-04"}, {"search": "praised"}])
def test_timeline_matches_the_stories_stage(store, kwargs):
    stage = pytest.importorskip("parley.stories.timeline")
    ours, cut = graph.timeline(store, **kwargs)
    theirs = [graph.as_dict(e) for e in stage.build_timeline(store, **kwargs)]
    assert not cut
    assert [(e["date"], e["text"], e["event_id"], e["status"]) for e in ours] == \
        [(e["date"], e["text"], e["event_id"], e["status"]) for e in theirs]


def test_timeline_keeps_the_latest_when_cut(store):
    entries, cut = graph.timeline(store, actor="kim", limit=1)
    assert cut and [e["date"] for e in entries] == ["2019-05"]


def test_network_counts_pairs(store):
    net = graph.network(store)
    edge = {(e["source"], e["target"]): e for e in net["edges"]}
    # the planned demand did not happen: no tie unless asked for
    assert edge[("moon", "kim")]["events"] == 1 and edge[("moon", "kim")]["cooperation"] == 1
    planned = {(e["source"], e["target"]): e for e in graph.network(store, status="planned")["edges"]}
    # a demand (REQUEST) is verbal conflict: the events' own quad table
    assert planned[("moon", "kim")]["events"] == 1 and planned[("moon", "kim")]["cooperation"] == 0
    assert edge[("evil", "kim")]["conflict"] == 1
    assert graph.top_pair(store) == ("moon", "kim")
