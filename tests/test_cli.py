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


def test_ingest_then_list_as_json(corpus, store_target):
    first = run("ingest", str(corpus), db=store_target)
    assert "2 new article(s)" in first.stderr
    again = run("ingest", str(corpus), db=store_target)
    assert "0 new article(s), 2 already stored" in again.stderr
    rows = [json.loads(line) for line in run("articles", "--json", db=store_target).stdout.splitlines()]
    assert len(rows) == 2
    for field in ("id", "source", "url", "headline", "outlet", "authors", "agency", "published", "dateline",
                  "language", "body", "removed", "duplicate_of", "warnings"):
        assert field in rows[0]
    csv_out = run("articles", "--csv", db=store_target).stdout.splitlines()
    assert csv_out[0].startswith("id,") and len(csv_out) >= 3


def test_bad_inputs_are_reported_and_the_rest_stored(corpus, store_target, tmp_path):
    (corpus / "empty.txt").write_text("")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 4)
    proc = run("ingest", str(corpus), str(tmp_path / "missing.txt"), db=store_target, check=False)
    assert proc.returncode != 0
    problems = [line for line in proc.stderr.splitlines() if line.startswith("parley:") and "[E" in line]
    assert any("empty.txt" in line for line in problems)
    assert any("blob.txt" in line for line in problems)
    assert any("missing.txt" in line for line in problems)
    assert len(run("articles", "--json", db=store_target).stdout.splitlines()) == 2


def test_stdin_and_env_db(store_target):
    env = dict(os.environ, PARLEY_DB=store_target)
    proc = subprocess.run([sys.executable, "-m", "parley", "ingest", "-"], input=STORY, text=True,
                          capture_output=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = subprocess.run([sys.executable, "-m", "parley", "articles", "--json"], capture_output=True, text=True,
                         env=env, timeout=600).stdout
    assert len(out.splitlines()) == 1


@pytest.mark.backends("sqlite")  # a usage error, found before the store is read
def test_bad_date_option_is_a_usage_error(corpus, store_target):
    run("ingest", str(corpus), "--no-nlp", db=store_target)
    proc = run("events", "--since", "2020-13-01", db=store_target, check=False)
    assert proc.returncode == 2 and "2020-13-01" in proc.stderr


@pytest.mark.backends("sqlite")  # SIGKILL against SQLite's own file and FTS table (PostgreSQL's
# transactions are the server's: tests/store/test_postgres.py races its writers)
def test_kill_during_ingest_leaves_a_consistent_store(tmp_path, store_target):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:04d}.txt").write_text(STORY.replace("two years", f"{n} years"))
    proc = subprocess.Popen([sys.executable, "-m", "parley", "ingest", str(folder), "--no-nlp", "--db", store_target],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    import sqlite3
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(store_target) as con:
                stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 20:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(store_target) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert articles == indexed  # no article without its index row: writes are whole
    run("ingest", str(folder), "--no-nlp", db=store_target)
    assert len(run("articles", "--json", db=store_target).stdout.splitlines()) == 400


def test_code_reads_json_lines_and_keeps_input_ids():
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


@pytest.mark.backends("sqlite")  # usage errors, found before the store is opened
def test_version_and_closed_choices(store_target):
    proc = subprocess.run([sys.executable, "-m", "parley", "--version"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0 and proc.stdout.startswith("parley ")
    for args, valid in [(["events", "--status", "foo"], "hypothetical"), (["actors", "--kind", "persn"], "organization"),
                        (["quotes", "--kind", "said"], "indirect"), (["events", "--type", "MEET"], "CONSULT"),
                        (["export", "--format", "xls", "--out", "x"], "parquet")]:
        proc = run(*args, db=store_target, check=False)
        assert proc.returncode == 2 and valid in proc.stderr, (args, proc.stderr)


@pytest.mark.backends("sqlite")  # usage errors, found before the store is opened
@pytest.mark.parametrize("value", ["99999999999999999999999", "-5", "ten"])
def test_integer_options_out_of_range_are_usage_errors(store_target, value):
    proc = run("articles", "--limit", value, db=store_target, check=False)
    assert proc.returncode == 2 and "--limit" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.backends("sqlite")  # refused while reading, before anything is stored
def test_a_file_that_is_not_an_article_is_refused_by_name(tmp_path, store_target):
    notes = tmp_path / "README.md"
    notes.write_text("# Notes\n\nThe minister met the envoy in Geneva on Monday.\n")
    proc = run("ingest", str(notes), db=store_target, check=False)
    assert proc.returncode == 1
    assert f"parley: {notes}: not an article file (.md)" in proc.stderr and "[E010]" in proc.stderr
    assert run("articles", "--json", db=store_target).stdout == ""


def test_listings_pipe_as_tsv_and_take_csv_and_json(corpus, store_target):
    run("ingest", str(corpus), db=store_target)
    lines = run("events", db=store_target).stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["date", "type"] and all("\t" in line for line in lines)
    timeline_csv = run("timeline", "--csv", db=store_target).stdout.splitlines()
    assert timeline_csv[0].startswith("date,text,")
    assert all(json.loads(line)["date"] for line in run("timeline", "--json", db=store_target).stdout.splitlines())
    assert run("dyad", "AUT", "CHE", "--csv", db=store_target).stdout.startswith("month,")


@pytest.mark.backends("sqlite")  # the progress line, not the store
def test_progress_has_a_total_when_stderr_is_not_a_terminal(corpus, store_target):
    proc = run("ingest", str(corpus), db=store_target)
    assert proc.stderr.splitlines()[0] == "parley: ingest 0/2"


def test_reprocess_keeps_ids_and_applies_new_user_actors(corpus, store_target, tmp_path):
    def ids() -> dict[str, list[str]]:
        listings = {"articles": ["articles"], "quotes": ["quotes"], "events": ["events", "--per-article"]}
        return {kind: sorted(json.loads(line)["id"] for line in run(*args, "--json", db=store_target).stdout.splitlines())
                for kind, args in listings.items()}

    run("ingest", str(corpus), db=store_target)
    before = ids()
    config = tmp_path / "parley.toml"
    config.write_text('[[actor]]\nname = "Paul Lehmann"\naliases = ["Lehmann"]\nkind = "person"\n'
                      'country = "LIE"\nsector = "GOV"\nroles = ["Foreign Minister"]\n')
    proc = run("reprocess", "--config", str(config), db=store_target)
    assert "2 article(s) analysed again" in proc.stderr
    assert ids() == before and before["events"]
    profile = json.loads(run("actor", "Paul Lehmann", "--json", db=store_target).stdout)
    assert profile["actor"]["country"] == "LIE"


def test_actor_profile_counts_agree_with_the_listings(corpus, store_target):
    run("ingest", str(corpus), db=store_target)
    profile = json.loads(run("actor", "Kessler", "--json", db=store_target).stdout)
    listed = run("articles", "--actor", "Kessler", "--json", db=store_target).stdout.splitlines()
    assert profile["n_articles"] == len(listed) == 2
    assert profile["n_quotes"] == len(run("quotes", "--speaker", "Kessler", "--json", db=store_target).stdout.splitlines())
    assert profile["quotes"] and profile["events"]
    shown = run("actor", "Kessler", "-n", "1", db=store_target).stdout
    assert "latest quotes" in shown and "latest events" in shown


@pytest.mark.backends("sqlite")  # the port, not the store
def test_serve_refuses_a_busy_port_in_one_line(store_target):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        proc = run("serve", "--port", str(port), db=store_target, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and f"127.0.0.1:{port}" in proc.stderr
