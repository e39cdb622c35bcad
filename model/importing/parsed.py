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
    # The text before cleaning, per article, where cleaning changed it: a copy stored uncleaned
    # (the bundled sample is) still counts as the same article.
    originals: dict[int, str] = field(default_factory=dict)
