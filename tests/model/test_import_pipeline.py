"""The whole import: folders of good and bad files, duplicates, cancel, atomic files, the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import main
import model.importing.pipeline as pipeline
from model.importing import ImportOptions, import_paths
from model.schema import Article, Outlet, Quote

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def story(number: int) -> str:
    return (f"Story {number}\n\n“Number {number} is in,” said Ann Fox.\n"
            f"Some more text about story {number}.\n")


def mixed_folder(root: Path) -> Path:
    folder = root / "in"
    (folder / "sub" / "page_files").mkdir(parents=True)
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(story(2), encoding="utf-8")
    (folder / "sub" / "empty.txt").write_text("", encoding="utf-8")
    (folder / "sub" / "page_files" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (folder / "zzz.bin").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copyfile(FIXTURES / "feeds" / "feedjira__HuffPostCanada.xml", folder / "feed.xml")
    return folder


def count(store, table) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_folder_with_good_and_bad_files_imports_the_good_and_reports_the_bad(store, tmp_path):
    folder = mixed_folder(tmp_path)
    report = import_paths(store, [folder])
    by_name = {r.path.name: r for r in report.results}
    assert set(by_name) == {"a.txt", "b.txt", "empty.txt", "zzz.bin", "feed.xml"}
    assert by_name["empty.txt"].status == "failed" and by_name["empty.txt"].error == "empty file"
    assert by_name["zzz.bin"].error == "binary file, not text"
    assert by_name["feed.xml"].articles == 2
    assert report.summary() == "imported 4, duplicates 0, failed 2"
    assert count(store, Article) == 4
    with store.sessions() as s:
        outlets = set(s.scalars(select(Outlet.name)))
        assert outlets == {"Unknown outlet", "HuffPost Canada - Athena2 - All Posts"}
        for q in s.scalars(select(Quote)):
            assert q.article.text[q.start : q.end] == q.text


def test_importing_again_stores_nothing_twice_and_says_so(store, tmp_path):
    folder = mixed_folder(tmp_path)
    import_paths(store, [folder])
    again = import_paths(store, [folder])
    assert again.articles == 0
    assert again.duplicates == 4
    assert {r.status for r in again.results if r.error is None} == {"duplicate"}
    assert count(store, Article) == 4


def test_same_url_with_different_text_is_a_duplicate(store, tmp_path):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(json.dumps({"text": "Version one.", "url": "https://x.org/a"}), "utf-8")
    second.write_text(json.dumps({"text": "Version two, edited.", "url": "https://x.org/a"}),
                      "utf-8")
    report = import_paths(store, [first, second])
    assert [r.status for r in report.results] == ["imported", "duplicate"]
    assert count(store, Article) == 1


def test_outlet_option_overrides_the_source(store):
    import_paths(store, [FIXTURES / "feeds" / "feedjira__HuffPostCanada.xml"],
                 ImportOptions(outlet="My Outlet"))
    with store.sessions() as s:
        assert list(s.scalars(select(Outlet.name))) == ["My Outlet"]


def test_cancel_stops_between_files_and_keeps_what_was_stored(store, tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")
    seen: list[Path] = []
    report = import_paths(store, [tmp_path], on_result=lambda r: seen.append(r.path),
                          cancelled=lambda: len(seen) >= 2)
    assert report.cancelled
    assert len(report.results) == 2
    assert count(store, Article) == 2
    assert report.summary().endswith("(cancelled)")


def test_a_file_failing_while_stored_leaves_no_part_of_it_and_keeps_the_others(
    store, tmp_path, monkeypatch
):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")
    multi = tmp_path / "1.jsonl"
    multi.write_text("\n".join(json.dumps({"text": story(10 + i)}) for i in range(3)), "utf-8")
    real_add = pipeline.ArticleWriter.add

    def add_then_crash(self, art):
        if art.text.startswith("Story 11"):  # the second article of the multi-article file
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real_add(self, art)

    monkeypatch.setattr(pipeline.ArticleWriter, "add", add_then_crash)
    report = import_paths(store, [tmp_path])
    failed = {r.path.name: r.error for r in report.failed}
    assert failed == {"1.jsonl": "could not store: disk I/O error"}
    with store.sessions() as s:
        texts = set(s.scalars(select(Article.text)))
    assert texts == {story(0), story(1), story(2)}  # nothing of 1.jsonl, not even story 10


def test_file_that_vanishes_mid_import_gets_a_line_and_the_rest_goes_on(store, tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(story(i), encoding="utf-8")

    def progress(done: int, total: int, path: Path) -> None:
        if done == 1:
            (tmp_path / "1.txt").unlink()

    report = import_paths(store, [tmp_path], progress=progress)
    assert [r.status for r in report.results] == ["imported", "failed", "imported"]
    assert "no such file" in report.results[1].error


def test_command_prints_the_summary_and_one_line_per_problem(tmp_path, capsys):
    folder = mixed_folder(tmp_path)
    db = tmp_path / "cli.db"
    status = main.main(["import", str(folder), "--db", str(db)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.strip().splitlines()[-1] == "imported 4, duplicates 0, failed 2"
    assert f"{folder / 'sub' / 'empty.txt'}: empty file" in err.splitlines()
    assert f"{folder / 'zzz.bin'}: binary file, not text" in err.splitlines()


def test_command_jsonl_gives_one_object_per_file(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(story(1), encoding="utf-8")
    db = tmp_path / "cli.db"
    assert main.main(["import", str(path), "--db", str(db), "--jsonl",
                      "--outlet", "Desk"]) == 0
    out, err = capsys.readouterr()
    [record] = [json.loads(line) for line in out.splitlines()]
    assert {k: record[k] for k in ("path", "status", "articles", "quotes", "error")} == {
        "path": str(path), "status": "imported", "articles": 1, "quotes": 1, "error": None}
    assert "imported 1, duplicates 0, failed 0" in err


def test_importer_modules_never_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, model.importing, model.importing.feeds, model.importing.webpage, "
        "model.importing.dumps, model.outlets, model.cli.import_; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_sample_stored_as_shipped_is_recognised_when_imported_again(store):
    from model.sample import load_sample_if_empty

    load_sample_if_empty(store.sessions)
    report = import_paths(store, [FIXTURES / "dailymail_sample.txt"])
    assert [r.status for r in report.results] == ["duplicate"]
    assert count(store, Article) == 5
