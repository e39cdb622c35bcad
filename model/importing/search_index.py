"""Keeping the full-text index cheap during a large first import, and whole afterwards.

The index triggers cost about a third of an import's time (~1.7 ms of ~5.4 ms an article here).
When an import brings more articles than the store already holds, the triggers are dropped for
its duration and the index is rebuilt once at the end, which costs ~0.2 ms an article.

Every file is still stored in its own committed transaction. If the process is killed during
such an import, the stored articles stay but are missing from the index and the triggers are
gone; `repair_search_index` (run at the start of every import, and fit to run when a store opens)
notices the missing triggers and rebuilds the index.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from model.schema import Article

BULK_MIN_FILES = 500


def repair_search_index(sessions: sessionmaker[Session]) -> bool:
    """Restores triggers an interrupted bulk import left dropped, and rebuilds the index; True
    if a repair was needed."""
    from model.search.maintenance import ensure_fts, has_fts, rebuild_fts

    with sessions.begin() as session:
        if not has_fts(session):
            return False
        if not ensure_fts(session):
            return False
        rebuild_fts(session)
        return True


def worth_deferring(sessions: sessionmaker[Session], files: int,
                    min_files: int = BULK_MIN_FILES) -> bool:
    """True for an import large against the store: a rebuild re-reads every stored article."""
    if files < min_files:
        return False
    with sessions() as session:
        stored = session.scalar(select(func.count()).select_from(Article)) or 0
    return files > stored


@contextmanager
def index_deferred(sessions: sessionmaker[Session], enabled: bool) -> Iterator[None]:
    """Drops the index triggers while the block runs and rebuilds the index after it, even when
    the block is cancelled or fails."""
    if not enabled:
        yield
        return
    from model.search.maintenance import has_fts, rebuild_fts, suspend_fts

    with sessions.begin() as session:
        enabled = has_fts(session)
        if enabled:
            suspend_fts(session)
    try:
        yield
    finally:
        if enabled:
            with sessions.begin() as session:
                rebuild_fts(session)
