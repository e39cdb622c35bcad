"""The FTS5 indexes made by migration 0002 follow every insert, edit and delete of a quote."""

from __future__ import annotations

from sqlalchemy import text, update

from model.db import alembic_config, open_store
from model.sample import load_sample_if_empty
from model.schema import Quote


def _fts_ids(conn, words: str) -> set[int]:
    rows = conn.execute(text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH :q"), {"q": words})
    return {r[0] for r in rows}


def test_index_follows_edits_deletes_and_soft_deletes(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    with store.sessions.begin() as s:
        qid = s.scalars(Quote.__table__.select().with_only_columns(Quote.id).limit(1)).first()
        s.execute(update(Quote).where(Quote.id == qid).values(text="zebras é café"))
    with store.engine.connect() as conn:
        assert _fts_ids(conn, "zebras") == {qid}
        assert _fts_ids(conn, "cafe") == {qid}  # accents folded
    with store.sessions.begin() as s:
        s.execute(update(Quote).where(Quote.id == qid).values(deleted=True))
    with store.engine.connect() as conn:
        assert _fts_ids(conn, "zebras") == set()
    with store.sessions.begin() as s:
        s.execute(update(Quote).where(Quote.id == qid).values(deleted=False))
    with store.engine.begin() as conn:
        assert _fts_ids(conn, "zebras") == {qid}
        conn.execute(text("DELETE FROM quote WHERE id = :i"), {"i": qid})
        assert _fts_ids(conn, "zebras") == set()
        conn.execute(text("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)"))


def test_downgrade_and_upgrade_rebuild_the_index_without_deleted_quotes(tmp_path):
    from alembic import command

    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    with store.engine.begin() as conn:
        live = {r[0] for r in conn.execute(text("SELECT id FROM quote"))}
        gone = min(live)
        conn.execute(text("UPDATE quote SET deleted = 1 WHERE id = :i"), {"i": gone})
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        command.upgrade(cfg, "0002")
    with store.engine.connect() as conn:
        indexed = {r[0] for r in conn.execute(text("SELECT rowid FROM quote_fts"))}
    assert indexed == live - {gone}
