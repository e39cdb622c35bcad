"""Choosing a file's format from its first bytes, with its name as the tie-breaker.

Files are often misnamed (a feed saved as .txt, a page saved without extension, a dump called
.dat), so the content decides whenever it is unambiguous; the extension decides the rest.
"""

from __future__ import annotations

import re
from pathlib import Path

TEXT, HTML, FEED, JSONL, CSV, MULTINEWS = "text", "html", "feed", "jsonl", "csv", "multi-news"

_BY_SUFFIX = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML, ".mhtml": HTML,
    ".xml": FEED, ".rss": FEED, ".atom": FEED, ".rdf": FEED,
    ".jsonl": JSONL, ".ndjson": JSONL, ".json": JSONL,
    ".csv": CSV, ".tsv": CSV,
    ".src": MULTINEWS,
}
# Files a folder import passes over without a word: the assets a saved page keeps beside it.
IGNORED_SUFFIXES = frozenset({
    ".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico",
    ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp4", ".webm", ".mp3",
    ".m4a", ".ogg", ".wav", ".swf", ".db", ".db-wal", ".db-shm", ".pyc", ".ds_store",
})

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF|RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>]",
                        re.IGNORECASE)
_CSV_HEADER = re.compile(
    rb"^[\"']?(text|body|content|article|title|headline|url|link|source|outlet|date|author)"
    rb"[\"']?\s*[,;\t|]",
    re.IGNORECASE,
)


def detect_format(path: Path, head: bytes) -> str:
    """The reader for a file, given its path and its first few kilobytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    suffix = path.suffix.lower()
    if start.startswith(b"<"):
        if _FEED_ROOT.search(head[:4096]) and not re.search(rb"<html[\s>]", head[:4096], re.I):
            return FEED
        if _HTML_ROOT.search(head) or suffix not in (".xml", ".rss", ".atom", ".rdf"):
            return HTML
        return FEED
    if start.startswith((b"{", b"[{", b"[\n", b"[ ")) and suffix not in (".txt", ".csv"):
        return JSONL
    if start.startswith(b"{") and b'":' in start[:2000]:
        return JSONL
    if b"|||||" in head:
        return MULTINEWS
    if _CSV_HEADER.match(start) and suffix not in (".txt", ".text", ".md"):
        return CSV
    return _BY_SUFFIX.get(suffix, TEXT)
