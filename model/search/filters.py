"""Turning a query's filters (names, dates) into the ids and facet tokens the index holds.

The quote index carries one token per outlet, speaker, tag, year and month of each quote
("out3 spk12 tag4 y2024 m202403 d20240305"), so filters join the words inside one FTS5
expression; a date range becomes the fewest whole years, months and days that cover it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from model.schema import Article, Outlet, Speaker, SpeakerAlias, Tag
from model.search.types import SearchQuery
from model.speakers import speaker_key


@dataclass
class Filters:
    """Resolved filters: ids for SQL, facet groups for FTS5 (tokens cover dates exactly)."""

    speaker_ids: list[int] = field(default_factory=list)
    outlet_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    since: dt.datetime | None = None
    before: dt.datetime | None = None  # exclusive
    facets: list[str] = field(default_factory=list)
    nothing: str = ""  # set when a filter names nothing in the store: no quote can match


def speaker_ids(session: Session, name: str) -> list[int]:
    """The speaker named so (any case), else every speaker with that alias."""
    key = name.strip().casefold()
    ids = list(session.scalars(select(Speaker.id).where(Speaker.key == speaker_key(name))))
    if not ids:
        ids = list(session.scalars(select(Speaker.id).where(func.lower(Speaker.name) == key)))
    if not ids:
        ids = list(
            session.scalars(
                select(SpeakerAlias.speaker_id)
                .where(func.lower(SpeakerAlias.alias) == key)
                .distinct()
            )
        )
    return ids


def outlet_ids(session: Session, name: str) -> list[int]:
    key = name.strip().casefold()
    return list(
        session.scalars(
            select(Outlet.id).where(
                or_(func.lower(Outlet.name) == key, func.lower(Outlet.domain) == key)
            )
        )
    )


def tag_ids(session: Session, name: str) -> list[int]:
    return list(
        session.scalars(select(Tag.id).where(func.lower(Tag.name) == name.strip().casefold()))
    )


def _group(column: str, prefix: str, ids: list[int]) -> str:
    return f"{column} : (" + " OR ".join(f"{prefix}{i}" for i in ids) + ")"


def _month_days(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def date_tokens(lo: dt.date, hi: dt.date) -> list[str]:
    """The fewest year, month and day tokens that cover lo..hi exactly."""
    out: list[str] = []
    for year in range(lo.year, hi.year + 1):
        if lo <= dt.date(year, 1, 1) and dt.date(year, 12, 31) <= hi:
            out.append(f"y{year}")
            continue
        for month in range(1, 13):
            first = dt.date(year, month, 1)
            last = dt.date(year, month, _month_days(year, month))
            if last < lo or first > hi:
                continue
            if lo <= first and last <= hi:
                out.append(f"m{year}{month:02d}")
                continue
            day = max(first, lo)
            while day <= min(last, hi):
                out.append(f"d{day:%Y%m%d}")
                day += dt.timedelta(days=1)
    return out


def _date_facets(session: Session, since: dt.date | None, until: dt.date | None) -> list[str]:
    # Two queries: SQLite answers a lone min() or max() from the index, but both at once by
    # scanning every article.
    first_dt = session.scalar(select(func.min(Article.published)))
    last_dt = session.scalar(select(func.max(Article.published)))
    if first_dt is None or last_dt is None:
        return ["y0"]  # no dated article: a date filter matches nothing
    # No article lies outside first..last, so an open or outlying bound may stretch to whole
    # years, which keeps the token list short.
    first, last = first_dt.date(), last_dt.date()
    lo = since if since and since > first else dt.date(first.year, 1, 1)
    hi = until if until and until < last else dt.date(last.year, 12, 31)
    if lo > hi:
        return ["y0"]
    return date_tokens(lo, hi)


def resolve(session: Session, query: SearchQuery) -> Filters:
    f = Filters()
    if query.speaker:
        f.speaker_ids = speaker_ids(session, query.speaker)
        if not f.speaker_ids:
            f.nothing = f"No speaker named “{query.speaker}”."
        f.facets.append(_group("facets", "spk", f.speaker_ids))
    if query.outlet:
        f.outlet_ids = outlet_ids(session, query.outlet)
        if not f.outlet_ids:
            f.nothing = f"No outlet named “{query.outlet}”."
        f.facets.append(_group("facets", "out", f.outlet_ids))
    if query.tag:
        f.tag_ids = tag_ids(session, query.tag)
        if not f.tag_ids:
            f.nothing = f"No tag named “{query.tag}”."
        f.facets.append(_group("facets", "tag", f.tag_ids))
    if query.since or query.until:
        if query.since and query.until and query.since > query.until:
            f.nothing = "The date range ends before it begins."
        f.since = dt.datetime.combine(query.since, dt.time()) if query.since else None
        f.before = (
            dt.datetime.combine(query.until + dt.timedelta(days=1), dt.time())
            if query.until
            else None
        )
        if not f.nothing:
            f.facets.append(_group("facets", "", _date_facets(session, query.since, query.until)))
    return f
