"""A user's corrections to the extractor: add a quote by hand, change a speaker, delete a quote.

Each change returns what its undo needs, so the GUI's undo stack stays free of SQL. Corrections
are marked in the row (origin "manual", speaker_edited, deleted) so re-extraction keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from model.schema import Article, Quote
from model.speakers import SpeakerResolver


class CorrectionError(ValueError):
    """A correction that cannot apply (empty selection, unknown quote); the message says why."""


@dataclass(frozen=True, slots=True)
class ManualQuote:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    speaker_id: int | None


@dataclass(frozen=True, slots=True)
class SpeakerChange:
    quote_id: int
    before_speaker_id: int | None
    before_edited: bool
    after_speaker_id: int | None


def _regroup(session: Session, quote_id: int) -> None:
    """A correction changes which statement a quote belongs to (or takes it out of all)."""
    from model.statements import group_new_quotes

    group_new_quotes(session, [quote_id])


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops white space and quotation marks a mouse selection tends to catch at either end."""
    marks = " \t\r\n\"'“”‘’«»"
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in marks:
        start += 1
    while end > start and text[end - 1] in marks:
        end -= 1
    return start, end


def add_manual_quote(
    session: Session, article_id: int, start: int, end: int, speaker: str | None
) -> ManualQuote:
    text = session.scalar(select(Article.text).where(Article.id == article_id))
    if text is None:
        raise CorrectionError(f"article {article_id} does not exist")
    start, end = trim_span(text, start, end)
    if start >= end:
        raise CorrectionError("the selection holds no text to quote")
    speaker_id = SpeakerResolver(session).resolve(speaker)
    quote_text = text[start:end]
    qid = session.execute(
        insert(Quote)
        .values(
            article_id=article_id, start=start, end=end, text=quote_text,
            speaker_id=speaker_id, paragraph=text.count("\n\n", 0, start), origin="manual",
            deleted=False, speaker_edited=speaker_id is not None,
        )
        .returning(Quote.id)
    ).scalar_one()
    _regroup(session, qid)
    return ManualQuote(qid, article_id, start, end, quote_text, speaker_id)


def remove_manual_quote(session: Session, quote_id: int) -> None:
    """Undoes `add_manual_quote`: the row goes, since only this user action made it."""
    from model.statements import forget_quotes

    forget_quotes(session, [quote_id])
    session.execute(delete(Quote).where(Quote.id == quote_id, Quote.origin == "manual"))


def change_speaker(session: Session, quote_id: int, speaker: str | None) -> SpeakerChange:
    row = session.execute(
        select(Quote.speaker_id, Quote.speaker_edited).where(Quote.id == quote_id)
    ).first()
    if row is None:
        raise CorrectionError(f"quote {quote_id} does not exist")
    new_id = SpeakerResolver(session).resolve(speaker)
    session.execute(
        update(Quote).where(Quote.id == quote_id).values(speaker_id=new_id, speaker_edited=True)
    )
    _regroup(session, quote_id)
    return SpeakerChange(quote_id, row[0], bool(row[1]), new_id)


def restore_speaker(session: Session, change: SpeakerChange) -> None:
    session.execute(
        update(Quote)
        .where(Quote.id == change.quote_id)
        .values(speaker_id=change.before_speaker_id, speaker_edited=change.before_edited)
    )
    _regroup(session, change.quote_id)


def reapply_speaker(session: Session, change: SpeakerChange) -> None:
    session.execute(
        update(Quote)
        .where(Quote.id == change.quote_id)
        .values(speaker_id=change.after_speaker_id, speaker_edited=True)
    )
    _regroup(session, change.quote_id)


def set_deleted(session: Session, quote_id: int, deleted: bool) -> bool:
    """Marks a quote deleted (or live again); returns the flag it had, for undo."""
    before = session.scalar(select(Quote.deleted).where(Quote.id == quote_id))
    if before is None:
        raise CorrectionError(f"quote {quote_id} does not exist")
    session.execute(update(Quote).where(Quote.id == quote_id).values(deleted=deleted))
    _regroup(session, quote_id)
    return bool(before)
