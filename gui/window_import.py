"""Wires the importer into the main window: File › Import…, Import Folder…, drag and drop.

Kept apart from main_window.py so the window only arranges panes; this module owns the one
ImportController of the window and the event filter that accepts dropped files anywhere on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence

from gui.icons import tag_action
from gui.import_controller import ImportController

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class _DropFilter(QObject):
    """Accepts files and folders dropped on any part of the window."""

    def __init__(self, controller: ImportController, parent: QObject) -> None:
        super().__init__(parent)
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent)
            if self._controller.can_accept(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if self._controller.accept_drop(event.mimeData()):
                event.acceptProposedAction()
                return True
        return False


def install_import(window: MainWindow) -> ImportController:
    controller = ImportController(lambda: window.hub.store, window)
    controller.articles_imported.connect(window.hub.articles_changed)
    controller.finished.connect(lambda report: window.show_status(report.summary(), 10_000))

    files = QAction("&Import…", window)
    files.setShortcut(QKeySequence("Ctrl+I"))
    files.setStatusTip("Import text files, saved web pages, feeds or JSONL/CSV dumps")
    tag_action(files, "import")
    files.triggered.connect(controller.choose_and_import)
    folder = QAction("Import &Folder…", window)
    folder.setShortcut(QKeySequence("Ctrl+Shift+I"))
    folder.setStatusTip("Import every article file in a folder and its sub-folders")
    tag_action(folder, "import_folder")
    folder.triggered.connect(controller.choose_folder_and_import)
    window.add_menu_action("File", files, toolbar=True)
    window.add_menu_action("File", folder)

    drops = _DropFilter(controller, window)
    window.setAcceptDrops(True)
    window.installEventFilter(drops)
    for widget in (window.article.text, window.article.text.viewport()):
        widget.setAcceptDrops(True)
        widget.installEventFilter(drops)
    window.closing.connect(controller.shutdown)
    controller.drop_filter = drops  # type: ignore[attr-defined]
    return controller
