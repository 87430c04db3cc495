"""Fixtures for the cross-article tests: an empty store of each backend (tests/conftest.py
store_target); the sample corpus is in story_corpus.py."""

from __future__ import annotations

import pytest

from parley.store import open_store


@pytest.fixture
def store(store_target):
    with open_store(store_target) as s:
        yield s
