"""The window's remembered state, typed, over one QSettings with declared defaults.

Tests pass a path under tmp_path so they never read or write the user's own settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_SPLITTER_SIZES = (290, 720, 390)
SCOPES = ("article", "outlet", "store")


class Settings:
    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "QuoteDesk", "QuoteDesk")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    def window_geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        value = self._qs.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter_sizes(self) -> list[int]:
        value = self._qs.value("window/splitter")
        try:
            sizes = [int(v) for v in value] if isinstance(value, list) else []
        except (TypeError, ValueError):
            sizes = []
        if len(sizes) != len(DEFAULT_SPLITTER_SIZES) or min(sizes) < 0:
            return list(DEFAULT_SPLITTER_SIZES)
        return sizes

    def set_splitter_sizes(self, sizes: list[int]) -> None:
        self._qs.setValue("window/splitter", [int(s) for s in sizes])

    def sidebar_scope(self) -> str:
        value = self._qs.value("sidebar/scope", "article")
        return value if value in SCOPES else "article"

    def set_sidebar_scope(self, scope: str) -> None:
        if scope in SCOPES:
            self._qs.setValue("sidebar/scope", scope)

    def last_article(self) -> int | None:
        value = self._qs.value("reader/last_article")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_article(self, article_id: int | None) -> None:
        if article_id is None:
            self._qs.remove("reader/last_article")
        else:
            self._qs.setValue("reader/last_article", int(article_id))
