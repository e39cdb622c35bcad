"""Every icon of the window, by name, drawn by qtawesome in the palette's colours.

qtawesome costs ~0.2 s to import, so icons are made after the window's first paint, and again
when the palette changes (light/dark) so they stay visible.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication, QIcon, QPalette

SPECS: dict[str, str] = {
    "add_quote": "mdi6.format-quote-open",
    "change_speaker": "mdi6.account-edit-outline",
    "delete_quote": "mdi6.delete-outline",
    "undo": "mdi6.undo",
    "redo": "mdi6.redo",
    "find": "mdi6.magnify",
    "find_next": "mdi6.chevron-down",
    "find_previous": "mdi6.chevron-up",
    "close": "mdi6.close",
    "copy": "mdi6.content-copy",
    "about": "mdi6.information-outline",
    "quit": "mdi6.exit-to-app",
    "scope_article": "mdi6.file-document-outline",
    "scope_outlet": "mdi6.newspaper-variant-outline",
    "scope_store": "mdi6.database-outline",
    "quotes": "mdi6.format-list-bulleted",
    "import": "mdi6.file-import-outline",
    "import_folder": "mdi6.folder-download-outline",
    "rename": "mdi6.rename-outline",
    "merge": "mdi6.call-merge",
    "statements": "mdi6.compare-horizontal",
    "heatmap": "mdi6.grid",
    "search": "mdi6.text-search",
    "find_articles": "mdi6.file-search-outline",
    "tag": "mdi6.tag-outline",
    "tags": "mdi6.tag-multiple-outline",
    "note": "mdi6.note-edit-outline",
    "export": "mdi6.file-export-outline",
    "export_selection": "mdi6.export-variant",
}


def icon(name: str, palette: QPalette | None = None) -> QIcon:
    import qtawesome

    palette = palette or QGuiApplication.palette()
    return qtawesome.icon(
        SPECS[name],
        color=palette.color(QPalette.ColorRole.ButtonText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText),
    )


ICON_PROPERTY = "quotedesk_icon"


def tag_action(action: QAction, name: str) -> QAction:
    """Marks an action with its icon name; `apply_icons` draws it later."""
    if name not in SPECS:
        raise KeyError(name)
    action.setProperty(ICON_PROPERTY, name)
    return action


def apply_icons(actions: list[QAction], palette: QPalette | None = None) -> None:
    for action in actions:
        name = action.property(ICON_PROPERTY)
        if name:
            action.setIcon(icon(name, palette))
