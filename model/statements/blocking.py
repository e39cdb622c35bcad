"""The blocking index (`statement_key`) as one grouping run sees it: held in memory for the run.

Looking keys up in SQLite chunk after chunk, and inserting each chunk's keys into a b-tree of
hashed (random) keys, were half the cost of a regroup; at a million quotes the b-tree outgrew
the page cache and every insert read and rewrote a scattered page. Here each key's posting list is
read from the store at most once per run, and what the run adds is kept in memory too.

A run that started from an empty table (a full regroup) keeps the whole index in memory, so it is
held compactly (`_PackedRows`): a dict of Python ints costs ~160 bytes a key, 3.5 GB at a million
quotes; packed arrays cost 12 bytes a row. It writes every row once, in key order, when it ends
(appending to a b-tree is cheap). A run over a store that already holds keys writes each chunk's
new rows as it goes.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

_BUCKET_BITS = 16


def _literal_batches(ids: Sequence[int], size: int = 5000) -> Iterator[str]:
    """Integer literals for an IN list: the values are hashes we computed, never user text.

    Binding thousands of parameters costs more than the query; literal ints are safe."""
    for i in range(0, len(ids), size):
        yield ",".join(str(int(v)) for v in ids[i : i + size])


class _PackedRows:
    """(key, statement id) rows in 2**16 buckets of parallel arrays, each sorted by key.

    A key's rows sit together in insertion order (new rows go after equal keys), which is the
    order the matcher ranks candidates in. Keys are hashes, so their top 16 bits (from crc32)
    spread rows evenly: a bucket holds ~300 rows at a million quotes, so a lookup is a short
    bisect and an insert a short memmove. A key past the cap is never looked up again: its rows
    leave the arrays and are written to the store at once (a few hundred keys hold an eighth of
    the rows; in a set they cost 60 bytes each, in SQLite they append to a few ranges).
    """

    __slots__ = ("_cap", "_common", "_keys", "_sids")

    def __init__(self, cap: int) -> None:
        self._cap = cap
        self._keys: list[array[int] | None] = [None] * (1 << _BUCKET_BITS)
        self._sids: list[array[int] | None] = [None] * (1 << _BUCKET_BITS)
        self._common: set[int] = set()

    def lookup(self, keys: Iterable[int], common: Sequence[int]) -> dict[int, Sequence[int]]:
        """Each key's statements in insertion order (`common` for a key past the cap, an empty
        tuple for a key in none). One loop with everything local: it runs for every key of
        every quote."""
        out: dict[int, Sequence[int]] = {}
        past, all_keys, all_sids, empty = self._common, self._keys, self._sids, ()
        shift, mask = 64 - _BUCKET_BITS, (1 << _BUCKET_BITS) - 1
        for key in keys:
            if key in out:
                continue
            if key in past:
                out[key] = common
                continue
            b = (key >> shift) & mask
            bucket = all_keys[b]
            if bucket is None:
                out[key] = empty
                continue
            lo = bisect_left(bucket, key)
            if lo == len(bucket) or bucket[lo] != key:
                out[key] = empty
            else:
                out[key] = all_sids[b][lo : bisect_right(bucket, key, lo)]  # type: ignore[index]
        return out

    def add(self, added: dict[int, list[int]]) -> list[tuple[int, int]]:
        """Files each key's statements (distinct per key) after the ones filed before; returns
        the rows of keys past the cap, to write now (they may repeat rows written before)."""
        past, all_keys, all_sids, cap = self._common, self._keys, self._sids, self._cap
        shift, mask = 64 - _BUCKET_BITS, (1 << _BUCKET_BITS) - 1
        out: list[tuple[int, int]] = []
        for key, sids in added.items():
            if key in past:
                out.extend((key, sid) for sid in sids)
                continue
            b = (key >> shift) & mask
            keys, rows = all_keys[b], all_sids[b]
            if keys is None or rows is None:
                keys = all_keys[b] = array("q")
                rows = all_sids[b] = array("i")  # statement ids are dense, from 1
            lo = bisect_left(keys, key)
            if lo == len(keys) or keys[lo] != key:  # most keys: new to the index
                if len(sids) > cap:
                    past.add(key)
                    out.extend((key, sid) for sid in sids)
                elif len(sids) == 1:
                    keys.insert(lo, key)
                    rows.insert(lo, sids[0])
                else:
                    keys[lo:lo] = array("q", [key] * len(sids))
                    rows[lo:lo] = array("i", sids)
                continue
            hi = bisect_right(keys, key, lo)
            for sid in sids:
                if sid in rows[lo:hi]:
                    continue
                keys.insert(hi, key)
                rows.insert(hi, sid)
                hi += 1
                if hi - lo > cap:
                    past.add(key)
                    out.extend((key, sid) for sid in rows[lo:hi])
                    out.extend((key, sid) for sid in sids)
                    del keys[lo:hi], rows[lo:hi]
                    break
        return out

    def drain(self) -> Iterator[tuple[int, int]]:
        """Every row, sorted by (key, statement id) as SQLite orders signed keys; frees as it
        goes."""
        half = 1 << (_BUCKET_BITS - 1)
        for b in [*range(half, 2 * half), *range(half)]:  # negative keys first
            keys, rows = self._keys[b], self._sids[b]
            self._keys[b] = self._sids[b] = None
            found = [] if keys is None or rows is None else list(zip(keys, rows, strict=True))
            found.sort()
            yield from found


class KeyIndex:
    """Key -> ids of the statements whose versions contain it, for one run."""

    def __init__(self, conn: sqlite3.Connection, cap: int) -> None:
        self._conn = conn
        self._cap = cap
        # The postings of the keys loaded so far (a complete run: of the current chunk's keys).
        self._post: dict[int, Sequence[int]] = {}
        # Stands for the posting list of a key too common to look up: only its length is read.
        self._common = range(cap + 1)
        # True when the table held nothing as the run started: then this index is the table.
        self.complete = conn.execute("SELECT 1 FROM statement_key LIMIT 1").fetchone() is None
        self._rows = _PackedRows(cap) if self.complete else None

    def load(self, keys: Iterable[int]) -> None:
        """Reads the posting lists of keys not seen yet in this run (common keys: only that).

        A complete run reads the chunk's keys from its packed rows into a dict for the chunk,
        and drops the previous chunk's."""
        if self._rows is not None:
            self._post = self._rows.lookup(keys, self._common)
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
        if self._rows is not None:
            past = self._rows.add(added)
            if past:
                past.sort()
                self._conn.executemany(
                    "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)", past
                )
            return
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
        if self._rows is None:
            return
        self._post.clear()
        self._conn.executemany(
            "INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (?, ?)",
            self._rows.drain(),
        )
        self._rows = _PackedRows(self._cap)
