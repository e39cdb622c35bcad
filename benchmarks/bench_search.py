"""Search, list and export speed on 100,000 articles and 1,000,000 quotes.

The store is generated once and cached in build/bench_search/: Zipf-skewed speakers (the top
speaker holds about a fifth of all quotes), outlets, tags and words, written by raw sqlite3
inserts into a schema open_store created, with the FTS triggers suspended and the indexes
rebuilt once at the end. Then: p50/p95 of the first page of many kinds of search, the
all-quotes list and random jumps in it, the FTS trigger's cost per inserted quote, and an
export of every quote (rows/s and peak memory, in a child process of its own).

    .venv/bin/python benchmarks/bench_search.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.search.types import SearchQuery  # noqa: E402

STORE = ROOT / "build" / "bench_search" / "store.db"
ARTICLES = 100_000
QUOTES = 1_000_000
SPEAKERS = 20_000
OUTLETS = 60
TAGS = 30
_COMMON_WORDS = (
    "the of and to a in that is was he for it with as his on be at by i this had not are but from "
    "or have an they which one you were her all she there would their we him been has when who "
    "will more no if out so said what up its about into than them can only other new some could "
    "time these two may then do first any my now such like our over man me even most made after "
    "also did many before must through back years where much your way well down should because "
    "each just those people how too little state good very make world still own see men work long "
    "get here between both life being under never day same another know while last might us great "
    "old year off come since against go came right used take three government minister police "
    "election climate economy health vaccine border market war peace court"
)
COMMON = _COMMON_WORDS.split()


def _vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    syll = [a + b for a in "bcdfghklmnprstvwz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < size:
        w = "".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def _zipf_weights(n: int, s: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (k**s) for k in range(1, n + 1)))


def generate(path: Path = STORE) -> Path:
    """Builds the store unless a complete one is cached; returns its path."""
    from model.db import open_store
    from model.search.maintenance import rebuild_fts, suspend_fts

    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    for p in (path, done, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    store = open_store(path)
    with store.engine.begin() as conn:
        suspend_fts(conn)
    store.close()
    rng = random.Random(20261122)
    vocab = _vocabulary(rng)
    vocab_cum = _zipf_weights(len(vocab), 1.05)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO outlet(id, name, domain, colour) VALUES (?, ?, ?, ?)",
        [(i, f"Outlet {i:02d}", f"outlet{i}.example", "#4363d8") for i in range(1, OUTLETS + 1)],
    )
    con.executemany(
        "INSERT INTO speaker(id, name, key) VALUES (?, ?, ?)",
        [(i, f"Speaker {i:05d}", f"speaker {i:05d}") for i in range(1, SPEAKERS + 1)],
    )
    con.executemany(
        "INSERT INTO tag(id, name, colour) VALUES (?, ?, ?)",
        [(i, f"tag{i:02d}", "#3cb44b") for i in range(1, TAGS + 1)],
    )
    words = rng.choices(vocab, cum_weights=vocab_cum, k=QUOTES * 12)
    lengths = [rng.randint(6, 18) for _ in range(QUOTES)]
    speaker_ids = rng.choices(range(1, SPEAKERS + 1), cum_weights=_zipf_weights(SPEAKERS, 1.2),
                              k=QUOTES)
    outlet_ids = rng.choices(range(1, OUTLETS + 1), cum_weights=_zipf_weights(OUTLETS, 1.0),
                             k=ARTICLES)
    base = dt.datetime(2020, 1, 1)
    per_article = QUOTES // ARTICLES
    quote_rows = []
    article_rows = []
    pos = 0
    qid = 0
    for aid in range(1, ARTICLES + 1):
        texts = []
        offset = 0
        for k in range(per_article):
            n = lengths[qid]
            chunk = words[pos % (len(words) - 20) : pos % (len(words) - 20) + n]
            pos += n
            text = " ".join(chunk).capitalize() + "."
            texts.append(text)
            qid += 1
            sid = speaker_ids[qid - 1] if qid % 33 else None
            quote_rows.append(
                (qid, aid, offset, offset + len(text), text, sid, "said", k, "auto",
                 1 if qid % 97 == 0 else 0, 0)
            )
            offset += len(text) + 2
        published = base + dt.timedelta(minutes=rng.randrange(0, 6 * 365 * 24 * 60))
        article_rows.append(
            (aid, outlet_ids[aid - 1],
             f"Story {aid}: " + " ".join(words[pos % 9999 : pos % 9999 + 6]),
             f"https://outlet.example/{aid}", None, published.isoformat(sep=" "),
             "\n\n".join(texts), f"{aid:064x}", None)
        )
    con.executemany(
        "INSERT INTO article(id, outlet_id, title, url, author, published, text, content_hash, "
        "source_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        article_rows,
    )
    con.executemany(
        'INSERT INTO quote(id, article_id, start, "end", text, speaker_id, cue, paragraph, origin, '
        "deleted, speaker_edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quote_rows,
    )
    tag_cum = _zipf_weights(TAGS, 1.0)
    tagged = rng.sample(range(1, QUOTES + 1), QUOTES // 20)
    tag_ids = rng.choices(range(1, TAGS + 1), cum_weights=tag_cum, k=len(tagged))
    con.executemany(
        "INSERT INTO quote_tag(quote_id, tag_id) VALUES (?, ?)", zip(tagged, tag_ids, strict=True)
    )
    con.commit()
    con.close()
    t1 = time.perf_counter()
    store = open_store(path)
    with store.engine.begin() as conn:
        rebuild_fts(conn)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    done.write_text("ok\n")
    print(f"generated {path} in {time.perf_counter() - t0:.0f} s "
          f"(rows {t1 - t0:.0f} s, FTS rebuild {time.perf_counter() - t1:.0f} s)")
    return path


def _queries(vocab: list[str]) -> list[tuple[str, SearchQuery]]:
    rare = vocab[8000:8004]
    mid = vocab[300:303]
    d = dt.date
    return [
        ("common word", SearchQuery("the")),
        ("common word", SearchQuery("said")),
        ("mid word", SearchQuery(mid[0])),
        ("rare word", SearchQuery(rare[0])),
        ("rare word", SearchQuery(rare[1])),
        ("two words", SearchQuery(f"{mid[1]} the")),
        ("prefix 2", SearchQuery("ba*")),
        ("prefix 3", SearchQuery("bai*")),
        ("prefix 4", SearchQuery(f"{rare[2][:4]}*")),
        ("phrase", SearchQuery('"the of"')),
        ("phrase", SearchQuery(f'"{mid[2]} the"')),
        ("bad syntax", SearchQuery('the "unbalanced')),
        ("top speaker", SearchQuery("", speaker="Speaker 00001")),
        ("top speaker+word", SearchQuery("the", speaker="Speaker 00001")),
        ("top speaker+rare", SearchQuery(rare[0], speaker="Speaker 00001")),
        ("rare speaker+word", SearchQuery("the", speaker="Speaker 04000")),
        ("rare speaker", SearchQuery("", speaker="Speaker 09999")),
        ("outlet+word", SearchQuery("government", outlet="Outlet 01")),
        ("outlet", SearchQuery("", outlet="Outlet 40")),
        ("tag+word", SearchQuery("the", tag="tag01")),
        ("tag", SearchQuery("", tag="tag29")),
        ("dates narrow+word", SearchQuery("the", since=d(2022, 3, 15), until=d(2022, 3, 20))),
        ("dates broad", SearchQuery("", since=d(2021, 1, 1), until=d(2022, 6, 30))),
        ("all filters", SearchQuery("the", speaker="Speaker 00002", outlet="Outlet 02",
                                    since=d(2021, 1, 1), until=d(2023, 12, 31))),
        ("sort date", SearchQuery("government", sort="date")),
        ("sort date", SearchQuery(mid[0], sort="date")),
        ("sort speaker", SearchQuery(rare[3], sort="speaker")),
        ("sort outlet", SearchQuery("", tag="tag05", sort="outlet")),
        ("all, by date", SearchQuery("", sort="date")),
        ("all, by speaker", SearchQuery("", sort="speaker")),
        ("all, by outlet", SearchQuery("", sort="outlet")),
        ("all, newest", SearchQuery("")),
    ]


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_queries(path: Path) -> None:
    from model.db import open_store
    from model.search import search

    store = open_store(path)
    vocab = _vocabulary(random.Random(20261122))
    rounds = 7
    all_times: list[float] = []
    all_cpu: list[float] = []
    print(f"\nFirst page (200 ids) of {len(_queries(vocab))} searches, {rounds} runs each")
    print("(wall-clock ms; CPU ms of this process beside, which other load on the machine does "
          "not inflate)")
    print(f"{'kind':<20} {'query':<34} {'found':>9} {'order':<9} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p95 CPU':>8}")
    with store.sessions() as s:
        for kind, query in _queries(vocab):
            times, cpu = [], []
            for _ in range(rounds):
                t0, c0 = time.perf_counter(), time.process_time()
                result = search(s, query)
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            all_times.extend(times)
            all_cpu.extend(cpu)
            label = query.text + "".join(
                f" {k}={v}" for k, v in (("sp", query.speaker), ("out", query.outlet),
                                         ("tag", query.tag), ("from", query.since))
                if v
            )
            print(f"{kind:<20} {label[:34]:<34} {result.total_label:>9} {result.sort:<9} "
                  f"{_pct(times, 50):7.2f} {_pct(times, 95):7.2f} {_pct(cpu, 95):8.2f}")
    print(f"{'ALL SEARCHES':<20} {'':<34} {'':>9} {'':<9} "
          f"{_pct(all_times, 50):7.2f} {_pct(all_times, 95):7.2f} {_pct(all_cpu, 95):8.2f}")
    store.close()


def bench_list(path: Path) -> None:
    from model.db import open_store
    from model.library import quote_rows
    from model.search import SearchQuery, all_ids

    store = open_store(path)
    with store.sessions() as s:
        t0 = time.perf_counter()
        ids = all_ids(s, SearchQuery(""))
        t_ids = time.perf_counter() - t0
        rng = random.Random(7)
        jumps = []
        for _ in range(60):
            k = rng.randrange(0, len(ids) - 60)
            t0 = time.perf_counter()
            rows = quote_rows(s, ids[k : k + 60])
            jumps.append((time.perf_counter() - t0) * 1000)
            assert len(rows) == 60
        t0 = time.perf_counter()
        every = all_ids(s, SearchQuery("the"))
        t_the = time.perf_counter() - t0
    print(f"\nAll-quotes list: {len(ids):,} ids in {t_ids * 1000:.0f} ms (background, after the "
          "first page); random jump (60 rows):"
          f" p50 {_pct(jumps, 50):.1f} ms, p95 {_pct(jumps, 95):.1f} ms")
    print(f"Every id of 'the' ({len(every):,}) in {t_the * 1000:.0f} ms (background)")
    store.close()


def bench_writes(path: Path, n: int = 5_000) -> None:
    """What the FTS triggers cost writers, in transactions rolled back afterwards."""
    from sqlalchemy import text

    from model.db import open_store
    from model.search.maintenance import suspend_fts, sync_fts
    from model.tags import assign_tag, create_tag

    store = open_store(path)
    cols = ('INSERT INTO quote(article_id, start, "end", text, speaker_id, paragraph, origin, '
            "deleted, speaker_edited) VALUES ")
    one = text(cols + "(:a, 0, 10, :t, 1, 0, 'auto', 0, 0)")
    rows = [{"a": 1 + i // 10, "t": f"Trigger cost sample {i} about the budget"}
            for i in range(n)]
    out: dict[str, float] = {}
    cases = (("with the index triggers", False), ("triggers suspended", True))
    for label, suspend in cases:
        with store.sessions() as s:
            if suspend:
                suspend_fts(s)
            t0 = time.perf_counter()
            s.execute(one, rows)
            out[label] = (time.perf_counter() - t0) / n * 1e6
            if not suspend:
                t0 = time.perf_counter()
                sync_fts(s)  # what the Session runs before committing
                out["then indexing them at commit"] = (time.perf_counter() - t0) / n * 1e6
            s.rollback()
    print(f"\nInserting {n:,} quotes one statement each, as the Ingestor does (µs per quote): "
          + ", ".join(
        f"{k} {v:.0f}" for k, v in out.items()))
    with store.sessions() as s:
        ids = list(range(1, 1_000_001, 200))
        tag = create_tag(s, "bench tag")
        t0 = time.perf_counter()
        assign_tag(s, tag.id, ids)
        t1 = time.perf_counter()
        synced = sync_fts(s)
        t2 = time.perf_counter()
        s.rollback()
    print(f"Tagging {len(ids):,} quotes at once: {(t1 - t0) * 1000:.0f} ms, then re-indexing "
          f"them ({synced:,}) at commit: {(t2 - t1) * 1000:.0f} ms")
    store.close()


def bench_export(path: Path, fmt: str) -> None:
    """Runs in a child process, so its peak memory is the export's own."""
    import resource

    from model.db import open_store
    from model.export import export_to_path

    store = open_store(path)
    out = path.parent / f"export.{fmt}"
    with store.sessions() as s:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = export_to_path(s, out, fmt=fmt)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = out.stat().st_size / 1e6
    out.unlink()
    print(f"Export of every quote as {fmt}: {summary.rows:,} rows in "
          f"{elapsed:.1f} s = "
          f"{summary.rows / elapsed:,.0f} rows/s ({summary.rows / cpu:,.0f} per CPU second), "
          f"{size:.0f} MB, peak RSS {peak:.0f} MiB")


def main() -> int:
    import subprocess

    if sys.argv[1:2] == ["--export"]:
        bench_export(STORE, sys.argv[2])
        return 0
    t0 = time.perf_counter()
    generate()
    print(f"store ready in {time.perf_counter() - t0:.1f} s: {STORE}")
    bench_queries(STORE)
    bench_list(STORE)
    bench_writes(STORE)
    print()
    failed = 0
    for fmt in ("csv", "jsonl"):
        failed += subprocess.call([sys.executable, __file__, "--export", fmt])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
