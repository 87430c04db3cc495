from __future__ import annotations

from story_corpus import HARLOW, LEE, MEETING_BODY, PRK, SANCTIONS_BODY, USA, add, make_article, make_event

from parley.options import Options
from parley.stories import link_corpus
from parley.stories.dyad import dyad_series


def test_dyad_counts_per_month_in_either_direction_with_empty_months_filled(store):
    rows = [("2019-06-03", USA, PRK, "SANCTION", 3, -8.0), ("2019-06-20", PRK, USA, "ACCUSE", 3, -2.0),
            ("2019-08-01", USA, PRK, "CONSULT", 1, 1.0), ("2019-08-02", HARLOW, LEE, "CONSULT", 1, 1.0)]
    for n, (day, a1, a2, type_, quad, gold) in enumerate(rows):
        article = make_article(f"{SANCTIONS_BODY} {n}" if n % 2 else f"{MEETING_BODY} {n}", f"O{n}", day)
        add(store, article, [make_event(article, "d", type_, a1, a2, day, quad=quad, goldstein=gold)])
    planned = make_article(SANCTIONS_BODY + " planned", "P", "2019-06-01")
    add(store, planned, [make_event(planned, "p", "CONSULT", USA, PRK, "2019-06-05", status="planned")])
    link_corpus(store, Options())
    series = dyad_series(store, "PRK", "USA")
    assert [r["month"] for r in series] == ["2019-06", "2019-07", "2019-08"]
    june, july, august = series
    assert (june["quad3"], june["quad1"], june["events"], june["goldstein"]) == (2, 0, 2, -10.0)
    assert july["events"] == 0
    assert (august["quad1"], august["events"]) == (1, 1)
    by_name = dyad_series(store, "Stephen Harlow", "KOR")
    assert [(r["month"], r["events"]) for r in by_name] == [("2019-08", 1)]
    assert dyad_series(store, "USA", "FRA") == []
