"""Exporting quotes to CSV (for spreadsheets) or JSON Lines, streamed in batches.

One row per quote with the columns of FIELDS. CSV follows RFC 4180 through the csv module, so
commas, quote marks and line breaks inside a cell read back intact; a cell a spreadsheet would
run as a formula (beginning with = + - @, a tab or a carriage return) gets a leading apostrophe.
JSON Lines carries the same fields unaltered, with `tags` as a list. Rows are read and written a
batch at a time, so a million quotes never sit in memory; a file is written under a temporary
name and only replaces the target once complete, so a cancel or a failure loses nothing.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from sqlalchemy.orm import Session

from model.search import SearchQuery, all_ids

Format = Literal["csv", "jsonl"]
FORMATS: tuple[Format, ...] = ("csv", "jsonl")
FIELDS = (
    "quote_id", "quote", "speaker", "outlet", "article_title", "article_url", "published",
    "tags", "note", "paragraph", "start", "end", "origin",
)
TAG_SEPARATOR = "; "
BATCH = 5_000
_TEXT_COLUMNS = (1, 2, 3, 4, 5, 7, 8)  # the cells a user's or a website's text can fill
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_SELECT = """
SELECT q.id, q.text, s.name, o.name, a.title, a.url, a.published,
    (SELECT group_concat(name, char(31)) FROM (
        SELECT t.name AS name FROM quote_tag qt JOIN tag t ON t.id = qt.tag_id
        WHERE qt.quote_id = q.id ORDER BY lower(t.name))),
    q.note, q.paragraph, q.start, q."end", q.origin
FROM quote q
JOIN article a ON a.id = q.article_id
JOIN outlet o ON o.id = a.outlet_id
LEFT JOIN speaker s ON s.id = q.speaker_id
"""

Progress = Callable[[int, int | None], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    rows: int
    cancelled: bool = False


def neutralise(cell: str) -> str:
    """Keeps a spreadsheet from running a cell as a formula (OWASP's CSV-injection advice)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _raw_batches(session: Session, ids: Sequence[int] | None) -> Iterator[list[tuple]]:
    """Rows in batches: by id for the whole store, else in the order of `ids`."""
    conn = session.connection()
    if ids is None:
        result = conn.exec_driver_sql(_SELECT + " WHERE q.deleted = 0 ORDER BY q.id")
        while batch := result.fetchmany(BATCH):
            yield batch
        return
    for i in range(0, len(ids), BATCH):
        chunk = list(ids[i : i + BATCH])
        marks = ",".join("?" * len(chunk))
        rows = conn.exec_driver_sql(f"{_SELECT} WHERE q.id IN ({marks})", tuple(chunk)).all()
        by_id = {row[0]: row for row in rows}
        yield [by_id[q] for q in chunk if q in by_id]


def _tags(value: str | None) -> list[str]:
    return value.split("\x1f") if value else []


def _published(value: object) -> str:
    return str(value)[:19] if value else ""


def _csv_row(row: tuple) -> list[object]:
    out = list(row)
    out[6] = _published(row[6])
    out[7] = TAG_SEPARATOR.join(_tags(row[7]))
    for i in _TEXT_COLUMNS:
        cell = out[i]
        if cell:
            out[i] = neutralise(cell)
        elif cell is None:
            out[i] = ""
    return out


def _json_row(row: tuple) -> str:
    record = dict(zip(FIELDS, row, strict=True))
    record["published"] = _published(row[6]) or None
    record["tags"] = _tags(row[7])
    return json.dumps(record, ensure_ascii=False)


def write_export(
    session: Session,
    out: TextIO,
    *,
    ids: Sequence[int] | None = None,
    query: SearchQuery | None = None,
    fmt: Format = "csv",
    bom: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportSummary:
    """Writes the quotes `ids` (in that order), or those `query` finds, or every live quote.

    `out` should be opened with newline="" so CSV's CRLF line ends pass through unchanged.
    `progress(done, total)` runs after each batch; `cancelled()` is asked before each.
    """
    if ids is None and query is not None and (query.text.strip() or query.has_filters):
        ids = all_ids(session, query)
    total = len(ids) if ids is not None else None
    if bom and fmt == "csv":
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(FIELDS)
    done = 0
    for batch in _raw_batches(session, ids):
        if cancelled is not None and cancelled():
            return ExportSummary(done, True)
        if writer is not None:
            writer.writerows(map(_csv_row, batch))
        else:
            out.write("".join(_json_row(row) + "\n" for row in batch))
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return ExportSummary(done)


def export_to_path(session: Session, path: Path, **kwargs: object) -> ExportSummary:
    """write_export into `path`, replacing it only when the export completed."""
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            summary = write_export(session, out, **kwargs)  # type: ignore[arg-type]
        if summary.cancelled:
            partial.unlink(missing_ok=True)
        else:
            os.replace(partial, path)
        return summary
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
