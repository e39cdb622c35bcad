"""Draws a sidebar quote: its text (up to two lines), its speaker and outlet, its tag chips.

Every row has the same height (`row_height`), so the view lays out fixed rows and scrolls a
million of them without measuring any. While a search is shown, the words it matched are
marked behind the text; `chip_at` tells the view which tag chip is under the mouse, from the
same geometry the chips were painted with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.quote_model import QUOTE_ROW_ROLE
from gui.theme import is_dark, muted, tints

if TYPE_CHECKING:
    from model.library import QuoteRow, TagChip

Index = QModelIndex | QPersistentModelIndex

TEXT_LINES = 2
PAD = 10


def elided_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """Wraps text into at most `max_lines` lines, the last one elided with an ellipsis."""
    return [line for _start, line in wrapped_lines(text, font, width, max_lines)]


def display_text(text: str) -> str:
    """The quote as the list shows it: in quote marks, runs of white space made one space."""
    return " ".join(f"“{text}”".split())


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[tuple[int, str]]:
    """Like `elided_lines`, with each line's offset in the space-collapsed text, so marks
    computed on that text (matched words) land on the right line."""
    layout = QTextLayout(" ".join(text.split()), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[tuple[int, str]] = []
    source = layout.text()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1:
            rest = source[start:]
            elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
            lines.append((start, elided))
            break
        lines.append((start, source[start : start + length].rstrip()))
    layout.endLayout()
    return lines


def match_colour(palette: QPalette) -> QColor:
    """A marker colour for matched words that stands out from the quote tints and selection."""
    colour = QColor("#b88a00") if is_dark(palette) else QColor("#ffc533")
    colour.setAlphaF(0.75)
    return colour


class QuoteDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._query: Any = None  # a parsed search query while a search is shown
        self._spans: dict[str, list[tuple[int, int]]] = {}  # matches of the rows painted

    def set_highlight(self, text: str | None) -> None:
        """Marks the words of this search in every quote drawn (None or "" for none)."""
        if not text or not text.strip():
            self._query = None
            self._spans.clear()
            return
        from model.search.query import parse

        parsed = parse(text)
        self._query = None if parsed.empty else parsed
        self._spans.clear()

    def match_spans(self, text: str) -> list[tuple[int, int]]:
        if self._query is None:
            return []
        spans = self._spans.get(text)
        if spans is None:  # ~0.4 ms a quote: kept, so scrolling back does not redo it
            from model.search.query import match_spans

            if len(self._spans) > 2000:
                self._spans.clear()
            spans = self._spans[text] = match_spans(text, self._query)
        return spans

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        body = QFont(option.font)
        speaker = QFont(option.font)
        speaker.setBold(True)
        speaker.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.92))
        chip = QFont(option.font)
        chip.setPointSizeF(max(6.5, option.font.pointSizeF() * 0.8))
        return body, speaker, chip

    def row_height(self, font: QFont) -> int:
        option = QStyleOptionViewItem()
        option.font = font
        body, speaker, _ = self._fonts(option)
        return (QFontMetrics(body).lineSpacing() * TEXT_LINES
                + QFontMetrics(speaker).lineSpacing() + 2 * PAD + 6)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        row: QuoteRow | None = index.data(QUOTE_ROW_ROLE)
        painter.save()
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = option.rect
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        faint = QColor(text_colour) if selected else muted(palette)
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())
        body, speaker_font, chip_font = self._fonts(option)
        inner = rect.adjusted(PAD + 8, PAD, -PAD, -PAD)
        if row is None:
            painter.setPen(faint)
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft, str(index.data() or ""))
            painter.restore()
            return
        # A tint bar on the left, in the colour the article uses for this kind of quote.
        t = tints(palette)
        bar = t.manual if row.origin == "manual" else (t.quote if row.speaker else t.unattributed)
        if not is_dark(palette):
            bar = bar.darker(125)
        painter.fillRect(QRect(rect.left() + PAD, inner.top() + 2, 3, inner.height() - 4), bar)

        painter.setFont(body)
        painter.setPen(text_colour)
        line_h = QFontMetrics(body).lineSpacing()
        y = inner.top()
        shown = display_text(row.text)
        spans = self.match_spans(shown)
        lines = wrapped_lines(shown, body, inner.width(), TEXT_LINES)
        for start, line in lines:
            line_rect = QRect(inner.left(), y, inner.width(), line_h)
            if spans:
                self._paint_marks(painter, body, line_rect, start, line, spans,
                                  match_colour(palette))
                painter.setPen(text_colour)
            painter.drawText(line_rect,
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += line_h
        y = speaker_line_y(inner, line_h, len(lines))
        chips_width = self._paint_chips(painter, row, chip_font, inner, y, selected)
        if row.note:
            chips_width += self._paint_note_mark(painter, speaker_font, inner, y, chips_width,
                                                 faint)
        painter.setFont(speaker_font)
        who = row.speaker or "Speaker unknown"
        fm = QFontMetrics(speaker_font)
        line_h2 = fm.lineSpacing()
        available = inner.width() - chips_width - (8 if chips_width else 0)
        who_text = fm.elidedText(f"— {who}", Qt.TextElideMode.ElideRight, available)
        painter.setPen(text_colour if row.speaker else faint)
        painter.drawText(QRect(inner.left(), y, available, line_h2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, who_text)
        used = fm.horizontalAdvance(who_text)
        outlet_font = QFont(speaker_font)
        outlet_font.setBold(False)
        painter.setFont(outlet_font)
        painter.setPen(faint)
        rest = available - used - 6
        if rest > 30:
            outlet = QFontMetrics(outlet_font).elidedText(
                f"· {row.outlet}", Qt.TextElideMode.ElideRight, rest)
            painter.drawText(QRect(inner.left() + used + 6, y, rest, line_h2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, outlet)
        painter.restore()

    @staticmethod
    def _paint_note_mark(painter: QPainter, font: QFont, inner: QRect, y: int, taken: int,
                         colour: QColor) -> int:
        """A pencil left of the tag chips: the quote has a note (its tooltip shows it), so the
        user sees which quotes they annotated without opening each."""
        mark = "✎ note"
        font = QFont(font)
        font.setBold(False)
        fm = QFontMetrics(font)
        text_width = fm.horizontalAdvance(mark)
        gap = 8 if taken else 0  # between the mark and the tag chips, when there are some
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRect(inner.right() - taken - gap - text_width, y, text_width,
                               fm.lineSpacing()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, mark)
        return text_width + gap

    @staticmethod
    def _paint_marks(painter: QPainter, font: QFont, line_rect: QRect, start: int, line: str,
                     spans: list[tuple[int, int]], colour: QColor) -> None:
        """Paints a marker behind the matched words that fall on this line."""
        fm = QFontMetrics(font)
        end = start + len(line) - (1 if line.endswith("…") else 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for a, b in spans:
            a, b = max(a, start), min(b, end)
            if a >= b:
                continue
            x = line_rect.left() + fm.horizontalAdvance(line[: a - start])
            w = fm.horizontalAdvance(line[a - start : b - start])
            mark = QRectF(x - 1, line_rect.top() + 1, w + 2, line_rect.height() - 2)
            painter.drawRoundedRect(mark, 3, 3)

    def _chip_rects(self, row: QuoteRow, font: QFont, inner: QRect,
                    y: int) -> list[tuple[QRectF, TagChip]]:
        """Where each tag chip goes: right-aligned on the speaker line, as many as fit."""
        fm = QFontMetrics(font)
        x = inner.right()
        h = fm.height() + 2
        placed: list[tuple[QRectF, TagChip]] = []
        for tag in reversed(row.tags[:3]):
            w = fm.horizontalAdvance(tag.name) + 12
            if x - w < inner.left() + inner.width() // 3:
                break
            x -= w
            placed.append((QRectF(x, y + 1, w, h), tag))
            x -= 4
        return placed

    def chip_at(self, option: QStyleOptionViewItem, index: Index, pos: QPoint) -> str | None:
        """The name of the tag chip at `pos` (view coordinates) in this row, if any."""
        row: QuoteRow | None = index.data(QUOTE_ROW_ROLE)
        if row is None or not row.tags:
            return None
        body, _speaker, chip_font = self._fonts(option)
        inner = option.rect.adjusted(PAD + 8, PAD, -PAD, -PAD)
        lines = wrapped_lines(display_text(row.text), body, inner.width(), TEXT_LINES)
        y = speaker_line_y(inner, QFontMetrics(body).lineSpacing(), len(lines))
        for rect, tag in self._chip_rects(row, chip_font, inner, y):
            if rect.adjusted(-2, -2, 2, 2).contains(pos.toPointF()):
                return tag.name
        return None

    def _paint_chips(self, painter: QPainter, row: QuoteRow, font: QFont, inner: QRect,
                     y: int, selected: bool) -> int:
        """Draws tag chips right-aligned on the speaker line; returns the width they took."""
        placed = self._chip_rects(row, font, inner, y)
        if not placed:
            return 0
        painter.setFont(font)
        for chip, tag in placed:
            h = chip.height()
            colour = QColor(tag.colour or "#7a7f87")
            fill = QColor(colour)
            fill.setAlphaF(0.22 if not selected else 0.45)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(colour)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, h / 2, h / 2)
            painter.setPen(painter.pen().color() if selected else option_text(colour))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, tag.name)
        return int(inner.right() - placed[-1][0].left()) + 4


def speaker_line_y(inner: QRect, line_height: int, text_lines: int) -> int:
    """The speaker follows the quote's last line: a one-line quote keeps its speaker right
    under it, and the spare line of the fixed-height row goes below both."""
    return inner.top() + line_height * max(1, text_lines) + 6


def option_text(colour: QColor) -> QColor:
    """A darker or lighter shade of the tag colour that reads on its own tint."""
    return colour.darker(160) if colour.lightness() > 110 else colour.lighter(170)
