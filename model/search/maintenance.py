"""Keeping the FTS5 indexes in step: the queue of changed quotes, rebuilds, repairs.

FTS5 flushes its pending terms to a new segment at every statement that writes to it from a
trigger: measured on the 1M-quote store, ~1 ms per quote, whether the quotes come one statement
each or ten to a statement. So the quote triggers only note changed ids in `quote_fts_queue`
(a few µs), and `sync_fts` re-indexes every queued quote in three statements. It runs before each
commit of any Session (a listener registered on import of this module) and before a search, so
the index is in step with everything committed. Core connections that write quotes outside a
Session should call `sync_fts(conn)` before they commit, or leave it to the next search.

A first import of very many quotes can drop the triggers, insert, and rebuild in one pass
(`bulk_import`); the DDL is part of the caller's transaction, so a failed import rolls the
triggers back with its rows. `ensure_fts` recreates triggers a table rebuild (Alembic batch
mode) dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

# The same DDL migration 0002 runs; a migration stays frozen, this copy serves repairs and bulk
# imports. tests/model/test_search_fts_index.py checks the two agree.
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
QUOTE_FTS = f"CREATE VIRTUAL TABLE quote_fts USING fts5(text, facets, {TOKENIZE})"
FILL_QUOTE_FTS = (
    "INSERT INTO quote_fts(rowid, text, facets) SELECT id, text, facets FROM quote_fts_src"
)
_QUEUE = "INSERT OR IGNORE INTO quote_fts_queue(quote_id) VALUES ({id});"

TRIGGERS: dict[str, str] = {
    "quote_fts_ai": f"""CREATE TRIGGER quote_fts_ai AFTER INSERT ON quote BEGIN
        {_QUEUE.format(id="new.id")}
    END""",
    "quote_fts_ad": f"""CREATE TRIGGER quote_fts_ad AFTER DELETE ON quote BEGIN
        {_QUEUE.format(id="old.id")}
    END""",
    "quote_fts_au": f"""CREATE TRIGGER quote_fts_au
    AFTER UPDATE OF text, deleted, speaker_id, article_id ON quote
    BEGIN
        {_QUEUE.format(id="old.id")}
    END""",
    "quote_fts_tag_ai": f"""CREATE TRIGGER quote_fts_tag_ai AFTER INSERT ON quote_tag BEGIN
        {_QUEUE.format(id="new.quote_id")}
    END""",
    "quote_fts_tag_ad": f"""CREATE TRIGGER quote_fts_tag_ad AFTER DELETE ON quote_tag BEGIN
        {_QUEUE.format(id="old.quote_id")}
    END""",
    "quote_fts_article_au": """CREATE TRIGGER quote_fts_article_au
    AFTER UPDATE OF outlet_id, published ON article BEGIN
        INSERT OR IGNORE INTO quote_fts_queue(quote_id)
            SELECT id FROM quote WHERE article_id = new.id;
    END""",
    "article_fts_ai": """CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "article_fts_ad": """CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END""",
    "article_fts_au": """CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
}

_SYNC = (
    "DELETE FROM quote_fts WHERE rowid IN (SELECT quote_id FROM quote_fts_queue)",
    "INSERT INTO quote_fts(rowid, text, facets) SELECT id, text, facets FROM quote_fts_src "
    "WHERE id IN (SELECT quote_id FROM quote_fts_queue)",
    "DELETE FROM quote_fts_queue",
)


def _conn(where: Session | Connection) -> Connection:
    return where.connection() if isinstance(where, Session) else where


def _begin(conn: Connection) -> None:
    """Makes sure a transaction is open before DDL.

    Python's sqlite3 module opens its transaction only before INSERT, UPDATE or DELETE, so a
    DROP TRIGGER issued first would commit on its own and survive a rollback.
    """
    conn.exec_driver_sql("UPDATE tag SET id = id WHERE 0")


def has_fts(where: Session | Connection) -> bool:
    """False on a backend or schema without the SQLite FTS5 tables."""
    conn = _conn(where)
    if conn.dialect.name != "sqlite":
        return False
    found = conn.execute(
        text("SELECT count(*) FROM sqlite_master WHERE name IN ('quote_fts', 'article_fts')")
    ).scalar()
    return found == 2


def pending(where: Session | Connection) -> bool:
    """True when quotes changed since the index was last brought up to date."""
    row = _conn(where).exec_driver_sql("SELECT 1 FROM quote_fts_queue LIMIT 1").first()
    return row is not None


def sync_fts(where: Session | Connection) -> int:
    """Re-indexes the queued quotes (in the caller's transaction); returns how many."""
    conn = _conn(where)
    if not pending(conn):
        return 0
    n = conn.exec_driver_sql("SELECT count(*) FROM quote_fts_queue").scalar_one()
    for statement in _SYNC:
        conn.exec_driver_sql(statement)
    return int(n)


@event.listens_for(Session, "before_commit")
def _sync_before_commit(session: Session) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return
    # A store without the search tables (before migration 0002) has nothing to keep in step.
    with suppress(OperationalError):
        sync_fts(session)


def suspend_fts(where: Session | Connection) -> None:
    """Drops the index triggers: rows inserted from now on are not searchable until rebuild_fts.

    Part of the caller's transaction: a rollback brings the triggers back.
    """
    conn = _conn(where)
    _begin(conn)
    for name in TRIGGERS:
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))


def rebuild_fts(where: Session | Connection) -> None:
    """Re-reads every live quote and article into the indexes and restores the triggers."""
    conn = _conn(where)
    _begin(conn)
    # Dropping the table is far quicker than deleting a million rows one by one.
    conn.execute(text("DROP TABLE IF EXISTS quote_fts"))
    conn.execute(text(QUOTE_FTS))
    conn.execute(text(FILL_QUOTE_FTS))
    conn.execute(text("DELETE FROM quote_fts_queue"))
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('rebuild')"))
    ensure_fts(conn)


def ensure_fts(where: Session | Connection) -> bool:
    """Recreates any missing trigger; True if one was missing (then call rebuild_fts)."""
    conn = _conn(where)
    have = {
        r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    }
    missing = [name for name in TRIGGERS if name not in have]
    for name in missing:
        conn.execute(text(TRIGGERS[name]))
    return bool(missing)


def optimize_fts(where: Session | Connection) -> None:
    """Merges the index segments; worth it after a large import (queries read fewer pages)."""
    conn = _conn(where)
    conn.execute(text("INSERT INTO quote_fts(quote_fts) VALUES ('optimize')"))
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('optimize')"))


@contextmanager
def bulk_import(session: Session) -> Iterator[None]:
    """Within the caller's transaction: triggers off, the caller inserts, one rebuild at the end.

    Only worth it when the import adds more rows than the store already holds: a rebuild re-reads
    every quote.
    """
    suspend_fts(session)
    yield
    rebuild_fts(session)


def repair_search_index(sessions: sessionmaker[Session]) -> bool:
    """Restores triggers an interrupted bulk import left dropped, and rebuilds the index; True
    if a repair was needed."""
    with sessions.begin() as session:
        if not has_fts(session):
            return False
        if not ensure_fts(session):
            return False
        rebuild_fts(session)
        return True
