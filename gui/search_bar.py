"""The search box above the quote list: words as you type, filters, sort, and how many found.

Signals:
    results_changed(list, int, str): ids found, the total, and the mode ("quotes" or
        "articles"). Sent first with the first page, then (when there are more) with every id.
    query_changed(object): the SearchQuery about to run.
    search_cleared(): box and filters are empty again; show the usual list.

Typing waits 250 ms for a pause before searching; Enter searches at once. Searches run on the
thread pool, so the box never stalls; a result that arrives after the user typed on is dropped.
`focus_articles()` (for Ctrl+Shift+F) switches to finding articles by their text.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QStringListModel, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.search_job import SearchJob
from gui.store_hub import StoreHub
from model.search.types import SORT_LABELS, SORTS, SearchQuery, SearchResult

DEBOUNCE_MS = 250
MODES = {"quotes": "Quotes", "articles": "Articles"}


class SearchBar(QWidget):
    results_changed = Signal(list, int, str)
    query_changed = Signal(object)
    search_cleared = Signal()

    def __init__(self, hub: StoreHub, parent: QWidget | None = None,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._jobs: dict[int, SearchJob] = {}
        self._last: SearchResult | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._connect_signals()
        if hub.is_open:
            self.refresh_choices()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.mode_combo = QComboBox(self)
        for key, label in MODES.items():
            self.mode_combo.addItem(label, key)
        self.mode_combo.setToolTip("Find quotes, or articles by their text (Ctrl+Shift+F)")
        self.box = QLineEdit(self)
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText('Search: words, "exact phrase", prefix*')
        self.sort_combo = QComboBox(self)
        for key in SORTS:
            self.sort_combo.addItem(SORT_LABELS[key], key)
        self.sort_combo.setToolTip("Order of the results")
        self.found_label = QLabel(self)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setEnabled(False)  # drawn greyed: a quiet note, not an error
        self.speaker_edit = QLineEdit(self)
        self.speaker_edit.setPlaceholderText("Speaker")
        self.speaker_edit.setClearButtonEnabled(True)
        self._speakers = QStringListModel(self)
        completer = QCompleter(self._speakers, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker_edit.setCompleter(completer)
        self.outlet_combo = QComboBox(self)
        self.outlet_combo.setToolTip("Outlet")
        self.tag_combo = QComboBox(self)
        self.tag_combo.setToolTip("Tag")
        self.since_check = QCheckBox("From", self)
        self.since_edit = QDateEdit(self)
        self.until_check = QCheckBox("to", self)
        self.until_edit = QDateEdit(self)
        today = QDate.currentDate()
        for edit, date in ((self.since_edit, today.addYears(-1)), (self.until_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(date)
            edit.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.mode_combo)
        top.addWidget(self.box, 1)
        top.addWidget(self.sort_combo)
        top.addWidget(self.found_label)
        filters = QHBoxLayout()
        for w in (self.speaker_edit, self.outlet_combo, self.tag_combo, self.since_check,
                  self.since_edit, self.until_check, self.until_edit):
            filters.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.note_label)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.run_now)
        self.box.textEdited.connect(self._schedule)
        self.box.returnPressed.connect(self.run_now)
        self.speaker_edit.textEdited.connect(self._schedule)
        self.speaker_edit.returnPressed.connect(self.run_now)
        self.speaker_edit.completer().activated.connect(self._schedule)
        for combo in (self.sort_combo, self.outlet_combo, self.tag_combo):
            combo.currentIndexChanged.connect(self._schedule)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        for check, edit in ((self.since_check, self.since_edit),
                            (self.until_check, self.until_edit)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._schedule)
            edit.dateChanged.connect(self._schedule)
        self._hub.store_opened.connect(self.refresh_choices)
        self._hub.store_changed.connect(self._on_store_changed)

    # --- public --------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def focus_articles(self) -> None:
        """Ctrl+Shift+F: find articles by their text."""
        self.mode_combo.setCurrentIndex(list(MODES).index("articles"))
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def focus_quotes(self) -> None:
        self.mode_combo.setCurrentIndex(list(MODES).index("quotes"))
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def set_tag_filter(self, name: str) -> None:
        """Filters by a tag (a click on a quote's tag chip) and searches at once."""
        row = self.tag_combo.findText(name, Qt.MatchFlag.MatchExactly)
        if row < 1:
            self.refresh_choices()
            row = self.tag_combo.findText(name, Qt.MatchFlag.MatchExactly)
        if row >= 1:
            self.mode_combo.setCurrentIndex(0)
            self.tag_combo.setCurrentIndex(row)
            self.run_now()

    def clear(self) -> None:
        self.box.clear()
        self.speaker_edit.clear()
        self.outlet_combo.setCurrentIndex(0)
        self.tag_combo.setCurrentIndex(0)
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.run_now()

    def query(self) -> SearchQuery:
        def date(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
            return edit.date().toPython() if check.isChecked() else None  # type: ignore[return-value]

        quotes = self.mode == "quotes"
        return SearchQuery(
            text=self.box.text(),
            speaker=(self.speaker_edit.text().strip() or None) if quotes else None,
            outlet=_choice(self.outlet_combo),
            tag=_choice(self.tag_combo) if quotes else None,
            since=date(self.since_check, self.since_edit),
            until=date(self.until_check, self.until_edit),
            sort=self.sort_combo.currentData(),
        )

    def summary(self) -> str:
        """What the list shows, for the sidebar's status line ("1,234 quotes found")."""
        if self._last is None:
            return ""
        noun = "article" if self.mode == "articles" else "quote"
        plural = "" if self._last.total == 1 and self._last.total_exact else "s"
        return f"{self._last.total_label} {noun}{plural} found"

    @Slot()
    def refresh_choices(self) -> None:
        """Re-reads speaker, outlet and tag names (after an import or a tag change)."""
        if not self._hub.is_open:
            return
        from model.library import outlets_with_counts, speaker_names
        from model.tags import tag_names

        self._speakers.setStringList(self._hub.read(speaker_names))
        outlets = [o.name for o in self._hub.read(outlets_with_counts)]
        _refill(self.outlet_combo, "Any outlet", outlets)
        _refill(self.tag_combo, "Any tag", self._hub.read(tag_names))

    @Slot()
    def run_now(self) -> None:
        self._timer.stop()
        query = self.query()
        self._generation += 1
        if not query.text.strip() and not query.has_filters:
            self._last = None
            self.found_label.clear()
            self.note_label.clear()
            self.search_cleared.emit()
            return
        if not self._hub.is_open:
            return
        self.query_changed.emit(query)
        job = SearchJob(self._hub.store, query, self.mode, self._generation)
        job.signals.page_found.connect(self._on_page_found)
        job.signals.all_found.connect(self._on_all_found)
        job.signals.failed.connect(self._on_failed)
        self._jobs = {self._generation: job}  # keeps the signals object alive
        self._pool.start(job)

    # --- slots ---------------------------------------------------------------------------------

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def _on_mode_changed(self) -> None:
        quotes = self.mode == "quotes"
        for w in (self.speaker_edit, self.tag_combo, self.sort_combo):
            w.setEnabled(quotes)
        self.box.setPlaceholderText(
            'Search: words, "exact phrase", prefix*' if quotes else "Find articles by their text"
        )
        self._schedule()

    @Slot()
    def _on_store_changed(self) -> None:
        self.refresh_choices()
        if self._last is not None:
            self._schedule()

    @Slot(int, object)
    def _on_page_found(self, generation: int, result: SearchResult) -> None:
        if generation != self._generation:
            return
        self._last = result
        self.found_label.setText(f"{result.total_label} found")
        self.note_label.setText(result.message)
        self.results_changed.emit(list(result.ids), result.total, self.mode)

    @Slot(int, object)
    def _on_all_found(self, generation: int, ids: list[int]) -> None:
        if generation != self._generation or self._last is None:
            return
        self.results_changed.emit(ids, self._last.total, self.mode)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.note_label.setText(message)


def _refill(combo: QComboBox, any_label: str, names: list[str]) -> None:
    """Refills a filter combo keeping its choice; the first item means "any"."""
    current = _choice(combo)
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_label)
    combo.addItems(names)
    row = combo.findText(current, Qt.MatchFlag.MatchExactly) if current else 0
    combo.setCurrentIndex(max(row, 0))
    combo.blockSignals(False)


def _choice(combo: QComboBox) -> str | None:
    return combo.currentText() if combo.currentIndex() > 0 else None
