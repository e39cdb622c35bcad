"""The import pipeline shared by the command line and the window.

Files are read, recognised, parsed and cleaned one at a time (a large import reads a few ahead),
and each file is stored in its own transaction, in order: a crash, a kill or a Cancel mid-import
leaves every earlier file stored and nothing half-stored. One bad file never stops the others;
it gets a line in the report.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from model.importing.detect import (
    CSV,
    FEED,
    HTML,
    IGNORED_SUFFIXES,
    JSONL,
    MULTINEWS,
    detect_format,
)
from model.importing.parsed import Parsed
from model.importing.reading import DEFAULT_MAX_BYTES, UnreadableFile, decode, read_bytes
from model.importing.report import FileResult, ImportReport
from model.importing.search_index import (
    BATCH_MIN_FILES,
    BULK_MIN_FILES,
    ArticleIndexBatches,
    index_deferred,
    repair_search_index,
    worth_deferring,
)
from model.importing.writer import ArticleWriter

Progress = Callable[[int, int, Path], None]

# Imports of at least GROUP_MIN_FILES files read and extract up to GROUP_FILES files (or
# GROUP_SECONDS of work) before storing them, each still in its own transaction. Alternating the
# extractor and SQLite at every file made each run ~15-20% slower than on its own (measured:
# ~0.3 ms of an import's ~2.2 ms an article), as each evicts the other's data from the caches.
GROUP_MIN_FILES = 50
GROUP_FILES = 32
GROUP_SECONDS = 0.05


@dataclass(frozen=True, slots=True)
class ImportOptions:
    outlet: str | None = None  # files every article under this outlet, whatever the source says
    max_bytes: int = DEFAULT_MAX_BYTES
    # Imports of at least this many files, into a store holding fewer articles than that,
    # rebuild the full-text index once at the end instead of updating it per row.
    bulk_index_min_files: int = BULK_MIN_FILES
    # Other imports of at least this many files index their new articles every few hundred
    # articles instead of one transaction at a time (see search_index.ArticleIndexBatches).
    index_batch_min_files: int = BATCH_MIN_FILES


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files to import, folders walked recursively in name order.

    Hidden files and folders, and the images, scripts and styles a saved page keeps beside it,
    are passed over. A path that does not exist is kept, so its report line says so.
    """
    out: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            # Resolved once per folder, not per file, and sorted as strings split at the
            # separator (the order Path sorts in): both cost more than reading the file.
            real = os.path.realpath(path)
            found: list[tuple[list[str], str, str]] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                parts = root.split(os.sep)
                rel = os.path.relpath(root, path)
                for name in files:
                    if name.startswith(".") or _suffix(name) in IGNORED_SUFFIXES:
                        continue
                    found.append(([*parts, name], root, rel))
            found.sort(key=lambda item: item[0])
            for parts, root, rel in found:
                name = parts[-1]
                key = os.path.normpath(os.path.join(real, rel, name))
                if key not in seen:
                    seen.add(key)
                    out.append(Path(root, name))
        else:
            key = str(path.resolve()) if path.exists() else str(path)
            if key not in seen:
                seen.add(key)
                out.append(path)
    return out


def _suffix(name: str) -> str:
    """Path(name).suffix.lower(), without building a Path."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def parse_file(path: Path, options: ImportOptions) -> Parsed:
    """The articles a file holds, cleaned; raises UnreadableFile with the reason otherwise."""
    data = read_bytes(path, options.max_bytes)
    fmt = detect_format(path, data[:8192])
    if fmt == FEED:
        from model.importing.feeds import read_feed

        return read_feed(path, data)
    decoded = decode(data)
    text, encoding = decoded.text, decoded.encoding
    if fmt == HTML:
        from model.importing.webpage import read_webpage

        parsed = read_webpage(path, text, encoding)
    elif fmt == JSONL:
        from model.importing.dumps import read_jsonl

        parsed = read_jsonl(path, text, encoding)
    elif fmt == CSV:
        from model.importing.dumps import read_csv

        parsed = read_csv(path, text, encoding)
    elif fmt == MULTINEWS:
        from model.importing.plaintext import read_multinews

        parsed = read_multinews(path, text, encoding)
    else:
        from model.importing.plaintext import read_plain

        parsed = read_plain(path, text, encoding)
    if encoding not in ("utf-8", "ascii"):
        parsed.warnings.insert(0, f"not UTF-8; read as {encoding}")
    return parsed


class FileImporter:
    """Imports files one at a time into a store, each file in its own transaction.

    One raw connection (ArticleWriter) serves the whole import, so outlets and speakers are
    looked up once per import rather than once per file, and no Session or Core statement is
    built per file. After a failed transaction the writer drops its caches, since they may name
    rows that were rolled back.
    """

    def __init__(self, engine: Engine, options: ImportOptions) -> None:
        self.options = options
        self.writer = ArticleWriter(engine)

    def close(self) -> None:
        self.writer.close()

    def __enter__(self) -> FileImporter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def import_file(self, path: Path) -> FileResult:
        read = self.read(path)
        return read if isinstance(read, FileResult) else self.store(path, read)

    def read(self, path: Path, ahead: bool = False) -> Parsed | FileResult:
        """The file's articles, or the line saying why it cannot be read. `ahead`: also hash
        them and extract the quotes of those not stored yet (ArticleWriter.prepare)."""
        try:
            parsed = parse_file(path, self.options)
        except UnreadableFile as exc:
            return FileResult(path, "failed", error=str(exc))
        except Exception as exc:  # a reader's bug must not end the import of the other files
            return FileResult(path, "failed", error=f"could not read: {type(exc).__name__}: {exc}")
        if ahead:
            # Only work done early: whatever fails here is done again, and reported, by store.
            with contextlib.suppress(Exception):
                self.writer.prepare(parsed.articles, parsed.originals)
        return parsed

    def store(self, path: Path, parsed: Parsed) -> FileResult:
        try:
            counts = self._store(parsed)
        except (sqlite3.IntegrityError, IntegrityError):
            # An outlet or speaker the caches named was merged away meanwhile: look again.
            try:
                counts = self._store(parsed)
            except (sqlite3.Error, SQLAlchemyError) as exc:
                return self._store_failed(path, parsed, exc)
        except (sqlite3.Error, SQLAlchemyError) as exc:
            return self._store_failed(path, parsed, exc)
        stored, quotes, duplicates = counts
        warnings = tuple(parsed.warnings)
        if duplicates and stored:
            warnings += (f"{duplicates} of {len(parsed.articles)} articles already stored",)
        return FileResult(
            path,
            "imported" if stored else "duplicate",
            articles=stored,
            quotes=quotes,
            duplicates=duplicates,
            encoding=parsed.encoding,
            format=parsed.format,
            warnings=warnings,
        )

    def _store(self, parsed: Parsed) -> tuple[int, int, int]:
        return self.writer.store_file(parsed.articles, parsed.originals, self.options.outlet)

    @staticmethod
    def _store_failed(
        path: Path, parsed: Parsed, exc: sqlite3.Error | SQLAlchemyError
    ) -> FileResult:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return FileResult(path, "failed", error=f"could not store: {reason}",
                          encoding=parsed.encoding, format=parsed.format)


def iter_import(
    sessions: sessionmaker[Session],
    files: list[Path],
    options: ImportOptions | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[FileResult]:
    """Imports already expanded files one by one, yielding each result as its file is stored.

    Stops between files once `cancelled()` is true; what was stored stays stored. Each file is
    committed in its own transaction before its result is yielded, in order. A large import
    reads a group of files ahead (GROUP_FILES, at most GROUP_SECONDS of work) before storing
    them: a file removed or changed after its group was read is stored as it was read.
    """
    options = options or ImportOptions()
    stop = cancelled or (lambda: False)
    engine = sessions.kw.get("bind")
    assert isinstance(engine, Engine), "the session factory must be bound to the store's engine"
    repair_search_index(sessions)
    bulk = worth_deferring(sessions, len(files), options.bulk_index_min_files)
    batched = not bulk and len(files) >= options.index_batch_min_files
    group_size = GROUP_FILES if len(files) >= GROUP_MIN_FILES else 1
    with (
        index_deferred(sessions, bulk),
        ArticleIndexBatches(sessions, batched) as index,
        FileImporter(engine, options) as importer,
    ):
        done = 0
        while done < len(files):
            if stop():
                return
            if group_size == 1:
                group = [(files[done], importer.read(files[done]))]
            else:
                group = _read_group(importer, files[done : done + group_size], stop)
            for path, read in group:
                if stop():
                    return
                result = read if isinstance(read, FileResult) else importer.store(path, read)
                index.stored(result.articles)
                done += 1
                yield result


def _read_group(
    importer: FileImporter, files: list[Path], stop: Callable[[], bool]
) -> list[tuple[Path, Parsed | FileResult]]:
    """The next files read and their quotes extracted, for GROUP_SECONDS at most."""
    start = time.perf_counter()
    group: list[tuple[Path, Parsed | FileResult]] = []
    for path in files:
        group.append((path, importer.read(path, ahead=True)))
        if time.perf_counter() - start >= GROUP_SECONDS or stop():
            break
    return group


def import_paths(
    target: sessionmaker[Session] | object,
    paths: Iterable[Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> ImportReport:
    """Imports files and folders into a store (a `Store` or its session factory).

    `progress(done, total, path)` is called before each file, and `on_result` after it.
    """
    sessions = getattr(target, "sessions", target)
    assert isinstance(sessions, sessionmaker)
    files = expand_paths(paths)
    report = ImportReport()
    total = len(files)
    stopped = cancelled or (lambda: False)
    if progress is not None and total:
        progress(0, total, files[0])
    for result in iter_import(sessions, files, options, stopped):
        report.add(result)
        if on_result is not None:
            on_result(result)
        done = len(report.results)
        if progress is not None and done < total and not stopped():
            progress(done, total, files[done])
    report.cancelled = len(report.results) < total
    if progress is not None and not report.cancelled:
        progress(total, total, Path())
    return report
