"""Statement grouping at scale: a full regroup of a generated store, then a 2,000-article import.

    .venv/bin/python benchmarks/bench_statements.py [--quotes 100000] [--import-articles 2000]
        [--in-steps]

The store is generated: outlets print utterances of a few thousand speakers, re-using them the
way a news cycle does (the same words in full, as a fragment, with a word changed, with other
marks and case), from a Zipf-like vocabulary so that rare words are rare. Prints its figures.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from model.db import open_store
from model.schema import (
    Article,
    Outlet,
    Quote,
    Speaker,
    Statement,
    StatementKey,
)
from model.statements import (
    group_in_steps,
    group_new_quotes,
    list_statements,
    regroup_all,
    speaker_outlet_counts,
    statement_detail,
)

QUOTES_PER_ARTICLE = 10
OUTLETS = 40
SPEAKERS = 3000


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        letters = "abcdefghijklmnopqrstuvwxyz"
        self.vocab = [
            "".join(self.rng.choice(letters) for _ in range(self.rng.randint(2, 10)))
            for _ in range(30000)
        ]
        self.cum_weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.vocab))))
        # The news cycle: the last 5,000 utterances are the ones outlets re-use.
        self.pool: collections.deque[tuple[list[str], int]] = collections.deque(maxlen=5000)

    def utterance(self) -> tuple[list[str], int]:
        n = self.rng.randint(6, 40)
        words = self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n)
        words[0] = words[0].capitalize()
        return words, self.rng.randrange(SPEAKERS)

    def quote(self) -> tuple[str, int]:
        """Words and speaker index: a new utterance, or one from the current news cycle."""
        rng = self.rng
        if self.pool and rng.random() < 0.4:
            words, speaker = self.pool[-rng.randint(1, len(self.pool))]
            words = list(words)
            roll = rng.random()
            if roll < 0.2 and len(words) > 8:
                a = rng.randint(0, len(words) // 2)
                words = words[a : a + rng.randint(4, len(words) - a)]
            elif roll < 0.3:
                words[rng.randrange(len(words))] = rng.choice(self.vocab)
            elif roll < 0.4:
                words = [w.upper() if i % 3 == 0 else w for i, w in enumerate(words)]
            return " ".join(words) + rng.choice([".", ",", ""]), speaker
        words, speaker = self.utterance()
        self.pool.append((words, speaker))
        return " ".join(words) + ".", speaker


def add_articles(store, gen: Generator, count: int, first: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Inserts `count` articles of generated quotes; returns the new quote ids."""
    with store.sessions.begin() as s:
        if not s.scalar(select(func.count()).select_from(Outlet)):
            s.execute(insert(Outlet), [{"name": f"Outlet {i}"} for i in range(OUTLETS)])
            s.execute(
                insert(Speaker), [{"name": f"Speaker {i}", "key": f"speaker {i}"}
                                  for i in range(SPEAKERS)]
            )
        outlet_ids = list(s.scalars(select(Outlet.id)))
        speaker_ids = list(s.scalars(select(Speaker.id).order_by(Speaker.id)))
        before = s.scalar(select(func.max(Quote.id))) or 0
        for base in range(0, count, 1000):
            arts, quotes = [], []
            for n in range(base, min(count, base + 1000)):
                parts = [gen.quote() for _ in range(QUOTES_PER_ARTICLE)]
                text = ""
                spans = []
                for words, spk in parts:
                    start = len(text) + 1
                    text += f"“{words}” "
                    spans.append((start, start + len(words), words, spk))
                arts.append({
                    "id": first + n, "outlet_id": gen.rng.choice(outlet_ids), "title": "",
                    "text": text, "content_hash": f"{first + n}",
                })
                quotes.extend(
                    {"article_id": first + n, "start": a, "end": b, "text": w,
                     "speaker_id": speaker_ids[spk] if gen.rng.random() < 0.9 else None,
                     "paragraph": 0, "origin": "auto", "deleted": False,
                     "speaker_edited": False}
                    for a, b, w, spk in spans
                )
            s.execute(insert(Article), arts)
            s.execute(insert(Quote), quotes)
        return list(s.scalars(select(Quote.id).where(Quote.id > before)))


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn()
    took = time.perf_counter() - t
    print(f"{label:<46} {took:8.2f} s")
    return result, took


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--import-articles", type=int, default=2000)
    parser.add_argument("--in-steps", action="store_true",
                        help="regroup as the window does: a transaction per 10,000 quotes")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_statements_"))
    store = open_store(folder / "bench.db")
    gen = Generator()
    articles = args.quotes // QUOTES_PER_ARTICLE
    timed(f"generate {articles:,} articles / {args.quotes:,} quotes",
          lambda: add_articles(store, gen, articles, 1))

    def full() -> int:
        if args.in_steps:
            return group_in_steps(store.sessions, everything=True)
        with store.sessions.begin() as s:
            return regroup_all(s)

    label = "group_in_steps(everything=True)" if args.in_steps else "regroup_all (one transaction)"
    n, took = timed(label, full)
    print(f"  {n / took:,.0f} quotes/s")
    # A full regroup holds its whole blocking index in memory: its peak, before the import's.
    print(f"  peak memory of the process so far {_peak_mb():,.0f} MB")
    new_ids, _ = timed(f"import {args.import_articles:,} more articles (no grouping)",
                       lambda: add_articles(store, gen, args.import_articles, articles + 1))

    def incremental() -> int:
        with store.sessions.begin() as s:
            return group_new_quotes(s, new_ids)

    n, took = timed(f"group_new_quotes of their {len(new_ids):,} quotes", incremental)
    print(f"  {n / took:,.0f} quotes/s")
    with store.sessions() as s:
        page, _ = timed("list_statements (first page of 200, ≥2 outlets)",
                        lambda: list_statements(s, min_outlets=2, limit=200))
        timed("statement_detail of the most carried", lambda: statement_detail(s, page[0].id))
        timed("speaker_outlet_counts (heat map)", lambda: speaker_outlet_counts(s))
        statements = s.scalar(select(func.count()).select_from(Statement))
        shared = s.scalar(select(func.count()).where(Statement.outlet_count >= 2))
        keys = s.scalar(select(func.count()).select_from(StatementKey))
        total = s.scalar(select(func.count()).select_from(Quote))
    size = (folder / "bench.db").stat().st_size + (folder / "bench.db-wal").stat().st_size
    print(f"quotes {total:,}; statements {statements:,}; carried by ≥2 outlets {shared:,}")
    print(f"statement_key rows {keys:,} ({keys / total:.1f} per quote); store {size / 1e6:,.0f} MB")
    print(f"peak memory of the process {_peak_mb():,.0f} MB")
    store.close()


if __name__ == "__main__":
    main()
