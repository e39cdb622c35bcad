"""`screenshot OUT.png`: renders the main window off screen with an article shown.

Without --db it fills a temporary store with the sample story, so it needs nothing but the
repository; without a display it uses Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

NAME = "screenshot"
HELP = "render the main window off screen to a PNG (no display needed)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT.png", help="PNG file to write")
    parser.add_argument("--size", default="1400x860", metavar="WxH",
                        help="window size in pixels (default 1400x860)")
    parser.add_argument("--article", type=int, metavar="ID",
                        help="article id to show (default: the first article)")
    parser.add_argument("--scheme", choices=("system", "light", "dark"), default="system",
                        help="colour scheme to render in (default: the system's)")


def parse_size(text: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not m:
        return None
    w, h = int(m.group(1)), int(m.group(2))
    return (w, h) if 200 <= w <= 8000 and 150 <= h <= 8000 else None


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    if size is None:
        print(f"--size {args.size}: expected WxH such as 1400x860 (200x150 to 8000x8000)",
              file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        print(f"{out}: the screenshot is written as PNG; name the file .png", file=sys.stderr)
        return 2
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    db = getattr(args, "db", None)
    with tempfile.TemporaryDirectory(prefix="quotedesk-shot-") as tmp:
        return _render(db or str(Path(tmp) / "sample.db"), out, size, args.article, Path(tmp),
                       args.scheme)


def _render(db: str, out: Path, size: tuple[int, int], article: int | None, tmp: Path,
            scheme: str = "system") -> int:
    from gui.app import make_application
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from gui.store_hub import StoreHub

    _quiet_offscreen_notices()
    app = make_application()
    if scheme != "system":
        from gui.theme import force_scheme

        force_scheme(app, dark=scheme == "dark")
    hub = StoreHub()
    try:
        hub_store_ok = True
        try:
            from gui.store_hub import open_and_fill

            store = open_and_fill(db)
        except Exception as exc:  # a clear message, never a traceback
            print(f"{db}: cannot open the store: {exc}", file=sys.stderr)
            hub_store_ok = False
        if not hub_store_ok:
            return 1
        window = MainWindow(hub, Settings(tmp / "settings.ini"))
        window.resize(*size)
        window.show()
        window.apply_icons()
        hub.set_store(store)
        if article is not None and not window.show_article(article):
            print(f"--article {article}: no such article in {db}", file=sys.stderr)
            return 1
        _mark_first_quote(window)
        _settle(app)
        image = window.grab().toImage()
        if image.width() != size[0] or image.height() != size[1]:
            from PySide6.QtCore import Qt

            image = image.scaled(size[0], size[1], Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            print(f"{out}: could not write the PNG", file=sys.stderr)
            return 1
        window.close()
        return 0
    finally:
        hub.close()


def _quiet_offscreen_notices() -> None:
    """Drops the offscreen platform's "does not support" notices; other messages still print."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _mark_first_quote(window) -> None:  # type: ignore[no-untyped-def]
    """Shows a quote chosen, as a reader would have it: selected in the text and the sidebar."""
    ids = window.sidebar.model.ids()
    if ids:
        window.show_quote(ids[0])


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Lets layouts, lazy fetches and deferred paints finish before the grab."""
    import time

    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
