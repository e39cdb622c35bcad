"""Corrections a user makes in the reader, each with its undo."""

from __future__ import annotations

import pytest

from model import corrections, library
from model.db import open_store
from model.sample import load_sample_if_empty


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "corr.db")
    load_sample_if_empty(store.sessions)
    yield store
    store.close()


def _first_article(store):
    with store.sessions() as s:
        aid = library.first_article_id(s)
        return aid, library.article_detail(s, aid).text


def test_manual_quote_is_trimmed_added_and_removed(store):
    aid, text = _first_article(store)
    start = text.index("The bromance")
    with store.sessions.begin() as s:
        added = corrections.add_manual_quote(s, aid, start - 1, start + 32, "Ann Editor")
    assert added.text == "The bromance might not last much"
    with store.sessions() as s:
        assert added.id in library.article_quote_ids(s, aid)
        assert "Ann Editor" in library.speaker_names(s)
    with store.sessions.begin() as s:
        corrections.remove_manual_quote(s, added.id)
    with store.sessions() as s:
        assert added.id not in library.article_quote_ids(s, aid)


def test_an_empty_selection_is_refused(store):
    aid, _ = _first_article(store)
    with store.sessions.begin() as s, pytest.raises(corrections.CorrectionError):
        corrections.add_manual_quote(s, aid, 4, 4, None)


def test_speaker_change_and_its_undo(store):
    aid, _ = _first_article(store)
    with store.sessions.begin() as s:
        qid = library.article_quote_ids(s, aid)[0]
        before = library.quote_rows(s, [qid])[0].speaker
        change = corrections.change_speaker(s, qid, "Jeffrey Lewis")
    with store.sessions() as s:
        assert library.quote_rows(s, [qid])[0].speaker == "Jeffrey Lewis"
    with store.sessions.begin() as s:
        corrections.restore_speaker(s, change)
    with store.sessions() as s:
        assert library.quote_rows(s, [qid])[0].speaker == before


def test_delete_and_undelete(store):
    aid, _ = _first_article(store)
    with store.sessions.begin() as s:
        qid = library.article_quote_ids(s, aid)[0]
        assert corrections.set_deleted(s, qid, True) is False
    with store.sessions() as s:
        assert qid not in library.article_quote_ids(s, aid)
    with store.sessions.begin() as s:
        assert corrections.set_deleted(s, qid, False) is True
    with store.sessions() as s:
        assert qid in library.article_quote_ids(s, aid)


def test_corrections_keep_statements_in_step(store):
    """A deleted quote leaves its statement, undoing brings it back; a manual one joins."""
    from sqlalchemy import select

    from model.schema import Quote
    from model.statements import regroup_all, statement_detail, statement_of_quote

    with store.sessions.begin() as s:
        regroup_all(s)
        qid = s.scalars(
            select(Quote.id).where(Quote.text.like("I would be very disappointed if I saw%"))
        ).first()
        sid = statement_of_quote(s, qid)
        assert sid is not None
        carried = len(statement_detail(s, sid).versions)
    with store.sessions.begin() as s:
        corrections.set_deleted(s, qid, True)
    with store.sessions() as s:
        assert statement_of_quote(s, qid) is None
        assert len(statement_detail(s, sid).versions) == carried - 1
    with store.sessions.begin() as s:
        corrections.set_deleted(s, qid, False)
    with store.sessions() as s:
        back = statement_of_quote(s, qid)
        assert back is not None
        assert len(statement_detail(s, back).versions) == carried
