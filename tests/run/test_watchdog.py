"""The per-article time budget: an input on which the pipeline makes no progress is given up with one
E014 line, and the others of its chunk are still processed."""

from __future__ import annotations

import threading

from parley.errors import InputError
from parley.ids import content_id
from parley.options import Options
from parley.records import Article, ArticleRecords, Document
from parley.run.chunks import run_chunk
from parley.run.watchdog import OverBudget, watchdog


def document(text: str) -> Document:
    return Document(content_id(text), f"{text[:10]}.txt", "text", text)


class Stuck:
    """A pipeline that never finishes an input containing 'STUCK' and fails on one containing 'BUG'."""

    def __init__(self, seconds: float) -> None:
        self.options = Options(article_seconds=seconds)

    def process(self, documents):
        for doc in documents:
            if "STUCK" in doc.content:
                while True:  # a loop that never ends, as a catastrophic regex would
                    pass
            if "BUG" in doc.content:
                raise ValueError("stage bug")
            yield ArticleRecords(Article(doc.id, doc.source, body=doc.content))


def test_stuck_input_gets_e014_and_the_rest_of_the_chunk_goes_on():
    docs = [document("first fine"), document("STUCK here"), document("BUG there"), document("last fine")]
    results = run_chunk(Stuck(0.3), docs)
    assert [type(r).__name__ for r in results] == ["ArticleRecords", "InputError", "InputError", "ArticleRecords"]
    stuck, bug = results[1], results[2]
    assert stuck.code == "E014" and stuck.path == "STUCK here.txt" and "0.3 s" in stuck.line()
    assert bug.code == "E012" and "stage bug" in bug.line()


def test_watchdog_rearms_on_progress_and_is_off_outside_the_main_thread():
    import time

    with watchdog(1.5) as progress:
        for _ in range(20):  # 2 s in all, but never 1.5 s without progress
            time.sleep(0.1)
            progress()
    caught = []

    def worker():
        try:
            with watchdog(0.05):
                time.sleep(0.2)
        except OverBudget:
            caught.append(True)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert caught == []


def test_watchdog_fires_without_progress():
    import time

    try:
        with watchdog(0.1):
            time.sleep(5)
    except OverBudget:
        return
    raise AssertionError("the watchdog did not fire")


def test_zero_switches_the_watchdog_off():
    results = run_chunk(Stuck(0), [document("fine one")])
    assert not isinstance(results[0], InputError)


def test_process_executor_gives_up_a_chunk_whose_worker_is_stuck():
    """A worker stuck where its own watchdog cannot reach it (native code) never answers: the parent
    kills the pool and gives each input of the chunk its own try, then E014."""
    from concurrent.futures import Future

    from parley.run.chunks import Chunk
    from parley.run.processes import ProcessExecutor

    class NeverPool:
        _processes: dict = {}

        def submit(self, *args):
            return Future()  # never completes

        def shutdown(self, **kwargs):
            pass

    executor = ProcessExecutor(Options(article_seconds=0.01), workers=1)
    executor.startup_seconds = 0
    executor._start = lambda: NeverPool()
    docs = [document("one fine"), document("two fine")]
    results = list(executor._results(Chunk(0, docs), Future()))
    assert [(r.code, r.path) for r in results] == [("E014", "one fine.txt"), ("E014", "two fine.txt")]
