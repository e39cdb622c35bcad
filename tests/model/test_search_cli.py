"""The search, tag and export commands, run as a user would run them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.db import open_store
from model.ingest import Ingestor
from model.records import ArticleIn

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "search" / "articles.json"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "s.db"
    store = open_store(path)
    with store.sessions.begin() as s:
        ingest = Ingestor(s)
        for art in json.loads(FIXTURE.read_text(encoding="utf-8")):
            art["published"] = dt.datetime.fromisoformat(art["published"])
            ingest.add(ArticleIn(**art))
    store.close()
    return path


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "--db", str(db), *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )


def test_search_prints_a_table_and_jsonl(db):
    table = run(db, "search", "bridge", "--speaker", "Jane Doe")
    assert table.returncode == 0, table.stderr
    assert "The budget for the bridge is sound," in table.stdout
    assert table.stdout.strip().endswith("3 found")
    lines = run(db, "search", "bridg*", "--outlet", "Coast Times", "--jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["quote"] for r in records] == ["Bridges rarely come in on budget,",
                                              "The budget for the bridge is sound,"]
    assert records[0]["speaker"] == "Mary Major" and records[0]["outlet"] == "Coast Times"


def test_search_problems_exit_nonzero_with_one_line(db):
    bad_date = run(db, "search", "x", "--since", "2024-02-30")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr
    nobody = run(db, "search", "bridge", "--speaker", "Nobody")
    assert nobody.returncode == 1
    assert nobody.stderr.strip() == "No speaker named “Nobody”."
    fell_back = run(db, "search", 'bridge "winter')
    assert fell_back.returncode == 0 and "plain words" in fell_back.stderr
    assert "1 found" in fell_back.stdout


def test_tag_then_export_the_tag(db, tmp_path):
    ids = [json.loads(line)["quote_id"] for line in run(db, "search", "ferry", "--jsonl")
           .stdout.splitlines()]
    added = run(db, "tag", "--add", "Transport", *map(str, ids), "999999")
    assert added.returncode == 1 and "quote 999999: no such quote" in added.stderr
    assert added.stdout.startswith(f"Tagged {len(ids)} quote")
    out = tmp_path / "t.csv"
    exported = run(db, "export", str(out), "--tag", "transport", "--bom")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert sorted(int(r["quote_id"]) for r in rows) == sorted(ids)
    assert {r["tags"] for r in rows} == {"Transport"}
    removed = run(db, "tag", "--remove", "Transport", *map(str, ids))
    assert removed.returncode == 0
    stdout = run(db, "export", "-", "--tag", "Transport", "--format", "jsonl")
    assert stdout.returncode == 0 and stdout.stdout == ""
