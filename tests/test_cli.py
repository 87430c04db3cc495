"""End-to-end: the CLI on real files, as a user runs it."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow

STORY = """The Daily Ledger

World | Diplomacy

Envoys agree to resume border talks after two-year pause

By Maria Ortiz

Published: March 4, 2022

Share this article

GENEVA -- Foreign Minister Anna Kessler of Austria met her Swiss counterpart, Paul Lehmann, in Geneva on Thursday and agreed to resume talks on the disputed water treaty, officials said.

"We have wasted two years, and we will not waste a third," Kessler told reporters after the meeting.

Lehmann said the two governments would publish a joint schedule next month.

Advertisement
"""


def run(*args, db, stdin=None, check=True):
    proc = subprocess.run([sys.executable, "-m", "parley", *args, "--db", db], input=stdin,
                          capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY)
    (folder / "nested").mkdir()
    (folder / "nested" / "copy.txt").write_text(STORY.replace("Thursday", "Thursday afternoon"))
    return folder


def test_ingest_then_list_as_json(corpus, db_path):
    first = run("ingest", str(corpus), db=db_path)
    assert "2 new article(s)" in first.stderr
    again = run("ingest", str(corpus), db=db_path)
    assert "0 new article(s), 2 already stored" in again.stderr
    rows = [json.loads(line) for line in run("articles", "--json", db=db_path).stdout.splitlines()]
    assert len(rows) == 2
    for field in ("id", "source", "url", "headline", "outlet", "authors", "agency", "published", "dateline",
                  "language", "body", "removed", "duplicate_of", "warnings"):
        assert field in rows[0]
    csv_out = run("articles", "--csv", db=db_path).stdout.splitlines()
    assert csv_out[0].startswith("id,") and len(csv_out) >= 3


def test_bad_inputs_are_reported_and_the_rest_stored(corpus, db_path, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 4)
    proc = run("ingest", str(corpus), str(tmp_path / "missing.txt"), db=db_path, check=False)
    assert proc.returncode != 0
    problems = [line for line in proc.stderr.splitlines() if line.startswith("parley:") and "[E" in line]
    assert any("empty.txt" in line for line in problems)
    assert any("blob.txt" in line for line in problems)
    assert any("missing.txt" in line for line in problems)
    assert len(run("articles", "--json", db=db_path).stdout.splitlines()) == 2


def test_stdin_and_env_db(db_path, tmp_path):
    env = dict(os.environ, PARLEY_DB=db_path)
    proc = subprocess.run([sys.executable, "-m", "parley", "ingest", "-"], input=STORY, text=True,
                          capture_output=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = subprocess.run([sys.executable, "-m", "parley", "articles", "--json"], capture_output=True, text=True,
                         env=env, timeout=600).stdout
    assert len(out.splitlines()) == 1


def test_bad_date_option_is_a_usage_error(corpus, db_path):
    run("ingest", str(corpus), "--no-nlp", db=db_path)
    proc = run("events", "--since", "2020-13-01", db=db_path, check=False)
    assert proc.returncode == 2 and "2020-13-01" in proc.stderr


def test_kill_during_ingest_leaves_a_consistent_store(tmp_path, db_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:04d}.txt").write_text(STORY.replace("two years", f"{n} years"))
    proc = subprocess.Popen([sys.executable, "-m", "parley", "ingest", str(folder), "--no-nlp", "--db", db_path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    import sqlite3
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db_path) as con:
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 20:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db_path) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert articles == indexed  # no article without its index row: writes are whole
    run("ingest", str(folder), "--no-nlp", db=db_path)
    assert len(run("articles", "--json", db=db_path).stdout.splitlines()) == 400


def test_code_reads_json_lines_and_keeps_input_ids(db_path):
    lines = "\n".join(json.dumps(x) for x in [
        {"id": "s1", "text": "Austrian Foreign Minister Anna Kessler met Swiss President Paul Lehmann in Bern on Monday.",
         "date": "2022-03-07"},
        {"id": "s2", "text": "No verb here.", "date": "2022-03-07"},
    ])
    proc = subprocess.run([sys.executable, "-m", "parley", "code", "--json"], input=lines, text=True,
                          capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert all(e["input_id"] in {"s1", "s2"} for e in events)
