"""The search bar: typing searches after a pause, filters and modes, quiet fallback notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from gui.search_bar import DEBOUNCE_MS, SearchBar
from model.search import SearchQuery, all_ids, search, search_articles


@pytest.fixture
def bar(qtbot, hub):
    widget = SearchBar(hub)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    QThreadPool.globalInstance().waitForDone(5000)


def test_typing_emits_results_only_after_the_pause(qtbot, bar, hub):
    expected = hub.read(search, SearchQuery("korea")).ids
    assert expected
    seen: list[tuple[list, int, str]] = []
    bar.results_changed.connect(lambda ids, total, mode: seen.append((ids, total, mode)))
    qtbot.keyClicks(bar.box, "korea")
    qtbot.wait(DEBOUNCE_MS // 3)
    assert seen == []  # still waiting for the user to stop typing
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    ids, total, mode = seen[-1]
    assert (ids, total, mode) == (expected, len(expected), "quotes")
    assert bar.found_label.text() == f"{len(expected)} found"
    assert bar.summary() == f"{len(expected)} quotes found"


def test_bad_syntax_shows_a_quiet_note_not_an_error(qtbot, bar):
    with qtbot.waitSignal(bar.results_changed, timeout=5000):
        qtbot.keyClicks(bar.box, 'korea "missile')
    assert "plain words" in bar.note_label.text()


def test_filters_and_sort_feed_the_query(qtbot, bar, hub):
    bar.outlet_combo.setCurrentIndex(bar.outlet_combo.findText("Newsweek"))
    bar.sort_combo.setCurrentIndex(bar.sort_combo.findData("speaker"))
    with qtbot.waitSignal(bar.results_changed, timeout=5000) as blocker:
        bar.run_now()
    query = bar.query()
    assert query.outlet == "Newsweek" and query.sort == "speaker" and query.text == ""
    assert blocker.args[0] == hub.read(all_ids, query)
    with qtbot.waitSignal(bar.search_cleared, timeout=2000):
        bar.clear()


def test_articles_mode_finds_articles_by_their_text(qtbot, bar, hub):
    bar.focus_articles()
    assert bar.box.hasFocus() or bar.mode == "articles"
    assert not bar.speaker_edit.isEnabled()
    with qtbot.waitSignal(bar.results_changed, timeout=5000) as blocker:
        qtbot.keyClicks(bar.box, "satellite")
    expected = hub.read(search_articles, SearchQuery("satellite")).ids
    assert blocker.args == [expected, len(expected), "articles"]
    assert expected


def test_article_results_list_shows_hits_and_passes_the_model_tester(qtbot, qtmodeltester, hub):
    from gui.search_article_list import ArticleResultsList

    ids = hub.read(search_articles, SearchQuery("korea")).ids
    assert len(ids) > 1
    widget = ArticleResultsList(hub)
    qtbot.addWidget(widget)
    widget.show_ids(ids)
    qtmodeltester.check(widget.model)
    first = widget.model.index(0)
    assert "\n" in first.data()  # title, then date and outlet
    with qtbot.waitSignal(widget.article_activated) as blocker:
        widget.view.activated.emit(first)
    assert blocker.args == [ids[0]]
