"""Colours that follow the system's light or dark scheme, and the application style sheet.

Highlight tints are chosen per scheme so quoted text stays readable: a pale tint under dark text
in light mode, a deep tint under light text in dark mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class Tints:
    quote: QColor
    manual: QColor
    unattributed: QColor
    underline: QColor


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tints(palette: QPalette | None = None) -> Tints:
    if is_dark(palette):
        return Tints(QColor("#5c4a14"), QColor("#1f4f34"), QColor("#4a3f2a"), QColor("#e0b84c"))
    return Tints(QColor("#fff0b3"), QColor("#d4f2dd"), QColor("#f4ead2"), QColor("#b8860b"))


def dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#25272b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1d1f22",
        QPalette.ColorRole.AlternateBase: "#2a2d31",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#2f3236",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2f3236",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8a8f96",
        QPalette.ColorRole.Link: "#7fb0ff",
        QPalette.ColorRole.Mid: "#44484e",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#70757c"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#70757c"))
    return p


def apply_scheme(app: QGuiApplication, dark: bool | None = None) -> None:
    """Uses Fusion with a dark palette when the system asks for dark, the default otherwise."""
    from PySide6.QtWidgets import QApplication

    if isinstance(app, QApplication):
        app.setStyle("Fusion")
    if dark is None:
        dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    if dark:
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette() if isinstance(app, QApplication)
                       else QPalette())
    sheet = RESOURCES / "style.qss"
    if isinstance(app, QApplication) and sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def force_scheme(app: QGuiApplication, dark: bool) -> None:
    """Renders in one scheme whatever the system says (screenshots, checking readability)."""
    hints = app.styleHints()
    scheme = Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+
        hints.setColorScheme(scheme)
    apply_scheme(app, dark)


def muted(palette: QPalette) -> QColor:
    """Secondary text (dates, counts, speakers' outlets)."""
    colour = QColor(palette.color(QPalette.ColorRole.Text))
    colour.setAlphaF(0.62)
    return colour
