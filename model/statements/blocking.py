"""The blocking index (`statement_key`) as one grouping run sees it: held in memory for the run.

Looking keys up in SQLite chunk after chunk, and inserting each chunk's keys into a b-tree of
hashed (random) keys, were half the cost of a regroup; at a million quotes the b-tree outgrew
the page cache and every insert read and rewrote a scattered page. Here each key's posting list is
read from the store at most once per run (and not at all when the run started from an empty
table, as a full regroup does), and what the run adds is kept in memory too.

Writes: a run that started from an empty table writes every row once, in key order, when it
ends (appending to a b-tree is cheap; a 1.2 GB write-ahead log becomes a few hundred MB). A run
over a store that already holds keys writes each chunk's new rows as it goes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence

# Sizes at or above this mean "too common to propose anything" (the caller's cap + 1 is enough).
_COMMON: list[int] = []


def _literal_batches(ids: Sequence[int], size: int = 5000) -> Iterator[str]:
    """Integer literals for an IN list: the values are hashes we computed, never user text.

    Binding thousands of parameters costs more than the query; literal ints are safe."""
    for i in range(0, len(ids), size):
        yield ",".join(str(int(v)) for v in ids[i : i + size])


class KeyIndex:
    """Key -> ids of the statements whose versions contain it, for one run."""

    def __init__(self, conn: sqlite3.Connection, cap: int) -> None:
        self._conn = conn
        self._cap = cap
        self._post: dict[int, list[int]] = {}
        # True when the table held nothing as the run started: then this index is the table.
        self.complete = conn.execute("SELECT 1 FROM statement_key LIMIT 1").fetchone() is None

    def load(self, keys: Iterable[int]) -> None:
        """Reads the posting lists of keys not seen yet in this run (common keys: only that)."""
        if self.complete:
            return
        post = self._post
        missing = sorted({k for k in keys if k not in post})
        if not missing:
            return
        rare: list[int] = []
        for literal in _literal_batches(missing):
            for key, n in self._conn.execute(
                f"SELECT key, count(*) FROM statement_key WHERE key IN ({literal}) GROUP BY key"
            ):
                if n > self._cap:
                    post[key] = _COMMON
                else:
                    rare.append(key)
        for key in missing:
            post.setdefault(key, [])
        for literal in _literal_batches(sorted(rare)):
            for key, sid in self._conn.execute(
                f"SELECT key, statement_id FROM statement_key WHERE key IN ({literal})"
            ):
                post[key].append(sid)

    def size(self, key: int) -> int:
        posting = self._post.get(key)
        if posting is None:
            return 0
        return self._cap + 1 if posting is _COMMON else len(posting)

    def posting(self, key: int) -> Sequence[int]:
        return self._post.get(key, ())

    def add(self, rows: set[tuple[int, int]]) -> None:
        """Records (key, statement) rows a chunk made; written now unless the run is complete."""
        post, cap = self._post, self._cap
        fresh: list[tuple[int, int]] = []
        for key, sid in rows:
            posting = post.get(key)
            if posting is None:
                post[key] = [sid]
            elif posting is _COMMON:
                pass
            elif len(posting) > cap:
                # Never looked up again; duplicates are dropped when written.
                posting.append(sid)
            elif sid not in posting:
                posting.append(sid)
            else:
                continue
            fresh.append((key, sid))
        if not self.complete and fresh:
            fresh.sort()
            self._conn.executemany(
                "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)", fresh
            )

    def flush(self) -> None:
        """Writes a complete run's rows, in key order, so the b-tree is appended to."""
        if not self.complete or not self._post:
            return
        self._conn.executemany(
            "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)",
            ((key, sid) for key in sorted(self._post) for sid in sorted(set(self._post[key]))),
        )
        self._post.clear()
