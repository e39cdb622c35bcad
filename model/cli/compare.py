"""`compare [--min-outlets N] [--jsonl]`: the statements carried by several outlets, and how."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from model.db import Store
    from model.statements import StatementDetail

NAME = "compare"
HELP = "print the statements several outlets carried, with each outlet's version and its flags"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--min-outlets", type=int, default=2, metavar="N",
        help="only statements carried by at least N outlets (default 2)",
    )
    parser.add_argument("--jsonl", action="store_true", help="one JSON object per statement")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from model.cli.common import problem
    from model.db import open_store

    if args.min_outlets < 1:
        print("compare: --min-outlets must be 1 or more", file=sys.stderr)
        return 2
    db = getattr(args, "db", None)
    where = db or "default store"
    try:
        store = open_store(db)
    except (SQLAlchemyError, OSError) as exc:
        problem(where, f"cannot open the store: {_first_line(exc)}")
        return 1
    try:
        print_statements(store, args.min_outlets, args.jsonl, sys.stdout)
    except BrokenPipeError:  # `compare | head`: the reader has what it wanted
        sys.stdout = None  # type: ignore[assignment]  # no second error at exit
    except SQLAlchemyError as exc:
        problem(where, f"cannot read the store: {_first_line(exc)}")
        return 1
    finally:
        store.close()
    return 0


def _first_line(exc: Exception) -> str:
    return (str(getattr(exc, "orig", None) or exc).splitlines() or [type(exc).__name__])[0]


def print_statements(store: Store, min_outlets: int, jsonl: bool, out: TextIO) -> None:
    """Groups what no grouping has seen yet, then prints the statements, widest carried first."""
    from model.statements import group_in_steps, list_statements, statement_detail

    group_in_steps(store.sessions)
    with store.sessions() as s:
        offset = 0
        while page := list_statements(s, min_outlets=min_outlets, offset=offset, limit=500):
            offset += len(page)
            for summary in page:
                detail = statement_detail(s, summary.id)
                if detail is not None:
                    out.write(_record(detail) if jsonl else _readable(detail))


def _record(d: StatementDetail) -> str:
    quotes = [
        {"quote_id": v.quote_id, "outlet": v.outlet, "article_id": v.article_id, "text": v.text,
         "flags": list(v.flags)}
        for v in d.versions
    ]
    record = {"statement": d.fullest, "speaker": d.speaker, "quotes": quotes}
    return json.dumps(record, ensure_ascii=False) + "\n"


def _readable(d: StatementDetail) -> str:
    speaker = d.speaker or "unknown speaker"
    if d.disputed:
        speaker += f" (disputed: {', '.join(d.speakers)})"
    n = len(d.outlets)
    lines = [f"“{d.fullest}” — {speaker}; {n} outlet{'s' if n != 1 else ''}"]
    for v in d.versions:
        flags = f"  [{', '.join(v.flags)}]" if v.flags else ""
        text = v.text if len(v.text) <= 90 else v.text[:87] + "…"
        lines.append(f"  {v.outlet:<24} #{v.quote_id:<7} {text}{flags}")
    return "\n".join(lines) + "\n\n"
