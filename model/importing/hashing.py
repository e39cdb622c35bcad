"""The duplicate key of an article's text, computed for the import's hot path.

`model.ingest.content_hash` is the definition: SHA-256 of the text with its white space folded
(" ".join(text.split())). For a text whose only white space is ASCII it takes the same bytes
path; this version skips the translation when the text has no tab, carriage return or form
feed (only spaces and line feeds: replacing the line feeds is enough) and folds the runs of
spaces in one regex pass instead of halving them pass by pass. Any other text goes to the
definition itself. tests/model/test_import_hashing.py checks the two agree.
"""

from __future__ import annotations

import hashlib
import re

from model.ingest import _only_ascii_spaces
from model.ingest import content_hash as folded_hash

_ASCII_SPACES = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")
_RUNS = re.compile(b"  +")


def content_hash(text: str) -> str:
    """The same digest as model.ingest.content_hash."""
    data = text.encode("utf-8")
    if not _only_ascii_spaces(data):
        return folded_hash(text)
    if b"\t" in data or b"\r" in data or b"\x0b" in data or b"\x0c" in data:
        data = data.translate(_ASCII_SPACES)
    else:
        data = data.replace(b"\n", b" ")
    return hashlib.sha256(_RUNS.sub(b" ", data).strip(b" ")).hexdigest()
