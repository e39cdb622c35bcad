"""`export OUT [QUERY] [filters] [--format csv|jsonl] [--bom]`: quotes to a file or stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.cli.search_args import add_filter_arguments, query_from

NAME = "export"
HELP = "write quotes (all, or those a search finds) to CSV or JSON Lines; OUT '-' is stdout"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="file to write, or - for stdout")
    parser.add_argument("--query", default="", metavar="QUERY", help="only quotes matching")
    add_filter_arguments(parser)
    parser.add_argument("--format", choices=("csv", "jsonl"),
                        help="default: from OUT's extension (.jsonl), else csv")
    parser.add_argument("--bom", action="store_true",
                        help="begin the CSV with a byte-order mark, for Excel")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from model.db import open_store
    from model.export import export_to_path, write_export
    from model.search import search

    db = getattr(args, "db", None)
    fmt = args.format or ("jsonl" if args.out.lower().endswith((".jsonl", ".ndjson")) else "csv")
    query = query_from(args, args.query, limit=1)
    try:
        store = open_store(db)
        with store.sessions() as session:
            if query.text.strip() or query.has_filters:
                probe = search(session, query)
                if probe.total == 0 and probe.message and not probe.fell_back:
                    print(probe.message, file=sys.stderr)
                    return 1
            if args.out == "-":
                sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
                summary = write_export(session, sys.stdout, query=query, fmt=fmt, bom=args.bom)
            else:
                out = Path(args.out)
                if out.is_dir():
                    print(f"{out}: is a folder, not a file", file=sys.stderr)
                    return 1
                summary = export_to_path(session, out, query=query, fmt=fmt, bom=args.bom)
    except OSError as exc:
        print(f"{args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"{db or 'store'}: cannot read the store ({exc.__class__.__name__})", file=sys.stderr)
        return 1
    if args.out != "-":
        print(f"Exported {summary.rows:,} quotes to {args.out}", file=sys.stderr)
    return 0
