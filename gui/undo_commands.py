"""Every correction as an undoable command: add a quote, change a speaker, delete a quote.

Each command calls a `model.corrections` function through the hub (one transaction per step),
keeps what that function returned for its undo, and tells the hub which quotes it touched
(`quotes_changed`), so the highlights and the sidebar update only those. A command that cannot
apply marks itself obsolete, so the stack drops it, and says why through its `report` callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from gui.store_hub import QuoteChange, StoreHub

if TYPE_CHECKING:
    from model.corrections import ManualQuote, SpeakerChange

Report = Callable[[str], None]


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class AddQuoteCommand(QUndoCommand):
    def __init__(self, hub: StoreHub, article_id: int, start: int, end: int,
                 speaker: str | None, report: Report, excerpt: str = "") -> None:
        super().__init__(f"Add quote “{_short(excerpt)}”")
        self._hub, self._report = hub, report
        self.article_id, self.start, self.end, self.speaker = article_id, start, end, speaker
        self.added: ManualQuote | None = None

    def redo(self) -> None:
        from model.corrections import CorrectionError, add_manual_quote

        try:
            self.added = self._hub.write(add_manual_quote, self.article_id, self.start,
                                         self.end, self.speaker,
                                         change=lambda q: QuoteChange(added=(q.id,)))
        except CorrectionError as exc:
            self.setObsolete(True)
            self._report(f"Cannot add the quote: {exc}")

    def undo(self) -> None:
        from model.corrections import remove_manual_quote

        if self.added is not None:
            qid = self.added.id
            self._hub.write(remove_manual_quote, qid,
                            change=lambda _: QuoteChange(removed=(qid,)))


class ChangeSpeakerCommand(QUndoCommand):
    def __init__(self, hub: StoreHub, quote_id: int, speaker: str | None,
                 report: Report) -> None:
        super().__init__(f"Change speaker to {speaker or 'unknown'}")
        self._hub, self._report = hub, report
        self.quote_id, self.speaker = quote_id, speaker
        self.change: SpeakerChange | None = None

    def redo(self) -> None:
        from model.corrections import CorrectionError, change_speaker, reapply_speaker

        try:
            edited = QuoteChange(edited=(self.quote_id,))
            if self.change is None:
                self.change = self._hub.write(change_speaker, self.quote_id, self.speaker,
                                              change=lambda _: edited)
            else:
                self._hub.write(reapply_speaker, self.change, change=lambda _: edited)
        except CorrectionError as exc:
            self.setObsolete(True)
            self._report(f"Cannot change the speaker: {exc}")

    def undo(self) -> None:
        from model.corrections import restore_speaker

        if self.change is not None:
            self._hub.write(restore_speaker, self.change,
                            change=lambda _: QuoteChange(edited=(self.quote_id,)))


class DeleteQuoteCommand(QUndoCommand):
    def __init__(self, hub: StoreHub, quote_id: int, report: Report, excerpt: str = "") -> None:
        super().__init__(f"Delete quote “{_short(excerpt)}”")
        self._hub, self._report = hub, report
        self.quote_id = quote_id
        self._was_deleted = False

    def redo(self) -> None:
        from model.corrections import CorrectionError, set_deleted

        try:
            self._was_deleted = self._hub.write(
                set_deleted, self.quote_id, True,
                change=lambda _: QuoteChange(removed=(self.quote_id,)))
        except CorrectionError as exc:
            self.setObsolete(True)
            self._report(f"Cannot delete the quote: {exc}")

    def undo(self) -> None:
        from model.corrections import set_deleted

        back = QuoteChange() if self._was_deleted else QuoteChange(added=(self.quote_id,))
        self._hub.write(set_deleted, self.quote_id, self._was_deleted, change=lambda _: back)
