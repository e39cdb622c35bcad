"""Corrections in the window, each undone and redone with Ctrl+Z / Ctrl+Shift+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui.highlights import highlighted_ranges
from gui.speaker_dialog import SpeakerDialog
from model import library


@pytest.fixture
def answer(monkeypatch):
    """Makes the speaker dialog answer with the given name, as a user typing it would."""
    def set_answer(name: str) -> None:
        def fake_exec(dialog: SpeakerDialog) -> int:
            dialog.field.setText(name)
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(SpeakerDialog, "exec", fake_exec)
    return set_answer


def _undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_adding_a_selection_as_a_quote_then_undo_and_redo(qtbot, window, hub, answer):
    answer("Ann Editor")
    text = window.article.text
    before = len(highlighted_ranges(text.document()))
    start = text.toPlainText().index("The bromance might not last much longer")
    text.select_offsets(start, start + len("The bromance might not last much longer"))
    window.actions_.add_quote.trigger()
    ranges = highlighted_ranges(text.document())
    assert len(ranges) == before + 1
    new_id = window.sidebar.current_quote_id()
    row = hub.read(library.quote_rows, [new_id])[0]
    assert (row.text, row.speaker, row.origin) == (
        "The bromance might not last much longer", "Ann Editor", "manual")
    assert ranges[new_id] == [(start, start + len(row.text))]

    _undo(qtbot, window)
    assert len(highlighted_ranges(text.document())) == before
    assert new_id not in window.sidebar.model.ids()
    _redo(qtbot, window)
    assert len(highlighted_ranges(text.document())) == before + 1
    assert window.sidebar.model.rowCount() == before + 1


def test_changing_a_speaker_then_undo(qtbot, window, hub, answer):
    answer("Jeffrey Lewis")
    quote_id = window.sidebar.model.ids()[0]
    window.show_quote(quote_id)
    before = hub.read(library.quote_rows, [quote_id])[0].speaker
    window.actions_.change_speaker.trigger()
    assert hub.read(library.quote_rows, [quote_id])[0].speaker == "Jeffrey Lewis"
    span = next(s for s in window.article.text.spans if s.id == quote_id)
    assert span.speaker == "Jeffrey Lewis"
    _undo(qtbot, window)
    assert hub.read(library.quote_rows, [quote_id])[0].speaker == before
    _redo(qtbot, window)
    assert hub.read(library.quote_rows, [quote_id])[0].speaker == "Jeffrey Lewis"


def test_deleting_a_quote_with_del_then_undo(qtbot, window):
    ids = window.sidebar.model.ids()
    window.sidebar.select_quote(ids[1])
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Delete)
    assert ids[1] not in window.sidebar.model.ids()
    assert ids[1] not in highlighted_ranges(window.article.text.document())
    _undo(qtbot, window)
    assert window.sidebar.model.ids() == ids
    assert ids[1] in highlighted_ranges(window.article.text.document())


def test_del_in_the_text_deletes_the_quote_under_the_cursor(qtbot, window):
    view = window.article.text
    span = view.spans[0]
    view.select_offsets(span.start + 1, span.start + 1)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert span.id not in [s.id for s in view.spans]
    _undo(qtbot, window)
    assert span.id in [s.id for s in view.spans]


def test_the_speaker_dialog_completes_known_names_from_any_part(qtbot):
    dialog = SpeakerDialog(["Jeffrey Lewis", "Joel Wit", "Donald Trump"], "a quote")
    qtbot.addWidget(dialog)
    completer = dialog.field.completer()
    completer.setCompletionPrefix("lew")
    assert completer.currentCompletion() == "Jeffrey Lewis"
    dialog.field.setText("  Ann   Editor ")
    assert dialog.speaker() == "Ann Editor"
    dialog.field.setText("   ")
    assert dialog.speaker() is None


def test_long_lists_are_patched_not_re_read(qtbot, window, hub, answer, monkeypatch):
    import gui.quote_sidebar

    monkeypatch.setattr(gui.quote_sidebar, "REREAD_LIMIT", 5)  # the sample's 39 count as long
    window.sidebar.set_scope("store")
    ids = window.sidebar.model.ids()
    reads = []
    monkeypatch.setattr(window.sidebar, "reload", lambda: reads.append(1))
    quotes_before = window.counts.text()

    window.sidebar.select_quote(ids[3])
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Delete)
    assert window.sidebar.model.ids() == ids[:3] + ids[4:]
    assert reads == []
    assert f"{len(ids) - 1} quotes" in window.counts.text()

    answer("Ann Editor")
    window.sidebar.select_quote(ids[5])
    window.sidebar.view.setFocus()
    window.actions_.change_speaker.trigger()
    row = window.sidebar.model.row_of(ids[5])
    assert window.sidebar.model.quote_row(row).speaker == "Ann Editor"
    assert reads == []

    monkeypatch.undo()  # the real reload again, for the quote coming back
    _undo(qtbot, window)
    _undo(qtbot, window)
    assert window.sidebar.model.ids() == ids
    assert window.counts.text() == quotes_before
