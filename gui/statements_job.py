"""Grouping quotes into statements off the GUI thread.

A regroup of a large store takes minutes, so it runs in a QRunnable with its own session and
transaction, reports progress between chunks of 2,000 quotes, and stops at the next chunk when
cancelled (the chunks done so far are kept: they are a consistent grouping).

Signals (on `job.signals`):
    progressed(int, int): quotes done, quotes to do.
    finished(int): quotes grouped; the views reload.
    failed(str): what went wrong, for the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from model.db import Store


class GroupingSignals(QObject):
    progressed = Signal(int, int)
    finished = Signal(int)
    failed = Signal(str)


class GroupingJob(QRunnable):
    """Groups the store's ungrouped quotes, or (everything=True) regroups every quote."""

    def __init__(self, store: Store, *, everything: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view keeps it until its last signal has arrived
        self.store = store
        self.everything = everything
        self.cancelled = False
        self.signals = GroupingSignals()

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progressed.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        from model.statements import group_new_quotes, regroup_all, ungrouped_quote_ids

        try:
            with self.store.sessions.begin() as session:
                if self.everything:
                    done = regroup_all(session, self._progress)
                else:
                    done = group_new_quotes(session, ungrouped_quote_ids(session), self._progress)
        except Exception as exc:  # reported in the window, never a crash
            self.signals.failed.emit(f"Grouping statements failed: {exc}")
            return
        self.signals.finished.emit(done)
