"""The FTS5 indexes made by migration 0002 follow every insert, edit, re-tag and delete."""

from __future__ import annotations

import re

from sqlalchemy import select, text, update

from model.db import alembic_config, open_store
from model.sample import load_sample_if_empty
from model.schema import Article, Quote
from model.search import maintenance


def _fts_ids(conn, expression: str) -> set[int]:
    maintenance.sync_fts(conn)  # Core writes skip the Session's before-commit sync
    rows = conn.execute(
        text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH :q"), {"q": expression}
    )
    return {r[0] for r in rows}


def _store(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    return store


def test_index_follows_edits_deletes_and_soft_deletes(tmp_path):
    store = _store(tmp_path)
    with store.sessions.begin() as s:
        qid = s.scalars(select(Quote.id).limit(1)).first()
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
        conn.execute(text("INSERT INTO quote_fts(quote_fts) VALUES ('integrity-check')"))


def test_facets_follow_tags_speakers_and_deleted_articles(tmp_path):
    store = _store(tmp_path)
    with store.engine.begin() as conn:
        qid, article_id = conn.execute(text("SELECT id, article_id FROM quote LIMIT 1")).one()
        conn.execute(text("INSERT INTO tag(id, name) VALUES (7, 'x')"))
        conn.execute(text("INSERT INTO quote_tag(quote_id, tag_id) VALUES (:q, 7)"), {"q": qid})
        assert _fts_ids(conn, "facets:tag7") == {qid}
        conn.execute(text("DELETE FROM tag WHERE id = 7"))  # cascades to quote_tag
        assert _fts_ids(conn, "facets:tag7") == set()
        conn.execute(text("UPDATE quote SET speaker_id = NULL WHERE id = :q"), {"q": qid})
        assert qid not in _fts_ids(conn, "facets:spk*")
        conn.execute(text("DELETE FROM article WHERE id = :a"), {"a": article_id})
        maintenance.sync_fts(conn)
        left = {r[0] for r in conn.execute(text("SELECT rowid FROM quote_fts"))}
        live = {r[0] for r in conn.execute(text("SELECT id FROM quote WHERE deleted = 0"))}
        assert left == live
        assert qid not in left


def test_repair_copy_of_the_triggers_matches_the_migration(tmp_path):
    store = _store(tmp_path)
    squash = lambda sql: re.sub(r"\s+", " ", sql).strip()  # noqa: E731
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        have = {name: sql for name, sql in rows}
    for name, sql in maintenance.TRIGGERS.items():
        assert squash(have[name]) == squash(sql), name


def test_bulk_import_suspends_then_rebuilds_the_index(tmp_path):
    store = _store(tmp_path)
    with store.sessions.begin() as s:
        article_id = s.scalars(select(Article.id).limit(1)).first()
        with maintenance.bulk_import(s):
            s.execute(
                text(
                    "INSERT INTO quote(article_id, start, \"end\", text, paragraph, origin, "
                    "deleted, speaker_edited) VALUES (:a, 0, 5, 'okapis roam', 0, 'auto', 0, 0)"
                ),
                {"a": article_id},
            )
            assert _fts_ids(s.connection(), "okapis") == set()
        assert len(_fts_ids(s.connection(), "okapis")) == 1
    with store.engine.connect() as conn:
        assert maintenance.ensure_fts(conn) is False


def test_downgrade_and_upgrade_rebuild_the_index_without_deleted_quotes(tmp_path):
    from alembic import command

    store = _store(tmp_path)
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


def test_a_rolled_back_import_keeps_the_triggers(tmp_path):
    store = _store(tmp_path)
    with store.engine.connect() as conn:
        trans = conn.begin()
        maintenance.suspend_fts(conn)
        trans.rollback()
    with store.engine.connect() as conn:
        assert maintenance.ensure_fts(conn) is False  # nothing was missing


def test_commits_and_searches_bring_the_index_up_to_date(tmp_path):
    from model.search import SearchQuery, search

    store = _store(tmp_path)
    with store.sessions.begin() as s:
        qid = s.scalars(select(Quote.id).limit(1)).first()
        s.execute(update(Quote).where(Quote.id == qid).values(text="okapis everywhere"))
    with store.engine.connect() as conn:
        assert not maintenance.pending(conn)  # synced before the session committed
        hits = conn.execute(text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'okapis'"))
        assert [r[0] for r in hits] == [qid]
    with store.engine.begin() as conn:  # Core, outside any Session: left queued
        conn.execute(update(Quote).where(Quote.id == qid).values(text="zebus instead"))
        assert maintenance.pending(conn)
    with store.sessions() as s:
        assert search(s, SearchQuery("zebus")).ids == [qid]
        assert search(s, SearchQuery("okapis")).ids == []
