"""Each reader, and every bad-input case: one InputError naming the file, the good inputs still read."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from parley.errors import InputError
from parley.ingest import read_inputs, read_stream
from parley.ingest.sniff import sniff
from parley.options import Options
from parley.records import Document

STORY = "SEOUL, Aug. 24 (Yonhap) -- The two ministers held a phone call on Thursday, the ministry said.\n"
PAGE = "<!DOCTYPE html><html><head><title>Talks</title></head><body><p>The envoys met in Geneva.</p></body></html>"


def read(paths, options=None):
    return list(read_inputs([str(p) for p in paths], options or Options()))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def warc_bytes(records) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for uri, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


def test_text_html_and_gz(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(STORY.replace("phone call", "meeting").encode()))
    items = read([tmp_path])
    assert not errors(items)
    assert [d.kind for d in items] == ["text", "html", "text"]
    assert items[2].source.endswith("c.txt.gz") and "meeting" in items[2].content


def test_same_content_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    a, b = read([tmp_path])
    assert a.id == b.id


def test_folder_is_sorted_recursive_and_skips_other_files(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text(STORY)
    (tmp_path / "a.txt").write_text(STORY + "More.")
    (tmp_path / "notes.toml").write_text("x = 1")
    (tmp_path / ".hidden.txt").write_text(STORY)
    assert [d.source for d in read([tmp_path])] == [str(tmp_path / "a.txt"), str(tmp_path / "z" / "b.txt")]


def test_jsonl_records_with_hints(tmp_path):
    lines = [
        {"url": "https://www.koreaherald.com/x", "title": "Envoys meet", "maintext": STORY,
         "date_publish": "2020-11-18 10:00:00", "authors": ["Choi Ye-rin"], "source_domain": "koreaherald.com"},
        {"title": "Second", "text": "Ministers agreed to meet again in March, officials said.", "time": "2011-02-11"},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = read([path])
    assert first.kind == "record" and first.source == f"{path}#1"
    assert first.hints["title"] == "Envoys meet" and first.hints["authors"] == ["Choi Ye-rin"]
    assert first.hints["published"] == "2020-11-18 10:00:00" and first.url == "https://www.koreaherald.com/x"
    assert second.content.startswith("Ministers") and first.id != second.id
    assert second.hints["published"] == "2011-02-11"  # research corpora often call the date "time"


def test_malformed_jsonl_line_among_good_ones(tmp_path):
    path = tmp_path / "crawl.jsonl"
    good = json.dumps({"title": "T", "text": "Ministers met."})
    path.write_text(f"{good}\n{{not json\n{json.dumps({'title': 'no text'})}\n{good.replace('met', 'agreed')}\n")
    items = read([path])
    assert len(docs(items)) == 2
    assert [(e.code, e.details.get("line")) for e in errors(items)] == [("E006", 2), ("E007", 3)]
    assert all(e.path == str(path) for e in errors(items))


def test_warc_html_records_only(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    data = warc_bytes([("https://a.example/1", "text/html; charset=utf-8", PAGE.encode()),
                       ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
                       ("https://a.example/2", "text/html", PAGE.replace("Geneva", "Oslo").encode())])
    path.write_bytes(gzip.compress(data))
    items = read([path])
    assert not errors(items)
    assert [d.url for d in items] == ["https://a.example/1", "https://a.example/2"]
    assert all(d.kind == "html" and d.source.startswith(str(path) + "#") for d in items)


def test_warc_without_html_records(tmp_path):
    path = tmp_path / "images.warc"
    path.write_bytes(warc_bytes([("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")]))
    (tmp_path / "ok.txt").write_text(STORY)
    items = read([tmp_path])
    assert [e.code for e in errors(items)] == ["E008"] and errors(items)[0].path == str(path)
    assert len(docs(items)) == 1


def test_corrupt_warc(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\n<html>cut")
    assert [e.code for e in errors(read([path]))] == ["E008"]


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("empty.txt", b"", "E002"),
        ("blank.txt", b"  \n\n ", "E002"),
        ("binary.txt", b"\x00\x01\x02\x03PK\x05\x06" * 50, "E003"),
        ("truncated.txt.gz", gzip.compress(STORY.encode() * 50)[:-30], "E005"),
    ],
)
def test_bad_file_yields_one_error_and_others_survive(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz_good.txt").write_text(STORY)
    items = read([tmp_path])
    assert [(e.code, e.path) for e in errors(items)] == [(code, str(tmp_path / name))]
    assert len(docs(items)) == 1


def test_missing_file(tmp_path):
    items = read([tmp_path / "nope.txt", tmp_path])
    assert [e.code for e in errors(items)] == ["E001"]


def test_cp1252_text_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("The minister\u2019s \u201cfirm\u201d reply \u2013 talks resume.".encode("cp1252"))
    (doc,) = read([path])
    assert "minister\u2019s \u201cfirm\u201d" in doc.content
    assert doc.warnings == ["decoded as cp1252"]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Envoys met in Seoul.".encode("utf-16"))
    (doc,) = read([path])
    assert doc.content == "Envoys met in Seoul."


def test_oversize_single_article(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100)
    (tmp_path / "small.txt").write_text(STORY)
    items = read([tmp_path], Options(max_file_bytes=1000))
    assert [(e.code, e.path) for e in errors(items)] == [("E011", str(path))]
    assert len(docs(items)) == 1


def test_truncated_jsonl_gz_keeps_good_lines(tmp_path):
    lines = "".join(json.dumps({"title": f"T{i}", "text": f"Story number {i} " * 20}) + "\n" for i in range(200))
    path = tmp_path / "crawl.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode())[:-200])
    items = read([path])
    assert len(docs(items)) > 50
    assert [e.code for e in errors(items)] == ["E005"]


def test_stdin_is_sniffed():
    options = Options()
    as_html = list(read_stream(io.BytesIO(PAGE.encode()), "<stdin>", options))
    as_jsonl = list(read_stream(io.BytesIO(b'{"title": "T", "text": "Envoys met."}\n'), "<stdin>", options))
    as_text = list(read_stream(io.BytesIO(gzip.compress(STORY.encode())), "<stdin>", options))
    assert [d.kind for d in as_html + as_jsonl + as_text] == ["html", "record", "text"]


@pytest.mark.parametrize(
    "head, kind",
    [(b"WARC/1.1\r\n", "warc"), (b"<!doctype html><html>", "html"), (b'{"a": 1}\n{"a": 2}', "jsonl"),
     (b"Talks resumed in Geneva.", "text"), (b"\xef\xbb\xbf<html><body>", "html")],
)
def test_sniff(head, kind):
    assert sniff(head) == kind


def test_jsonl_chrome_repeated_across_records_is_removed(tmp_path):
    from parley.clean import clean_document
    from parley.options import Options

    policy = "Comments are moderated and may take a day to appear on this page."
    background = "The two countries have held eleven rounds of border talks since 2015."
    records = []
    for n in range(12):
        lines = [f"Delegates from the two countries met on day {n} of the border review, officials said.",
                 f"They agreed to publish {n + 3} new maps of the disputed valley before the next round."]
        if n < 6:
            lines.append(policy)
        if n < 2:
            lines.append(background)
        records.append({"title": f"Border review day {n}", "text": "\n".join(lines), "source_domain": "example.org"})
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    articles = [clean_document(d, Options()) for d in read([path])]
    assert all(policy not in a.body for a in articles)
    assert sum(policy in a.removed for a in articles) == 6
    assert sum(background in a.body for a in articles) == 2  # in only 2 of 12 records: the story's own
