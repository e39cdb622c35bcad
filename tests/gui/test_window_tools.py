"""The importer and outlet editing as a user meets them in the main window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog, QMessageBox

from gui.outlet_model import IS_OUTLET_ROLE


def _outlet_names(window) -> list[str]:
    model = window.outlets.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _select_outlet(window, name: str) -> None:
    model = window.outlets.model
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        if index.data() == name and index.data(IS_OUTLET_ROLE):
            window.outlets.view.setCurrentIndex(index)
            return
    raise AssertionError(f"{name} not listed")


def test_file_menu_offers_import_and_import_folder(window):
    texts = [a.text() for a in window.menus["File"].actions()]
    assert "&Import…" in texts and "Import &Folder…" in texts
    assert texts[-1] == "&Quit"


def test_a_dropped_file_lands_in_the_outlet_list(qtbot, window, tmp_path):
    window.importer.show_report = False
    article = tmp_path / "story.txt"
    article.write_text(
        "Mayor opens bridge\n\n“It is a great day,” Mayor Jane Doe said on Monday.\n",
        encoding="utf-8",
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Offscreen Qt has no drag manager to deliver drops, so hand the event to the window's
    # drop filter as the platform would.
    with qtbot.waitSignal(window.importer.finished, timeout=20_000):
        assert window.importer.drop_filter.eventFilter(window, drop)
    qtbot.waitUntil(lambda: "Unknown outlet" in _outlet_names(window), timeout=5_000)
    assert "1 imported" in window.statusBar().currentMessage() or \
        "imported 1" in window.statusBar().currentMessage()


def test_f2_in_the_outlet_list_renames_the_outlet(qtbot, window, monkeypatch):
    _select_outlet(window, "Inquisitr")
    window.outlets.view.setFocus()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("The Inquisitr", True))
    qtbot.keyClick(window.outlets.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: "The Inquisitr" in _outlet_names(window), timeout=3_000)
    assert "Inquisitr" not in _outlet_names(window)


def test_renaming_to_a_taken_name_offers_to_merge(qtbot, window, monkeypatch):
    _select_outlet(window, "Inquisitr")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Newsweek", True))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.outlet_editor.rename_current()
    qtbot.waitUntil(lambda: "Inquisitr" not in _outlet_names(window), timeout=3_000)
    model = window.outlets.model
    row = _outlet_names(window).index("Newsweek")
    assert model.outlet(model.index(row, 0)).article_count == 2
