"""`compare [--min-outlets N] [--jsonl]`: the statements carried by several outlets, and how."""

from __future__ import annotations

import argparse
import json
import sys

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

    from model.db import open_store, to_url
    from model.statements import (
        group_new_quotes,
        list_statements,
        statement_detail,
        ungrouped_quote_ids,
    )

    if args.min_outlets < 1:
        print("compare: --min-outlets must be 1 or more", file=sys.stderr)
        return 2
    db = getattr(args, "db", None)
    try:
        store = open_store(db)
    except (SQLAlchemyError, OSError) as exc:
        print(f"{to_url(db) if db else 'default store'}: cannot open the store ({exc})",
              file=sys.stderr)
        return 1
    out = sys.stdout
    try:
        with store.sessions.begin() as s:
            pending = ungrouped_quote_ids(s)
            if pending:
                group_new_quotes(s, pending)
        with store.sessions() as s:
            offset = 0
            while True:
                page = list_statements(s, min_outlets=args.min_outlets, offset=offset, limit=500)
                if not page:
                    break
                offset += len(page)
                for summary in page:
                    detail = statement_detail(s, summary.id)
                    if detail is None:
                        continue
                    if args.jsonl:
                        record = {
                            "statement": detail.fullest,
                            "speaker": detail.speaker,
                            "quotes": [
                                {
                                    "quote_id": v.quote_id, "outlet": v.outlet,
                                    "article_id": v.article_id, "text": v.text,
                                    "flags": list(v.flags),
                                }
                                for v in detail.versions
                            ],
                        }
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    else:
                        out.write(_readable(detail))
    finally:
        store.close()
    return 0


def _readable(detail) -> str:  # type: ignore[no-untyped-def]
    speaker = detail.speaker or "unknown speaker"
    if detail.disputed:
        speaker += f" (disputed: {', '.join(detail.speakers)})"
    lines = [f"“{detail.fullest}” — {speaker}; {len(detail.outlets)} outlets"]
    for v in detail.versions:
        flags = f"  [{', '.join(v.flags)}]" if v.flags else ""
        text = v.text if len(v.text) <= 90 else v.text[:87] + "…"
        lines.append(f"  {v.outlet:<24} #{v.quote_id:<7} {text}{flags}")
    return "\n".join(lines) + "\n\n"
