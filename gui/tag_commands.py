"""Tag and note edits as undoable commands, for whatever QUndoStack the window keeps.

Each redo and undo is one `hub.write(...)`: one transaction, after which the hub's
`store_changed` refreshes every view. A command keeps what its model function returned (the
quotes that really changed, the old name or colour, the deleted tag with its quotes), so undo
puts back exactly what was there. A command that cannot apply marks itself obsolete, so the
stack drops it, and says why through `report`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from gui.store_hub import StoreHub

if TYPE_CHECKING:
    from model.tags import MergedTag, RemovedTag, Tagging

Report = Callable[[str], None]


def _quiet(_message: str) -> None:
    pass


def _plural(n: int, word: str = "quote") -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


class _StoreCommand(QUndoCommand):
    def __init__(self, hub: StoreHub, text: str, report: Report | None) -> None:
        super().__init__(text)
        self._hub = hub
        self._report = report or _quiet

    def _write(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Runs fn in one transaction; on a refusal the command drops out of the stack."""
        from model.notes import NoteError
        from model.tags import TagError

        try:
            return self._hub.write(fn, *args)
        except (TagError, NoteError) as exc:
            self.setObsolete(True)
            self._report(str(exc))
            return None


class TagQuotesCommand(_StoreCommand):
    """Tags quotes with a tag by name (created on first use; undo deletes it again)."""

    def __init__(self, hub: StoreHub, name: str, quote_ids: Sequence[int],
                 report: Report | None = None) -> None:
        super().__init__(hub, f"Tag {_plural(len(quote_ids))} “{name}”", report)
        self.name, self.quote_ids = name, list(quote_ids)
        self.done: Tagging | None = None

    def redo(self) -> None:
        from model.tags import tag_quotes

        self.done = self._write(tag_quotes, self.name, self.quote_ids)

    def undo(self) -> None:
        from model.tags import undo_tag_quotes

        if self.done is not None:
            self._write(undo_tag_quotes, self.done)


class UntagQuotesCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, tag_id: int, name: str, quote_ids: Sequence[int],
                 report: Report | None = None) -> None:
        super().__init__(hub, f"Remove “{name}” from {_plural(len(quote_ids))}", report)
        self.tag_id, self.quote_ids = tag_id, list(quote_ids)
        self.removed: list[int] = []

    def redo(self) -> None:
        from model.tags import remove_tag

        self.removed = self._write(remove_tag, self.tag_id, self.quote_ids) or []

    def undo(self) -> None:
        from model.tags import assign_tag

        if self.removed:
            self._write(assign_tag, self.tag_id, self.removed)


class SetNoteCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, quote_id: int, note: str | None,
                 report: Report | None = None) -> None:
        super().__init__(hub, "Clear note" if not note else "Edit note", report)
        self.quote_id, self.note = quote_id, note
        self.old: str | None = None

    def redo(self) -> None:
        from model.notes import set_note

        self.old = self._write(set_note, self.quote_id, self.note)

    def undo(self) -> None:
        from model.notes import set_note

        self._write(set_note, self.quote_id, self.old)


class CreateTagCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, name: str, colour: str | None = None,
                 report: Report | None = None) -> None:
        super().__init__(hub, f"Create tag “{name}”", report)
        self.name, self.colour = name, colour
        self.tag_id: int | None = None

    def redo(self) -> None:
        from model.tags import create_tag

        info = self._write(create_tag, self.name, self.colour)
        self.tag_id = info.id if info is not None else None

    def undo(self) -> None:
        from model.tags import delete_tag

        if self.tag_id is not None:
            self._write(delete_tag, self.tag_id)


class RenameTagCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, tag_id: int, name: str,
                 report: Report | None = None) -> None:
        super().__init__(hub, f"Rename tag to “{name}”", report)
        self.tag_id, self.name = tag_id, name
        self.old: str | None = None

    def redo(self) -> None:
        from model.tags import rename_tag

        self.old = self._write(rename_tag, self.tag_id, self.name)

    def undo(self) -> None:
        from model.tags import rename_tag

        if self.old is not None:
            self._write(rename_tag, self.tag_id, self.old)


class RecolourTagCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, tag_id: int, colour: str,
                 report: Report | None = None) -> None:
        super().__init__(hub, "Recolour tag", report)
        self.tag_id, self.colour = tag_id, colour
        self.old: str | None = None

    def redo(self) -> None:
        from model.tags import recolour_tag

        self.old = self._write(recolour_tag, self.tag_id, self.colour)

    def undo(self) -> None:
        from model.tags import recolour_tag

        self._write(recolour_tag, self.tag_id, self.old)


class MergeTagsCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, source_id: int, target_id: int, label: str = "",
                 report: Report | None = None) -> None:
        super().__init__(hub, label or "Merge tags", report)
        self.source_id, self.target_id = source_id, target_id
        self.merged: MergedTag | None = None

    def redo(self) -> None:
        from model.tags import merge_tags

        self.merged = self._write(merge_tags, self.source_id, self.target_id)

    def undo(self) -> None:
        from model.tags import unmerge_tags

        if self.merged is not None:
            self._write(unmerge_tags, self.merged)


class DeleteTagCommand(_StoreCommand):
    def __init__(self, hub: StoreHub, tag_id: int, name: str = "",
                 report: Report | None = None) -> None:
        super().__init__(hub, f"Delete tag “{name}”" if name else "Delete tag", report)
        self.tag_id = tag_id
        self.removed: RemovedTag | None = None

    def redo(self) -> None:
        from model.tags import delete_tag

        self.removed = self._write(delete_tag, self.tag_id)

    def undo(self) -> None:
        from model.tags import restore_tag

        if self.removed is not None:
            self._write(restore_tag, self.removed)
