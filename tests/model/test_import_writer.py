"""The importer's raw-connection writer stores what the Session-based Ingestor stores, and the
faster helpers around it (content hash, titles, repeated lines, folder walk) answer as before."""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

import model.importing.pipeline as pipeline
from model.db import open_store
from model.importing import ImportOptions, expand_paths, import_paths
from model.importing.cleaning import clean_text
from model.importing.pipeline import parse_file
from model.importing.textutil import first_line_title
from model.ingest import Ingestor, content_hash
from model.records import ArticleIn
from model.schema import Article, Outlet, Quote, Speaker, SpeakerAlias
from model.search.maintenance import TRIGGERS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def stored(store) -> dict[str, object]:
    """Everything a user could see of the stored articles, quotes and speakers, without ids."""
    with store.sessions() as s:
        speakers = dict(s.execute(select(Speaker.id, Speaker.name)).all())
        articles = [
            (outlet, a.title, a.url, a.author, a.published, a.text, a.content_hash)
            for a, outlet in s.execute(
                select(Article, Outlet.name).join(Outlet).order_by(Article.id))
        ]
        quotes = [
            (q.start, q.end, q.text, speakers.get(q.speaker_id), q.cue, q.paragraph, q.origin,
             q.deleted, q.speaker_edited, q.note)
            for q in s.scalars(select(Quote).order_by(Quote.article_id, Quote.start))
        ]
        aliases = {(speakers[a.speaker_id], a.alias) for a in s.scalars(select(SpeakerAlias))}
        outlets = set(s.execute(select(Outlet.name, Outlet.domain, Outlet.colour)).all())
    return {"articles": articles, "quotes": quotes, "aliases": aliases, "outlets": outlets,
            "speakers": sorted(speakers.values())}


def test_import_stores_exactly_what_the_ingestor_stores(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in [
        {"title": "Talks", "url": "https://example.com/a", "author": "Jo Lee",
         "date": "2024-03-05T10:30:00", "source": "Example News",
         "text": "Talks\n\n“We are close,” said Dr. Jeffrey Lewis.\n“Not yet,” Lewis added."},
        {"title": "More", "date": "2023-12-31",
         "text": "More\n\n“It will take time,” Melissa Hanham said on Friday."},
    ]), encoding="utf-8")
    sample = FIXTURES / "dailymail_sample.txt"

    by_import = open_store(tmp_path / "import.db")
    by_ingestor = open_store(tmp_path / "ingestor.db")
    try:
        report = import_paths(by_import, [dump, sample])
        assert report.summary() == "imported 3, duplicates 0, failed 0"
        with by_ingestor.sessions.begin() as s:
            ingest = Ingestor(s)
            for path in (dump, sample):
                for art in parse_file(path, ImportOptions()).articles:
                    ingest.add(art)
        got, want = stored(by_import), stored(by_ingestor)
        assert got == want
        assert len(got["quotes"]) >= 3 and got["articles"][0][4] is not None
    finally:
        by_import.close()
        by_ingestor.close()


def test_a_sqlite_error_mid_file_keeps_nothing_of_that_file(store, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Story A\n\n“One,” said Ann Fox.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Story B\n\n“Two,” said Ann Fox.\n", encoding="utf-8")
    real_add = pipeline.ArticleWriter.add

    def add_then_fail(self, art):
        result = real_add(self, art)
        if art.text.startswith("Story A"):
            raise sqlite3.OperationalError("database or disk is full")
        return result

    monkeypatch.setattr(pipeline.ArticleWriter, "add", add_then_fail)
    report = import_paths(store, [tmp_path])
    assert [(r.path.name, r.status, r.error) for r in report.results] == [
        ("a.txt", "failed", "could not store: database or disk is full"),
        ("b.txt", "imported", None),
    ]
    with store.sessions() as s:
        assert list(s.scalars(select(Article.title))) == ["Story B"]
        assert list(s.scalars(select(Speaker.name))) == ["Ann Fox"]


def search(store, table: str, word: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(
            text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :w"), {"w": word}).scalar()


def triggers(store) -> set[str]:
    with store.engine.connect() as conn:
        return {r[0] for r in conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}


def write_stories(folder: Path, words: list[str]) -> None:
    folder.mkdir()
    for word in words:
        (folder / f"{word}.txt").write_text(
            f"About the {word}\n\n“The {word} matters,” said Ann Fox.\n", encoding="utf-8")


def test_an_import_indexed_in_batches_is_searchable_and_keeps_its_triggers(store, tmp_path):
    write_stories(tmp_path / "one", ["walrus"])
    import_paths(store, [tmp_path / "one"])
    write_stories(tmp_path / "many", ["pelican", "heron", "otter", "badger"])
    options = ImportOptions(index_batch_min_files=2, bulk_index_min_files=1000)
    report = import_paths(store, [tmp_path / "many"], options)
    assert report.articles == 4
    for word in ("walrus", "pelican", "heron", "otter", "badger"):
        assert search(store, "article_fts", word) == 1
        assert search(store, "quote_fts", word) == 1
    assert set(TRIGGERS) <= triggers(store)
    # A later single file goes through the restored trigger.
    write_stories(tmp_path / "last", ["stoat"])
    import_paths(store, [tmp_path / "last"])
    assert search(store, "article_fts", "stoat") == 1
    assert search(store, "quote_fts", "stoat") == 1


def test_quotes_another_writer_adds_during_a_batched_import_are_searchable(store, tmp_path):
    write_stories(tmp_path / "one", ["walrus"])
    import_paths(store, [tmp_path / "one"])
    write_stories(tmp_path / "many", ["pelican", "heron", "otter"])
    options = ImportOptions(index_batch_min_files=2, bulk_index_min_files=1000)

    def meanwhile(_result: object) -> None:  # the window stores an article between two files
        if search(store, "article_fts", "pelican") == 0:
            with store.sessions.begin() as s:
                Ingestor(s).add(ArticleIn(outlet="X", text="“The gannet dives,” said Bo Lin."))

    import_paths(store, [tmp_path / "many"], options, on_result=meanwhile)
    assert search(store, "quote_fts", "gannet") == 1
    for word in ("pelican", "heron", "otter"):
        assert search(store, "quote_fts", word) == 1
    assert set(TRIGGERS) <= triggers(store)


def test_articles_stored_while_the_article_trigger_was_dropped_are_found_after_next_import(
    store, tmp_path
):
    # What a batched import killed half-way leaves: its trigger gone, an article not indexed.
    with store.sessions.begin() as s:
        s.connection().execute(text("DROP TRIGGER article_fts_ai"))
        Ingestor(s).add(ArticleIn(outlet="X", text="The walrus speaks.", title="Walrus"))
    assert search(store, "article_fts", "walrus") == 0
    write_stories(tmp_path / "next", ["heron"])
    import_paths(store, [tmp_path / "next"])
    assert search(store, "article_fts", "walrus") == 1
    assert set(TRIGGERS) <= triggers(store)


def test_content_hash_folds_every_kind_of_white_space_as_before():
    def reference(value: str) -> str:
        return hashlib.sha256(" ".join(value.split()).encode("utf-8")).hexdigest()

    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    others = [*"ab“”—é«©\u200b\u2010\u2030\u00ad", "xy"]
    rng = random.Random(7)
    for _ in range(3000):
        value = "".join(rng.choice(spaces + others) for _ in range(rng.randint(0, 10)))
        assert content_hash(value) == reference(value), repr(value)
    for space in spaces:
        assert content_hash(f"a{space}“b”") == reference(f"a{space}“b”")
    assert content_hash("One  two\n\nthree") == content_hash("One two three")


@pytest.mark.parametrize("value, title", [
    ("\n\n   The  headline \r\nBody", "The headline"),
    ("Line one\u2028Line two", "Line one"),
    ("\x0c\x0cTitle\x1cRest", "Title"),
    ("   ", ""),
    ("", ""),
])
def test_title_is_the_first_non_empty_line(value, title):
    assert first_line_title(value) == title


def test_a_line_repeated_with_other_spacing_is_kept_once():
    assert clean_text("Caption  one\nCaption one\t\nBody\n") == "Caption  one\nBody\n"
    assert clean_text("Caption one\n\nCaption one\n") == "Caption one\n\nCaption one\n"
    assert clean_text("One two.\nOne three two.\n") == "One two.\nOne three two.\n"


def test_folders_are_walked_in_path_order_without_duplicates(tmp_path):
    for rel in ("in/b.txt", "in/a b/z.txt", "in/a/y.txt", "in/A.txt", "in/.hidden/x.txt",
                "in/logo.PNG", "in/a/c.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    root = tmp_path / "in"
    got = expand_paths([root / "a" / "y.txt", root, tmp_path / "gone.txt"])
    assert got == [
        root / "a" / "y.txt",
        root / "A.txt",
        root / "a" / "c.txt",
        root / "a b" / "z.txt",
        root / "b.txt",
        tmp_path / "gone.txt",
    ]
