"""Large first imports rebuild the full-text index once; an interrupted one is repaired."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from model.db import open_store
from model.importing import ImportOptions, import_paths
from model.ingest import Ingestor
from model.records import ArticleIn
from model.search.maintenance import TRIGGERS, suspend_fts


def write(folder: Path, words: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for word in words:
        (folder / f"{word}.txt").write_text(
            f"About {word}\n\n“The {word} matters,” said Ann Fox.\n", encoding="utf-8")


def found(store, table: str, word: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(
            text(f"SELECT count(*) FROM {table} WHERE {table} MATCH :w"), {"w": word}
        ).scalar()


def triggers(store) -> set[str]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        return {r[0] for r in rows}


def test_large_first_import_is_searchable_and_keeps_its_triggers(store, tmp_path):
    write(tmp_path / "in", ["walrus", "pelican", "heron", "otter"])
    report = import_paths(store, [tmp_path / "in"], ImportOptions(bulk_index_min_files=3))
    assert report.articles == 4
    assert found(store, "article_fts", "pelican") == 1
    assert found(store, "quote_fts", "otter") == 1
    assert set(TRIGGERS) <= triggers(store)
    # The next, small import goes through the triggers again.
    write(tmp_path / "more", ["badger"])
    import_paths(store, [tmp_path / "more"], ImportOptions(bulk_index_min_files=3))
    assert found(store, "quote_fts", "badger") == 1


def test_an_import_interrupted_with_triggers_dropped_is_repaired_by_the_next(store, tmp_path):
    # What a bulk import killed half-way leaves: triggers dropped, a stored file not indexed.
    with store.sessions.begin() as s:
        suspend_fts(s)
        Ingestor(s).add(ArticleIn(outlet="X", text="“The walrus matters,” said Ann Fox."))
    assert found(store, "quote_fts", "walrus") == 0
    write(tmp_path / "next", ["heron"])
    import_paths(store, [tmp_path / "next"])
    assert found(store, "quote_fts", "walrus") == 1
    assert found(store, "quote_fts", "heron") == 1
    assert set(TRIGGERS) <= triggers(store)


def test_killed_bulk_import_keeps_every_reported_file_and_the_next_import_repairs_search(
    tmp_path,
):
    import json
    import subprocess
    import sys

    words = [f"word{i:04d}x" for i in range(600)]
    write(tmp_path / "in", words)
    db = tmp_path / "killed.db"
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    proc = subprocess.Popen(
        [sys.executable, str(main_py), "import", str(tmp_path / "in"), "--db", str(db),
         "--jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout is not None
    reported = [json.loads(proc.stdout.readline()) for _ in range(5)]
    proc.kill()
    proc.wait()
    store = open_store(db)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            stored = conn.execute(text("SELECT count(*) FROM article")).scalar()
        assert stored >= len([r for r in reported if r["status"] == "imported"]) == 5
        # Killed with the index triggers dropped: the next import makes search whole again.
        import_paths(store, [tmp_path / "in"])
        assert found(store, "quote_fts", words[0]) == 1
        assert found(store, "article_fts", words[-1]) == 1
        assert set(TRIGGERS) <= triggers(store)
    finally:
        store.close()
