"""`extract FILE... [--jsonl]`: the quotes found in text files, without touching a store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from model.cli.common import InputError, problem, read_text_file

NAME = "extract"
HELP = "print the quotes and speakers found in UTF-8 text files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    parser.add_argument("--jsonl", action="store_true", help="one JSON object per quote")


def run(args: argparse.Namespace) -> int:
    from model.extract import extract_quotes

    failed = 0
    out = sys.stdout
    for path in args.files:
        try:
            src = read_text_file(path)
        except InputError as exc:
            problem(path, str(exc))
            failed += 1
            continue
        if src.encoding != "utf-8":
            problem(path, f"not UTF-8; read as {src.encoding}")
        quotes = extract_quotes(src.text)
        if args.jsonl:
            for q in quotes:
                record = {
                    "file": str(path), "start": q.start, "end": q.end, "text": q.text,
                    "speaker": q.speaker, "cue": q.cue,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write(f"{path}: {len(quotes)} quotes\n")
            for q in quotes:
                text = q.text if len(q.text) <= 70 else q.text[:67] + "…"
                out.write(f"  {q.start:>6}-{q.end:<6} {q.speaker or '—':<28} {text}\n")
    return 1 if failed else 0
