"""The per-article pipeline keeps going when a stage fails on one article, and says so."""

from parley.api import ingest
from parley.options import Options
from parley.pipeline import STAGE_FAILED
from parley.store import open_store

TEXT = ("Foreign Minister Anna Kessler of Austria met Swiss President Paul Lehmann in Bern on Monday, "
        "officials said. The two agreed to meet again next month.\n")


def test_a_stage_bug_keeps_the_article_and_is_reported(tmp_path, monkeypatch, store_target):
    (tmp_path / "a.txt").write_text("World News\n\nAustria and Switzerland agree on water treaty talks\n\n" + TEXT)
    (tmp_path / "b.txt").write_text("World News\n\nAustrian and Swiss ministers meet in Bern\n\n" + TEXT.replace("Monday", "Friday"))

    def broken(article, doc, actors, options, quotes=None):
        if "Monday" in article.body:
            raise RuntimeError("boom")
        return []

    monkeypatch.setattr("parley.pipeline.find_events", broken)
    warnings = []
    with open_store(store_target) as store:
        report = ingest([str(tmp_path)], Options(), store, on_warning=warnings.append)
        assert report.stored == 2 and not report.errors
        assert len(warnings) == 1 and "a.txt" in warnings[0] and "boom" in warnings[0]
        failed = [a for a in store.articles() if any(w.startswith(STAGE_FAILED) for w in a.warnings)]
        assert [a.source.endswith("a.txt") for a in failed] == [True]
