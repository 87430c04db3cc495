"""Fixtures for the cross-article tests: an empty store; the sample corpus is in story_corpus.py."""

from __future__ import annotations

import pytest

from parley.store import Store


@pytest.fixture
def store(db_path):
    with Store(db_path) as s:
        yield s
