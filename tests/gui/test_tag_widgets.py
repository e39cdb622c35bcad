"""Tag commands undo and redo; the tag menu and the tag manager push them; models check out."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from gui.tag_commands import DeleteTagCommand, SetNoteCommand, TagQuotesCommand
from gui.tag_manager_dialog import TagManagerDialog
from gui.tag_menu import build_tag_menu
from gui.tag_model import TagListModel
from model import notes, tags
from model.library import all_quote_ids


def tag_counts(hub) -> dict[str, int]:
    return {t.name: t.count for t in hub.read(tags.list_tags)}


@pytest.fixture
def stack(qtbot):
    return QUndoStack()


@pytest.fixture
def qids(hub):
    return hub.read(all_quote_ids)[:3]


def test_tag_command_undo_and_redo(hub, stack, qids):
    stack.push(TagQuotesCommand(hub, "Threats", qids[:2]))
    assert tag_counts(hub) == {"Threats": 2}
    stack.push(TagQuotesCommand(hub, "Threats", qids))
    assert tag_counts(hub) == {"Threats": 3}
    stack.undo()
    assert tag_counts(hub) == {"Threats": 2}
    stack.undo()
    assert tag_counts(hub) == {}  # the tag the first command created is gone again
    stack.redo()
    stack.redo()
    assert tag_counts(hub) == {"Threats": 3}


def test_note_and_delete_commands_restore_what_was_there(hub, stack, qids):
    stack.push(SetNoteCommand(hub, qids[0], "check the source"))
    assert hub.read(notes.note_of, qids[0]) == "check the source"
    stack.push(TagQuotesCommand(hub, "Doomed", qids))
    tag_id = hub.read(tags.find_tag, "Doomed")
    stack.push(DeleteTagCommand(hub, tag_id, "Doomed"))
    assert tag_counts(hub) == {}
    stack.undo()
    assert tag_counts(hub) == {"Doomed": 3}
    stack.undo()
    stack.undo()
    assert hub.read(notes.note_of, qids[0]) is None


def test_refused_command_reports_and_leaves_the_stack(hub, stack):
    messages: list[str] = []
    stack.push(TagQuotesCommand(hub, "   ", [1], messages.append))
    assert messages == ["A tag needs a name."]
    assert stack.count() == 0


def test_tag_menu_checks_carried_tags_and_toggles_them(qtbot, hub, stack, qids):
    parent = QWidget()
    qtbot.addWidget(parent)
    stack.push(TagQuotesCommand(hub, "Everywhere", qids[:2]))
    stack.push(TagQuotesCommand(hub, "Partly", qids[:1]))
    menu = build_tag_menu(parent, hub, stack, qids[:2])
    actions = {a.text(): a for a in menu.actions() if a.isCheckable()}
    assert actions["Everywhere"].isChecked() and not actions["Partly"].isChecked()
    assert "&New tag…" in [a.text() for a in menu.actions()]
    actions["Partly"].trigger()
    assert tag_counts(hub)["Partly"] == 2
    actions["Everywhere"].trigger()
    assert "Everywhere" in tag_counts(hub) and tag_counts(hub)["Everywhere"] == 0
    stack.undo()
    assert tag_counts(hub)["Everywhere"] == 2


def test_tag_model_passes_the_model_tester(qtmodeltester, hub, stack, qids):
    stack.push(TagQuotesCommand(hub, "A", qids))
    stack.push(TagQuotesCommand(hub, "B", qids[:1]))
    model = TagListModel(hub)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_manager_delete_asks_naming_the_count_and_can_be_undone(
    qtbot, hub, stack, qids, monkeypatch
):
    stack.push(TagQuotesCommand(hub, "Old", qids))
    dialog = TagManagerDialog(hub, stack)
    qtbot.addWidget(dialog)
    dialog.view.setCurrentIndex(dialog.model.index(0))
    asked: list[str] = []

    def answer(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog.delete_button.click()
    assert "on 3 quotes" in asked[0] and "“Old”" in asked[0]
    assert dialog.model.rowCount() == 0
    stack.undo()
    assert dialog.model.rowCount() == 1

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Renamed", True))
    dialog.view.setCurrentIndex(dialog.model.index(0))
    dialog.rename_button.click()
    assert tag_counts(hub) == {"Renamed": 3}
    stack.undo()
    assert tag_counts(hub) == {"Old": 3}
