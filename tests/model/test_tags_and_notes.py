"""Tags and notes: every change, and what undoing it gives back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model import notes, tags
from model.db import open_store
from model.sample import load_sample_if_empty
from model.schema import Quote
from model.search import SearchQuery, search


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    return store


@pytest.fixture
def qids(store):
    with store.sessions() as s:
        return list(s.scalars(select(Quote.id).order_by(Quote.id).limit(6)))


def counts(store) -> dict[str, int]:
    with store.sessions() as s:
        return {t.name: t.count for t in tags.list_tags(s)}


def test_create_rename_recolour_and_refuse_clashes(store):
    with store.sessions.begin() as s:
        a = tags.create_tag(s, "  Economy  ")
        b = tags.create_tag(s, "Health", "#ff0000")
        assert a.name == "Economy" and a.colour
        with pytest.raises(tags.TagError, match="already exists"):
            tags.create_tag(s, "economy")
        with pytest.raises(tags.TagError, match="needs a name"):
            tags.create_tag(s, "   ")
        assert tags.rename_tag(s, a.id, "Money") == "Economy"
        with pytest.raises(tags.TagError):
            tags.rename_tag(s, a.id, "HEALTH")
        assert tags.recolour_tag(s, b.id, "#00ff00") == "#ff0000"
    with store.sessions() as s:
        assert [(t.name, t.colour) for t in tags.list_tags(s)] == [
            ("Health", "#00ff00"), ("Money", a.colour)
        ]


def test_assign_and_remove_many_return_only_what_changed(store, qids):
    with store.sessions.begin() as s:
        tag = tags.create_tag(s, "Economy")
        assert tags.assign_tag(s, tag.id, qids[:2]) == qids[:2]
        assert tags.assign_tag(s, tag.id, qids[:4]) == qids[2:4]
        assert tags.assign_tag(s, tag.id, [999_999]) == []
    assert counts(store) == {"Economy": 4}
    with store.sessions.begin() as s:
        assert sorted(tags.remove_tag(s, tag.id, qids)) == qids[:4]
        assert tags.remove_tag(s, tag.id, qids) == []
        # the quote list's search sees tags as soon as they are written
        tags.assign_tag(s, tag.id, qids[5:6])
        assert search(s, SearchQuery(tag="economy")).ids == qids[5:6]
        assert tags.tags_of(s, qids) == {qids[5]: ["Economy"]}


def test_merge_moves_quotes_and_undoes_exactly(store, qids):
    with store.sessions.begin() as s:
        src = tags.create_tag(s, "Econ")
        dst = tags.create_tag(s, "Economy")
        tags.assign_tag(s, src.id, qids[:3])
        tags.assign_tag(s, dst.id, qids[2:4])
        merged = tags.merge_tags(s, src.id, dst.id)
        assert merged.added == tuple(qids[:2])
    assert counts(store) == {"Economy": 4}
    with store.sessions.begin() as s:
        tags.unmerge_tags(s, merged)
    assert counts(store) == {"Econ": 3, "Economy": 2}


def test_delete_reports_usage_and_restore_brings_it_all_back(store, qids):
    with store.sessions.begin() as s:
        tag = tags.create_tag(s, "Doomed", "#123456")
        tags.assign_tag(s, tag.id, qids[:3])
        assert tags.tag_usage(s, tag.id) == 3
        removed = tags.delete_tag(s, tag.id)
        assert removed.quote_ids == tuple(qids[:3])
    assert counts(store) == {}
    with store.sessions.begin() as s:
        tags.restore_tag(s, removed)
    with store.sessions() as s:
        assert [(t.id, t.name, t.colour, t.count) for t in tags.list_tags(s)] == [
            (tag.id, "Doomed", "#123456", 3)
        ]


def test_notes_set_clear_and_return_the_old_one(store, qids):
    with store.sessions.begin() as s:
        assert notes.set_note(s, qids[0], "check, \"this\"") is None
        assert notes.set_note(s, qids[0], "   ") == "check, \"this\""
        assert notes.note_of(s, qids[0]) is None
        with pytest.raises(notes.NoteError):
            notes.set_note(s, 999_999, "x")
