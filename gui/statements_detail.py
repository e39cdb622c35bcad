"""One statement shown in full: who said it, which outlets carried it, and each outlet's version
with its word-level differences from the fullest wording marked.

Differences are drawn as rich text in a QTextBrowser: words left out struck through on a red
tint, words added or changed underlined on a green tint, with tints chosen for the palette so the
marks stay readable in light and dark schemes. Each version links to its quote ("quote:ID").

Signals:
    quote_activated(int): a version was clicked; the id of its quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget

from gui.theme import is_dark

if TYPE_CHECKING:
    from model.statements import StatementDetail, Version


@dataclass(frozen=True)
class DiffColours:
    left_out_bg: str
    added_bg: str
    text: str
    muted: str
    chip_bg: str
    chip_text: str
    cut: str


def colours(palette: QPalette) -> DiffColours:
    text = palette.color(QPalette.ColorRole.Text).name()
    if is_dark(palette):
        return DiffColours("#6b2323", "#1f5a33", text, "#a8adb5", "#5c4a14", "#f6e7b0", "#e08a8a")
    return DiffColours("#fbd3d0", "#c9efd4", text, "#60656d", "#f6e3a1", "#4a3a00", "#b3261e")


def _chip(label: str, c: DiffColours) -> str:
    return (
        f'<span style="background-color:{c.chip_bg}; color:{c.chip_text};">'
        f"&nbsp;{escape(label)}&nbsp;</span>"
    )


def _mark(words: str, style: str, title: str) -> str:
    """Words in a marked span; the space after them stays outside so the mark ends at the word."""
    core = words.rstrip()
    return f'<span style="{style}" title="{title}">{escape(core)}</span>{escape(words[len(core):])}'


def version_html(v: Version, c: DiffColours) -> str:
    """The version's words, marked against the fullest wording."""
    struck = f"background-color:{c.left_out_bg}; color:{c.text}; text-decoration:line-through;"
    added = f"background-color:{c.added_bg}; color:{c.text}; text-decoration:underline;"
    parts = []
    if v.cut_start:
        parts.append(f'<span style="color:{c.cut};" title="cut short at the start">⟨…</span> ')
    for op in v.ops:
        if op.kind == "equal":
            parts.append(escape(op.text))
        elif op.kind == "left out":
            if (op is v.ops[0] and v.cut_start) or (op is v.ops[-1] and v.cut_end):
                continue
            parts.append(_mark(op.base, struck, "left out"))
        elif op.kind == "added":
            parts.append(_mark(op.text, added, "added"))
        else:
            parts.append(_mark(op.base.rstrip(), struck, "changed from") + " ")
            parts.append(_mark(op.text, added, "changed to"))
    if v.cut_end:
        parts.append(f' <span style="color:{c.cut};" title="cut short at the end">…⟩</span>')
    return "".join(parts)


def detail_html(d: StatementDetail, palette: QPalette) -> str:
    c = colours(palette)
    who = escape(d.speaker or "Speaker unknown")
    if d.disputed:
        who += " " + _chip("speaker disputed", c) + (
            f' <span style="color:{c.muted};">credited to {escape(", ".join(d.speakers))}</span>'
        )
    out = [
        f"<h3>{who}</h3>",
        f'<p style="color:{c.muted};">Carried by {len(d.outlets)} outlet'
        f'{"s" if len(d.outlets) != 1 else ""}: {escape(", ".join(d.outlets))}</p>',
        f"<p><b>Fullest wording</b><br>“{escape(d.fullest)}”</p>",
        "<hr>",
    ]
    for v in d.versions:
        date = v.published.strftime("%d %b %Y") if v.published else "date unknown"
        chips = " ".join(_chip(f, c) for f in v.flags)
        speaker = ""
        if d.disputed and v.speaker:
            speaker = f' <span style="color:{c.muted};">— {escape(v.speaker)}</span>'
        out.append(
            f'<p><a href="quote:{v.quote_id}"><b>{escape(v.outlet)}</b></a>'
            f' <span style="color:{c.muted};">{date}</span> {chips}<br>'
            f"{version_html(v, c)}{speaker}</p>"
        )
    return "".join(out)


class StatementDetailPane(QTextBrowser):
    quote_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._detail: StatementDetail | None = None
        self._connect_signals()
        self.show_detail(None)

    def _connect_signals(self) -> None:
        self.anchorClicked.connect(self._on_anchor)

    @property
    def detail(self) -> StatementDetail | None:
        return self._detail

    def show_detail(self, detail: StatementDetail | None) -> None:
        self._detail = detail
        if detail is None:
            self.setHtml("<p>Choose a statement to see how each outlet worded it.</p>")
        else:
            self.setHtml(detail_html(detail, self.palette()))

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Redraws with the new tints when the light/dark scheme changes."""
        from PySide6.QtCore import QEvent

        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._detail is not None:
            self.setHtml(detail_html(self._detail, self.palette()))

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "quote" and url.path().isdigit():
            self.quote_activated.emit(int(url.path()))
