"""Shared fixtures: the spaCy pipeline (loaded once per test process) and the ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
