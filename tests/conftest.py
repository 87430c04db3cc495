"""Shared fixtures: the spaCy pipeline (loaded once per test process) and the ../shared data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config):
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


@pytest.fixture
def db_path(tmp_path) -> str:
    return str(tmp_path / "test.db")


# ---- the store backends: SQLite files, and PostgreSQL in a throw-away cluster (tests/pg_cluster.py) ----

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster():
    import pg_cluster as cluster_module

    cluster = cluster_module.start()
    if cluster is None:
        pytest.skip(cluster_module.why_not)
    yield cluster
    cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_target(request, backend, tmp_path) -> str:
    """Where a new, empty store is opened: an SQLite file, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_cluster").new_schema()


@pytest.fixture
def fresh_store(request, backend):
    """A factory of new, empty stores of the backend (for tests that need one per example)."""
    from parley.store import open_store

    if backend == "sqlite":
        return lambda: open_store(":memory:")
    cluster = request.getfixturevalue("pg_cluster")
    return lambda: open_store(cluster.new_schema())
