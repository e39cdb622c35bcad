"""The import in the window: background job, progress, Cancel, drag and drop, the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from gui.import_controller import ImportController
from gui.import_report_dialog import ImportReportDialog, ImportResultsModel
from model.schema import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def stored_articles(store) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(Article))


def write_stories(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(
            f"Story {i}\n\n“Number {i},” said Ann Fox.\n", encoding="utf-8")


def test_folder_import_runs_in_the_background_and_reports_good_and_bad_files(
    qtbot, store, parent, tmp_path
):
    folder = tmp_path / "in"
    write_stories(folder, 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blob.bin").write_bytes(b"\x00\x01" * 50)
    shutil.copyfile(FIXTURES / "feeds" / "rbren__uolNoticias.rss", folder / "feed.rss")
    controller = ImportController(store, parent)
    refreshed: list[bool] = []
    controller.articles_imported.connect(lambda: refreshed.append(True))
    with qtbot.waitSignal(controller.finished, timeout=30_000) as blocker:
        controller.import_paths([folder])
        assert controller.progress.isVisible()
        assert not controller.progress.isModal()
        assert parent.isEnabled()  # the window stays usable
    report = blocker.args[0]
    failed = {r.path.name: r.error for r in report.failed}
    assert failed == {"empty.txt": "empty file", "blob.bin": "binary file, not text"}
    assert report.articles == stored_articles(store) > 3
    assert refreshed
    assert not controller.progress.isVisible()
    dialog = controller.report_dialog
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    assert "Files failed: 2" in dialog.summary.text()
    first_rows = {dialog.model.index(r, 0).data() for r in range(2)}
    assert first_rows == {"empty.txt", "blob.bin"}  # failures listed first
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(report.summary())
    assert f"{folder / 'empty.txt'}: empty file" in copied
    assert "not well-formed" in copied


def test_cancel_stops_the_import_and_keeps_what_was_stored(qtbot, store, parent, tmp_path):
    write_stories(tmp_path / "many", 150)
    controller = ImportController(store, parent)
    controller.show_report = False
    controller.articles_imported.connect(controller.progress.cancel_button.click)
    with qtbot.waitSignal(controller.finished, timeout=30_000) as blocker:
        controller.import_paths([tmp_path / "many"])
    report = blocker.args[0]
    assert report.cancelled
    assert 1 <= len(report.results) < 150
    assert stored_articles(store) == report.articles
    assert not controller.is_running


def test_drops_of_local_files_are_accepted_and_imported(qtbot, store, parent, tmp_path):
    write_stories(tmp_path / "drop", 2)
    controller = ImportController(store, parent)
    controller.show_report = False
    text_only = QMimeData()
    text_only.setText("just words")
    assert not controller.can_accept(text_only)
    remote = QMimeData()
    remote.setUrls([QUrl("https://example.org/a.html")])
    assert not controller.can_accept(remote)
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted((tmp_path / "drop").iterdir())])
    assert controller.can_accept(files)
    with qtbot.waitSignal(controller.finished, timeout=30_000):
        assert controller.accept_drop(files)
    assert stored_articles(store) == 2


def test_a_second_import_waits_for_the_first(qtbot, store, parent, tmp_path):
    write_stories(tmp_path / "one", 3)
    (tmp_path / "two").mkdir()
    (tmp_path / "two" / "x.txt").write_text("Another\n\nText.\n", encoding="utf-8")
    controller = ImportController(store, parent)
    controller.show_report = False
    reports = []
    controller.finished.connect(reports.append)
    controller.import_paths([tmp_path / "one"])
    controller.import_paths([tmp_path / "two"])
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=30_000)
    assert [r.articles for r in reports] == [3, 1]


def test_results_model_passes_the_model_tester(qtmodeltester, tmp_path):
    from model.importing import FileResult

    results = [
        FileResult(tmp_path / "a.txt", "imported", articles=1, quotes=2),
        FileResult(tmp_path / "b.txt", "failed", error="empty file"),
        FileResult(tmp_path / "c.txt", "duplicate", duplicates=1),
    ]
    model = ImportResultsModel(results)
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(3)] == ["Failed", "Duplicate", "Imported"]
    assert model.index(0, 3).data() == "empty file"


def test_file_menu_choice_imports_the_chosen_files_or_folder(
    qtbot, store, parent, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    write_stories(tmp_path / "pick", 3)
    chosen = [str(tmp_path / "pick" / "000.txt"), str(tmp_path / "pick" / "001.txt")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "pick"))
    controller = ImportController(store, parent)
    controller.show_report = False
    with qtbot.waitSignal(controller.finished, timeout=30_000) as first:
        controller.choose_and_import()
    assert first.args[0].articles == 2
    with qtbot.waitSignal(controller.finished, timeout=30_000) as second:
        controller.choose_folder_and_import()
    assert (second.args[0].articles, second.args[0].duplicates) == (1, 2)
    assert stored_articles(store) == 3


def test_store_given_as_a_callable_and_not_open_yet_fails_each_file_with_a_reason(
    qtbot, parent, tmp_path
):
    def no_store():
        raise RuntimeError("no store is open yet")

    controller = ImportController(no_store, parent)
    controller.show_report = False
    with qtbot.waitSignal(controller.finished, timeout=5_000) as blocker:
        controller.import_paths([tmp_path / "a.txt"])
    [result] = blocker.args[0].results
    assert (result.status, result.error) == ("failed", "not imported: no store is open yet")
    assert not controller.is_running
