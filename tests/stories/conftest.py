"""Fixtures for the cross-article tests: an empty store; the sample corpus is in story_corpus.py."""

from __future__ import annotations

import pytest

from parley.store import Store, open_store


@pytest.fixture
def store(db_path):
    with open_store(db_path) as s:
        yield s
