"""Plain-text articles and Multi-News style files.

A text file is one article whose first non-empty line is its title. The whole (cleaned) file
is stored as the article's text, title line included, as the bundled sample is: what the reader
sees is then exactly the file, and a quote's offsets can be checked against it.
"""

from __future__ import annotations

import re
from pathlib import Path

from model.importing.cleaning import clean_text
from model.importing.parsed import Parsed
from model.importing.reading import UnreadableFile
from model.importing.textutil import UNKNOWN_OUTLET, first_line_title
from model.records import ArticleIn

MULTINEWS_SEPARATOR = "|||||"
# Multi-News writes one story per line, each article's line breaks as this token.
_NEWLINE_TOKEN = re.compile(r"\s*NEWLINE_CHAR\s*")


def read_plain(path: Path, text: str, encoding: str) -> Parsed:
    cleaned = clean_text(text)
    if not cleaned or cleaned.isspace():  # not cleaned.strip(), which copies the text
        raise UnreadableFile("no text left once the page furniture was removed")
    art = ArticleIn(
        outlet=UNKNOWN_OUTLET,
        title=first_line_title(cleaned),
        text=cleaned,
        source_file=str(path),
    )
    originals = {0: text} if cleaned != text else {}
    return Parsed([art], "text", encoding, originals=originals)


def split_multinews(text: str) -> list[str]:
    """The articles of a Multi-News file: joined by `|||||`, a story per line when the file
    uses the NEWLINE_CHAR token for line breaks."""
    if "NEWLINE_CHAR" in text:
        docs = [part for line in text.splitlines() for part in line.split(MULTINEWS_SEPARATOR)]
        docs = [_NEWLINE_TOKEN.sub("\n", doc) for doc in docs]
    else:
        docs = text.split(MULTINEWS_SEPARATOR)
    return [doc.strip() for doc in docs if doc.strip()]


def read_multinews(path: Path, text: str, encoding: str) -> Parsed:
    articles = []
    for doc in split_multinews(text):
        cleaned = clean_text(doc)
        if cleaned.strip():
            articles.append(
                ArticleIn(
                    outlet=UNKNOWN_OUTLET,
                    title=first_line_title(cleaned),
                    text=cleaned,
                    source_file=str(path),
                )
            )
    if not articles:
        raise UnreadableFile("no article text between the ||||| separators")
    return Parsed(articles, "multi-news", encoding)
