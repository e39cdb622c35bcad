"""Tags on quotes: create, rename, recolour, merge, delete, and tag or untag many quotes at once.

Every change returns what undoing it needs (the old name, the quotes that really changed), so
an undo command restores exactly what was there and no more: untagging after "tag 50 quotes"
leaves alone the 10 that carried the tag before. Bulk writes go through Core in chunks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from model.schema import Quote, Tag, quote_tag

TAG_COLOURS = (
    "#4363d8", "#3cb44b", "#e6194b", "#f58231", "#911eb4",
    "#42d4f4", "#f032e6", "#9a6324", "#469990", "#808000",
)
_CHUNK = 5_000  # below SQLite's 32,766 bound parameters per statement


class TagError(ValueError):
    """A tag change that cannot be made; the message says why in the user's words."""


@dataclass(frozen=True, slots=True)
class TagInfo:
    id: int
    name: str
    colour: str | None
    count: int  # live quotes carrying the tag


@dataclass(frozen=True, slots=True)
class RemovedTag:
    """A deleted (or merged-away) tag, with the quotes that carried it, for undo."""

    id: int
    name: str
    colour: str | None
    quote_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MergedTag:
    source: RemovedTag
    target_id: int
    added: tuple[int, ...]  # quotes that carried only the source, now tagged with the target


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield list(ids[i : i + _CHUNK])


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise TagError("A tag needs a name.")
    if len(name) > 200:
        raise TagError("A tag name can be at most 200 characters long.")
    return name


def _name_taken(session: Session, name: str, other_than: int | None = None) -> bool:
    stmt = select(Tag.id).where(func.lower(Tag.name) == name.casefold())
    if other_than is not None:
        stmt = stmt.where(Tag.id != other_than)
    return session.scalar(stmt.limit(1)) is not None


def _get(session: Session, tag_id: int) -> Tag:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise TagError("That tag no longer exists.")
    return tag


def list_tags(session: Session) -> list[TagInfo]:
    counts = (
        select(quote_tag.c.tag_id, func.count().label("n"))
        .join(Quote, Quote.id == quote_tag.c.quote_id)
        .where(Quote.deleted.is_(False))
        .group_by(quote_tag.c.tag_id)
        .subquery()
    )
    stmt = (
        select(Tag.id, Tag.name, Tag.colour, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.tag_id == Tag.id)
        .order_by(func.lower(Tag.name))
    )
    return [TagInfo(*row) for row in session.execute(stmt)]


def tag_names(session: Session) -> list[str]:
    return list(session.scalars(select(Tag.name).order_by(func.lower(Tag.name))))


def find_tag(session: Session, name: str) -> int | None:
    return session.scalar(select(Tag.id).where(func.lower(Tag.name) == name.strip().casefold()))


def create_tag(session: Session, name: str, colour: str | None = None) -> TagInfo:
    name = _clean_name(name)
    if _name_taken(session, name):
        raise TagError(f"A tag named “{name}” already exists.")
    if colour is None:
        count = session.scalar(select(func.count()).select_from(Tag)) or 0
        colour = TAG_COLOURS[count % len(TAG_COLOURS)]
    tag_id = session.execute(
        insert(Tag).values(name=name, colour=colour).returning(Tag.id)
    ).scalar_one()
    return TagInfo(tag_id, name, colour, 0)


def ensure_tag(session: Session, name: str) -> tuple[int, bool]:
    """The tag's id, creating it if needed; True when it was created (so undo can delete it)."""
    found = find_tag(session, name)
    if found is not None:
        return found, False
    return create_tag(session, name).id, True


def rename_tag(session: Session, tag_id: int, name: str) -> str:
    """Renames; returns the old name."""
    tag = _get(session, tag_id)
    name = _clean_name(name)
    if _name_taken(session, name, other_than=tag_id):
        raise TagError(f"A tag named “{name}” already exists; merge the two instead.")
    old = tag.name
    session.execute(update(Tag).where(Tag.id == tag_id).values(name=name))
    return old


def recolour_tag(session: Session, tag_id: int, colour: str | None) -> str | None:
    """Sets the colour (#rrggbb); returns the old one."""
    old = _get(session, tag_id).colour
    session.execute(update(Tag).where(Tag.id == tag_id).values(colour=colour))
    return old


def quotes_with_tag(session: Session, tag_id: int) -> list[int]:
    return list(
        session.scalars(
            select(quote_tag.c.quote_id).where(quote_tag.c.tag_id == tag_id).order_by(
                quote_tag.c.quote_id
            )
        )
    )


def tag_usage(session: Session, tag_id: int) -> int:
    """How many quotes carry the tag (deleted ones too: they keep it if restored)."""
    return session.scalar(
        select(func.count()).select_from(quote_tag).where(quote_tag.c.tag_id == tag_id)
    ) or 0


def delete_tag(session: Session, tag_id: int) -> RemovedTag:
    tag = _get(session, tag_id)
    removed = RemovedTag(tag.id, tag.name, tag.colour, tuple(quotes_with_tag(session, tag_id)))
    session.execute(delete(quote_tag).where(quote_tag.c.tag_id == tag_id))
    session.execute(delete(Tag).where(Tag.id == tag_id))
    session.expire_all()
    return removed


def restore_tag(session: Session, removed: RemovedTag) -> None:
    """Undoes delete_tag: the same id, name, colour and quotes."""
    if _name_taken(session, removed.name):
        raise TagError(f"A tag named “{removed.name}” exists again; rename it first.")
    session.execute(
        insert(Tag).values(id=removed.id, name=removed.name, colour=removed.colour)
    )
    live = set(_existing_quotes(session, removed.quote_ids))
    _insert_pairs(session, removed.id, [q for q in removed.quote_ids if q in live])


def merge_tags(session: Session, source_id: int, target_id: int) -> MergedTag:
    """Moves every quote of `source` to `target`, then deletes `source`."""
    if source_id == target_id:
        raise TagError("A tag cannot be merged into itself.")
    _get(session, target_id)
    source_quotes = quotes_with_tag(session, source_id)
    added = assign_tag(session, target_id, source_quotes)
    removed = delete_tag(session, source_id)
    return MergedTag(removed, target_id, tuple(added))


def unmerge_tags(session: Session, merged: MergedTag) -> None:
    remove_tag(session, merged.target_id, merged.added)
    restore_tag(session, merged.source)


def _existing_quotes(session: Session, quote_ids: Sequence[int]) -> list[int]:
    out: list[int] = []
    for chunk in _chunks(list(quote_ids)):
        out.extend(session.scalars(select(Quote.id).where(Quote.id.in_(chunk))))
    return out


def assign_tag(session: Session, tag_id: int, quote_ids: Sequence[int]) -> list[int]:
    """Tags the quotes; returns those that did not carry the tag before (for undo)."""
    _get(session, tag_id)
    wanted = list(dict.fromkeys(quote_ids))
    have: set[int] = set()
    for chunk in _chunks(wanted):
        have.update(
            session.scalars(
                select(quote_tag.c.quote_id).where(
                    quote_tag.c.tag_id == tag_id, quote_tag.c.quote_id.in_(chunk)
                )
            )
        )
    existing = set(_existing_quotes(session, wanted))
    added = [q for q in wanted if q not in have and q in existing]
    _insert_pairs(session, tag_id, added)
    session.expire_all()
    return added


def _insert_pairs(session: Session, tag_id: int, quote_ids: Sequence[int]) -> None:
    """One multi-row INSERT per chunk, not one statement per row: the index trigger flushes
    FTS5's pending terms once per statement (~1 ms each on a large store)."""
    for chunk in _chunks(list(quote_ids)):
        rows = [{"quote_id": q, "tag_id": tag_id} for q in chunk]
        session.execute(insert(quote_tag).values(rows))


def remove_tag(session: Session, tag_id: int, quote_ids: Sequence[int]) -> list[int]:
    """Untags the quotes; returns those that carried the tag (for undo)."""
    wanted = list(dict.fromkeys(quote_ids))
    removed: list[int] = []
    for chunk in _chunks(wanted):
        removed.extend(
            session.scalars(
                delete(quote_tag)
                .where(quote_tag.c.tag_id == tag_id, quote_tag.c.quote_id.in_(chunk))
                .returning(quote_tag.c.quote_id)
            )
        )
    session.expire_all()
    return removed


def tags_of(session: Session, quote_ids: Sequence[int]) -> dict[int, list[str]]:
    """Tag names of each quote, alphabetical (quotes without tags are left out)."""
    out: dict[int, list[str]] = {}
    for chunk in _chunks(list(quote_ids)):
        stmt = (
            select(quote_tag.c.quote_id, Tag.name)
            .join(Tag, Tag.id == quote_tag.c.tag_id)
            .where(quote_tag.c.quote_id.in_(chunk))
            .order_by(func.lower(Tag.name))
        )
        for qid, name in session.execute(stmt):
            out.setdefault(qid, []).append(name)
    return out


@dataclass(frozen=True, slots=True)
class Tagging:
    """What tag_quotes did: the tag, whether it was created, the quotes newly tagged."""

    tag_id: int
    created: bool
    quote_ids: tuple[int, ...]


def tag_quotes(session: Session, name: str, quote_ids: Sequence[int]) -> Tagging:
    """Tags the quotes with the tag of that name, creating it if needed (one user action)."""
    tag_id, created = ensure_tag(session, name)
    return Tagging(tag_id, created, tuple(assign_tag(session, tag_id, quote_ids)))


def undo_tag_quotes(session: Session, done: Tagging) -> None:
    remove_tag(session, done.tag_id, done.quote_ids)
    if done.created and not tag_usage(session, done.tag_id):
        session.execute(delete(Tag).where(Tag.id == done.tag_id))


def tag_ids_of(session: Session, quote_ids: Sequence[int]) -> dict[int, int]:
    """For each tag on any of the quotes, how many of them carry it (for a menu's check marks)."""
    out: dict[int, int] = {}
    for chunk in _chunks(list(quote_ids)):
        stmt = (
            select(quote_tag.c.tag_id, func.count())
            .where(quote_tag.c.quote_id.in_(chunk))
            .group_by(quote_tag.c.tag_id)
        )
        for tag_id, n in session.execute(stmt):
            out[tag_id] = out.get(tag_id, 0) + n
    return out
