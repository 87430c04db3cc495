"""`parley ingest --date` and the address line, end to end through the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

PAGE = """https://www.dawn.com/news/1234567/ministers-meet-on-the-border

Ministers meet on the border

The foreign ministers of the two neighbours met on Tuesday to discuss the disputed border and agreed to meet again next month, officials said.

"We have a long road ahead, but today we took a first step," one of the mediators told reporters after the session ended.
"""


def parley(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.backends("sqlite")  # what the cleaning reads off a page; the store's part is tests/test_cli.py's
def test_ingest_date_option_and_address_line(tmp_path, store_target):
    (tmp_path / "page.txt").write_text(PAGE)
    db = store_target
    done = parley("ingest", str(tmp_path / "page.txt"), "--db", db, "--no-nlp", "--date", "2022-05-20")
    assert done.returncode == 0, done.stderr
    (row,) = [json.loads(l) for l in parley("articles", "--db", db, "--json").stdout.splitlines()]
    assert (row["published"], row["outlet"]) == ("2022-05-20", "Dawn")
    assert row["url"] == "https://www.dawn.com/news/1234567/ministers-meet-on-the-border"


@pytest.mark.parametrize("value", ["2022-05", "20 May 2022", "2022-02-30"])
def test_ingest_date_must_be_one_day(tmp_path, value):
    (tmp_path / "page.txt").write_text(PAGE)
    done = parley("ingest", str(tmp_path / "page.txt"), "--db", str(tmp_path / "db"), "--no-nlp", "--date", value)
    assert done.returncode == 2 and "E031" in done.stderr
