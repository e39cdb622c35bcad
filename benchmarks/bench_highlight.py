"""Highlighting 300 quotes in a 50,000-word article: one edit block vs ExtraSelections.

Run: .venv/bin/python benchmarks/bench_highlight.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from gui.article_view import ArticleTextView
from gui.highlights import apply_highlights
from gui.text_offsets import OffsetMap
from gui.theme import tints
from model.library import QuoteSpan

WORDS = 50_000
QUOTES = 300
RUNS = 5


def make_text(rng: random.Random) -> str:
    vocab = ["the", "launch", "site", "satellite", "said", "North", "Korea", "summit", "images",
             "activity", "officials", "missile", "reported", "analysts", "week", "talks"]
    paragraphs, words = [], 0
    while words < WORDS:
        n = rng.randint(40, 120)
        paragraphs.append(" ".join(rng.choice(vocab) for _ in range(n)) + ".")
        words += n
    return "\n\n".join(paragraphs)


def make_spans(text: str, rng: random.Random) -> list[QuoteSpan]:
    step = len(text) // QUOTES
    spans = []
    for i in range(QUOTES):
        start = i * step + rng.randint(0, step // 2)
        spans.append(QuoteSpan(i + 1, start, start + rng.randint(40, 200), "Speaker", "auto"))
    return spans


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rng = random.Random(7)
    text = make_text(rng)
    spans = make_spans(text, rng)
    view = ArticleTextView()
    view.resize(800, 900)
    view.show()
    offsets = OffsetMap(text)
    ours = []
    for _ in range(RUNS):
        view.setPlainText(text)
        app.processEvents()
        t0 = time.perf_counter()
        applied = apply_highlights(view.document(), spans, tints(), offsets)
        app.processEvents()
        ours.append(time.perf_counter() - t0)
    assert applied == QUOTES

    other = QTextEdit()
    other.resize(800, 900)
    other.show()
    other.setPlainText(text)
    app.processEvents()
    extra = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        selections = []
        for span in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(other.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format.setBackground(tints().quote)
            selections.append(sel)
        other.setExtraSelections(selections)
        app.processEvents()
        extra.append(time.perf_counter() - t0)
        other.setExtraSelections([])
        app.processEvents()

    print(f"text: {len(text.split()):,} words, {len(text):,} characters; {QUOTES} highlights")
    print(f"one edit block (QTextCharFormat):  median {statistics.median(ours) * 1000:6.1f} ms"
          f"  (min {min(ours) * 1000:.1f})")
    print(f"ExtraSelections (for comparison):  median {statistics.median(extra) * 1000:6.1f} ms"
          f"  (min {min(extra) * 1000:.1f})")


if __name__ == "__main__":
    main()
