"""Hostile inputs (the reproducers of issue 16): each ends as one named line or a warning, and the good
inputs beside it are still read and stored."""

from __future__ import annotations

import gzip
import io
import json
import os
import stat

import pytest

from parley.api import ingest
from parley.errors import InputError, ParleyError
from parley.ingest import display_name, read_inputs, read_stream
from parley.ingest.limits import MAX_AUTHORS, MAX_TAG_WORDS, bounded_lines, cap_names, cap_tags
from parley.options import Options
from parley.records import Document
from parley.store import open_store

STORY = ("GENEVA - Foreign ministers of Chile and Peru met in Geneva on Monday to discuss the border, the "
         "ministry said. \"We made progress,\" the Chilean minister told reporters after four hours of talks.\n")
OTHER = ("NAIROBI - Kenya and Ghana signed a trade accord on Tuesday, officials said, after two days of "
         "talks in Nairobi. The accord cuts tariffs on tea and cocoa.\n")


def read(paths, options=None):
    return list(read_inputs([os.fsdecode(p) if isinstance(p, bytes) else str(p) for p in paths],
                            options or Options()))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def one_line(error: ParleyError) -> bool:
    return "\n" not in error.line() and "\r" not in error.line() and error.line().endswith("]")


def run_ingest(paths, target, **options):
    lines = []
    with open_store(target) as store:
        report = ingest([str(p) for p in paths], Options(nlp=False, **options), store,
                        on_error=lambda e: lines.append(e.line()), on_warning=lines.append)
        stored = [a.source for a in store.articles()]
    return report, stored, lines


# ---- the three that lost a whole batch ------------------------------------------------------------


def test_json_nested_100000_deep_is_one_line_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n" + json.dumps({"text": STORY}).encode() + b"\n")
    items = read([path])
    assert len(docs(items)) == 1
    [error] = errors(items)
    assert error.code == "E006" and "#1" in error.line() or "line 1" in error.line()
    assert one_line(error)


def test_lone_surrogate_in_json_is_replaced_and_stored(tmp_path, store_target):
    path = tmp_path / "surrogate.jsonl"
    text = STORY.strip().replace('"', "'").replace("Monday", "Monday \\udfff")
    path.write_text('{"title": "Talks \\ud800", "text": "' + text + '"}\n')
    report, stored, lines = run_ingest([path], store_target)
    assert report.stored == 1 and not report.errors
    assert any("invalid character" in line for line in lines)


def test_file_name_not_utf8_is_stored_under_a_printable_name(tmp_path, store_target):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9-\xff.txt")
    with open(name, "wb") as f:
        f.write(STORY.encode())
    (tmp_path / "other.txt").write_text(OTHER)
    report, stored, _ = run_ingest([tmp_path], store_target)
    assert report.stored == 2 and not report.errors
    assert any("\ufffd" in s for s in stored)
    assert all(s.encode("utf-8") for s in stored)


# ---- hangs and memory ------------------------------------------------------------------------------


def test_tag_with_200000_attributes_is_cut_before_parsing(tmp_path):
    attrs = " ".join(f'a{i}="x"' for i in range(200_000))
    html, cut = cap_tags(f"<html><body><p {attrs}>{STORY}</p></body></html>")
    assert cut == 1 and len(html) < 10_000 and "Foreign ministers" in html
    path = tmp_path / "attrs.html"
    path.write_text(f"<html><body><p {attrs}>{STORY}</p></body></html>")
    [doc] = read([path])
    assert "1 oversized tag(s) cut" in doc.warnings


def test_cap_tags_leaves_ordinary_pages_alone():
    page = "<html><body>" + "<p class='x' id='y'>words</p>" * 2000 + "</body></html>"
    assert cap_tags(page) == (page, 0)
    long_value = "<div data-x='" + "a" * 20_000 + "'>text</div>"  # long, but few words: kept whole
    assert cap_tags(long_value) == (long_value, 0)


def test_cut_tag_keeps_at_most_the_cap_of_words_and_closes_its_quote():
    tag = "<p " + " ".join(f'a{i}="v w"' for i in range(3000)) + ">"
    html, cut = cap_tags(tag + "after</p>")
    assert cut == 1
    assert len(html.split(">")[0].split()) <= MAX_TAG_WORDS + 1
    assert html.split(">")[0].count('"') % 2 == 0 and html.endswith("after</p>")


def test_json_line_over_the_limit_after_decompression_is_skipped_unread(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    huge = b'{"text": "' + b"x" * 3_000_000 + b'"}\n'
    path.write_bytes(gzip.compress(huge + json.dumps({"text": STORY}).encode() + b"\n"))
    items = read([path], Options(max_file_bytes=100_000))
    assert len(docs(items)) == 1
    [error] = errors(items)
    assert error.code == "E011" and error.path.endswith("#1")


def test_bounded_lines_never_returns_more_than_the_limit():
    stream = io.BufferedReader(io.BytesIO(b"short\n" + b"y" * 50_000 + b"\nlast"))
    got = list(bounded_lines(stream, 1000))
    assert got == [(1, b"short\n"), (2, 50_001), (3, b"last")]


def test_author_list_of_100000_names_is_capped(tmp_path):
    authors = [f"Writer Number{i}" for i in range(100_000)]
    path = tmp_path / "authors.jsonl"
    path.write_text(json.dumps({"text": STORY, "authors": authors + authors}) + "\n")
    [doc] = read([path])
    assert len(doc.hints["authors"]) == MAX_AUTHORS


def test_cap_names_keeps_order_and_drops_repeats():
    assert cap_names(["B", "A", "B", None, "", "C"], limit=2) == ["B", "A"]
    assert cap_names(["x" * 1000]) == ["x" * 200]


# ---- invalid bytes: a warning, not a rejection --------------------------------------------------------


def test_utf8_article_with_one_stray_byte_is_kept_with_a_warning(tmp_path):
    text = STORY.replace('"', "”").encode()
    path = tmp_path / "stray.txt"
    path.write_bytes(text[:50] + b"\x9d\xff" + text[50:])
    [doc] = read([path])
    assert "Foreign ministers" in doc.content and "”" in doc.content  # not misread as cp1252
    assert any("invalid byte" in w for w in doc.warnings)


def test_cp1252_text_is_still_read_as_cp1252(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(STORY.replace("Geneva", "Genève").encode("cp1252"))
    [doc] = read([path])
    assert "Genève" in doc.content and doc.warnings == ["decoded as cp1252"]


# ---- WARC and gzip keep every complete record ---------------------------------------------------------


def warc_bytes(pages, compress=False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
    return out.getvalue()


def page(text):
    return f"<html><head><title>T</title></head><body><article><p>{text}</p></article></body></html>"


def test_good_warc_record_after_a_bad_one_is_read(tmp_path, capsys):
    bad = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\n\x00\xffgarbage\r\n\r\n"
    path = tmp_path / "mixed.warc"
    path.write_bytes(warc_bytes([("https://example.org/a", page(STORY))]) + bad
                     + warc_bytes([("https://example.org/b", page(OTHER))]))
    items = read([path])
    assert [d.url for d in docs(items)] == ["https://example.org/a", "https://example.org/b"]
    [error] = errors(items)
    assert error.code == "E008" and "1 damaged record" in error.line() and one_line(error)
    assert capsys.readouterr().err == ""  # warcio printed nothing of its own


def test_truncated_warc_gz_keeps_its_complete_first_record(tmp_path):
    first = warc_bytes([("https://example.org/a", page(STORY))], compress=True)
    second = warc_bytes([("https://example.org/b", page(OTHER))], compress=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(first + second[: len(second) // 2])
    items = read([path])
    assert [d.url for d in docs(items)] == ["https://example.org/a"]
    assert [e.code for e in errors(items)] == ["E008"]


def test_warc_of_random_bytes_after_a_header_is_one_line(tmp_path, capsys):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"WARC/1.0\r\n" + bytes(range(256)) * 50)
    items = read([path])
    assert len(items) == 1 and items[0].code == "E008" and one_line(items[0])
    assert capsys.readouterr().err == ""


def test_warc_record_with_bad_http_part_is_skipped_quietly(tmp_path, capsys):
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X: " + b"\xff" * 100 + b"\r\n\r\n" + page(STORY).encode()
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/x\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
              + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n")
    path = tmp_path / "odd.warc"
    path.write_bytes(record)
    read([path])
    assert capsys.readouterr().err == ""


# ---- odd files: one clean named line each -------------------------------------------------------------


def test_file_name_with_a_newline_gives_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    [error] = read([path])
    assert one_line(error) and "two\\nlines.txt" in error.line()
    assert display_name("a\nb\x1b[31m.txt") == "a\\nb\\x1b[31m.txt"


def test_dangling_symlink_fifo_and_unreadable_folder_are_named(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(STORY)
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(OTHER)
    real_scandir = os.scandir

    def scandir(path):  # root reads any folder, so refusal is simulated
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read([tmp_path])
    assert len(docs(items)) == 1
    lines = sorted(e.line() for e in errors(items))
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    assert any("dangling.txt" in line and "broken symbolic link" in line for line in lines)
    assert any("pipe.txt" in line and "named pipe" in line for line in lines)
    assert any(line.startswith(f"{locked}:") and "Permission denied" in line for line in lines)


def test_dev_null_is_an_empty_input_not_a_missing_file():
    [error] = read(["/dev/null"])
    assert error.code == "E002" and error.path == "/dev/null"


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    real_open = type(path).open

    def refuse(self, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", refuse)
    [error] = read([path])
    assert error.code == "E012" and "Permission denied" in error.line()


def test_a_reader_bug_costs_that_input_only(tmp_path, monkeypatch):
    from parley import ingest as ingest_module

    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(OTHER)
    real = ingest_module.read_stream

    def broken(raw, where, options):
        if where.endswith("a.txt"):
            raise ValueError("a bug\nover two lines")
        return real(raw, where, options)

    monkeypatch.setattr(ingest_module, "read_stream", broken)
    items = read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs(items)] == ["b.txt"]
    [error] = errors(items)
    assert error.code == "E012" and one_line(error) and "a.txt" in error.line()


def test_whole_hostile_batch_stores_every_good_article(tmp_path, store_target):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY)
    (folder / "deep.jsonl").write_bytes(b"[" * 100_000 + b"\n" + json.dumps({"text": OTHER}).encode() + b"\n")
    (folder / "surrogate.jsonl").write_text('{"text": "Ministers met in Oslo \\ud800 on Friday to sign the accord."}\n')
    with open(os.path.join(os.fsencode(folder), b"\xff.txt"), "wb") as f:
        f.write(b"Envoys of Norway and Japan met in Doha on Sunday, officials said, for talks on shipping.\n")
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * 3_000_000))
    os.mkfifo(folder / "pipe.txt")
    report, stored, lines = run_ingest([folder], store_target, max_file_bytes=1_000_000)
    assert report.stored == 4
    assert len(report.errors) == 3  # the deep line, the bomb, the pipe
    assert all("\n" not in line for line in lines)


def test_stdin_stream_of_garbage_is_one_line():
    items = list(read_stream(io.BytesIO(b"\x1f\x8b" + bytes(200)), "<stdin>", Options()))
    assert len(items) == 1 and isinstance(items[0], InputError) and items[0].path == "<stdin>"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_named_on_the_command_line_is_read_like_stdin(tmp_path):
    import threading

    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(STORY))
    writer.start()
    items = read([fifo])
    writer.join()
    assert len(docs(items)) == 1 and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_overlong_runs_are_cut_before_the_tokenizer_sees_them():
    from parley.ingest.limits import MAX_RUN_CHARS, cut_long_runs
    from parley.pipeline import bounded
    from parley.records import Article

    text = "Talks began. " + "(" * 30_000 + " Ministers met. " + "\u201c" * 20_000
    cut, n = cut_long_runs(text)
    assert n == 2 and "Talks began. " in cut and " Ministers met. " in cut
    assert max(len(run) for run in cut.split()) == MAX_RUN_CHARS
    assert cut_long_runs("https://example.org/" + "a" * 300) == ("https://example.org/" + "a" * 300, 0)
    article = bounded(Article("a", "x.txt", body=text))
    assert article.body == cut and article.warnings == ["2 overlong word(s) cut"]


def test_json_ld_list_of_20000_authors_is_capped():
    from parley.clean import clean_document

    ld = json.dumps({"@type": "NewsArticle", "author": [{"@type": "Person", "name": f"Name{i} Surname"}
                                                        for i in range(20_000)]})
    html = (f"<html><head><script type='application/ld+json'>{ld}</script></head>"
            f"<body><article><p>{STORY}</p><p>{OTHER}</p></article></body></html>")
    article = clean_document(Document("x", "ld.html", "html", html), Options(nlp=False))
    assert len(article.authors) == MAX_AUTHORS and article.authors[0] == "Name0 Surname"


def test_jsonl_byline_of_80000_characters_gives_a_short_author_list(tmp_path, store_target):
    byline = "By " + ", ".join(f"Name{i} Surname" for i in range(6000))
    path = tmp_path / "byline.jsonl"
    path.write_text(json.dumps({"title": "Talks", "text": STORY + OTHER, "byline": byline}) + "\n")
    assert len(byline) > 80_000
    report, _, _ = run_ingest([path], store_target)
    with open_store(store_target) as store:
        [article] = list(store.articles())
    assert report.stored == 1 and len(article.authors) <= MAX_AUTHORS


def test_a_nul_escaped_in_json_is_stored_alike_on_every_backend(tmp_path, store_target):
    """JSON may escape a NUL (\\u0000), which PostgreSQL's text cannot hold: the article is still
    stored, and reads back the same on either backend."""
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"title": "Talks\u0000resume", "text": STORY.replace("Monday", "Mon\u0000day")}) + "\n")
    report, _, lines = run_ingest([path], store_target)
    with open_store(store_target) as store:
        [article] = list(store.articles())
    assert report.stored == 1 and not report.errors
    assert "\x00" not in article.body + (article.headline or "")
    assert "Mon\ufffdday" in article.body
