"""A free-text note on any quote. Setting one returns the old note, which is all undo needs."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from model.schema import Quote


class NoteError(ValueError):
    """The quote the note was for is gone."""


def note_of(session: Session, quote_id: int) -> str | None:
    return session.scalar(select(Quote.note).where(Quote.id == quote_id))


def set_note(session: Session, quote_id: int, note: str | None) -> str | None:
    """Sets (or, with None or blank text, clears) the note; returns the previous note."""
    old = session.execute(select(Quote.note).where(Quote.id == quote_id)).first()
    if old is None:
        raise NoteError("That quote no longer exists.")
    value = note if note and note.strip() else None
    session.execute(update(Quote).where(Quote.id == quote_id).values(note=value))
    return old[0]
