"""Storing articles with their extracted quotes, and re-extracting without losing corrections.

Inserts go through SQLAlchemy Core: the ORM's unit of work costs ~2.8 KB and ~130 µs per pending
object, which an import of thousands of articles cannot afford. The hot statements are built once
at import time and run on the session's connection: building `insert(Article).values(...)` per
article and sending it through the ORM's bulk path cost more than SQLite's own work.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from model.extract import FoundQuote, extract_quotes
from model.records import ArticleIn
from model.schema import Article, Outlet, Quote
from model.speakers import SpeakerResolver

# Distinct hues that stay readable as a dot or chip on light and dark backgrounds.
OUTLET_COLOURS = (
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
    "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000",
)

_ARTICLE = Article.__table__
_QUOTE = Quote.__table__
_INSERT_ARTICLE = insert(_ARTICLE).returning(_ARTICLE.c.id)
_INSERT_QUOTES = insert(_QUOTE)
_BY_HASH = select(_ARTICLE.c.id).where(_ARTICLE.c.content_hash == bindparam("digest")).limit(1)
_BY_URL = select(_ARTICLE.c.id).where(_ARTICLE.c.url == bindparam("url")).limit(1)


# In UTF-8, the white space str.split() folds beyond ASCII's: the file separators (one byte),
# NEL and no-break space (lead byte C2), ogham space (E1), typographic spaces and line and
# paragraph separators (E2), ideographic space (E3). A test checks the lists against str.isspace.
_SEPARATORS = (b"\x1c", b"\x1d", b"\x1e", b"\x1f")
_WIDE_SPACES = (
    (b"\xc2", re.compile(b"\xc2[\x85\xa0]")),
    (b"\xe1", re.compile(b"\xe1\x9a\x80")),
    (b"\xe2", re.compile(b"\xe2(?:\x80[\x80-\x8a\xa8\xa9\xaf]|\x81\x9f)")),
    (b"\xe3", re.compile(b"\xe3\x80\x80")),
)
_ASCII_SPACES = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")
_SPACE_RUNS = re.compile(b"  +")


def content_hash(text: str) -> str:
    """Hash of the text with white space folded, so re-saved copies count as the same article.

    The digest is SHA-256 of " ".join(text.split()). A text whose only white space is ASCII
    (nearly every article) gets the same bytes without building a list of its words: line
    feeds become spaces (tabs, returns and form feeds too when there are any) and runs of spaces
    fold in one regex pass. An import hashes every file, so this is on its hot path."""
    data = text.encode("utf-8")
    if not _only_ascii_spaces(data):
        return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
    if b"\t" in data or b"\r" in data or b"\x0b" in data or b"\x0c" in data:
        data = data.translate(_ASCII_SPACES)
    else:
        data = data.replace(b"\n", b" ")
    return hashlib.sha256(_SPACE_RUNS.sub(b" ", data).strip(b" ")).hexdigest()


def _only_ascii_spaces(data: bytes) -> bool:
    # A lead byte is looked for first (memchr), the space itself only where the lead occurs:
    # curly quotes and dashes share E2 with the typographic spaces.
    if any(sep in data for sep in _SEPARATORS):
        return False
    return not any(lead in data and wide.search(data) for lead, wide in _WIDE_SPACES)


class OutletResolver:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}

    def resolve(self, name: str, domain: str | None = None) -> int:
        name = name.strip() or "Unknown outlet"
        oid = self._ids.get(name)
        if oid is None:
            oid = self._session.scalar(select(Outlet.id).where(Outlet.name == name))
            if oid is None:
                count = self._session.query(Outlet).count()
                oid = self._session.execute(
                    insert(Outlet)
                    .values(
                        name=name,
                        domain=domain,
                        colour=OUTLET_COLOURS[count % len(OUTLET_COLOURS)],
                    )
                    .returning(Outlet.id)
                ).scalar_one()
            self._ids[name] = oid
        return oid


def find_duplicate(session: Session, art: ArticleIn, digest: str) -> int | None:
    """The id of an article already stored with the same URL or the same text."""
    conn = session.connection()
    found = conn.execute(_BY_HASH, {"digest": digest}).scalar()
    if found is None and art.url:
        found = conn.execute(_BY_URL, {"url": art.url}).scalar()
    return found


def quote_rows(
    article_id: int, found: Iterable[FoundQuote], speakers: SpeakerResolver
) -> list[dict[str, object]]:
    return [
        {
            "article_id": article_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker_id": speakers.resolve(q.speaker, q.speaker_aliases),
            "cue": q.cue,
            "paragraph": q.paragraph,
            "origin": "auto",
            "deleted": False,
            "speaker_edited": False,
        }
        for q in found
    ]


class Ingestor:
    """Stores articles within one session (one transaction per file, the caller's `begin()`).

    Its outlet and speaker caches may outlive one transaction of the session (the importer runs
    one transaction per file on one session) but not a rolled-back one: make a new Ingestor then.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.outlets = OutletResolver(session)
        self.speakers = SpeakerResolver(session)

    def add(self, art: ArticleIn) -> tuple[int, int] | None:
        """Stores one article and its quotes: (article id, quote count), or None if a duplicate."""
        digest = content_hash(art.text)
        if find_duplicate(self.session, art, digest) is not None:
            return None
        outlet_id = self.outlets.resolve(art.outlet, art.outlet_domain)
        conn = self.session.connection()
        article_id = conn.execute(
            _INSERT_ARTICLE,
            {
                "outlet_id": outlet_id,
                "title": art.title,
                "url": art.url,
                "author": art.author,
                "published": art.published,
                "text": art.text,
                "content_hash": digest,
                "source_file": art.source_file,
            },
        ).scalar_one()
        rows = quote_rows(article_id, extract_quotes(art.text), self.speakers)
        if rows:
            for row in rows:
                row.setdefault("note", None)
            conn.execute(_INSERT_QUOTES, rows)
        return article_id, len(rows)


def reextract(session: Session, article_id: int) -> int:
    """Runs the extractor again on one article and keeps every user correction.

    Manual quotes stay. An automatic quote found again at the same span keeps its id, tags, note,
    deleted flag and (if the user changed it) speaker; automatic quotes no longer found and never
    touched by the user are dropped; deleted ones stay deleted. Returns the live quote count.
    """
    text = session.scalar(select(Article.text).where(Article.id == article_id))
    if text is None:
        raise KeyError(article_id)
    speakers = SpeakerResolver(session)
    existing = {
        (q.start, q.end): q
        for q in session.scalars(
            select(Quote).where(Quote.article_id == article_id, Quote.origin == "auto")
        )
    }
    new_rows = []
    for q in extract_quotes(text):
        old = existing.pop((q.start, q.end), None)
        sid = speakers.resolve(q.speaker, q.speaker_aliases)
        if old is None:
            new_rows.extend(quote_rows(article_id, [q], speakers))
        else:
            values: dict[str, object] = {"text": q.text, "cue": q.cue, "paragraph": q.paragraph}
            if not old.speaker_edited:
                values["speaker_id"] = sid
            session.execute(update(Quote).where(Quote.id == old.id).values(**values))
    for old in existing.values():
        touched = old.deleted or old.speaker_edited or old.note or old.tags
        if not touched:
            session.delete(old)
    if new_rows:
        session.execute(insert(Quote), new_rows)
    session.flush()
    from model.statements import group_new_quotes

    group_new_quotes(
        session, session.scalars(select(Quote.id).where(Quote.article_id == article_id)).all()
    )
    return len(
        session.scalars(
            select(Quote.id).where(Quote.article_id == article_id, Quote.deleted.is_(False))
        ).all()
    )
