"""Storing imported files on one raw SQLite connection, each file in its own transaction.

An import of thousands of small files spends more in the database layer than in SQLite: a
Session transaction per file cost ~0.6 ms, each Core statement ~40 µs of compiling and result
set-up, against ~5 µs for the same prepared statement run by the sqlite3 module. So the writer
holds one DBAPI connection for the whole import, opens and commits each file's transaction by
hand, runs constant SQL strings (the sqlite3 module keeps them prepared) and inserts a file's
quotes with one executemany. Outlets and speakers are looked up once per import and kept in
dicts; aliases go in with INSERT OR IGNORE against their unique (speaker, alias) constraint.
`prepare` lets a large import hash and extract a group of files before storing them.

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
from model.ingest import OUTLET_COLOURS, content_hash
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

_UNRESOLVED: Any = object()

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
        # One cursor for every statement: Connection.execute makes a new one each time.
        self._cur = db.cursor()
        if db.in_transaction:
            db.rollback()
        # The ORM's DateTime stores text in its own format; use its converter, not str().
        processor = Article.__table__.c.published.type.bind_processor(engine.dialect)
        self._date: Callable[[Any], Any] = processor or (lambda value: value)
        self._forget()

    def _forget(self) -> None:
        # What prepare() worked out ahead, by article text: its digest, and its quotes unless
        # it looked like a duplicate then. add() takes each out as it stores the article.
        self._digests: dict[str, str] = {}
        self._found: dict[str, list[FoundQuote]] = {}
        self._outlets: dict[str, int] = {}
        self._speakers: dict[str, int] = {}
        # What one extractor result (name, aliases) resolved to, aliases already stored.
        self._resolved: dict[tuple[str, tuple[str, ...]], int | None] = {}

    def close(self) -> None:
        if self.db.in_transaction:
            self.db.rollback()
        self._cur.close()
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
        self._cur.execute("BEGIN IMMEDIATE")
        try:
            stored = quotes = duplicates = 0
            for number, art in enumerate(articles):
                if outlet:
                    art = replace(art, outlet=outlet)
                original = originals.get(number) if originals else None
                if original is not None and self.is_stored(art, self._digest(original)):
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

    def prepare(self, articles: list[ArticleIn], originals: dict[int, str] | None = None) -> None:
        """Hashes a file's articles and extracts the quotes of those not stored yet, before
        store_file stores them.

        Outside any transaction: store_file checks for duplicates again in its own, and an
        article found stored now is extracted then if it is not stored any more. Finding the
        quotes of a few files in a row, then storing them, spares the CPU's caches the switch
        between the extractor and SQLite at every file (see pipeline.iter_import).
        """
        for number, art in enumerate(articles):
            original = originals.get(number) if originals else None
            if original is not None:
                self._digests[original] = content_hash(original)
                if self.is_stored(art, self._digests[original]):
                    continue
            text = art.text
            digest = self._digests[text] = content_hash(text)
            if not self.is_stored(art, digest):
                self._found[text] = extract_quotes(text)

    def _digest(self, text: str) -> str:
        """The text's content hash, taken from what prepare() worked out when it did."""
        digest = self._digests.pop(text, None)
        return content_hash(text) if digest is None else digest

    def is_stored(self, art: ArticleIn, digest: str) -> bool:
        """True if an article with the same text (white space folded) or URL is stored."""
        cur = self._cur
        if cur.execute(_BY_HASH, (digest,)).fetchone() is not None:
            return True
        return bool(art.url) and cur.execute(_BY_URL, (art.url,)).fetchone() is not None

    def add(self, art: ArticleIn) -> tuple[int, int] | None:
        """Stores one article and its quotes in the open transaction, like Ingestor.add:
        (article id, quote count), or None if it is a duplicate."""
        text = art.text
        found = self._found.pop(text, None)
        digest = self._digest(text)
        if self.is_stored(art, digest):
            return None
        cur = self._cur
        outlet_id = self._outlet(art.outlet, art.outlet_domain)
        published = art.published
        if published is not None:
            published = self._date(published)
        cur.execute(
            _INSERT_ARTICLE,
            (outlet_id, art.title, art.url, art.author, published, text, digest,
             art.source_file),
        )
        article_id = cur.lastrowid
        assert article_id is not None
        if found is None:
            found = extract_quotes(text)
        rows = self._quote_rows(article_id, found)
        if rows:
            cur.executemany(_INSERT_QUOTE, rows)
        return article_id, len(rows)

    def _quote_rows(self, article_id: int, found: list[FoundQuote]) -> list[tuple[object, ...]]:
        resolved = self._resolved
        rows = []
        for q in found:
            speaker_id = None
            if q.speaker:
                key = (q.speaker, q.speaker_aliases)
                speaker_id = resolved.get(key, _UNRESOLVED)
                if speaker_id is _UNRESOLVED:
                    speaker_id = resolved[key] = self._speaker(q.speaker, q.speaker_aliases)
            rows.append((article_id, q.start, q.end, q.text, speaker_id, q.cue, q.paragraph))
        return rows

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
