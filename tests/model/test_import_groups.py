"""Large imports read a few files ahead of storing them; what a user sees must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

import model.importing.pipeline as pipeline
import model.importing.writer as writer
from model.importing import import_paths
from model.schema import Article, Quote


@pytest.fixture
def small_groups(monkeypatch):
    # Groups of four from six files on, so a test needs only a dozen small files.
    monkeypatch.setattr(pipeline, "GROUP_MIN_FILES", 6)
    monkeypatch.setattr(pipeline, "GROUP_FILES", 4)


def write(folder: Path, count: int, first: int = 0) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(first, first + count):
        path = folder / f"{i:03d}.txt"
        path.write_text(f"Story {i}\n\n“Number {i} is in,” said Ann Fox.\n", encoding="utf-8")
        paths.append(path)
    return paths


def stored(store, table) -> int:
    with store.sessions() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_a_grouped_import_stores_every_file_in_order_with_its_quotes(store, tmp_path,
                                                                      small_groups):
    paths = write(tmp_path / "in", 10)
    report = import_paths(store, [tmp_path / "in"])
    assert [r.path for r in report.results] == paths
    assert [r.status for r in report.results] == ["imported"] * 10
    assert stored(store, Article) == stored(store, Quote) == 10
    with store.sessions() as s:
        ids = list(s.scalars(select(Article.id).order_by(Article.source_file)))
    assert ids == sorted(ids)


def test_importing_the_same_folder_again_extracts_nothing(store, tmp_path, small_groups,
                                                         monkeypatch):
    write(tmp_path / "in", 10)
    import_paths(store, [tmp_path / "in"])
    calls: list[str] = []
    real = writer.extract_quotes
    monkeypatch.setattr(writer, "extract_quotes", lambda text: calls.append(text) or real(text))
    write(tmp_path / "in", 2, first=10)
    report = import_paths(store, [tmp_path / "in"])
    assert [r.status for r in report.results].count("duplicate") == 10
    assert report.articles == 2
    assert len(calls) == 2  # only the two new stories


def test_cancel_in_a_grouped_import_stores_nothing_after_it(store, tmp_path, small_groups):
    write(tmp_path / "in", 10)
    seen: list[Path] = []
    report = import_paths(store, [tmp_path / "in"], on_result=lambda r: seen.append(r.path),
                          cancelled=lambda: len(seen) >= 5)
    assert report.cancelled
    assert len(report.results) == 5
    assert stored(store, Article) == 5


def test_a_file_removed_before_its_group_is_read_gets_a_line(store, tmp_path, small_groups):
    paths = write(tmp_path / "in", 10)

    def progress(done: int, total: int, path: Path) -> None:
        if done == 1:  # the first group (files 0-3) is read; file 8 is in the third
            paths[8].unlink()

    report = import_paths(store, [tmp_path / "in"], progress=progress)
    assert [r.status for r in report.results].count("imported") == 9
    assert report.results[8].status == "failed"
    assert "no such file" in report.results[8].error


def test_a_file_failing_while_stored_in_a_group_keeps_the_others(store, tmp_path, small_groups,
                                                                  monkeypatch):
    write(tmp_path / "in", 10)
    real_add = pipeline.ArticleWriter.add

    def add_or_fail(self, art):
        if art.text.startswith("Story 5\n"):
            raise pipeline.sqlite3.OperationalError("disk I/O error")
        return real_add(self, art)

    monkeypatch.setattr(pipeline.ArticleWriter, "add", add_or_fail)
    report = import_paths(store, [tmp_path / "in"])
    assert [r.path.name for r in report.failed] == ["005.txt"]
    assert stored(store, Article) == stored(store, Quote) == 9
