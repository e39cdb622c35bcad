"""Grouping quotes into statements, incrementally, without ever comparing all pairs.

Each quote is compared only with the statements that share one of its blocking keys (a pair of
consecutive content words, or its whole folded wording) in `statement_key`; keys shared by more
than `POSTING_CAP` statements are too common to tell anything and are skipped. The best few
candidates by shared keys are scored by `match_score`. Quotes are taken longest first, so a
fragment finds the full quote already grouped.

Every live quote gets a statement, a single-version one if nothing matches, so "ungrouped" means
"not seen yet". A quote that is already grouped is taken out of its statement and grouped again.
Deleted quotes are taken out and never grouped.

Quotes in the same article may join the same statement (an article that repeats or shortens a
quote it printed in full): the statement counts outlets, not quotes, so a repetition never makes
a statement look more widely carried than it is.
"""

from __future__ import annotations

import contextlib
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from model.schema import Article, Quote, QuoteStatement, Statement, StatementKey
from model.statements.blocking import KeyIndex, _literal_batches
from model.statements.matching import fullest_index, match_score
from model.statements.speakers import SpeakerNames, credit
from model.statements.text import Wording

CHUNK = 2000
POSTING_CAP = 500
CANDIDATES = 8
RARE_KEYS = 6
CACHE_KIB = 262_144
# Statements' wordings a run keeps tokenised (~0.8 KB each). Few candidates come back soon enough
# for more to help: at 100,000 quotes 2,000 took no more CPU time than 50,000, and 25 MB less.
WORDINGS_HELD = 10_000
# A full regroup looks no key up in SQLite (its index is in memory): a small cache holds what it
# reads (each quote once, candidates' rows) as well as 256 MB did (same CPU time at 100,000
# quotes), and 248 MB less of it stays in the process.
CACHE_KIB_COMPLETE = 8_192
_IN_BATCH = 900

Progress = Callable[[int, int], bool]
"""Called with (done, total) between chunks; returning False stops (the work so far is kept)."""


@dataclass(slots=True)
class _Member:
    quote_id: int
    article_id: int
    outlet_id: int
    speaker_id: int | None
    text: str
    wording: Wording


@dataclass(slots=True)
class _Candidate:
    """A statement as the matcher sees it during one chunk."""

    id: int
    speaker_id: int | None
    wording: Wording
    members: list[_Member] = field(default_factory=list)
    created: bool = False
    # A plain dict: a Counter per candidate (thousands per chunk) cost more than the matching.
    votes: dict[int, int] = field(default_factory=dict)

    def speaker(self) -> int | None:
        """The stored majority for a statement from the store; the votes so far for a new one."""
        if self.speaker_id is not None or not self.votes:
            return self.speaker_id
        return max(self.votes, key=self.votes.__getitem__)  # the first voted wins a tie


def _batches(items: Sequence[int], size: int = _IN_BATCH) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _summary(members: Sequence[_Member], names: SpeakerNames) -> dict[str, object]:
    """The statement row for these versions: who is credited, fullest wording, counts."""
    if len(members) == 1:  # most statements: skip the vote and the wording contest
        m = members[0]
        return {
            "speaker_id": m.speaker_id, "text": m.text, "quote_count": 1, "outlet_count": 1,
            "disputed": False,
        }
    best = fullest_index([m.wording for m in members])
    votes = Counter(m.speaker_id for m in members if m.speaker_id is not None)
    names.load(votes)
    speaker, groups = credit(votes, names.names)
    return {
        "speaker_id": speaker,
        "text": members[best].text,
        "quote_count": len(members),
        "outlet_count": len({m.outlet_id for m in members}),
        "disputed": len(groups) > 1,
    }


def _load_members(session: Session, statement_ids: Sequence[int]) -> dict[int, list[_Member]]:
    out: dict[int, list[_Member]] = {}
    for batch in _batches(statement_ids):
        rows = session.execute(
            select(
                QuoteStatement.statement_id, Quote.id, Quote.article_id, Article.outlet_id,
                Quote.speaker_id, Quote.text,
            )
            .join(Quote, Quote.id == QuoteStatement.quote_id)
            .join(Article, Article.id == Quote.article_id)
            .where(QuoteStatement.statement_id.in_(batch), Quote.deleted.is_(False))
            .order_by(Quote.id)
        )
        for sid, qid, aid, oid, spk, text in rows:
            out.setdefault(sid, []).append(_Member(qid, aid, oid, spk, text, Wording.of(text)))
    return out


def refresh_statements(session: Session, statement_ids: Iterable[int]) -> None:
    """Recomputes the summary of these statements from their live quotes; drops empty ones."""
    ids = sorted(set(statement_ids))
    members = _load_members(session, ids)
    empty = [sid for sid in ids if sid not in members]
    for batch in _batches(empty):
        session.execute(delete(Statement).where(Statement.id.in_(batch)))
    names = SpeakerNames(session)
    names.load(m.speaker_id for ms in members.values() for m in ms)
    rows = [{"b_id": sid, **_summary(ms, names)} for sid, ms in members.items()]
    if rows:
        stmt = (
            update(Statement)
            .where(Statement.id == bindparam("b_id"))
            .values({k: bindparam(k) for k in rows[0] if k != "b_id"})
        )
        session.connection().execute(stmt, rows)


def forget_quotes(session: Session, quote_ids: Iterable[int]) -> None:
    """Takes quotes out of their statements (a quote deleted, or its text or speaker changed)."""
    ids = sorted(set(quote_ids))
    touched: set[int] = set()
    for batch in _batches(ids):
        touched.update(
            session.scalars(
                select(QuoteStatement.statement_id).where(QuoteStatement.quote_id.in_(batch))
            )
        )
        session.execute(delete(QuoteStatement).where(QuoteStatement.quote_id.in_(batch)))
    refresh_statements(session, touched)


class _Grouper:
    """One grouping run inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.next_id = (session.scalar(select(func.max(Statement.id))) or 0) + 1
        self.dirty: set[int] = set()
        self.names = SpeakerNames(session)
        # Statements' wordings already tokenised in this run, by id: a widely carried statement
        # is a candidate in many chunks. Dropped when the run changes the statement's text.
        self._wordings: dict[int, Wording] = {}
        self._raw = session.connection().connection.driver_connection
        self.index = KeyIndex(self._raw, POSTING_CAP)

    def run(self, quote_ids: Sequence[int], progress: Progress | None) -> int:
        done = 0
        with self._large_page_cache():
            for i in range(0, len(quote_ids), CHUNK):
                chunk = quote_ids[i : i + CHUNK]
                self._chunk(self._load_quotes(chunk))
                done += len(chunk)
                if progress is not None and not progress(done, len(quote_ids)):
                    break
            self.index.flush()
        return done

    @contextlib.contextmanager
    def _large_page_cache(self) -> Iterator[None]:
        """SQLite's default 2 MB page cache makes the key index's lookups and inserts read the
        disk once it outgrows it: a 256 MB cap for the run made a 150,000-quote regroup 1.7x
        faster. Only pages actually read are held, and the connection's own size is restored.
        A run from an empty key table reads no keys: it gets a small cache."""
        conn = self.session.connection()
        if conn.dialect.name != "sqlite":
            yield
            return
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        kib = CACHE_KIB_COMPLETE if self.index.complete else CACHE_KIB
        conn.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
        try:
            yield
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")

    def _rows(self, sql: str, ids: Sequence[int]) -> Iterable[tuple]:  # type: ignore[type-arg]
        """Runs `sql` with `{ids}` replaced by batches of integer literals.

        The hot lookups of a run (a million quotes means thousands of them) skip SQLAlchemy's
        statement compilation and result wrapping, which for 5,000-value IN lists cost more than
        the query; the values are ints from the store or from our hash, never user text.
        """
        for literal in _literal_batches(ids):
            yield from self._raw.execute(sql.format(ids=literal))

    def _load_quotes(self, ids: Sequence[int]) -> list[_Member]:
        rows = self._rows(
            "SELECT q.id, q.article_id, a.outlet_id, q.speaker_id, q.text FROM quote q "
            "JOIN article a ON a.id = q.article_id WHERE q.deleted = 0 AND q.id IN ({ids})",
            ids,
        )
        out = [_Member(q, a, o, s, t, Wording.of(t)) for q, a, o, s, t in rows]
        out.sort(key=lambda m: (-len(m.wording.tokens), m.quote_id))
        return [m for m in out if m.wording.tokens]

    def _select_keys(
        self, quotes: list[_Member], keys_of: dict[int, set[int]]
    ) -> dict[int, list[int]]:
        """Each quote's rarest keys: the exact wording plus up to RARE_KEYS word pairs.

        Common pairs ("white house") propose thousands of statements and decide nothing; a
        quote's rarest pairs are what it shares with its other versions.
        """
        get = self.index.postings.get

        def size(key: int) -> int:
            return len(get(key, ()))

        chosen: dict[int, list[int]] = {}
        for m in quotes:
            exact, pairs = m.wording.exact_key(), keys_of[m.quote_id]
            usable = [k for k in pairs if k != exact and len(get(k, ())) <= POSTING_CAP]
            if len(usable) > RARE_KEYS:
                # sorted()[:n] is what nsmallest returns, ties included, and cheaper for ~20
                usable = sorted(usable, key=size)[:RARE_KEYS]
            head = [exact] if len(get(exact, ())) <= POSTING_CAP else []
            chosen[m.quote_id] = head + usable[:RARE_KEYS]
        return chosen

    def _load_candidates(self, ids: set[int]) -> dict[int, _Candidate]:
        out = {}
        seen = self._wordings
        if len(seen) > WORDINGS_HELD:  # a bound on memory; popular statements come back quickly
            seen.clear()
        for sid, spk, text in self._rows(
            "SELECT id, speaker_id, text FROM statement WHERE id IN ({ids})", sorted(ids)
        ):
            known = seen.get(sid)
            if known is None:
                known = seen[sid] = Wording.of(text)
            out[sid] = _Candidate(sid, spk, known)
        return out

    def _chunk(self, quotes: list[_Member]) -> None:
        keys_of = {m.quote_id: m.wording.keys() for m in quotes}
        self.index.load(k for keys in keys_of.values() for k in keys)
        chosen = self._select_keys(quotes, keys_of)
        db_post = self.index.postings
        tops = {m.quote_id: _top(chosen[m.quote_id], db_post, {}) for m in quotes}
        wanted = set().union(*tops.values()) if tops else set()
        cands = self._load_candidates(wanted)
        self.names.load([m.speaker_id for m in quotes] + [c.speaker_id for c in cands.values()])
        same = self.names.same_person
        overlay: dict[int, list[int]] = {}
        links: list[tuple[int, int]] = []
        new_keys: set[tuple[int, int]] = set()

        for m in quotes:
            keys = keys_of[m.quote_id]
            best, best_score = None, 0.0
            mine = chosen[m.quote_id]
            # Only a version grouped earlier in this chunk changes the store's ranking.
            top = (
                _top(mine, db_post, overlay)
                if any(k in overlay for k in mine)
                else tops[m.quote_id]
            )
            for sid in top:
                cand = cands.get(sid)
                if cand is None:
                    continue
                score = match_score(m.wording, m.speaker_id, cand.wording, cand.speaker(), same)
                if score is not None and score > best_score:
                    best, best_score = cand, score
            if best is None:
                best = _Candidate(self.next_id, None, m.wording, created=True)
                self.next_id += 1
                cands[best.id] = best
            elif not best.created:
                self.dirty.add(best.id)
            best.members.append(m)
            if m.speaker_id is not None:
                best.votes[m.speaker_id] = best.votes.get(m.speaker_id, 0) + 1
            if len(m.wording.tokens) > len(best.wording.tokens):
                best.wording = m.wording
            links.append((m.quote_id, best.id))
            for k in keys:
                if (k, best.id) not in new_keys:
                    new_keys.add((k, best.id))
                    overlay.setdefault(k, []).append(best.id)

        created = [
            {"id": c.id, **_summary(c.members, self.names)} for c in cands.values() if c.created
        ]
        conn = self.session.connection()
        if created:
            conn.execute(insert(Statement), created)
        # Plain executemany: per-row parameter processing in SQLAlchemy would double the cost.
        if links:
            conn.exec_driver_sql(
                "INSERT INTO quote_statement (quote_id, statement_id) VALUES (?, ?)", links
            )
        self.index.add(overlay)
        if self.dirty:
            refresh_statements(self.session, self.dirty)
            for sid in self.dirty:  # its fullest wording may have changed
                self._wordings.pop(sid, None)
            self.dirty.clear()


def _top(
    keys: list[int], db_post: dict[int, Sequence[int]], overlay: dict[int, list[int]]
) -> list[int]:
    """The statements sharing the most of a quote's chosen keys, best first."""
    counts: dict[int, int] = {}
    get = counts.get
    for k in keys:
        for sid in db_post.get(k, ()):
            counts[sid] = get(sid, 0) + 1
        for sid in overlay.get(k, ()):
            counts[sid] = get(sid, 0) + 1
    if len(counts) <= CANDIDATES:
        return sorted(counts, key=lambda sid: -counts[sid])
    return heapq.nlargest(CANDIDATES, counts, key=counts.__getitem__)


def group_new_quotes(
    session: Session, quote_ids: Iterable[int], progress: Progress | None = None
) -> int:
    """Groups these quotes (new, or changed since) into statements; returns how many were seen.

    Quotes already grouped are first taken out of their statements; deleted ones stay out.
    """
    ids = sorted(set(quote_ids))
    forget_quotes(session, ids)
    lengths: list[tuple[int, int]] = []
    for batch in _batches(ids):
        lengths.extend(
            session.execute(select(Quote.id, func.length(Quote.text)).where(Quote.id.in_(batch)))
        )
    lengths.sort(key=lambda row: (-row[1], row[0]))
    return _Grouper(session).run([qid for qid, _n in lengths], progress)


def _forget_everything(session: Session) -> list[int]:
    session.execute(delete(StatementKey))
    session.execute(delete(QuoteStatement))
    session.execute(delete(Statement))
    return list(
        session.scalars(
            select(Quote.id)
            .where(Quote.deleted.is_(False))
            .order_by(func.length(Quote.text).desc(), Quote.id)
        )
    )


def regroup_all(session: Session, progress: Progress | None = None) -> int:
    """Forgets every statement and groups all live quotes again, longest first."""
    ids = _forget_everything(session)  # first: the grouper sees the emptied key table
    return _Grouper(session).run(ids, progress)


def group_in_steps(
    sessions: sessionmaker[Session],
    *,
    everything: bool = False,
    progress: Progress | None = None,
    step: int = 5 * CHUNK,
) -> int:
    """Groups the ungrouped quotes (or, with `everything`, regroups all) a step at a time.

    For a window that stays in use meanwhile: each step of `step` quotes is its own transaction,
    so a correction or an import waits for one step (seconds), not for the whole run (minutes,
    at a million quotes). Stopping between steps leaves the rest ungrouped, to be grouped later.
    """
    with sessions.begin() as session:
        if everything:
            ids = _forget_everything(session)
        else:
            ids = [
                qid for qid, _n in session.execute(
                    select(Quote.id, func.length(Quote.text))
                    .outerjoin(QuoteStatement, QuoteStatement.quote_id == Quote.id)
                    .where(Quote.deleted.is_(False), QuoteStatement.quote_id.is_(None))
                    .order_by(func.length(Quote.text).desc(), Quote.id)
                )
            ]
    done = 0
    for i in range(0, len(ids), step):
        with sessions.begin() as session:
            done += _Grouper(session).run(ids[i : i + step], None)
        if progress is not None and not progress(done, len(ids)):
            break
    return done


def ungrouped_quote_ids(session: Session) -> list[int]:
    """Live quotes no grouping has seen yet (imported before statements existed, or just now)."""
    return list(
        session.scalars(
            select(Quote.id)
            .outerjoin(QuoteStatement, QuoteStatement.quote_id == Quote.id)
            .where(Quote.deleted.is_(False), QuoteStatement.quote_id.is_(None))
            .order_by(Quote.id)
        )
    )


def ensure_statement_of_quote(session: Session, quote_id: int) -> int | None:
    """The statement of a quote, grouping it first if no grouping has seen it yet."""
    sid = session.scalar(
        select(QuoteStatement.statement_id).where(QuoteStatement.quote_id == quote_id)
    )
    if sid is None:
        group_new_quotes(session, [quote_id])
        sid = session.scalar(
            select(QuoteStatement.statement_id).where(QuoteStatement.quote_id == quote_id)
        )
    return sid
