"""Renaming outlets and merging two into one (the outlet list's F2 and Merge actions).

Imports name outlets as their sources do, so one paper can arrive as "The Guardian",
"theguardian.com" and "Guardian US"; the reader fixes that here. Functions take the caller's
session and run inside its transaction.
"""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from model.schema import Article, Outlet

NAME_MAX = 200


class OutletError(ValueError):
    """A rename or merge that cannot be done; the message says why."""


class OutletNameTaken(OutletError):
    """The new name belongs to another outlet: the caller may offer to merge into it."""

    def __init__(self, name: str, existing_id: int) -> None:
        super().__init__(f"an outlet named {name!r} already exists")
        self.name = name
        self.existing_id = existing_id


def _require(session: Session, outlet_id: int) -> Outlet:
    outlet = session.get(Outlet, outlet_id)
    if outlet is None:
        raise OutletError(f"no outlet with id {outlet_id}")
    return outlet


def rename_outlet(session: Session, outlet_id: int, new_name: str, *, merge: bool = False) -> int:
    """Gives an outlet a new name; returns the id of the outlet that now carries the name.

    If another outlet already has the name, raises OutletNameTaken — unless `merge` is true, in
    which case this outlet's articles move into that one (see merge_outlets) and its id is
    returned. Names are compared exactly, so changing only the case is a plain rename.
    """
    name = " ".join(new_name.split())
    if not name:
        raise OutletError("an outlet needs a name")
    if len(name) > NAME_MAX:
        raise OutletError(f"a name of at most {NAME_MAX} characters, please")
    outlet = _require(session, outlet_id)
    existing = session.scalar(select(Outlet.id).where(Outlet.name == name, Outlet.id != outlet_id))
    if existing is not None:
        if not merge:
            raise OutletNameTaken(name, existing)
        merge_outlets(session, outlet_id, existing)
        return existing
    outlet.name = name
    session.flush()
    return outlet_id


def merge_outlets(session: Session, source_id: int, target_id: int) -> int:
    """Moves every article of `source_id` to `target_id` and removes the source outlet.

    Returns the number of articles moved. The target keeps its name, domain and colour, and
    takes the source's domain if it had none.
    """
    if source_id == target_id:
        raise OutletError("cannot merge an outlet into itself")
    source = _require(session, source_id)
    target = _require(session, target_id)
    if target.domain is None and source.domain is not None:
        target.domain = source.domain
    moved = session.execute(
        update(Article).where(Article.outlet_id == source_id).values(outlet_id=target_id)
    ).rowcount
    session.expunge(source)
    session.execute(delete(Outlet).where(Outlet.id == source_id))
    session.flush()
    return int(moved or 0)
