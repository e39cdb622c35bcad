"""Opening a store for the window without importing Alembic when no migration is due.

Alembic's script directory costs ~0.3-0.8 s to import and parse, which the window's start-up
cannot afford on every launch. The head revision is read from the version files' own
`revision = "..."` / `down_revision = "..."` lines; when the store is already there, Alembic is
never loaded. Any doubt (an unreadable file, two heads, an older store) falls back to
`open_store`, which migrates.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.orm import sessionmaker

from model.db import MIGRATIONS, Store, current_revision, make_engine, open_store, to_url

_ASSIGN = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)""",
                     re.MULTILINE)


def head_from_files(folder: Path = MIGRATIONS / "versions") -> str | None:
    """The single head revision named by the version files, or None if it is not clear."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in folder.glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _ASSIGN.finditer(path.read_text("utf-8")))
        if "revision" not in found or found["revision"] is None:
            continue
        revisions.add(found["revision"])
        if found.get("down_revision"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def open_store_quickly(db: str | Path | None = None) -> Store:
    engine = make_engine(to_url(db))
    head = head_from_files()
    if head is not None and current_revision(engine) == head:
        return Store(engine, sessionmaker(engine, expire_on_commit=False))
    engine.dispose()
    return open_store(db)
