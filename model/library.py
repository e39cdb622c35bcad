"""Read queries behind the reader's views: outlets, article pages, article detail, quote rows.

Every function takes the caller's `Session` and returns frozen records, so a Qt model can cache
rows without holding ORM objects. Lists that may be long (articles of an outlet, quotes of the
whole store) come as ids or pages, so a view with 100,000 articles or 1,000,000 quotes asks only
for what is on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from model.schema import Article, Outlet, Quote, Speaker, Tag, quote_tag


@dataclass(frozen=True, slots=True)
class OutletRow:
    id: int
    name: str
    colour: str | None
    article_count: int


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    id: int
    title: str
    published: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    id: int
    outlet_id: int
    outlet_name: str
    outlet_colour: str | None
    title: str
    url: str | None
    author: str | None
    published: dt.datetime | None
    text: str


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Where a live quote sits in its article, and who said it (for highlights and tooltips)."""

    id: int
    start: int
    end: int
    speaker: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class TagChip:
    name: str
    colour: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    cue: str | None
    origin: str
    tags: tuple[TagChip, ...]
    outlet: str
    article_title: str
    # The user's note on the quote, shown as a marker in the list and in full in its tooltip.
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StoreCounts:
    outlets: int
    articles: int
    quotes: int


def _live() -> object:
    return Quote.deleted.is_(False)


def outlets_with_counts(session: Session) -> list[OutletRow]:
    counts = (
        select(Article.outlet_id, func.count().label("n"))
        .group_by(Article.outlet_id)
        .subquery()
    )
    stmt = (
        select(Outlet.id, Outlet.name, Outlet.colour, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.outlet_id == Outlet.id)
        .order_by(func.lower(Outlet.name))
    )
    return [OutletRow(*row) for row in session.execute(stmt)]


def article_headers(
    session: Session, outlet_id: int, offset: int = 0, limit: int = 500
) -> list[ArticleHeader]:
    """One page of an outlet's articles, newest first (undated ones last, then by id)."""
    stmt = (
        select(Article.id, Article.title, Article.published)
        .where(Article.outlet_id == outlet_id)
        .order_by(Article.published.is_(None), Article.published.desc(), Article.id)
        .offset(offset)
        .limit(limit)
    )
    return [ArticleHeader(*row) for row in session.execute(stmt)]


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    stmt = (
        select(
            Article.id, Article.outlet_id, Outlet.name, Outlet.colour, Article.title,
            Article.url, Article.author, Article.published, Article.text,
        )
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Article.id == article_id)
    )
    row = session.execute(stmt).first()
    return ArticleDetail(*row) if row is not None else None


def first_article_id(session: Session) -> int | None:
    return session.scalar(select(func.min(Article.id)))


def quote_spans(session: Session, article_id: int) -> list[QuoteSpan]:
    stmt = (
        select(Quote.id, Quote.start, Quote.end, Speaker.name, Quote.origin)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .where(Quote.article_id == article_id, _live())
        .order_by(Quote.start, Quote.id)
    )
    return [QuoteSpan(*row) for row in session.execute(stmt)]


def quote_rows(session: Session, ids: Sequence[int]) -> list[QuoteRow]:
    """The sidebar's rows for `ids`, in the order given, fetched in one query (tags joined in)."""
    if not ids:
        return []
    stmt = (
        select(
            Quote.id, Quote.article_id, Quote.start, Quote.end, Quote.text, Speaker.name,
            Quote.cue, Quote.origin, Outlet.name, Article.title, Quote.note, Tag.name,
            Tag.colour,
        )
        .join(Article, Article.id == Quote.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .outerjoin(quote_tag, quote_tag.c.quote_id == Quote.id)
        .outerjoin(Tag, Tag.id == quote_tag.c.tag_id)
        .where(Quote.id.in_(list(ids)))
        .order_by(Quote.id, Tag.name)
    )
    base: dict[int, tuple] = {}
    tags: dict[int, list[TagChip]] = {}
    for row in session.execute(stmt):
        qid = row[0]
        base.setdefault(qid, tuple(row[:11]))
        if row[11] is not None:
            tags.setdefault(qid, []).append(TagChip(row[11], row[12]))
    out = []
    for qid in ids:
        b = base.get(qid)
        if b is not None:
            out.append(QuoteRow(*b[:8], tuple(tags.get(qid, ())), b[8], b[9], b[10] or None))
    return out


def _ids(session: Session, stmt: Select[tuple[int]]) -> list[int]:
    """Runs an id query through Core: the ORM's row loading costs ~3 µs a row, ~1 s a million."""
    return list(session.connection().execute(stmt).scalars())


def article_quote_ids(session: Session, article_id: int) -> list[int]:
    stmt = (
        select(Quote.id)
        .where(Quote.article_id == article_id, _live())
        .order_by(Quote.start, Quote.id)
    )
    return _ids(session, stmt)


def outlet_quote_ids(session: Session, outlet_id: int) -> list[int]:
    stmt = (
        select(Quote.id)
        .join(Article, Article.id == Quote.article_id)
        .where(Article.outlet_id == outlet_id, _live())
        .order_by(Article.published.is_(None), Article.published.desc(), Article.id, Quote.start)
    )
    return _ids(session, stmt)


def all_quote_ids(session: Session) -> list[int]:
    stmt = select(Quote.id).where(_live()).order_by(Quote.article_id, Quote.start)
    return _ids(session, stmt)


def speaker_names(session: Session) -> list[str]:
    return list(session.scalars(select(Speaker.name).order_by(func.lower(Speaker.name))))


def store_counts(session: Session) -> StoreCounts:
    return StoreCounts(
        session.scalar(select(func.count()).select_from(Outlet)) or 0,
        session.scalar(select(func.count()).select_from(Article)) or 0,
        session.scalar(select(func.count()).select_from(Quote).where(_live())) or 0,
    )
