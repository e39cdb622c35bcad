"""The speakers × outlets heat map on its own: counts, shading, and a click giving its quotes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from sqlalchemy import insert

from gui.heatmap_model import HEAT_ROLE, HeatMapModel
from gui.heatmap_view import HeatMapView
from gui.store_hub import StoreHub
from model.db import open_store
from model.ingest import OutletResolver, content_hash
from model.schema import Article, Quote
from model.speakers import SpeakerResolver


def article(session, outlet: str, speakers: list[str]) -> list[int]:  # type: ignore[no-untyped-def]
    """An article quoting each speaker once; returns the quote ids."""
    text = "".join(f"“Words number {i}” said {who}.\n\n" for i, who in enumerate(speakers))
    article_id = session.execute(
        insert(Article)
        .values(outlet_id=OutletResolver(session).resolve(outlet), title=outlet, text=text,
                content_hash=content_hash(text + outlet))
        .returning(Article.id)
    ).scalar_one()
    resolver = SpeakerResolver(session)
    ids = []
    for i, who in enumerate(speakers):
        words = f"Words number {i}"
        start = text.index(words)
        ids.append(session.execute(
            insert(Quote)
            .values(article_id=article_id, start=start, end=start + len(words), text=words,
                    speaker_id=resolver.resolve(who), paragraph=0, origin="auto",
                    deleted=False, speaker_edited=False)
            .returning(Quote.id)
        ).scalar_one())
    return ids


@pytest.fixture
def heat(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "heat.db")
    with store.sessions.begin() as s:
        alpha = article(s, "Alpha", ["Ann", "Ann", "Ann", "Bo"])
        alpha += article(s, "Alpha", ["Ann"])
        beta = article(s, "Beta", ["Bo"])
    hub = StoreHub()
    hub.set_store(store)
    view = HeatMapView(hub)
    qtbot.addWidget(view)
    view.resize(500, 300)
    with qtbot.waitSignal(view.grid_loaded):
        view.populate()
    yield view, alpha, beta
    hub.close()


def header(model: HeatMapModel, orientation: Qt.Orientation) -> list[str]:
    n = model.rowCount() if orientation == Qt.Orientation.Vertical else model.columnCount()
    return [model.headerData(i, orientation) for i in range(n)]


def test_heat_map_model_passes_the_model_tester(qtmodeltester, heat):
    view, _alpha, _beta = heat
    qtmodeltester.check(view.model)


def test_grid_counts_each_outlets_quotes_of_each_speaker(heat):
    view, _alpha, _beta = heat
    m = view.model
    assert header(m, Qt.Orientation.Vertical) == ["Ann", "Bo"]  # most quoted first
    assert header(m, Qt.Orientation.Horizontal) == ["Alpha", "Beta"]
    cells = [[m.index(r, c).data() for c in range(2)] for r in range(2)]
    assert cells == [["4", ""], ["1", "1"]]
    assert m.index(0, 0).data(HEAT_ROLE) == 1.0
    assert 0 < m.index(1, 1).data(HEAT_ROLE) < 1.0
    assert m.index(0, 1).data(HEAT_ROLE) == 0.0


def test_clicking_a_cell_gives_its_quotes(qtbot, heat):
    view, alpha, beta = heat
    view.show()
    qtbot.waitExposed(view)
    rect = view.table.visualRect(view.model.index(0, 0))
    with qtbot.waitSignal(view.cell_activated) as blocker:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [[alpha[0], alpha[1], alpha[2], alpha[4]]]
    assert view.current_label == "Alpha quoting Ann: 4 quotes"
    with qtbot.waitSignal(view.cell_activated) as blocker:
        view.activate_cell(1, 1)
    assert blocker.args == [beta]


def test_hotter_cells_are_shaded_nearer_the_highlight(qtbot, heat):
    view, _alpha, _beta = heat
    view.show()
    qtbot.waitExposed(view)
    view.table.clearSelection()
    image = view.table.viewport().grab().toImage()
    highlight = view.table.palette().color(QPalette.ColorRole.Highlight)

    def distance(row: int, col: int) -> float:
        corner = view.table.visualRect(view.model.index(row, col)).topLeft()
        px = QColor(image.pixel(corner.x() + 3, corner.y() + 3))
        return sum(abs(a - b) for a, b in zip(px.getRgb()[:3], highlight.getRgb()[:3], strict=True))

    assert distance(0, 0) < distance(1, 1) < distance(0, 1)


def test_a_shown_grid_follows_corrections_and_a_hidden_one_waits(qtbot, heat):
    from sqlalchemy import update

    view, alpha, _beta = heat
    hub = view._hub
    hub.write(lambda s: s.execute(update(Quote).where(Quote.id == alpha[0]).values(deleted=True)))
    assert view.model.index(0, 0).data() == "4"  # hidden: not read again yet
    with qtbot.waitSignal(view.grid_loaded):
        view.show()
    assert view.model.index(0, 0).data() == "3"
    with qtbot.waitSignal(view.grid_loaded):
        hub.write(
            lambda s: s.execute(update(Quote).where(Quote.id == alpha[1]).values(deleted=True))
        )
    assert view.model.index(0, 0).data() == "2"
