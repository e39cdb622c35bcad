"""The "Tag" submenu for the selected quotes, and the keyboard prompt that tags them by name.

Each existing tag is a checkable action: checked when every selected quote carries it, so
choosing it removes the tag from all of them; otherwise choosing it adds the tag to the rest.
Actions have mnemonics, so the whole menu works from the keyboard (Menu key, then letters).
Every change is a command pushed on the QUndoStack the caller passes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from gui.store_hub import StoreHub
from gui.tag_commands import Report, SetNoteCommand, TagQuotesCommand, UntagQuotesCommand


def colour_icon(colour: str | None, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour or "#888888"))
    return QIcon(pixmap)


def prompt_tag_name(parent: QWidget, hub: StoreHub) -> str | None:
    """Asks for a tag name, offering the existing ones; None when cancelled or blank."""
    from model.tags import tag_names

    names = hub.read(tag_names)
    name, ok = QInputDialog.getItem(
        parent, "Tag quotes", "Tag (choose or type a new one):", names, 0, True
    )
    name = " ".join(name.split()) if ok else ""
    return name or None


def tag_selection(parent: QWidget, hub: StoreHub, stack: QUndoStack,
                  quote_ids: Sequence[int], report: Report | None = None) -> bool:
    """The keyboard way (Ctrl+T): asks for a tag name and tags the quotes with it."""
    if not quote_ids:
        return False
    name = prompt_tag_name(parent, hub)
    if name is None:
        return False
    stack.push(TagQuotesCommand(hub, name, quote_ids, report))
    return True


def edit_note(parent: QWidget, hub: StoreHub, stack: QUndoStack, quote_id: int,
              report: Report | None = None) -> bool:
    from model.notes import note_of

    old = hub.read(note_of, quote_id) or ""
    text, ok = QInputDialog.getMultiLineText(parent, "Note", "Note on this quote:", old)
    if not ok or text == old:
        return False
    stack.push(SetNoteCommand(hub, quote_id, text, report))
    return True


def build_tag_menu(parent: QWidget, hub: StoreHub, stack: QUndoStack,
                   quote_ids: Sequence[int], report: Report | None = None) -> QMenu:
    """A "&Tag" menu for the quotes: one action per tag, "&New tag…", and "&Note…"."""
    from model.tags import list_tags, tag_ids_of

    ids = list(quote_ids)
    menu = QMenu("&Tag", parent)
    menu.setEnabled(bool(ids))
    tags = hub.read(list_tags)
    carried = hub.read(tag_ids_of, ids) if ids else {}
    for tag in tags:
        label = tag.name.replace("&", "&&")
        action = QAction(colour_icon(tag.colour), label, menu)
        action.setCheckable(True)
        everywhere = carried.get(tag.id, 0) == len(ids)
        action.setChecked(everywhere)
        action.setData(tag.id)
        action.triggered.connect(_toggle(hub, stack, tag.id, tag.name, ids, everywhere, report))
        menu.addAction(action)
    if tags:
        menu.addSeparator()
    new = menu.addAction("&New tag…")
    new.triggered.connect(lambda: tag_selection(parent, hub, stack, ids, report))
    if len(ids) == 1:
        note = menu.addAction("N&ote…")
        note.triggered.connect(lambda: edit_note(parent, hub, stack, ids[0], report))
    return menu


def _toggle(hub: StoreHub, stack: QUndoStack, tag_id: int, name: str, ids: list[int],
            everywhere: bool, report: Report | None) -> Callable[[], None]:
    def run() -> None:
        if everywhere:
            stack.push(UntagQuotesCommand(hub, tag_id, name, ids, report))
        else:
            stack.push(TagQuotesCommand(hub, name, ids, report))

    return run
