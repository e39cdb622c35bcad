"""Helpers shared by the command-line commands: reading text files and reporting problems."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """A file the command could not use; the message names the problem, not the file."""


@dataclass(frozen=True)
class TextFile:
    path: Path
    text: str
    encoding: str


def read_text_file(path: Path, *, max_bytes: int | None = None) -> TextFile:
    """Decodes a text file: UTF-8 first, else the detected encoding; refuses binary files."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(f"larger than the limit of {max_bytes // 1_000_000} MB")
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return TextFile(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not text in any encoding we can detect")
    return TextFile(path, str(best), best.encoding)


def problem(path: Path | str, message: str) -> None:
    """One line on stderr that names the file."""
    print(f"{path}: {message}", file=sys.stderr)
