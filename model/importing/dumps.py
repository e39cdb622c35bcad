"""JSON Lines, JSON and CSV dumps from other tools: one article per record or row.

Tools name their fields differently, so each field accepts the common synonyms (matched without
regard to case, spaces, dashes or underscores). A record without any text field is skipped and
counted in the report.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from model.importing.cleaning import clean_text
from model.importing.parsed import Parsed
from model.importing.reading import UnreadableFile
from model.importing.textutil import (
    UNKNOWN_OUTLET,
    domain_of,
    first_line_title,
    html_to_text,
    parse_date,
    short_title,
)
from model.records import ArticleIn

# Field → accepted key or column names, most specific first. Documented in the README.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "articletext", "articlebody", "fulltext",
             "maintext", "story", "document", "contenttext"),
    "title": ("title", "headline", "head", "name", "subject"),
    "outlet": ("outlet", "source", "sourcename", "publisher", "site", "sitename", "publication",
               "media", "medium", "newspaper", "feed", "domain"),
    "url": ("url", "link", "href", "canonicalurl", "permalink", "articleurl", "uri"),
    "date": ("date", "published", "publishedat", "pubdate", "publishdate", "publicationdate",
             "datepublished", "time", "timestamp", "created", "createdat", "datetime", "updated"),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
}
_KEY = re.compile(r"[\s_\-.]+")
csv.field_size_limit(50_000_000)


def _fold(key: str) -> str:
    return _KEY.sub("", key).lower()


def field_map(keys: Iterable[str]) -> dict[str, str]:
    """Which of a record's keys holds each field: {"text": "Body", "url": "link", …}."""
    folded = {_fold(k): k for k in keys}
    found = {}
    for field, names in FIELD_NAMES.items():
        for name in names:
            if name in folded:
                found[field] = folded[name]
                break
    return found


def _string(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_string(v) for v in value if v)
    if isinstance(value, dict):  # {"name": "…"} for authors or sources
        return _string(value.get("name") or value.get("title") or "")
    return str(value).strip()


def record_article(record: Mapping[str, object], path: Path) -> ArticleIn | None:
    keys = field_map(record.keys())
    if "text" not in keys:
        return None
    raw = _string(record[keys["text"]])
    text = clean_text(html_to_text(raw) if "</" in raw or "<p" in raw else raw)
    if not text.strip():
        return None
    url = _string(record.get(keys.get("url", ""), "")) or None
    source = _string(record.get(keys.get("outlet", ""), ""))
    domain = domain_of(url) or domain_of(source if "." in source else None)
    title = short_title(_string(record.get(keys.get("title", ""), "")))
    return ArticleIn(
        outlet=source or domain or UNKNOWN_OUTLET,
        outlet_domain=domain,
        title=title or first_line_title(text),
        text=text,
        url=url,
        author=_string(record.get(keys.get("author", ""), "")) or None,
        published=parse_date(record.get(keys.get("date", ""))),
        source_file=str(path),
    )


def _collect(records: Iterable[Mapping[str, object]], path: Path, fmt: str,
             encoding: str, warnings: list[str]) -> Parsed:
    articles, skipped = [], 0
    for record in records:
        art = record_article(record, path)
        if art is None:
            skipped += 1
        else:
            articles.append(art)
    if not articles:
        names = ", ".join(FIELD_NAMES["text"][:4])
        raise UnreadableFile(f"no record has a text field (looked for {names}, …)")
    if skipped:
        warnings.append(f"{skipped} records without text were left out")
    return Parsed(articles, fmt, encoding, warnings)


def read_jsonl(path: Path, text: str, encoding: str) -> Parsed:
    stripped = text.lstrip()
    warnings: list[str] = []
    if stripped.startswith("["):  # a JSON array of records
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UnreadableFile(f"not valid JSON ({exc})") from None
        records = [r for r in data if isinstance(r, dict)] if isinstance(data, list) else []
        return _collect(records, path, "json", encoding, warnings)
    try:  # one record, perhaps spread over many lines; JSON Lines stop at "Extra data"
        single = json.loads(stripped)
    except json.JSONDecodeError:
        single = None
    if isinstance(single, dict):
        return _collect([single], path, "json", encoding, warnings)
    records, bad = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            bad.append(number)
            continue
        if isinstance(record, dict):
            records.append(record)
        else:
            bad.append(number)
    if bad:
        shown = ", ".join(map(str, bad[:5])) + ("…" if len(bad) > 5 else "")
        warnings.append(f"{len(bad)} lines are not JSON objects and were left out (line {shown})")
    return _collect(records, path, "jsonl", encoding, warnings)


def read_csv(path: Path, text: str, encoding: str) -> Parsed:
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    try:
        rows = list(csv.DictReader(io.StringIO(text, newline=""), dialect=dialect))
    except csv.Error as exc:
        raise UnreadableFile(f"not a readable CSV file ({exc})") from None
    if rows and "text" not in field_map(rows[0].keys()):
        columns = ", ".join(k for k in rows[0] if k)[:120]
        raise UnreadableFile(f"no text column among: {columns}")
    return _collect(rows, path, "csv", encoding, [])
