"""Quote and article search on SQLite FTS5, choosing each query's plan by how much it matches.

Measured on 1,000,000 quotes: reading an FTS5 match in rowid order and stopping at a page costs
under 1 ms whatever the words; ranking by bm25 costs about 3.4 µs per matching row (2 s for a
word in most quotes); probing the index once per quote costs 50-300 µs. So every query is one
FTS5 expression (words AND the filters' facet tokens) read in rowid order, and a match set is
ranked or sorted only after a capped count shows it small. Larger sets come newest first, with
a note; a filtered list without words can still be read in date, speaker or outlet order by
walking that index.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress

from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from model.search.filters import Filters, resolve
from model.search.maintenance import sync_fts
from model.search.query import ParsedQuery, fallback, parse
from model.search.types import SearchQuery, SearchResult, Sort

COUNT_CAP = 5_000  # count matches exactly up to here (1-10 ms), else say "5,000+"
RANK_CAP = 2_000  # bm25 over at most this many rows (~10 ms)
# bm25 first counts every row holding each phrase (its IDF): 47 ms for a word in most quotes.
# Rank only when each searched phrase is rarer than this (counting that far costs ~1 ms).
DF_CAP = 2_000
SORT_CAP = 5_000  # sort by date/speaker/outlet in SQL up to here (~2 µs a row)

# Each sort joins only the tables its ORDER BY reads.
_SORTED: dict[str, tuple[str, str]] = {
    "date": (
        " CROSS JOIN quote q ON q.id = f.rowid CROSS JOIN article a ON a.id = q.article_id",
        "a.published IS NULL, a.published DESC, f.rowid DESC",
    ),
    "speaker": (
        " CROSS JOIN quote q ON q.id = f.rowid LEFT JOIN speaker s ON s.id = q.speaker_id",
        "s.name IS NULL, s.name, f.rowid DESC",
    ),
    "outlet": (
        " CROSS JOIN quote q ON q.id = f.rowid CROSS JOIN article a ON a.id = q.article_id"
        " CROSS JOIN outlet o ON o.id = a.outlet_id",
        "o.name, a.published DESC, f.rowid DESC",
    ),
}
_TOO_MANY = "Too many matches to sort by {what}: newest added first. Add words or filters."


def _is_fts_error(exc: Exception) -> bool:
    msg = str(getattr(exc, "orig", exc)).lower()
    return "fts5" in msg or "syntax error" in msg or "no such column" in msg


def bring_index_up_to_date(session: Session) -> None:
    """Indexes quotes still queued (written outside a Session, or not yet committed).

    Inside the caller's transaction if one is open, so its own changes are found; else in a
    short transaction of its own. A store busy with another writer is searched as it is.
    """
    with suppress(OperationalError):
        if session.in_transaction():
            sync_fts(session)
            return
        with session.get_bind().begin() as conn:  # type: ignore[union-attr]
            sync_fts(conn)


def live_quote_count(session: Session) -> int:
    """Live quotes, from the row count FTS5 keeps in its 'averages' record (id 1).

    Counting the quote table's live rows scans a million rows (150-400 ms); the record holds the
    number as the first SQLite varint.
    """
    blob = session.execute(text("SELECT block FROM quote_fts_data WHERE id = 1")).scalar()
    if isinstance(blob, bytes) and blob:
        value = 0
        for i, byte in enumerate(blob[:9]):
            if i == 8:
                return (value << 8) | byte
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                return value
    sql = "SELECT count(*) FROM quote WHERE deleted = 0"
    return int(session.execute(text(sql)).scalar_one())


def _page_sql(limit: int | None, offset: int) -> str:
    return "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"


class _Quotes:
    """One query against the quote index: its FTS5 expression (words AND facet tokens)."""

    def __init__(self, session: Session, query: SearchQuery, parsed: ParsedQuery) -> None:
        self._head: list[int] | None = None
        self.session = session
        self.query = query
        self.parsed = parsed
        self.filters: Filters = resolve(session, query)
        parts = [f"text : ({parsed.expression})"] if parsed.expression else []
        self.match = " AND ".join(parts + self.filters.facets)
        self.params: dict[str, object] = {"m": self.match}

    def _ids(self, sql: str) -> list[int]:
        # The DB-API cursor: SQLAlchemy's rows cost ~1 µs each, 0.7 s for every id of a word
        # in most quotes.
        raw = self.session.connection().connection.driver_connection
        cursor = raw.cursor()  # type: ignore[union-attr]
        try:
            return [row[0] for row in cursor.execute(sql, self.params)]
        finally:
            cursor.close()

    def head(self, cap: int) -> tuple[int, list[int]]:
        """Counts the matches up to cap+1, keeping their ids newest first: one pass over the
        index gives the total, the newest pages and the candidates to rank (each pass over a
        phrase with a common word costs 20-40 ms)."""
        if not self.match:
            return live_quote_count(self.session), []
        self._head = self.newest(cap + 1, 0)
        return len(self._head), self._head

    def newest(self, limit: int | None, offset: int) -> list[int]:
        head = self._head
        if head is not None and len(head) <= COUNT_CAP:  # the whole match set is at hand
            return head[offset:] if limit is None else head[offset : offset + limit]
        if not self.match:
            sql = "SELECT id FROM quote WHERE deleted = 0 ORDER BY id DESC"
        else:
            sql = "SELECT rowid FROM quote_fts WHERE quote_fts MATCH :m ORDER BY rowid DESC"
        return self._ids(sql + _page_sql(limit, offset))

    def cheap_to_rank(self, n: int) -> bool:
        """True when no searched phrase is common enough to make bm25's IDF count slow."""
        if len(self.parsed.terms) == 1 and not self.filters.facets:
            return n <= DF_CAP  # the one phrase's matches are the result
        for term in self.parsed.terms:
            sql = (
                "SELECT count(*) FROM (SELECT 1 FROM quote_fts WHERE quote_fts MATCH :t "
                f"LIMIT {DF_CAP + 1})"
            )
            df = self.session.execute(text(sql), {"t": f"text : {term.fts()}"}).scalar_one()
            if df > DF_CAP:
                return False
        return True

    def ranked(self, limit: int | None, offset: int) -> list[int]:
        """bm25 over the words alone (facet phrases would add their IDF counts), among the
        matches of the whole expression."""
        if not self.filters.facets:  # the words are the whole expression
            sql = ("SELECT rowid FROM quote_fts WHERE quote_fts MATCH :m "
                   "ORDER BY bm25(quote_fts, 1.0, 0.0), rowid DESC")
            return self._ids(sql + _page_sql(limit, offset))
        candidates = self.newest(None, 0)
        # Materialised, so SQLite scores the words' matches in one pass instead of probing
        # the index once per candidate id.
        sql = (
            "WITH scored AS MATERIALIZED (SELECT rowid AS id, bm25(quote_fts, 1.0, 0.0) AS score "
            "FROM quote_fts WHERE quote_fts MATCH :w) SELECT id FROM scored "
            "WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY score, id DESC"
        )
        params = {"w": f"text : ({self.parsed.expression})", "ids": json.dumps(candidates)}
        return list(self.session.execute(text(sql + _page_sql(limit, offset)), params).scalars())

    def sorted_small(self, sort: Sort, limit: int | None, offset: int) -> list[int]:
        joins, order = _SORTED[sort]
        sql = f"SELECT f.rowid FROM quote_fts f{joins} WHERE quote_fts MATCH :m ORDER BY {order}"
        return self._ids(sql + _page_sql(limit, offset))

    def sorted_by_index(self, sort: Sort, limit: int | None, offset: int) -> list[int]:
        """No words, many rows: walk the sort's own index and test the filters row by row."""
        f = self.filters
        preds, self.params = ["q.deleted = 0"], {}
        if f.speaker_ids:
            preds.append(f"q.speaker_id IN ({','.join(map(str, f.speaker_ids))})")
        if f.outlet_ids:
            preds.append(f"a.outlet_id IN ({','.join(map(str, f.outlet_ids))})")
        if f.tag_ids:
            preds.append(
                "EXISTS (SELECT 1 FROM quote_tag t WHERE t.quote_id = q.id AND t.tag_id IN "
                f"({','.join(map(str, f.tag_ids))}))"
            )
        if f.since:
            preds.append("a.published >= :since")
            self.params["since"] = f.since.isoformat(sep=" ")
        if f.before:
            preds.append("a.published < :before")
            self.params["before"] = f.before.isoformat(sep=" ")
        where = " AND ".join(preds)
        if sort == "date":
            sql = (
                "SELECT q.id FROM article a INDEXED BY ix_article_published CROSS JOIN quote q "
                f"ON q.article_id = a.id WHERE {where} ORDER BY a.published DESC, q.id DESC"
            )
        elif sort == "outlet":
            sql = (
                "SELECT q.id FROM outlet o CROSS JOIN article a ON a.outlet_id = o.id "
                f"CROSS JOIN quote q ON q.article_id = a.id WHERE {where} "
                "ORDER BY o.name, a.published DESC, q.id DESC"
            )
        else:  # speaker: named speakers by name, then the unattributed
            named = (
                "SELECT q.id FROM speaker s CROSS JOIN quote q ON q.speaker_id = s.id "
                f"CROSS JOIN article a ON a.id = q.article_id WHERE {where} "
                "ORDER BY s.name, q.id DESC"
            )
            nobody = (
                "SELECT q.id FROM quote q CROSS JOIN article a ON a.id = q.article_id "
                f"WHERE q.speaker_id IS NULL AND {where} ORDER BY q.id DESC"
            )
            sql = f"SELECT id FROM ({named}) UNION ALL SELECT id FROM ({nobody})"
        return self._ids(sql + _page_sql(limit, offset))


class SQLiteQuoteSearch:
    """The QuoteSearch of a SQLite store with the FTS5 tables of migration 0002."""

    def search(self, session: Session, query: SearchQuery) -> SearchResult:
        return self._run(session, query, page=True)

    def all_ids(self, session: Session, query: SearchQuery) -> list[int]:
        return self._run(session, query, page=False).ids

    def _run(self, session: Session, query: SearchQuery, page: bool) -> SearchResult:
        bring_index_up_to_date(session)
        parsed = parse(query.text)
        try:
            return self._plan(session, query, parsed, page)
        except (OperationalError, sqlite3.OperationalError) as exc:
            if not _is_fts_error(exc):
                raise
        return self._plan(session, query, fallback(query.text), page)

    def _plan(
        self, session: Session, query: SearchQuery, parsed: ParsedQuery, page: bool
    ) -> SearchResult:
        q = _Quotes(session, query, parsed)
        notes = [parsed.message] if parsed.fell_back else []
        if q.filters.nothing:
            return SearchResult([], 0, True, query.sort, parsed.fell_back, q.filters.nothing)
        limit, offset = (query.limit, query.offset) if page else (None, 0)
        blank = not q.match
        n, _ = q.head(COUNT_CAP)
        exact = blank or n <= COUNT_CAP
        sort: Sort = query.sort
        if sort == "relevance" and (parsed.empty or n > RANK_CAP):
            if not parsed.empty:
                notes.append("Too many matches to rank: newest added first.")
            sort = "newest"
        elif sort == "relevance" and n > 1 and not q.cheap_to_rank(n):
            notes.append("Words too common to rank: newest added first.")
            sort = "newest"
        if sort == "newest" or (sort == "relevance" and n <= 1):
            ids = q.newest(limit, offset)
        elif sort == "relevance":
            ids = q.ranked(limit, offset)
        elif n <= SORT_CAP and not blank:
            ids = q.sorted_small(sort, limit, offset)
        elif parsed.empty:
            ids = q.sorted_by_index(sort, limit, offset)
        else:
            notes.append(_TOO_MANY.format(what=sort))
            sort = "newest"
            ids = q.newest(limit, offset)
        return SearchResult(ids, n if exact else COUNT_CAP, exact, sort, parsed.fell_back,
                            " ".join(notes))

    def search_articles(self, session: Session, query: SearchQuery) -> SearchResult:
        parsed = parse(query.text)
        try:
            return self._articles(session, query, parsed)
        except (OperationalError, sqlite3.OperationalError) as exc:
            if not _is_fts_error(exc):
                raise
        return self._articles(session, query, fallback(query.text))

    def _articles(self, session: Session, query: SearchQuery, parsed: ParsedQuery) -> SearchResult:
        f = resolve(session, SearchQuery(outlet=query.outlet, since=query.since, until=query.until))
        if f.nothing:
            return SearchResult([], 0, True, query.sort, parsed.fell_back, f.nothing)
        preds, params = [], {"m": parsed.expression}
        if f.outlet_ids:
            preds.append(f"a.outlet_id IN ({','.join(map(str, f.outlet_ids))})")
        if f.since:
            preds.append("a.published >= :since")
            params["since"] = f.since.isoformat(sep=" ")
        if f.before:
            preds.append("a.published < :before")
            params["before"] = f.before.isoformat(sep=" ")
        where = "".join(" AND " + p for p in preds)
        page = _page_sql(query.limit, query.offset)
        notes = [parsed.message] if parsed.fell_back else []
        if parsed.empty:
            sql = f"SELECT a.id FROM article a WHERE 1{where} ORDER BY a.id DESC"
            ids = list(session.execute(text(sql + page), params).scalars())
            total = session.execute(
                text(f"SELECT count(*) FROM article a WHERE 1{where}"), params
            ).scalar_one()
            return SearchResult(ids, total, True, "newest", parsed.fell_back, " ".join(notes))
        base = (
            "FROM article_fts f CROSS JOIN article a ON a.id = f.rowid "
            f"WHERE article_fts MATCH :m{where}"
        )
        n = session.execute(
            text(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1})"), params
        ).scalar_one()
        sort: Sort = "newest"
        order = "f.rowid DESC"
        if query.sort == "relevance" and n <= RANK_CAP:
            sort, order = "relevance", "bm25(article_fts, 2.0, 1.0), f.rowid DESC"
        elif query.sort == "date" and n <= SORT_CAP:
            sort, order = "date", "a.published IS NULL, a.published DESC, f.rowid DESC"
        elif query.sort not in ("newest", "relevance"):
            notes.append(_TOO_MANY.format(what=query.sort))
        ids = list(session.execute(text(f"SELECT f.rowid {base} ORDER BY {order}{page}"), params)
                   .scalars())
        exact = n <= COUNT_CAP
        return SearchResult(ids, n if exact else COUNT_CAP, exact, sort, parsed.fell_back,
                            " ".join(notes))
