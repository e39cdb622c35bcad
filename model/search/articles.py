"""Rows for a list of articles found by their text: title, outlet, date, in the order given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.schema import Article, Outlet


@dataclass(frozen=True, slots=True)
class ArticleHit:
    id: int
    title: str
    outlet: str
    published: dt.datetime | None


def article_hits(session: Session, ids: Sequence[int]) -> list[ArticleHit]:
    if not ids:
        return []
    stmt = (
        select(Article.id, Article.title, Outlet.name, Article.published)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Article.id.in_(list(ids)))
    )
    by_id = {row[0]: ArticleHit(*row) for row in session.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]
