"""Keeping the full-text index cheap during a large first import, and whole afterwards.

The index triggers cost about a third of an import's time (~1.7 ms of ~5.4 ms an article here).
When an import brings more articles than the store already holds, the triggers are dropped for
its duration and the index is rebuilt once at the end, which costs ~0.2 ms an article. Other
imports of many files index their articles in batches (ArticleIndexBatches).

Every file is still stored in its own committed transaction. If the process is killed during
such an import, the stored articles stay but are missing from the index and the triggers are
gone; `repair_search_index` (run at the start of every import, and fit to run when a store opens)
notices the missing triggers and rebuilds the index.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from model.schema import Article
from model.search.maintenance import repair_search_index  # noqa: F401 (re-exported)

BULK_MIN_FILES = 500
BATCH_MIN_FILES = 50
BATCH_ARTICLES = 256
# What the article_fts_ai trigger of migration 0002 does, for every article past a mark.
_INDEX_NEW_ARTICLES = text(
    "INSERT INTO article_fts(rowid, title, text) SELECT id, title, text FROM article "
    "WHERE id > :mark"
)
_LAST_ARTICLE = text("SELECT coalesce(max(id), 0) FROM article")
# What the quote_fts_ai trigger does (queue the id for sync_fts), for every quote past a mark.
_QUEUE_NEW_QUOTES = text(
    "INSERT OR IGNORE INTO quote_fts_queue(quote_id) SELECT id FROM quote WHERE id > :mark"
)
_LAST_QUOTE = text("SELECT coalesce(max(id), 0) FROM quote")
_BATCHED_TRIGGERS = ("article_fts_ai", "quote_fts_ai")


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


class ArticleIndexBatches:
    """Indexes an import's articles a few hundred at a time instead of one per transaction.

    FTS5 writes a new index segment at every commit and merges them as they pile up: with the
    article trigger on, each one-file transaction cost ~0.6 ms more (5,000-character articles,
    2,000 into a store as large), against ~0.25 ms an article when 256 go in at once. So for the
    import's duration the article trigger is dropped, and every BATCH_ARTICLES stored articles
    (and at the end) the articles past the last mark are indexed, and the queued quotes synced,
    in a transaction of their own. Each file is still committed on its own.

    The quote trigger goes too: it only queues the new quote's id, but that is one more
    statement per quote and one more page in every file's commit (~30 µs an article). The
    quotes past the mark are queued at each catch-up instead, whoever added them.

    Searches during the import lag by fewer than BATCH_ARTICLES articles. If the process dies
    meanwhile the triggers are missing and `repair_search_index` (run at the start of the next
    import) restores them and rebuilds the index.
    """

    def __init__(self, sessions: sessionmaker[Session], enabled: bool) -> None:
        self._sessions = sessions
        self._enabled = enabled
        self._has_fts = False
        self._mark = 0
        self._quote_mark = 0
        self._pending = 0

    def __enter__(self) -> ArticleIndexBatches:
        from model.search.maintenance import has_fts

        with self._sessions.begin() as session:
            self._has_fts = has_fts(session)
            self._enabled = self._enabled and self._has_fts and _has_triggers(session)
            if self._enabled:
                conn = session.connection()
                for name in _BATCHED_TRIGGERS:
                    conn.execute(text(f"DROP TRIGGER {name}"))
                self._mark = conn.execute(_LAST_ARTICLE).scalar_one()
                self._quote_mark = conn.execute(_LAST_QUOTE).scalar_one()
        return self

    def stored(self, articles: int) -> None:
        """Counts a committed file's articles; indexes them once enough have piled up."""
        self._pending += articles
        if self._pending >= BATCH_ARTICLES:
            self._catch_up(final=False)

    def __exit__(self, *_exc: object) -> None:
        self._catch_up(final=True)

    def _catch_up(self, final: bool) -> None:
        if not self._has_fts:
            return
        from model.search.maintenance import ensure_fts, sync_fts

        with self._sessions.begin() as session:
            if self._enabled:
                conn = session.connection()
                conn.execute(_INDEX_NEW_ARTICLES, {"mark": self._mark})
                mark = conn.execute(_LAST_ARTICLE).scalar_one()
                conn.execute(_QUEUE_NEW_QUOTES, {"mark": self._quote_mark})
                quote_mark = conn.execute(_LAST_QUOTE).scalar_one()
                if final:
                    ensure_fts(session)
            sync_fts(session)
        if self._enabled:
            self._mark, self._quote_mark = mark, quote_mark
        self._pending = 0


def _has_triggers(session: Session) -> bool:
    found = session.connection().execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
             f"({', '.join(repr(name) for name in _BATCHED_TRIGGERS)})")
    ).scalar()
    return found == len(_BATCHED_TRIGGERS)
