"""What an import did, file by file: the record the CLI prints and the GUI's report shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Status = Literal["imported", "duplicate", "failed"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's outcome.

    `status` is "imported" when at least one article was stored, "duplicate" when every article
    the file held was already in the store, "failed" when nothing could be stored (`error` says
    why). `warnings` carry what the user should know about a file that did import (read as
    windows-1252, feed not well-formed, …).
    """

    path: Path
    status: Status
    articles: int = 0
    quotes: int = 0
    duplicates: int = 0
    error: str | None = None
    encoding: str | None = None
    format: str | None = None
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "status": self.status,
            "articles": self.articles,
            "quotes": self.quotes,
            "error": self.error,
            "duplicates": self.duplicates,
            "format": self.format,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
        }

    def problems(self) -> list[str]:
        """The lines a user should read about this file: its error, then its warnings."""
        return ([self.error] if self.error else []) + list(self.warnings)


@dataclass(slots=True)
class ImportReport:
    results: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: FileResult) -> None:
        self.results.append(result)

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.results)

    @property
    def quotes(self) -> int:
        return sum(r.quotes for r in self.results)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.results)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    def summary(self) -> str:
        """`imported N, duplicates D, failed F`: articles stored, articles skipped, files failed."""
        text = f"imported {self.articles}, duplicates {self.duplicates}, failed {len(self.failed)}"
        return text + (" (cancelled)" if self.cancelled else "")

    def as_text(self) -> str:
        """The whole report as plain text, for the clipboard and logs."""
        lines = [self.summary(), f"{len(self.results)} files, {self.quotes} quotes found"]
        for r in self.results:
            if r.status == "failed":
                lines.append(f"FAILED     {r.path}: {r.error}")
            elif r.status == "duplicate":
                lines.append(f"DUPLICATE  {r.path}: already in the store")
            for warning in r.warnings:
                lines.append(f"NOTE       {r.path}: {warning}")
        return "\n".join(lines)
