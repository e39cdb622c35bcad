"""Reading a file's bytes safely and decoding them: size limit, vanished files, encodings."""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20_000_000


class UnreadableFile(Exception):
    """A file that cannot be imported; the message says why in words a reader understands."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _size(n: int) -> str:
    return f"{n / 1e6:.3g} MB" if n >= 1_000_000 else f"{n / 1e3:.3g} KB"


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing one over the limit before reading it all into memory."""
    try:
        # One open, an fstat of it and (for a file of the usual size) one read, on the bare
        # descriptor: a buffered file object cost more than reading a 5 KB article.
        fd = os.open(path, _READ_FLAGS)
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError
            if st.st_size > max_bytes:
                raise UnreadableFile(f"{_size(st.st_size)}, over the limit of {_size(max_bytes)}")
            data = _read_all(fd, max_bytes + 1, st.st_size + 1)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise UnreadableFile("no such file (moved or deleted before it could be read?)") from None
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # it grew while we looked
        raise UnreadableFile(f"over the limit of {_size(max_bytes)}")
    if not data.strip():
        raise UnreadableFile("empty file")
    return data


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _read_all(fd: int, limit: int, first: int) -> bytes:
    """Up to `limit` bytes. One read asks for the size fstat gave plus one; only a file that
    grew or shrank meanwhile, or a read the system cut short, needs more."""
    want = min(first, limit)
    data = os.read(fd, want)
    if len(data) == want - 1:
        return data
    parts = [data]
    total = len(data)
    while data and total < limit:
        data = os.read(fd, limit - total)
        parts.append(data)
        total += len(data)
    return b"".join(parts)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/ePub file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"SQLite format 3", "a SQLite database"),
)
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""")


_MAGIC_PREFIXES = tuple(magic for magic, _ in _MAGIC)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)


def refuse_binary(data: bytes) -> None:
    if data.startswith(_MAGIC_PREFIXES):
        for magic, what in _MAGIC:
            if data.startswith(magic):
                raise UnreadableFile(f"binary file ({what}), not text")
    if data.find(b"\x00", 0, 8192) >= 0 and not data.startswith(_BOM_PREFIXES):
        raise UnreadableFile("binary file, not text")


def decode(data: bytes) -> Decoded:
    """Text from bytes: a byte-order mark, else UTF-8, else the encoding the file declares
    (meta charset, XML declaration), else the one charset-normalizer detects."""
    refuse_binary(data)
    for bom, name in _BOMS if data.startswith(_BOM_PREFIXES) else ():
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(name if name != "utf-8" else "utf-8"),
                               name)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
            if codec not in ("utf-8", "utf-16", "utf-32"):
                return Decoded(data.decode(codec), codec)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnreadableFile("not text in any encoding we can detect")
    # Short Western texts often fit several code pages equally well; among equals, the one the
    # web uses most (windows-1252) is the better bet than whichever the detector listed first.
    for match in matches:
        if (match.encoding == "cp1252" and match.chaos == best.chaos
                and match.coherence == best.coherence):
            best = match
    text = str(best)
    if best.encoding != "cp1252":
        # The detector folds code pages that decode these bytes alike into one, named after
        # whichever came first (cp1250 for French); name the common one when it reads the same.
        try:
            if data.decode("cp1252") == text:
                return Decoded(text, "cp1252")
        except UnicodeDecodeError:
            pass
    return Decoded(text, best.encoding)
