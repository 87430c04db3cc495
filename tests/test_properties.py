"""Property tests (hypothesis): the readers, the FTS query builder, date parsing and the record round
trip hold their contracts for any input, not just the ones written down.

The contracts: a reader yields Documents and one-line InputErrors and never raises; what it reads
can be hashed and stored (no lone surrogates); damage after complete records keeps those records;
fts_query gives a query SQLite accepts for any text; a published date is None or ISO; a record
survives to_dict/from_dict and the store unchanged."""

from __future__ import annotations

import gzip
import io
import json
import re
import sqlite3

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parley.clean.dates import parse_published
from parley.errors import InputError
from parley.ingest import read_stream
from parley.options import Options
from parley.records import Article, ArticleRecords, Document, from_dict, to_dict
from parley.store import fts_query

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONS = Options(max_file_bytes=200_000)
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?)?)?$")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20)


def read(data: bytes, name: str) -> list:
    return list(read_stream(io.BytesIO(data), name, OPTIONS))


def well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, (Document, InputError))
        if isinstance(item, InputError):
            assert "\n" not in item.line() and item.line().endswith("]")
        else:
            item.content.encode("utf-8")  # storable: no lone surrogates
            item.source.encode("utf-8")
            for value in item.hints.values():
                str(value).encode("utf-8")


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.warc", "x.txt.gz", "stdin"]))
def test_any_bytes_under_any_name_read_cleanly(data, name):
    well_formed(read(data, name))
    well_formed(read(gzip.compress(data), name))


@FAST
@given(st.text(max_size=2000))
def test_any_text_and_page_read_cleanly(text):
    well_formed(read(text.encode("utf-8", "surrogatepass"), "x.txt"))
    well_formed(read(f"<html><body><p {text[:50]}>{text}</p></body></html>".encode("utf-8", "surrogatepass"),
                     "x.html"))


@FAST
@given(st.lists(json_values, min_size=1, max_size=6))
def test_any_json_lines_read_cleanly_one_result_per_line(values):
    lines = [json.dumps(v) for v in values]
    items = read(("\n".join(lines) + "\n").encode(), "x.jsonl")
    well_formed(items)
    assert len(items) == len(lines)


@FAST
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cc"]), min_size=1, max_size=80),
                min_size=1, max_size=8))
def test_jsonl_records_keep_their_text_scrubbed(texts):
    lines = [json.dumps({"text": t, "title": t[:10]}) for t in texts]
    items = read(("\n".join(lines) + "\n").encode(), "x.jsonl")
    well_formed(items)
    for text, item in zip(texts, items):
        if isinstance(item, Document):
            assert item.content == re.sub("[\ud800-\udfff]", "\ufffd", text)


@FAST
@given(st.lists(st.text(alphabet="abc \"", min_size=5, max_size=30), min_size=2, max_size=8), st.data())
def test_gzip_cut_anywhere_keeps_a_prefix_of_the_complete_lines(texts, data):
    texts = [f"{t} {n}" for n, t in enumerate(texts)]  # distinct lines
    packed = gzip.compress(("\n".join(json.dumps({"text": t}) for t in texts) + "\n").encode())
    cut = data.draw(st.integers(0, len(packed)))
    items = read(packed[:cut], "x.jsonl.gz")
    well_formed(items)
    got = [i.content for i in items if isinstance(i, Document)]
    assert got == texts[:len(got)]
    if cut == len(packed):
        assert got == texts


def warc_record(uri: str, body: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                  http_headers=headers))
    return out.getvalue()


@FAST
@given(st.binary(max_size=400), st.binary(max_size=400))
def test_warc_good_records_survive_junk_around_them(before, between):
    first = warc_record("https://example.org/1", "<html><body><p>One.</p></body></html>")
    second = warc_record("https://example.org/2", "<html><body><p>Two.</p></body></html>")
    # junk that itself starts a record line would be a (damaged) record: only then may one be lost
    items = read(first + b"\r\n" + between.replace(b"WARC/", b"warc/") + b"\r\n" + second, "x.warc")
    well_formed(items)
    assert [d.url for d in items if isinstance(d, Document)] == ["https://example.org/1", "https://example.org/2"]
    well_formed(read(before + first, "x.warc"))


@FAST
@given(st.text(max_size=200))
def test_fts_query_is_accepted_by_sqlite_for_any_text(text):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61')")
    db.execute("INSERT INTO t VALUES ('ministers met in geneva')")
    query = fts_query(text)
    assert "\x00" not in query
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


@FAST
@given(st.text(max_size=60), st.sampled_from([None, "UTC", "Asia/Seoul", "America/New_York"]), st.booleans())
def test_published_is_none_or_iso(text, zone, day_first):
    found = parse_published(text, zone, day_first)
    assert found is None or ISO.match(found), found


texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(texts, texts, st.lists(texts, max_size=3), st.one_of(st.none(), texts))
@example("Talks\x00", "Ministers met\x00.", ["A\x00B"], "\x00")
def test_article_round_trips_through_dict_and_store(fresh_store, headline, body, authors, outlet):
    article = Article(id="a1", source="in.txt", headline=headline, body=body, authors=authors, outlet=outlet,
                      warnings=["w"])
    assert from_dict(Article, json.loads(json.dumps(to_dict(article)))) == article
    with fresh_store() as store:
        store.add(ArticleRecords(article))
        # a NUL, which PostgreSQL's text cannot hold, reads back as U+FFFD on every backend
        assert store.article("a1") == _without_nul(article)


def _without_nul(article: Article) -> Article:
    text = lambda value: value.replace("\x00", "\ufffd") if isinstance(value, str) else value
    return Article(**{k: [text(v) for v in value] if isinstance(value, list) else text(value)
                      for k, value in to_dict(article).items()})
