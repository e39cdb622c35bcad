"""The export dialog writes the file off the GUI thread; Cancel leaves no file."""

from __future__ import annotations

import csv
import io
import json

from PySide6.QtCore import QThreadPool

from gui.export_dialog import ExportDialog
from model.library import all_quote_ids
from model.search import SearchQuery, all_ids


def test_exports_the_given_ids_as_csv_with_bom(qtbot, hub, tmp_path):
    ids = hub.read(all_quote_ids)[:4]
    dialog = ExportDialog(hub, ids=ids, start_dir=tmp_path)
    qtbot.addWidget(dialog)
    assert "4 quotes" in dialog.what_label.text()
    out = tmp_path / "chosen.csv"
    dialog.path_edit.setText(str(out))
    dialog.bom_check.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.export_button.click()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [int(r["quote_id"]) for r in rows] == ids
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_exports_a_search_as_jsonl(qtbot, hub, tmp_path):
    query = SearchQuery("korea")
    dialog = ExportDialog(hub, query=query, start_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jsonl"))
    assert dialog.path_edit.text().endswith("quotes.jsonl")
    assert not dialog.bom_check.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.export_button.click()
    lines = (tmp_path / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == hub.read(all_ids, query)


def test_a_cancelled_export_leaves_no_file(qtbot, hub, tmp_path):
    pool = QThreadPool()
    dialog = ExportDialog(hub, ids=hub.read(all_quote_ids), start_dir=tmp_path, pool=pool)
    qtbot.addWidget(dialog)
    out = tmp_path / "never.csv"
    dialog.path_edit.setText(str(out))
    pool.setMaxThreadCount(1)
    pool.reserveThread()  # hold the pool's only thread, so the job waits to be cancelled
    dialog.export_button.click()
    dialog.cancel_button.click()
    pool.releaseThread()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.status_label.text(), timeout=10_000)
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []
