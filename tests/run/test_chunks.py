"""The executors' shared parts, without spaCy: chunking, bounded dispatch, isolation, wire formats."""

from __future__ import annotations

from concurrent.futures import Future

from parley.errors import InputError, ParleyError, UsageError
from parley.records import (
    Actor, Article, ArticleRecords, Document, Event, EventActor, Location, Mention, Quote, Role, Source, to_dict,
)
from parley.run import make_executor
from parley.run.chunks import chunked, error_from_dict, error_to_dict, from_wire, in_order, run_chunk, to_wire
from parley.run.local import LocalExecutor
from parley.run.processes import ProcessExecutor
from parley.run.shards import from_table, read_shard, to_table, write_shard


def doc(n: int, text: str = "x") -> Document:
    return Document(f"id{n}", f"src{n}", "text", text)


def test_chunks_are_bounded_by_count_and_characters_and_carry_input_errors():
    err = InputError("E002", path="empty.txt")
    items = [doc(0), err, doc(1), doc(2, "y" * 50), doc(3), doc(4)]
    chunks = list(chunked(items, max_docs=2, max_chars=40))
    assert [[d.id for d in c.documents] for c in chunks] == [["id0", "id1"], ["id2"], ["id3", "id4"]]
    assert chunks[0].errors == [err] and [c.seq for c in chunks] == [0, 1, 2]
    assert list(chunked([err]))[0].errors == [err]


def test_dispatch_pulls_input_only_as_results_are_consumed():
    pulled = []

    def source():
        for n in range(1000):
            pulled.append(n)
            yield doc(n)

    def submit(chunk):
        f = Future()
        f.set_result(chunk.documents)
        return f

    stream = in_order(chunked(source(), max_docs=10), submit, limit=3)
    for consumed, (chunk, future) in enumerate(stream, 1):
        assert future.result() == chunk.documents
        # the chunks in flight, plus the document that closed the last one
        assert len(pulled) <= (consumed + 3) * 10 + 1
    assert len(pulled) == 1000


class FlakyPipeline:
    """Fails on any batch holding document 'id2'."""

    def process(self, documents):
        for d in documents:
            if d.id == "id2":
                raise RuntimeError("stage bug")
            yield ArticleRecords(Article(id=d.id, source=d.source, body=d.content))


def test_a_crash_in_a_stage_costs_only_its_document():
    results = run_chunk(FlakyPipeline(), [doc(n) for n in range(5)])
    assert [r.article.id if isinstance(r, ArticleRecords) else r.code for r in results] == [
        "id0", "id1", "E012", "id3", "id4"]
    assert results[2].path == "src2" and "stage bug" in results[2].reason


def test_streaming_a_chunk_yields_as_it_goes_and_isolates_a_crash():
    from parley.run.chunks import stream_chunk

    stream = stream_chunk(FlakyPipeline(), [doc(n) for n in range(5)])
    assert next(stream).article.id == "id0"  # before the rest of the chunk is done
    rest = list(stream)
    assert [r.article.id if isinstance(r, ArticleRecords) else r.code for r in rest] == ["id1", "E012", "id3", "id4"]


def test_errors_survive_the_wire_with_class_code_path_and_details():
    for error in [InputError("E012", path="a{b}.txt", detail="bad {brace"), UsageError("E030", detail="x"),
                  ParleyError("E006", path="f.jsonl", line=3, detail="oops")]:
        back = error_from_dict(error_to_dict(error))
        assert type(back) is type(error)
        assert (back.code, back.path, back.details, back.line()) == (error.code, error.path, error.details, error.line())
    rec = ArticleRecords(Article(id="a", source="s"))
    assert list(from_wire(to_wire([rec, InputError("E002", path="p")])))[0] == rec


def full_records() -> ArticleRecords:
    article = Article(id="a1", source="s.txt", headline="H", authors=["A B"], published="2024-05-01T10:00:00+02:00",
                      body="Ruiz said \"yes\" to Rabat.", removed=["Advertisement"], warnings=["w"])
    actor = Actor(id="p:ruiz", name="Ana Ruiz", aliases=["Ruiz"], country="ESP", sector="GOV",
                  roles=[Role(title="foreign minister", country="ESP", first_seen="2024-05-01")], mentions=2)
    event = Event(id="e1", date="2024-05-01", date_basis="published", type="CONSULT", context=["diplomacy"],
                  cameo="040", goldstein=1.5, quad=1, actor1=EventActor("Ana Ruiz", "p:ruiz", "ESP", "GOV"),
                  actor2=EventActor("Morocco", None, "MAR"), location=Location("Rabat", "MAR"), trigger="met",
                  sources=[Source("a1", None, "2024-05-01", "Ruiz said", 0, 9)])
    return ArticleRecords(article, [actor], [Mention("a1", "p:ruiz", "Ruiz", 0, 4)],
                          [Quote("q1", "a1", "yes", "Ruiz", "p:ruiz", "said", "direct", None, "Ruiz said \"yes\"", 11, 14)],
                          [event])


def test_shards_round_trip_records_and_errors_in_order(tmp_path):
    items = [full_records(), InputError("E009", path="empty.html"), ArticleRecords(Article(id="a2", source="t"))]
    expected = [to_dict(r) if isinstance(r, ArticleRecords) else error_to_dict(r) for r in items]

    def dicts(results):
        return [to_dict(r) if isinstance(r, ArticleRecords) else error_to_dict(r) for r in results]

    assert dicts(from_table(to_table(items))) == expected
    assert dicts(read_shard(write_shard(items))) == expected  # bytes
    url = write_shard(items, str(tmp_path / "s.parquet"))
    assert dicts(read_shard(url)) == expected
    back = list(read_shard(url))[0]
    assert back == full_records()  # records.py's lists survive JSON as lists


def test_make_executor_picks_by_options(options):
    assert isinstance(make_executor(options), LocalExecutor)
    pool = make_executor(options.with_(workers=2))
    assert isinstance(pool, ProcessExecutor) and pool.workers == 2
    pool.close()  # nothing started: workers spawn on first use
