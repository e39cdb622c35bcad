"""`import PATH... [--outlet NAME] [--jsonl] [--max-size MB]`: articles into the store.

Runs the same pipeline as File › Import…: progress on stderr, one line per problem naming its
file, then `imported N, duplicates D, failed F` (articles stored, articles already stored, files
that failed). With --jsonl, stdout carries one JSON object per file instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

NAME = "import"
HELP = "import text files, saved web pages, feeds, JSONL/CSV dumps or folders of them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path,
                        help="files or folders (read recursively)")
    parser.add_argument("--outlet", metavar="NAME",
                        help="file every article under this outlet, whatever the source says")
    parser.add_argument("--jsonl", action="store_true",
                        help="print one JSON object per file on stdout")
    parser.add_argument("--max-size", metavar="MB", type=float, default=20.0,
                        help="refuse files larger than this (default 20 MB)")


class _Progress:
    """Progress on stderr: a line rewritten in place on a terminal, else a line every few
    seconds, so logs of long imports stay short."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, path: Path) -> None:
        now = time.monotonic()
        if done < total and now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        if self.tty:
            name = str(path)[-60:] if done < total else ""
            sys.stderr.write(f"\r\x1b[Kimporting {done}/{total} {name}")
            if done == total:
                sys.stderr.write("\r\x1b[K")
        elif done < total:
            sys.stderr.write(f"importing {done}/{total} files\n")
        sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    from model.cli.common import problem
    from model.db import open_store
    from model.importing import FileResult, ImportOptions, import_paths

    if args.max_size <= 0:
        problem("--max-size", "must be a positive number of megabytes")
        return 2
    options = ImportOptions(outlet=args.outlet, max_bytes=int(args.max_size * 1_000_000))
    progress = _Progress()

    def on_result(result: FileResult) -> None:
        for line in result.problems():
            if progress.tty:
                sys.stderr.write("\r\x1b[K")
            problem(result.path, line)
        if args.jsonl:
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")

    store = open_store(getattr(args, "db", None))
    try:
        report = import_paths(store, args.paths, options, progress, None, on_result)
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop; every file so far is stored.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (Python flushes it at exit)
        return 1
    finally:
        store.close()
    print(report.summary(), file=sys.stderr if args.jsonl else sys.stdout)
    return 1 if report.failed else 0
