"""Read queries behind the Statements view, the heat map and the `compare` command.

Every function takes the caller's `Session` and returns frozen records (or ids), so Qt models can
cache rows without holding ORM objects. Lists that may be long come in pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.schema import Article, Outlet, Quote, QuoteStatement, Speaker, Statement
from model.statements.diff import ALTERED, DISPUTED, TRUNCATED, DiffOp, diff_words
from model.statements.matching import fullest_index
from model.statements.speakers import credit
from model.statements.text import Wording


@dataclass(frozen=True, slots=True)
class StatementSummary:
    """A row of the statements list."""

    id: int
    speaker_id: int | None
    speaker: str | None
    text: str
    outlet_count: int
    quote_count: int
    disputed: bool
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's version of a statement, compared with the fullest wording."""

    quote_id: int
    article_id: int
    article_title: str
    outlet_id: int
    outlet: str
    outlet_colour: str | None
    published: dt.datetime | None
    speaker: str | None
    text: str
    ops: tuple[DiffOp, ...]
    flags: tuple[str, ...]
    cut_start: bool
    cut_end: bool


@dataclass(frozen=True, slots=True)
class StatementDetail:
    id: int
    speaker_id: int | None
    speaker: str | None
    # Every name outlets credit with these words, most credited first.
    speakers: tuple[str, ...]
    disputed: bool
    fullest: str
    # Outlet names, earliest publication first where dates are known.
    outlets: tuple[str, ...]
    versions: tuple[Version, ...]


@dataclass(frozen=True, slots=True)
class HeatGrid:
    """How many live quotes each outlet printed from each speaker."""

    speakers: tuple[tuple[int, str], ...]
    outlets: tuple[tuple[int, str], ...]
    counts: dict[tuple[int, int], int]

    def count(self, speaker_id: int, outlet_id: int) -> int:
        return self.counts.get((speaker_id, outlet_id), 0)

    @property
    def maximum(self) -> int:
        return max(self.counts.values(), default=0)


def _filtered(min_outlets: int, speaker_id: int | None):  # type: ignore[no-untyped-def]
    conds = [Statement.outlet_count >= min_outlets]
    if speaker_id is not None:
        conds.append(Statement.speaker_id == speaker_id)
    return conds


def count_statements(
    session: Session, *, min_outlets: int = 2, speaker_id: int | None = None
) -> int:
    return session.scalar(
        select(func.count()).select_from(Statement).where(*_filtered(min_outlets, speaker_id))
    ) or 0


def list_statements(
    session: Session,
    *,
    min_outlets: int = 2,
    speaker_id: int | None = None,
    offset: int = 0,
    limit: int | None = 200,
) -> list[StatementSummary]:
    """Statements carried by at least `min_outlets` outlets, most widely carried first."""
    rows = session.execute(
        select(
            Statement.id, Statement.speaker_id, Speaker.name, Statement.text,
            Statement.outlet_count, Statement.quote_count, Statement.disputed,
        )
        .outerjoin(Speaker, Speaker.id == Statement.speaker_id)
        .where(*_filtered(min_outlets, speaker_id))
        .order_by(Statement.outlet_count.desc(), Statement.quote_count.desc(), Statement.id)
        .offset(offset)
        .limit(limit)
    ).all()
    outlets: dict[int, list[str]] = {}
    if rows:
        for sid, name in session.execute(
            select(QuoteStatement.statement_id, Outlet.name)
            .join(Quote, Quote.id == QuoteStatement.quote_id)
            .join(Article, Article.id == Quote.article_id)
            .join(Outlet, Outlet.id == Article.outlet_id)
            .where(QuoteStatement.statement_id.in_([r[0] for r in rows]), Quote.deleted.is_(False))
            .order_by(Article.published.is_(None), Article.published, Article.id)
        ):
            names = outlets.setdefault(sid, [])
            if name not in names:
                names.append(name)
    return [
        StatementSummary(sid, spk, name, text, oc, qc, bool(disp), tuple(outlets.get(sid, ())))
        for sid, spk, name, text, oc, qc, disp in rows
    ]


def statement_of_quote(session: Session, quote_id: int) -> int | None:
    """The statement a quote belongs to ("Show in other outlets"); None if not grouped yet."""
    return session.scalar(
        select(QuoteStatement.statement_id).where(QuoteStatement.quote_id == quote_id)
    )


def statement_detail(session: Session, statement_id: int) -> StatementDetail | None:
    """The statement with every live version diffed against its fullest wording."""
    rows = session.execute(
        select(
            Quote.id, Quote.article_id, Article.title, Outlet.id, Outlet.name, Outlet.colour,
            Article.published, Quote.speaker_id, Speaker.name, Quote.text,
        )
        .join(QuoteStatement, QuoteStatement.quote_id == Quote.id)
        .join(Article, Article.id == Quote.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .where(QuoteStatement.statement_id == statement_id, Quote.deleted.is_(False))
        .order_by(Article.published.is_(None), Article.published, Article.id, Quote.start)
    ).all()
    if not rows:
        return None
    best = rows[fullest_index([Wording.of(r.text) for r in rows])]
    fullest = best.text
    votes = Counter(r[7] for r in rows if r[7] is not None)
    names = {r[7]: r[8] for r in rows if r[7] is not None}
    speaker_id, groups = credit(votes, names)
    disputed = len(groups) > 1
    support = [sum(votes[s] for s in g) for g in groups]
    credited = groups[0] if groups and (len(groups) == 1 or support[0] > support[1]) else set()
    ranked = [s for s, _n in votes.most_common()]
    versions = []
    for qid, aid, title, oid, oname, colour, published, spk, sname, text in rows:
        d = diff_words(fullest, text)
        flags = []
        if d.cut_start or d.cut_end:
            flags.append(TRUNCATED)
        if d.altered:
            flags.append(ALTERED)
        if disputed and spk is not None and spk not in credited:
            flags.append(DISPUTED)
        versions.append(
            Version(
                qid, aid, title, oid, oname, colour, published, sname, text, d.ops,
                tuple(flags), d.cut_start, d.cut_end,
            )
        )
    outlets = list(dict.fromkeys(r[4] for r in rows))
    return StatementDetail(
        statement_id, speaker_id, names.get(speaker_id) if speaker_id else None,
        tuple(names[s] for s in ranked), disputed, fullest, tuple(outlets), tuple(versions),
    )


def speaker_outlet_counts(session: Session, *, max_speakers: int = 60) -> HeatGrid:
    """Live quotes per (speaker, outlet), for the `max_speakers` most quoted speakers."""
    per_speaker = (
        select(Quote.speaker_id, func.count().label("n"))
        .where(Quote.deleted.is_(False), Quote.speaker_id.is_not(None))
        .group_by(Quote.speaker_id)
        .order_by(func.count().desc(), Quote.speaker_id)
        .limit(max_speakers)
        .subquery()
    )
    speakers = tuple(
        (sid, name)
        for sid, name in session.execute(
            select(Speaker.id, Speaker.name)
            .join(per_speaker, per_speaker.c.speaker_id == Speaker.id)
            .order_by(per_speaker.c.n.desc(), Speaker.name)
        )
    )
    outlets = tuple(
        (oid, name)
        for oid, name in session.execute(select(Outlet.id, Outlet.name).order_by(Outlet.name))
    )
    counts: dict[tuple[int, int], int] = {}
    if speakers:
        for sid, oid, n in session.execute(
            select(Quote.speaker_id, Article.outlet_id, func.count())
            .join(Article, Article.id == Quote.article_id)
            .where(Quote.deleted.is_(False), Quote.speaker_id.in_([s for s, _ in speakers]))
            .group_by(Quote.speaker_id, Article.outlet_id)
        ):
            counts[(sid, oid)] = n
    return HeatGrid(speakers, outlets, counts)


def quotes_for_cell(session: Session, speaker_id: int, outlet_id: int) -> list[int]:
    """The live quotes an outlet printed from a speaker, in reading order (a heat-map cell)."""
    return list(
        session.scalars(
            select(Quote.id)
            .join(Article, Article.id == Quote.article_id)
            .where(
                Quote.speaker_id == speaker_id,
                Article.outlet_id == outlet_id,
                Quote.deleted.is_(False),
            )
            .order_by(Article.published.is_(None), Article.published, Article.id, Quote.start)
        )
    )
