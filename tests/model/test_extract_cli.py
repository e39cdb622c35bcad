"""`main.py extract`: quotes of text files as a table or JSON lines, bad files reported by name."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "extract" / "article.txt"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "extract", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )


def test_jsonl_gives_offsets_into_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    shutil.copy(FIXTURE, path)
    result = run("--jsonl", path)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = path.read_text(encoding="utf-8")
    assert len(rows) >= 5
    for row in rows:
        assert set(row) == {"file", "start", "end", "text", "speaker", "cue"}
        assert text[row["start"]:row["end"]] == row["text"]
    by_text = {row["text"]: row["speaker"] for row in rows}
    assert by_text["probably connected."] == "Jeffrey Lewis"


def test_table_lists_quotes_with_their_speakers(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("“We will win,” said Ada Moreno.\n", encoding="utf-8")
    result = run(path)
    assert result.returncode == 0
    assert "1 quotes" in result.stdout
    assert "Ada Moreno" in result.stdout and "We will win," in result.stdout


def test_non_utf8_is_read_in_its_encoding_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "«C'est déjà fini», a déclaré José Núñez à la presse étrangère ce matin-là. " * 4
    path.write_bytes(text.encode("cp1252"))
    result = run("--jsonl", path)
    assert result.returncode == 0
    assert "not UTF-8" in result.stderr and str(path) in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and rows[0]["text"].startswith("C'est d")


def test_missing_and_binary_files_fail_but_the_others_are_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("“Fine,” said Ida Berg.\n", encoding="utf-8")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\x00\x00\x01" * 50)
    missing = tmp_path / "nope.txt"
    result = run("--jsonl", missing, binary, good)
    assert result.returncode == 1
    assert f"{missing}: no such file" in result.stderr
    assert f"{binary}: binary file" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in rows] == ["Ida Berg"]
