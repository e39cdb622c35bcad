"""Renaming and merging outlets (the outlet list's F2 and Merge)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model.db import open_store
from model.ingest import Ingestor
from model.outlets import OutletError, OutletNameTaken, merge_outlets, rename_outlet
from model.records import ArticleIn
from model.schema import Article, Outlet


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store.db")
    with s.sessions.begin() as session:
        ingest = Ingestor(session)
        ingest.add(ArticleIn(outlet="The Guardian", text="One.", outlet_domain=None))
        ingest.add(ArticleIn(outlet="theguardian.com", text="Two.",
                             outlet_domain="theguardian.com"))
        ingest.add(ArticleIn(outlet="theguardian.com", text="Three."))
    yield s
    s.close()


def outlet_id(store, name: str) -> int:
    with store.sessions() as s:
        return s.scalar(select(Outlet.id).where(Outlet.name == name))


def articles_by_outlet(store) -> dict[str, list[str]]:
    with store.sessions() as s:
        rows = s.execute(select(Outlet.name, Article.text).join(Article).order_by(Article.id))
        out: dict[str, list[str]] = {}
        for name, text in rows:
            out.setdefault(name, []).append(text)
        return out


def test_rename_gives_the_outlet_its_new_name(store):
    oid = outlet_id(store, "theguardian.com")
    with store.sessions.begin() as s:
        assert rename_outlet(s, oid, "  Guardian   US ") == oid
    assert articles_by_outlet(store) == {"The Guardian": ["One."],
                                         "Guardian US": ["Two.", "Three."]}


def test_rename_to_a_taken_name_is_refused_unless_merging(store):
    source, target = outlet_id(store, "theguardian.com"), outlet_id(store, "The Guardian")
    with store.sessions.begin() as s, pytest.raises(OutletNameTaken) as err:
        rename_outlet(s, source, "The Guardian")
    assert err.value.existing_id == target
    with store.sessions.begin() as s:
        assert rename_outlet(s, source, "The Guardian", merge=True) == target
    assert articles_by_outlet(store) == {"The Guardian": ["One.", "Two.", "Three."]}


def test_merge_moves_articles_and_removes_the_source(store):
    source, target = outlet_id(store, "theguardian.com"), outlet_id(store, "The Guardian")
    with store.sessions.begin() as s:
        assert merge_outlets(s, source, target) == 2
    with store.sessions() as s:
        [(name, domain)] = s.execute(select(Outlet.name, Outlet.domain)).all()
    assert (name, domain) == ("The Guardian", "theguardian.com")


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_rename_refuses_empty_or_overlong_names(store, name):
    with store.sessions.begin() as s, pytest.raises(OutletError):
        rename_outlet(s, outlet_id(store, "The Guardian"), name)


def test_merge_into_itself_or_a_missing_outlet_is_refused(store):
    oid = outlet_id(store, "The Guardian")
    with store.sessions.begin() as s:
        with pytest.raises(OutletError):
            merge_outlets(s, oid, oid)
        with pytest.raises(OutletError):
            merge_outlets(s, oid, 9999)
