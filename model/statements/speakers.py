"""Whether two speaker names are one person, and who a statement's speaker is.

Extractors name the same person differently from one article to the next ("Jeffrey Lewis",
"Lewis"; "State Department official", "official"), so speakers whose names' words are contained
one in the other count as agreeing: they neither block a short fragment nor mark a statement
disputed. The statement is credited to the fullest name of the best-supported group.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.schema import Speaker
from model.statements.text import words


@functools.lru_cache(maxsize=65_536)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(words(name))


def compatible(a: str, b: str) -> bool:
    ta, tb = _name_words(a), _name_words(b)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


class SpeakerNames:
    """Speaker names by id for one grouping run, read from the store as they are needed."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._names: dict[int, str] = {}
        self._same: dict[tuple[int, int], bool] = {}

    def load(self, ids: Iterable[int | None]) -> None:
        missing = sorted({i for i in ids if i is not None and i not in self._names})
        for i in range(0, len(missing), 900):
            rows = self._session.execute(
                select(Speaker.id, Speaker.name).where(Speaker.id.in_(missing[i : i + 900]))
            )
            self._names.update((sid, name) for sid, name in rows)

    @property
    def names(self) -> Mapping[int, str]:
        return self._names

    def same_person(self, a: int, b: int) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        found = self._same.get(key)
        if found is None:
            if len(self._same) > 200_000:  # pairs of thousands of speakers: bounded
                self._same.clear()
            na, nb = self._names.get(a), self._names.get(b)
            found = na is not None and nb is not None and compatible(na, nb)
            self._same[key] = found
        return found


def credit(votes: Counter[int], names: Mapping[int, str]) -> tuple[int | None, list[set[int]]]:
    """The speaker to credit, and the groups of compatible speakers, best supported first.

    More than one group means the statement's speaker is disputed.
    """
    groups: list[set[int]] = []
    for sid in votes:
        for g in groups:
            if any(compatible(names.get(sid, ""), names.get(o, "")) for o in g):
                g.add(sid)
                break
        else:
            groups.append({sid})
    groups.sort(key=lambda g: -sum(votes[s] for s in g))
    if not groups:
        return None, []
    best = max(groups[0], key=lambda s: (len(names.get(s, "")), votes[s]))
    return best, groups
