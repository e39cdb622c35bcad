"""Storing imported files on one raw SQLite connection, each file in its own transaction.

An import of thousands of small files spends more in the database layer than in SQLite: a
Session transaction per file cost ~0.6 ms, each Core statement ~40 µs of compiling and result
set-up, against ~5 µs for the same prepared statement run by the sqlite3 module. So the writer
holds one DBAPI connection for the whole import, opens and commits each file's transaction by
hand, runs constant SQL strings (the sqlite3 module keeps them prepared) and inserts a file's
quotes with one executemany. Outlets and speakers are looked up once per import and kept in
dicts; aliases go in with INSERT OR IGNORE against their unique (speaker, alias) constraint.

The SQL here names the columns of model/schema.py; tests/model/test_import_writer.py checks that
what it stores reads back through the ORM exactly as the Session-based Ingestor's rows do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine

from model.extract import FoundQuote, extract_quotes
from model.importing.hashing import content_hash
from model.ingest import OUTLET_COLOURS
from model.records import ArticleIn
from model.schema import Article
from model.speakers import speaker_key, tidy_name

_BY_HASH = "SELECT 1 FROM article WHERE content_hash = ? LIMIT 1"
_BY_URL = "SELECT 1 FROM article WHERE url = ? LIMIT 1"
_INSERT_ARTICLE = (
    "INSERT INTO article (outlet_id, title, url, author, published, text, content_hash, "
    "source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE = (
    'INSERT INTO quote (article_id, start, "end", text, speaker_id, cue, paragraph, origin, '
    "deleted, speaker_edited, note) VALUES (?, ?, ?, ?, ?, ?, ?, 'auto', 0, 0, NULL)"
)
_OUTLET = "SELECT id FROM outlet WHERE name = ?"
_OUTLET_COUNT = "SELECT count(*) FROM outlet"
_INSERT_OUTLET = "INSERT INTO outlet (name, domain, colour) VALUES (?, ?, ?)"
_SPEAKER = "SELECT id FROM speaker WHERE key = ? LIMIT 1"
_INSERT_SPEAKER = "INSERT INTO speaker (name, key) VALUES (?, ?)"
_INSERT_ALIAS = "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias) VALUES (?, ?)"

Counts = tuple[int, int, int]  # articles stored, quotes stored, duplicates skipped


class ArticleWriter:
    """Writes articles and their extracted quotes through one raw connection of the engine.

    `store_file` is one transaction; after a failed one the caches are dropped, since they may
    name outlets or speakers that were rolled back. Use as a context manager, or call close().
    """

    def __init__(self, engine: Engine) -> None:
        self._fairy = engine.raw_connection()
        db = self._fairy.driver_connection
        assert isinstance(db, sqlite3.Connection), "the raw writer needs SQLite"
        self.db: sqlite3.Connection = db
        if db.in_transaction:
            db.rollback()
        # The ORM's DateTime stores text in its own format; use its converter, not str().
        processor = Article.__table__.c.published.type.bind_processor(engine.dialect)
        self._date: Callable[[Any], Any] = processor or (lambda value: value)
        self._forget()

    def _forget(self) -> None:
        self._outlets: dict[str, int] = {}
        self._speakers: dict[str, int] = {}
        # What one extractor result (name, aliases) resolved to, aliases already stored.
        self._resolved: dict[tuple[str, tuple[str, ...]], int | None] = {}

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.rollback()
        self._fairy.close()

    def __enter__(self) -> ArticleWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def store_file(
        self,
        articles: list[ArticleIn],
        originals: dict[int, str] | None = None,
        outlet: str | None = None,
    ) -> Counts:
        """Stores one file's articles in one transaction: (articles, quotes, duplicates).

        `originals` maps an article's number to its text before cleaning, so a copy stored
        uncleaned still counts as a duplicate; `outlet` overrides every article's outlet.
        """
        db = self.db
        # IMMEDIATE takes the write lock up front: the duplicate checks and the inserts then
        # see one state of the store even with the window writing at the same time.
        db.execute("BEGIN IMMEDIATE")
        try:
            stored = quotes = duplicates = 0
            for number, art in enumerate(articles):
                if outlet:
                    art = replace(art, outlet=outlet)
                original = originals.get(number) if originals else None
                if original is not None and self.is_stored(art, content_hash(original)):
                    duplicates += 1
                    continue
                added = self.add(art)
                if added is None:
                    duplicates += 1
                else:
                    stored += 1
                    quotes += added[1]
            db.commit()
        except BaseException:
            if db.in_transaction:
                db.rollback()
            self._forget()
            raise
        return stored, quotes, duplicates

    def is_stored(self, art: ArticleIn, digest: str) -> bool:
        """True if an article with the same text (white space folded) or URL is stored."""
        db = self.db
        if db.execute(_BY_HASH, (digest,)).fetchone() is not None:
            return True
        return bool(art.url) and db.execute(_BY_URL, (art.url,)).fetchone() is not None

    def add(self, art: ArticleIn) -> tuple[int, int] | None:
        """Stores one article and its quotes in the open transaction, like Ingestor.add:
        (article id, quote count), or None if it is a duplicate."""
        digest = content_hash(art.text)
        if self.is_stored(art, digest):
            return None
        db = self.db
        outlet_id = self._outlet(art.outlet, art.outlet_domain)
        article_id = db.execute(
            _INSERT_ARTICLE,
            (outlet_id, art.title, art.url, art.author, self._date(art.published), art.text,
             digest, art.source_file),
        ).lastrowid
        assert article_id is not None
        rows = [self._quote_row(article_id, q) for q in extract_quotes(art.text)]
        if rows:
            db.executemany(_INSERT_QUOTE, rows)
        return article_id, len(rows)

    def _quote_row(self, article_id: int, q: FoundQuote) -> tuple[object, ...]:
        speaker_id = None
        if q.speaker:
            key = (q.speaker, q.speaker_aliases)
            if key in self._resolved:
                speaker_id = self._resolved[key]
            else:
                speaker_id = self._resolved[key] = self._speaker(q.speaker, q.speaker_aliases)
        return (article_id, q.start, q.end, q.text, speaker_id, q.cue, q.paragraph)

    def _outlet(self, name: str, domain: str | None) -> int:
        name = name.strip() or "Unknown outlet"
        oid = self._outlets.get(name)
        if oid is None:
            db = self.db
            row = db.execute(_OUTLET, (name,)).fetchone()
            if row is None:
                count = db.execute(_OUTLET_COUNT).fetchone()[0]
                colour = OUTLET_COLOURS[count % len(OUTLET_COLOURS)]
                oid = db.execute(_INSERT_OUTLET, (name, domain, colour)).lastrowid
                assert oid is not None
            else:
                oid = row[0]
            self._outlets[name] = oid
        return oid

    def _speaker(self, name: str, aliases: tuple[str, ...]) -> int | None:
        """The speaker's id, created on first sight, with the forms it appeared under."""
        name = tidy_name(name)
        if not name:
            return None
        key = speaker_key(name)
        sid = self._speakers.get(key)
        db = self.db
        if sid is None:
            row = db.execute(_SPEAKER, (key,)).fetchone()
            if row is None:
                sid = db.execute(_INSERT_SPEAKER, (name, key)).lastrowid
                assert sid is not None
            else:
                sid = row[0]
            self._speakers[key] = sid
        forms = dict.fromkeys(tidy_name(a) for a in (name, *aliases))
        db.executemany(_INSERT_ALIAS, [(sid, form) for form in forms if form])
        return sid
