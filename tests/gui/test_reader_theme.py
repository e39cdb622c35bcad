"""Light and dark schemes: highlights follow the palette and quoted text stays readable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert

from gui.highlights import QUOTE_ID_PROPERTY
from gui.theme import force_scheme, tints
from model.schema import Tag, quote_tag


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _first_highlight_background(window) -> QColor:
    block = window.article.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.property(QUOTE_ID_PROPERTY) is not None:
                return fmt.background().color()
            it += 1
        block = block.next()
    raise AssertionError("no highlight")


@pytest.fixture
def restore_light():
    """Puts the shared QApplication back as it was, so later tests see no forced scheme."""
    app = QApplication.instance()
    sheet, style, palette = app.styleSheet(), app.style().name(), app.palette()
    yield
    force_scheme(app, dark=False)
    app.setStyleSheet(sheet)
    app.setStyle(style)
    app.setPalette(palette)
    hints = app.styleHints()
    if hasattr(hints, "unsetColorScheme"):
        hints.unsetColorScheme()


@pytest.mark.parametrize("dark", [False, True])
def test_highlights_follow_the_scheme_and_stay_readable(window, restore_light, dark):
    force_scheme(QApplication.instance(), dark=dark)
    QApplication.processEvents()
    palette = window.article.text.palette()
    text = palette.color(QPalette.ColorRole.Text)
    assert (palette.color(QPalette.ColorRole.Base).lightness() < 128) == dark
    shown = _first_highlight_background(window)
    assert shown.name() in {c.name() for c in (tints(palette).quote, tints(palette).unattributed,
                                               tints(palette).manual)}
    for tint in (tints(palette).quote, tints(palette).unattributed, tints(palette).manual):
        assert _contrast(text, tint) >= 4.5  # WCAG AA for body text


def test_tag_chips_are_drawn_in_the_sidebar(window, hub):
    qid = window.sidebar.model.ids()[0]

    def tag(s):
        tid = s.execute(insert(Tag).values(name="denial", colour="#c0392b").returning(Tag.id))
        s.execute(insert(quote_tag).values(quote_id=qid, tag_id=tid.scalar_one()))

    hub.write(tag)
    row = window.sidebar.model.quote_row(0)
    assert [t.name for t in row.tags] == ["denial"]
    image = window.sidebar.view.viewport().grab().toImage()
    reds = sum(
        1 for x in range(0, image.width(), 2) for y in range(0, 60, 2)
        if QColor(image.pixel(x, y)).red() > 150 and QColor(image.pixel(x, y)).green() < 120
    )
    assert reds > 5  # the chip's outline, in the tag's colour
