"""Every item model of the reader passes Qt's model tester."""

from __future__ import annotations

from gui.outlet_model import OutletTreeModel
from gui.quote_model import QuoteListModel
from model import library


def test_outlet_tree_model(qtmodeltester, hub):
    model = OutletTreeModel(hub)
    model.reload()
    for row in range(model.rowCount()):
        model.fetchMore(model.index(row, 0))
    assert model.rowCount(model.index(0, 0)) == 1
    qtmodeltester.check(model)


def test_quote_list_model(qtmodeltester, hub):
    model = QuoteListModel(hub)
    ids = hub.read(library.all_quote_ids)
    model.set_ids(ids)
    assert model.rowCount() == len(ids) > 0
    qtmodeltester.check(model)
