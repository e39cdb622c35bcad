"""Start-up of the reader on a store of 100,000 articles: process start to first paint, and
to a populated window (outlets listed, first article shown with its highlights).

The store is generated once (raw sqlite3 inserts after `open_store` made the schema) and cached
under build/. Run: .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
STORE = ROOT / "build" / "bench_startup_100k.db"
ARTICLES = 100_000
OUTLETS = 40
QUOTES_PER_ARTICLE = 3
RUNS = 5
TARGET_PAINT, TARGET_POPULATED = 0.5, 1.2

WORDS = ["the", "launch", "site", "satellite", "said", "officials", "missile", "reported",
         "analysts", "week", "talks", "summit", "images", "activity", "preparing", "rocket",
         "engine", "test", "facility"]


def build_store(path: Path) -> None:
    from model.db import open_store

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".partial")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    open_store(tmp).close()
    rng = random.Random(3)
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO outlet (id, name, domain, colour) VALUES (?, ?, ?, ?)",
        [(i, f"Outlet {i:02d}", f"outlet{i}.example", "#4363d8") for i in range(1, OUTLETS + 1)],
    )
    con.executemany("INSERT INTO speaker (id, name, key) VALUES (?, ?, ?)",
                    [(i, f"Speaker {i}", f"speaker {i}") for i in range(1, 501)])
    articles, quotes = [], []
    qid = 0
    for aid in range(1, ARTICLES + 1):
        body = []
        for _ in range(QUOTES_PER_ARTICLE):
            body.append(" ".join(rng.choice(WORDS) for _ in range(25)) + ".")
            body.append("“" + " ".join(rng.choice(WORDS) for _ in range(12)) + ".”")
        text = "\n\n".join(body)
        day = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 00:00:00"
        articles.append((aid, rng.randint(1, OUTLETS), f"Article {aid}", None, None, day, text,
                         f"{aid:064x}", None, "2024-01-01 00:00:00"))
        pos = 0
        for para in body:
            if para.startswith("“"):
                qid += 1
                start = text.index(para, pos) + 1
                quotes.append((qid, aid, start, start + len(para) - 2, para[1:-1],
                               rng.randint(1, 500), "said", 0, "auto", 0, 0, None))
            pos = text.index(para, pos) + len(para)
        if len(articles) >= 5000:
            _flush(con, articles, quotes)
    _flush(con, articles, quotes)
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("ANALYZE")
    con.close()
    tmp.replace(path)


def _flush(con: sqlite3.Connection, articles: list, quotes: list) -> None:
    con.executemany(
        "INSERT INTO article (id, outlet_id, title, url, author, published, text, content_hash,"
        " source_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles)
    con.executemany(
        "INSERT INTO quote (id, article_id, start, \"end\", text, speaker_id, cue, paragraph,"
        " origin, deleted, speaker_edited, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes)
    articles.clear()
    quotes.clear()


# Both ways in: `main.py` parses its command line first (importing no command module when
# none is named), while `run_app` alone shows what the window itself costs.
ENTRIES = {
    "main.py --db STORE": [str(ROOT / "main.py"), "--db", str(STORE)],
    "gui.app.run_app(STORE)": [
        "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); from gui.app import run_app; "
        f"sys.exit(run_app({str(STORE)!r}))",
    ],
}


def measure_once(config_home: str, entry: list[str]) -> tuple[float, float]:
    env = dict(os.environ, QUOTEDESK_STARTUP_TRACE="1", XDG_CONFIG_HOME=config_home)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    t0 = time.time()
    done = subprocess.run([sys.executable, *entry], capture_output=True, text=True, env=env,
                          timeout=60, cwd=ROOT)
    marks = dict(line.split()[:2] for line in done.stderr.splitlines()
                 if line.startswith(("first_paint ", "populated ")))
    if "populated" not in marks:
        raise SystemExit(f"the app did not report start-up marks:\n{done.stderr[-2000:]}")
    return float(marks["first_paint"]) - t0, float(marks["populated"]) - t0


def main() -> None:
    if not STORE.exists():
        t = time.perf_counter()
        print(f"building {STORE.relative_to(ROOT)} ({ARTICLES:,} articles)…", flush=True)
        build_store(STORE)
        print(f"built in {time.perf_counter() - t:.1f} s", flush=True)
    print(f"store: {ARTICLES:,} articles, {ARTICLES * QUOTES_PER_ARTICLE:,} quotes, "
          f"{OUTLETS} outlets; {RUNS} runs each; load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as config_home:
        for name, entry in ENTRIES.items():
            measure_once(config_home, entry)  # warm the OS file cache
            paints, populated = [], []
            for _ in range(RUNS):
                p, q = measure_once(config_home, entry)
                paints.append(p)
                populated.append(q)
            print(f"{name}")
            print(f"  process start -> first paint:       median {statistics.median(paints):.3f} s"
                  f" (min {min(paints):.3f}; target <= {TARGET_PAINT} s)")
            print(f"  process start -> populated window:  median "
                  f"{statistics.median(populated):.3f} s (min {min(populated):.3f}; "
                  f"target <= {TARGET_POPULATED} s)")


if __name__ == "__main__":
    main()
