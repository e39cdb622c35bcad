"""Turning a query's filters (names, dates) into the ids and facet tokens the index holds.

The quote index carries one token per outlet, speaker, tag, year and month of each quote
("out3 spk12 tag4 y2024 m202403"), so filters join the words inside one FTS5 expression.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from model.schema import Article, Outlet, Speaker, SpeakerAlias, Tag
from model.search.types import SearchQuery


@dataclass
class Filters:
    """Resolved filters: ids, facet expression, and the exact date bounds still to check."""

    speaker_ids: list[int] = field(default_factory=list)
    outlet_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    since: dt.datetime | None = None
    before: dt.datetime | None = None  # exclusive
    facets: list[str] = field(default_factory=list)
    date_check: bool = False
    nothing: str = ""  # set when a filter names nothing in the store: no quote can match

    @property
    def any(self) -> bool:
        return bool(self.facets) or self.date_check


def speaker_ids(session: Session, name: str) -> list[int]:
    """The speaker named so (any case), else every speaker with that alias."""
    key = name.strip().casefold()
    ids = list(
        session.scalars(
            select(Speaker.id).where(or_(Speaker.key == key, func.lower(Speaker.name) == key))
        )
    )
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


def _month_tokens(lo: dt.date, hi: dt.date) -> list[str]:
    """Year tokens for whole years inside lo..hi, month tokens for the rest."""
    out = []
    for year in range(lo.year, hi.year + 1):
        first = 1 if year > lo.year else lo.month
        last = 12 if year < hi.year else hi.month
        if first == 1 and last == 12:
            out.append(f"y{year}")
        else:
            out.extend(f"m{year}{m:02d}" for m in range(first, last + 1))
    return out


def _date_facets(session: Session, since: dt.date | None, until: dt.date | None) -> list[str]:
    lo_hi = session.execute(select(func.min(Article.published), func.max(Article.published))).one()
    if lo_hi[0] is None:
        return ["y0"]  # no dated article: a date filter matches nothing
    lo = max(since, lo_hi[0].date()) if since else lo_hi[0].date()
    hi = min(until, lo_hi[1].date()) if until else lo_hi[1].date()
    if lo > hi:
        return ["y0"]
    return _month_tokens(lo, hi)


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
        # Month tokens cover whole months; a bound inside a month needs the exact check.
        f.date_check = bool(
            (query.since and query.since.day != 1)
            or (query.until and (query.until + dt.timedelta(days=1)).day != 1)
        )
    return f
