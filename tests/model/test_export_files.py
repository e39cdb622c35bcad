"""Exports read back exactly: nasty cells survive CSV, formulas are defused, JSONL matches."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select, update

from model import export, notes, tags
from model.db import open_store
from model.sample import load_sample_if_empty
from model.schema import Quote
from model.search import SearchQuery

NASTY = 'line one, with comma\nline "two"\r\nend'


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    with store.sessions.begin() as s:
        ids = list(s.scalars(select(Quote.id).order_by(Quote.id).limit(3)))
        notes.set_note(s, ids[0], NASTY)
        notes.set_note(s, ids[1], "=HYPERLINK(\"http://evil\")")
        s.execute(update(Quote).where(Quote.id == ids[2]).values(text="-2+3 is a formula"))
        a = tags.create_tag(s, "Zeta, with comma")
        b = tags.create_tag(s, "alpha")
        tags.assign_tag(s, a.id, ids[:1])
        tags.assign_tag(s, b.id, ids[:1])
    store.ids = ids
    return store


def read_csv(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data, newline="")))


def test_csv_round_trips_nasty_cells_and_defuses_formulas(store, tmp_path):
    out = tmp_path / "q.csv"
    with store.sessions() as s:
        summary = export.export_to_path(s, out, ids=store.ids)
    assert summary.rows == 3 and not summary.cancelled
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(raw.decode("utf-8"))
    assert list(rows[0]) == list(export.FIELDS)
    assert [int(r["quote_id"]) for r in rows] == store.ids
    assert rows[0]["note"] == NASTY
    assert rows[0]["tags"] == "alpha; Zeta, with comma"
    assert rows[1]["note"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[2]["quote"] == "'-2+3 is a formula"
    assert rows[0]["outlet"] and rows[0]["article_title"] and rows[0]["origin"] == "auto"
    assert int(rows[0]["end"]) > int(rows[0]["start"])


def test_bom_option_and_search_query_export(store, tmp_path):
    out = tmp_path / "q.csv"
    with store.sessions() as s:
        export.export_to_path(s, out, query=SearchQuery("", tag="alpha"), bom=True)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(raw.decode("utf-8-sig"))
    assert [int(r["quote_id"]) for r in rows] == store.ids[:1]


def test_jsonl_has_the_same_fields_unaltered(store):
    buf = io.StringIO()
    with store.sessions() as s:
        export.write_export(s, buf, ids=store.ids, fmt="jsonl")
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [r["quote_id"] for r in records] == store.ids
    assert list(records[0]) == list(export.FIELDS)
    assert records[0]["note"] == NASTY
    assert records[0]["tags"] == ["alpha", "Zeta, with comma"]
    assert records[1]["note"] == "=HYPERLINK(\"http://evil\")"


def test_whole_store_export_reports_progress_and_cancel_leaves_no_file(store, tmp_path):
    seen: list[tuple[int, int | None]] = []
    buf = io.StringIO()
    with store.sessions() as s:
        live = len(s.scalars(select(Quote.id).where(Quote.deleted.is_(False))).all())
        summary = export.write_export(s, buf, progress=lambda d, t: seen.append((d, t)))
        assert summary.rows == live == len(read_csv(buf.getvalue()))
        assert seen[-1] == (live, None)
        out = tmp_path / "never.csv"
        cancelled = export.export_to_path(s, out, cancelled=lambda: True)
    assert cancelled.cancelled and cancelled.rows == 0
    assert not out.exists() and not (tmp_path / "never.csv.part").exists()
