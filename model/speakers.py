"""One person is one speaker across articles and outlets.

Speakers are looked up by a folded key of their full name; the shorter forms an article uses
(Lewis, Dr Lewis) are kept as aliases so a later search or merge can find them.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from model.schema import Speaker, SpeakerAlias


def tidy_name(name: str) -> str:
    """The name with its white space folded to single spaces and trimmed."""
    # str.split() folds the same white space as the regex \s+, at a fraction of the cost.
    return " ".join(name.split())


def speaker_key(name: str) -> str:
    return tidy_name(name.replace("’", "'")).lower()


class SpeakerResolver:
    """Maps names to speaker ids within one session, creating speakers on first sight.

    Keeps a cache so an import of thousands of articles asks the database once per name.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[str, int] = {}
        self._aliases: set[tuple[int, str]] = set()

    def resolve(self, name: str | None, aliases: tuple[str, ...] = ()) -> int | None:
        if not name or not name.strip():
            return None
        name = tidy_name(name)
        key = speaker_key(name)
        sid = self._ids.get(key)
        if sid is None:
            sid = self._session.scalar(select(Speaker.id).where(Speaker.key == key))
            if sid is None:
                sid = self._session.execute(
                    insert(Speaker).values(name=name, key=key).returning(Speaker.id)
                ).scalar_one()
            self._ids[key] = sid
        for alias in (name, *aliases):
            self._add_alias(sid, alias)
        return sid

    def _add_alias(self, sid: int, alias: str) -> None:
        alias = tidy_name(alias)
        if not alias or (sid, alias) in self._aliases:
            return
        self._aliases.add((sid, alias))
        exists = self._session.scalar(
            select(SpeakerAlias.id).where(
                SpeakerAlias.speaker_id == sid, SpeakerAlias.alias == alias
            )
        )
        if exists is None:
            self._session.execute(insert(SpeakerAlias).values(speaker_id=sid, alias=alias))
