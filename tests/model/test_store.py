"""The store: schema from migrations, the sample story, corrections that survive re-extraction."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import func, inspect, select, update

from model.db import current_revision, head_revision, open_store
from model.ingest import reextract
from model.sample import load_sample_if_empty
from model.schema import Article, Base, Outlet, Quote


def test_migrations_create_every_table_and_index_the_models_declare(tmp_path):
    store = open_store(tmp_path / "s.db")
    insp = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        assert insp.has_table(table.name), table.name
        have = {i["name"] for i in insp.get_indexes(table.name)}
        want = {i.name for i in table.indexes}
        assert want <= have, (table.name, want - have)
    assert current_revision(store.engine) == head_revision(store.engine)


def test_sample_loads_once_into_an_empty_store(tmp_path):
    store = open_store(tmp_path / "s.db")
    assert load_sample_if_empty(store.sessions) is True
    assert load_sample_if_empty(store.sessions) is False
    with store.sessions() as s:
        names = set(s.scalars(select(Outlet.name)))
        assert names == {
            "HuffPost UK", "Inquisitr", "Newsweek", "Daily Mail", "The Washington Post",
        }
        assert s.scalar(select(func.count()).select_from(Article)) == 5
        for q in s.scalars(select(Quote)):
            assert q.article.text[q.start : q.end] == q.text


def test_corrections_survive_reextraction(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    with store.sessions.begin() as s:
        art = s.scalars(select(Article).order_by(Article.id)).first()
        quotes = s.scalars(select(Quote).where(Quote.article_id == art.id)).all()
        dropped, edited = quotes[0].id, quotes[1].id
        s.execute(update(Quote).where(Quote.id == dropped).values(deleted=True))
        s.execute(
            update(Quote).where(Quote.id == edited).values(speaker_id=None, speaker_edited=True)
        )
        manual = Quote(
            article_id=art.id, start=0, end=10, text=art.text[:10], origin="manual",
            paragraph=0,
        )
        s.add(manual)
        s.flush()
        manual_id, article_id = manual.id, art.id
    with store.sessions.begin() as s:
        reextract(s, article_id)
    with store.sessions() as s:
        assert s.get(Quote, dropped).deleted is True
        assert s.get(Quote, edited).speaker_id is None
        assert s.get(Quote, manual_id).origin == "manual"


def test_model_never_imports_qt():
    code = (
        "import sys, model.db, model.ingest, model.sample, model.extract, model.cli.extract;"
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_store_made_by_the_first_version_upgrades_without_losing_a_row(tmp_path):
    from sqlalchemy import text

    from model.db import make_engine, to_url, upgrade

    path = tmp_path / "old.db"
    engine = make_engine(to_url(path))
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO outlet (id, name) VALUES (1, 'Old Outlet')"))
        conn.execute(text(
            "INSERT INTO article (id, outlet_id, title, text, content_hash) "
            "VALUES (1, 1, 'Old story', 'He said “we will rebuild” on Monday.', 'h')"
        ))
        conn.execute(text("INSERT INTO speaker (id, name, key) VALUES (1, 'Jane Doe', 'jane doe')"))
        conn.execute(text(
            "INSERT INTO quote (id, article_id, start, \"end\", text, speaker_id, paragraph, "
            "origin, deleted, speaker_edited, note) "
            "VALUES (1, 1, 9, 24, 'we will rebuild', 1, 0, 'manual', 0, 1, 'checked')"
        ))
        conn.execute(text("INSERT INTO tag (id, name) VALUES (1, 'economy')"))
        conn.execute(text("INSERT INTO quote_tag (quote_id, tag_id) VALUES (1, 1)"))
    engine.dispose()

    store = open_store(path)
    assert current_revision(store.engine) == head_revision(store.engine)
    with store.sessions() as s:
        q = s.get(Quote, 1)
        assert (q.text, q.origin, q.note, q.speaker.name) == (
            "we will rebuild", "manual", "checked", "Jane Doe"
        )
        assert [t.name for t in q.tags] == ["economy"]
        assert s.get(Article, 1).title == "Old story"
    from model.search import SearchQuery, search

    with store.sessions() as s:
        assert search(s, SearchQuery(text="rebuild")).ids == [1]
