"""Test set-up shared by every test: Qt runs off screen, and no test reads ../shared."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def store(tmp_path):
    """An empty store made by the migrations; a test file with other needs defines its own."""
    from model.db import open_store

    s = open_store(tmp_path / "store.db")
    yield s
    s.close()
