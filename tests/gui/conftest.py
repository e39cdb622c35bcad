"""Reader-window fixtures: a temporary store holding the sample, a hub, a shown window."""

from __future__ import annotations

import shutil

import pytest

from gui.main_window import MainWindow
from gui.settings import Settings
from gui.store_hub import StoreHub
from model.db import open_store
from model.sample import load_sample_if_empty

# The offscreen platform says this on every top-level show; it is not a fault of ours.
OFFSCREEN_NOISE = "This plugin does not support"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def sample_db_template(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("template") / "sample.db"
    store = open_store(path)
    load_sample_if_empty(store.sessions)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def sample_db(tmp_path, sample_db_template):
    path = tmp_path / "sample.db"
    shutil.copy(sample_db_template, path)
    return path


@pytest.fixture
def hub(sample_db):
    hub = StoreHub()
    hub.open_now(str(sample_db), load_sample=False)
    yield hub
    hub.close()


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, hub, settings):
    win = MainWindow(hub, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.populate()
    return win
