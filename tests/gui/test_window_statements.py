"""Statements across outlets and the heat map, as a user reaches them from the window."""

from __future__ import annotations

from model.library import quote_rows
from model.schema import Quote


def _quote_id(window, prefix: str, outlet: str) -> int:
    from sqlalchemy import select

    with window.hub.store.sessions() as s:
        ids = s.scalars(select(Quote.id).where(Quote.text.like(prefix + "%"))).all()
        rows = quote_rows(s, list(ids))
    return next(r.id for r in rows if r.outlet == outlet)


def test_docks_start_hidden_and_view_menu_opens_them(window):
    tools = window.statement_tools
    assert not tools.statements_dock.isVisible()
    tools.show_statements.trigger()
    assert tools.statements_dock.isVisible()
    texts = [a.text() for a in window.menus["View"].actions()]
    assert "&Statements across outlets" in texts and "Speakers × &outlets" in texts


def test_show_in_other_outlets_opens_the_statement_of_the_quote(qtbot, window):
    qid = _quote_id(window, "I would be very disappointed if I saw", "HuffPost UK")
    assert window.show_quote(qid)
    window.sidebar.select_quote(qid)
    window.sidebar.view.setFocus()
    tools = window.statement_tools
    assert not tools.view.grouping  # nothing grouped while the docks are hidden
    tools.other_outlets.trigger()
    assert tools.statements_dock.isVisible()
    qtbot.waitUntil(lambda: tools.view.current_statement_id is not None, timeout=20_000)
    html = tools.view.detail.toPlainText()
    for outlet in ("HuffPost UK", "Inquisitr", "Newsweek"):
        assert outlet in html


def test_a_version_clicked_in_the_statement_opens_its_article(qtbot, window):
    qid = _quote_id(window, "I would be very disappointed if I saw", "Inquisitr")
    tools = window.statement_tools
    tools.view.quote_activated.emit(qid)
    assert window.article.detail is not None
    assert window.article.detail.outlet_name == "Inquisitr"
    selected = window.article.text.textCursor().selectedText()
    assert selected == "I would be very disappointed if I saw testing."


def test_a_heat_map_cell_lists_its_quotes_in_the_sidebar(window):
    qid = _quote_id(window, "I would be very disappointed if I saw", "HuffPost UK")
    window.statement_tools.heatmap.cell_activated.emit([qid])
    assert window.sidebar.shown_quote_ids() == [qid]
