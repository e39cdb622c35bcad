"""Starting the reader: the window appears first, the store opens right after.

A bare PySide6 window paints in ~0.34 s but SQLAlchemy and Alembic take ~0.6 s more to import,
so the window paints before anything touches the store; the store is then opened (and filled
with the sample if empty) on a worker thread, and the panes populate when it is ready.

Set QUOTEDESK_STARTUP_TRACE=1 to print seconds-since-epoch of the first paint and of the
populated window on stderr and quit (benchmarks/bench_startup.py reads them).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.theme import RESOURCES, apply_scheme

TRACE_ENV = "QUOTEDESK_STARTUP_TRACE"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("QuoteDesk")
    app.setOrganizationName("QuoteDesk")
    app.setApplicationDisplayName("QuoteDesk")
    app.setWindowIcon(QIcon(str(RESOURCES / "quotedesk.svg")))
    apply_scheme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_scheme(app))
    return app


def run_app(db: str | None) -> int:
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from gui.store_hub import StoreHub

    trace = bool(os.environ.get(TRACE_ENV))
    app = make_application()
    hub = StoreHub()
    window = MainWindow(hub, Settings(), defer_tools=True)

    def after_first_paint() -> None:
        if trace:
            print(f"first_paint {time.time():.4f}", file=sys.stderr, flush=True)
        # The store opens on a worker thread while the tools are built here; its "opened"
        # signal is queued to this thread, so every tool is listening before it arrives.
        hub.open_async(db)
        window.install_tools()

    def after_populate() -> None:
        if trace:
            app.processEvents()
            print(f"populated {time.time():.4f}", file=sys.stderr, flush=True)
        window.apply_icons()  # after: qtawesome's import would delay the populated window
        if trace:
            app.processEvents()
            print(f"icons {time.time():.4f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, window.close)

    window.first_painted.connect(after_first_paint)
    hub.store_opened.connect(after_populate)  # connected after the window's own populate slot
    hub.store_failed.connect(lambda msg: print(f"quotedesk: {msg}", file=sys.stderr))
    hub.store_failed.connect(lambda _msg: window.apply_icons())
    window.show()
    code = app.exec()
    hub.close()
    return int(code)
