"""What a format reader hands the pipeline: articles ready to store, plus notes for the report."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.records import ArticleIn


@dataclass(slots=True)
class Parsed:
    articles: list[ArticleIn]
    format: str
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
