"""Only store/ speaks SQL: no statement, cursor call or database driver anywhere else in parley
(the cross-article linking's SQL lives in store/linking.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "parley"
SQL = re.compile(r"\b(SELECT|INSERT INTO|INSERT OR|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX|VIEW)|PRAGMA|"
                 r"json_extract|MATCH \?)\b|\.execute(many)?\(|\bimport (sqlite3|psycopg)|create_function|\.db\.")


def _outside_store():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith("store/"):
            yield name, path


@pytest.mark.parametrize("name,path", list(_outside_store()), ids=lambda v: v if isinstance(v, str) else "")
def test_no_sql_outside_the_store(name, path):
    found = [f"{name}:{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if SQL.search(line)]
    assert not found, "SQL outside store/:\n" + "\n".join(found)


def test_the_check_sees_sql():
    assert SQL.search('rows = store.db.execute("SELECT id FROM articles")')
    assert not SQL.search("store.events(EventQuery(actor=name))")
