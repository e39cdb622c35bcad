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
        self._post: dict[int, Sequence[int]] = {}
        # Stands for the posting list of a key too common to look up: only its length is read.
        self._common = range(cap + 1)
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
        # One pass: a common key's rows are contiguous in the clustered table, so reading them
        # costs less than a second lookup of every rare key would.
        found: dict[int, list[int]] = {}
        for literal in _literal_batches(missing):
            for key, sid in self._conn.execute(
                f"SELECT key, statement_id FROM statement_key WHERE key IN ({literal})"
            ):
                posting = found.get(key)
                if posting is None:
                    found[key] = [sid]
                else:
                    posting.append(sid)
        # Keys in no statement yet (most of a new quote's pairs) share one empty tuple.
        cap, common, empty = self._cap, self._common, ()
        for key in missing:
            posting = found.get(key, empty)
            post[key] = common if len(posting) > cap else posting

    @property
    def postings(self) -> dict[int, Sequence[int]]:
        """Key -> statement ids; a key's length is its size (a common key's is cap + 1)."""
        return self._post

    def add(self, added: dict[int, list[int]]) -> None:
        """Records the statements a chunk filed under each key (distinct per key).

        Written now unless the run is complete."""
        post, cap, common = self._post, self._cap, self._common
        fresh: list[tuple[int, int]] = []
        complete = self.complete
        for key, sids in added.items():
            posting = post.get(key)
            if not posting:  # unknown, or known to be in no statement
                # Most keys stay in one statement: a 1-tuple is half the memory of a list.
                post[key] = (sids[0],) if len(sids) == 1 else sids
                if not complete:
                    fresh.extend((key, sid) for sid in sids)
                continue
            if posting is common:
                if not complete:
                    fresh.extend((key, sid) for sid in sids)
                continue
            if not isinstance(posting, list):
                posting = post[key] = list(posting)
            for sid in sids:
                # Past the cap a key is never looked up again: duplicates are dropped on writing.
                if len(posting) > cap or sid not in posting:
                    posting.append(sid)
                    fresh.append((key, sid))
        if not complete and fresh:
            fresh.sort()
            self._conn.executemany(
                "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)", fresh
            )

    def flush(self) -> None:
        """Writes a complete run's rows, in key order, so the b-tree is appended to."""
        if not self.complete or not self._post:
            return
        post, cap = self._post, self._cap
        self._conn.executemany(
            "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)",
            # A generator: at a million quotes a list of the rows alone would take a gigabyte.
            (
                (key, sid)
                for key in sorted(post)
                for sid in (post[key] if len(post[key]) <= cap else sorted(set(post[key])))
            ),
        )
        self._post.clear()
