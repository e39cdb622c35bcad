"""Grouping quotes into statements off the GUI thread.

A regroup of a large store takes minutes, so it runs in a QRunnable with its own sessions, one
transaction per step of 10,000 quotes (so the window's corrections and imports are never locked
out for long), reports progress between steps, and stops at the next step when cancelled (what
is done is kept; the rest stays ungrouped and is grouped the next time the view populates).

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
        from model.statements import group_in_steps

        try:
            done = group_in_steps(
                self.store.sessions, everything=self.everything, progress=self._progress
            )
        except Exception as exc:  # reported in the window, never a crash
            self.signals.failed.emit(f"Grouping statements failed: {exc}")
            return
        self.signals.finished.emit(done)
