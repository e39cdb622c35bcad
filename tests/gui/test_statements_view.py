"""The Statements view on its own: the lazy list, the detail pane's marks, and its signals."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QPalette
from sqlalchemy import insert, update

from gui.statements_detail import colours
from gui.statements_model import STATEMENT_ID_ROLE, StatementListModel
from gui.statements_view import StatementsView
from gui.store_hub import StoreHub
from gui.theme import dark_palette
from model.db import open_store
from model.ingest import OutletResolver, content_hash
from model.schema import Article, Quote
from model.speakers import SpeakerResolver
from model.statements import group_new_quotes

FULL = "When you put all that together, that's really what a rocket launch looks like"
ALTERED_WORDS = "When you put that all that together, that's really what a rocket launch looks like"


def report(session, outlet: str, quotes: list[tuple[str, str]]) -> list[int]:  # type: ignore[no-untyped-def]
    text, spans = "", []
    for words, speaker in quotes:
        lead = f"{speaker} said: “"
        spans.append((len(text) + len(lead), words, speaker))
        text += f"{lead}{words}”\n\n"
    article_id = session.execute(
        insert(Article)
        .values(outlet_id=OutletResolver(session).resolve(outlet), title=f"{outlet} story",
                text=text, content_hash=content_hash(text + outlet))
        .returning(Article.id)
    ).scalar_one()
    speakers = SpeakerResolver(session)
    return [
        session.execute(
            insert(Quote)
            .values(article_id=article_id, start=start, end=start + len(words), text=words,
                    speaker_id=speakers.resolve(speaker), paragraph=0, origin="auto",
                    deleted=False, speaker_edited=False)
            .returning(Quote.id)
        ).scalar_one()
        for start, words, speaker in spans
    ]


@pytest.fixture
def stored(tmp_path):  # type: ignore[no-untyped-def]
    """A store with one statement carried by three outlets (one altered, one cut) and a loner."""
    store = open_store(tmp_path / "statements.db")
    with store.sessions.begin() as s:
        ids = report(s, "Inquisitr", [(FULL, "Jeffrey Lewis")])
        ids += report(s, "Daily Mail", [(ALTERED_WORDS, "Jeffrey Lewis")])
        ids += report(s, "Newsweek", [("what a rocket launch looks like", "Jeffrey Lewis"),
                                      ("Nobody else said this at all today", "Kim Lee")])
    hub = StoreHub()
    hub.set_store(store)
    yield hub, ids
    hub.close()


def group(hub: StoreHub, ids: list[int]) -> None:
    with hub.store.sessions.begin() as s:
        group_new_quotes(s, ids)


def test_statement_list_model_passes_the_model_tester(qtmodeltester, stored):
    hub, ids = stored
    group(hub, ids)
    model = StatementListModel(hub)
    model.set_filter(min_outlets=1)
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == 2


def test_choosing_a_statement_shows_its_outlets_and_marked_differences(qtbot, stored):
    hub, ids = stored
    group(hub, ids)
    view = StatementsView(hub)
    qtbot.addWidget(view)
    view.model.reload()
    assert view.count_label.text() == "1 statement"
    view.list.setCurrentIndex(view.model.index(0))
    html = view.detail.toHtml()
    plain = view.detail.toPlainText()
    assert "Jeffrey Lewis" in plain
    assert "Carried by 3 outlets: Inquisitr, Daily Mail, Newsweek" in plain
    assert "altered wording" in plain and "truncated" in plain
    assert "line-through" in html or "underline" in html
    assert view.current_statement_id == view.model.index(0).data(STATEMENT_ID_ROLE)


def test_clicking_a_version_announces_its_quote(qtbot, stored):
    hub, ids = stored
    group(hub, ids)
    view = StatementsView(hub)
    qtbot.addWidget(view)
    view.model.reload()
    assert view.show_statement_for_quote(ids[1])
    assert view.list.currentIndex().data(STATEMENT_ID_ROLE) == view.current_statement_id
    hrefs = re.findall(r'href="(quote:\d+)"', view.detail.toHtml())
    assert hrefs == [f"quote:{ids[0]}", f"quote:{ids[1]}", f"quote:{ids[2]}"]
    with qtbot.waitSignal(view.quote_activated) as blocker:
        view.detail.anchorClicked.emit(QUrl(hrefs[1]))
    assert blocker.args == [ids[1]]


def test_show_in_other_outlets_groups_an_unseen_quote_and_refuses_a_deleted_one(qtbot, stored):
    hub, ids = stored
    view = StatementsView(hub)
    qtbot.addWidget(view)
    assert view.show_statement_for_quote(ids[2])  # not grouped yet: grouped on demand
    assert "Newsweek" in view.detail.toPlainText()
    with hub.store.sessions.begin() as s:
        s.execute(update(Quote).where(Quote.id == ids[3]).values(deleted=True))
    with qtbot.waitSignal(view.status_message):
        assert not view.show_statement_for_quote(ids[3])


def test_populate_groups_new_quotes_in_the_background_and_the_filter_narrows(qtbot, stored):
    hub, _ids = stored
    view = StatementsView(hub)
    qtbot.addWidget(view)
    view.populate()
    assert not view.grouping  # hidden: grouping waits until someone looks
    with qtbot.waitSignal(view.grouping_finished, timeout=10_000) as blocker:
        view.show()
    assert blocker.args == [4]
    assert not view.grouping
    assert view.model.total == 1
    view.min_outlets.setValue(1)
    assert view.model.total == 2
    view.min_outlets.setValue(4)
    assert view.model.total == 0 and view.count_label.text() == "0 statements"


def _contrast(a: str, b: str) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    la, lb = sorted((lum(QColor(a)), lum(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_difference_marks_stay_readable_in_light_and_dark(qapp, dark):
    pal = dark_palette() if dark else QPalette(QColor("#efefef"))
    c = colours(pal)
    assert QColor(c.text).lightness() > 128 if dark else QColor(c.text).lightness() < 128
    for background in (c.left_out_bg, c.added_bg):
        assert _contrast(c.text, background) >= 4.5
    assert _contrast(c.chip_text, c.chip_bg) >= 4.5
