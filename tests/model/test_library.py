"""The reader's read queries, on a store holding the sample story."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from model import library
from model.db import open_store
from model.sample import load_sample_if_empty
from model.schema import Quote, Tag, quote_tag


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "lib.db")
    load_sample_if_empty(store.sessions)
    yield store
    store.close()


def test_outlets_list_each_sample_outlet_with_its_one_article(store):
    with store.sessions() as s:
        rows = library.outlets_with_counts(s)
    assert len(rows) == 5
    assert {r.article_count for r in rows} == {1}
    assert [r.name.lower() for r in rows] == sorted(r.name.lower() for r in rows)


def test_article_detail_and_spans_match_the_text(store):
    with store.sessions() as s:
        aid = library.first_article_id(s)
        detail = library.article_detail(s, aid)
        spans = library.quote_spans(s, aid)
        texts = [q.text for q in library.quote_rows(s, [sp.id for sp in spans])]
    assert detail is not None and detail.outlet_name == "HuffPost UK"
    assert spans, "the sample's first article has quotes"
    assert [detail.text[sp.start : sp.end] for sp in spans] == texts


def test_quote_rows_keep_the_order_asked_and_carry_tags(store):
    with store.sessions.begin() as s:
        ids = library.all_quote_ids(s)[:5]
        tid = s.execute(insert(Tag).values(name="nuclear", colour="#ff0000").returning(Tag.id))
        tid = tid.scalar_one()
        s.execute(insert(quote_tag).values(quote_id=ids[1], tag_id=tid))
    with store.sessions() as s:
        rows = library.quote_rows(s, list(reversed(ids)))
    assert [r.id for r in rows] == list(reversed(ids))
    tagged = next(r for r in rows if r.id == ids[1])
    assert tagged.tags == (library.TagChip("nuclear", "#ff0000"),)


def test_deleted_quotes_leave_every_list(store):
    with store.sessions.begin() as s:
        aid = library.first_article_id(s)
        before = library.article_quote_ids(s, aid)
        s.execute(Quote.__table__.update().where(Quote.id == before[0]).values(deleted=True))
    with store.sessions() as s:
        assert before[0] not in library.article_quote_ids(s, aid)
        assert before[0] not in library.all_quote_ids(s)
        counts = library.store_counts(s)
        live = s.scalars(select(Quote.id).where(Quote.deleted.is_(False))).all()
    assert counts.outlets == 5 and counts.articles == 5 and counts.quotes == len(live)


def test_article_pages_of_an_outlet(store):
    with store.sessions() as s:
        outlet = library.outlets_with_counts(s)[0]
        assert len(library.article_headers(s, outlet.id, 0, 10)) == 1
        assert library.article_headers(s, outlet.id, 1, 10) == []


def test_quick_open_finds_the_same_head_as_alembic(tmp_path):
    from model.db import head_revision
    from model.quick_open import head_from_files, open_store_quickly

    store = open_store_quickly(tmp_path / "fresh.db")  # a new store: migrated by the fallback
    assert head_from_files() == head_revision(store.engine)
    with store.sessions() as s:
        assert library.store_counts(s).articles == 0
    store.close()
    again = open_store_quickly(tmp_path / "fresh.db")
    with again.sessions() as s:
        assert library.outlets_with_counts(s) == []
    again.close()
