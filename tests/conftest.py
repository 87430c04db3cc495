"""Shared fixtures: the spaCy pipeline (loaded once per test process) and the ../shared data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    config.addinivalue_line("markers", "backends(*names): the store backends the test runs on (default: all)")
    # the tests (and the commands they run) keep parley's table cache in a folder of their own, not
    # in the user's ~/.cache; one per test process, so parallel workers never share a half-written file
    os.environ.setdefault("PARLEY_CACHE", tempfile.mkdtemp(prefix="parley-test-cache-"))
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def options():
    from parley.options import Options

    return Options()


@pytest.fixture(scope="session")
def nlp(options):
    from parley.language import load_pipeline

    return load_pipeline(options)


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# ---- the store backends -------------------------------------------------------------------------
# Every test that opens a store gets it here, and runs once per backend: an SQLite file, and PostgreSQL
# in a throw-away cluster (tests/pg_cluster.py; one per test process, each test in a schema of its own,
# so tests stay independent). A test that needs a store asks for `store_target` (where a new, empty store
# opens: a path or a URL, for open_store, `--db` or PARLEY_DB), `store` (that store, open), or
# `fresh_store` (a factory, for tests that need one per example); `backend` names the one in use.
# `@pytest.mark.backends("sqlite")` keeps a test to the backends named, saying why beside it.
# PARLEY_TEST_BACKENDS=sqlite (comma-separated names) runs fewer, for a quick local loop.
# Without PostgreSQL's server binaries the postgresql cases skip, saying so.

BACKENDS = ("sqlite", "postgresql")


def _chosen_backends() -> tuple[str, ...]:
    wanted = os.environ.get("PARLEY_TEST_BACKENDS", "")
    return tuple(b for b in BACKENDS if b in wanted.split(",")) if wanted else BACKENDS


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("backends")
    names = [b for b in _chosen_backends() if marker is None or b in marker.args]
    # session scope: a fixture built once per test process (the explorer's store) is built once per backend
    metafunc.parametrize("backend", names, indirect=True, scope="session")


@pytest.fixture(scope="session")
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def pg_cluster():
    """One throw-away PostgreSQL cluster per test process (each xdist worker has its own); the tests
    skip without the server binaries, and error when the binaries give no cluster."""
    import pg_cluster as cluster_module

    cluster = cluster_module.start()
    if cluster is None:
        pytest.skip(cluster_module.why_not)
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def new_store_target(request, backend, tmp_path_factory):
    """A factory of new, empty stores' places on the backend, for fixtures wider than one test: a
    file in a new folder, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        return lambda: str(tmp_path_factory.mktemp("store") / "test.db")
    return request.getfixturevalue("pg_cluster").new_schema


@pytest.fixture
def store_target(new_store_target) -> str:
    """Where a new, empty store is opened: an SQLite file, or a PostgreSQL schema of its own."""
    return new_store_target()


@pytest.fixture
def store(backend, new_store_target):
    """A new, empty store of the backend, open. The SQLite case is the in-memory store (':memory:',
    see store/__init__.py): the same code over one connection and no file, for the tests that need
    one store in this process only; what a file adds (WAL, other connections, other processes) is
    tested through `store_target`."""
    from parley.store import open_store

    with open_store(":memory:" if backend == "sqlite" else new_store_target()) as s:
        yield s


@pytest.fixture
def fresh_store(backend, new_store_target):
    """A factory of new, empty stores of the backend (for tests that need one per example)."""
    from parley.store import open_store

    if backend == "sqlite":
        return lambda: open_store(":memory:")
    return lambda: open_store(new_store_target())


@pytest.fixture
def db_path(tmp_path) -> str:
    """An SQLite file's path, for the tests of SQLite's own file (its pragmas, FTS5 table, sqlite-utils
    and Datasette over it); every other test takes `store_target`."""
    return str(tmp_path / "test.db")
