"""`search QUERY [filters] [--limit N] [--jsonl]`: the quotes of the store that match."""

from __future__ import annotations

import argparse
import sys

from model.cli.search_args import add_filter_arguments, positive, query_from

NAME = "search"
HELP = 'search the store\'s quotes: words, "exact phrases", prefix*, with filters'


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", default="", metavar="QUERY",
                        help='words (all must match), "exact phrases", prefix*; may be empty')
    add_filter_arguments(parser)
    parser.add_argument("--limit", type=positive, default=50, metavar="N",
                        help="at most N quotes (default 50)")
    parser.add_argument("--jsonl", action="store_true",
                        help="one JSON object per quote, with the CSV export's fields")


def _table(session, ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    from model.library import quote_rows

    out = sys.stdout
    for row in quote_rows(session, ids):
        text = " ".join(row.text.split())
        text = text if len(text) <= 72 else text[:71] + "…"
        out.write(f"{row.id:>8}  {(row.speaker or '—')[:24]:<24}  {row.outlet[:18]:<18}  {text}\n")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from model.db import open_store
    from model.export import write_export
    from model.search import search

    db = getattr(args, "db", None)
    query = query_from(args, args.query, args.limit)
    try:
        store = open_store(db)
        with store.sessions() as session:
            result = search(session, query)
            if args.jsonl:
                write_export(session, sys.stdout, ids=result.ids, fmt="jsonl")
            else:
                _table(session, result.ids)
                shown = f", showing {len(result.ids)}" if len(result.ids) < result.total else ""
                print(f"{result.total_label} found{shown}")
    except SQLAlchemyError as exc:
        print(f"{db or 'store'}: cannot read the store ({exc.__class__.__name__})", file=sys.stderr)
        return 1
    if result.message:
        print(result.message, file=sys.stderr)
    return 1 if result.total == 0 and result.message and not result.fell_back else 0
