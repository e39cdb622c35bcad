"""`tag --add TAG ID...` / `tag --remove TAG ID...` / `tag --list`: tags on stored quotes."""

from __future__ import annotations

import argparse
import sys

NAME = "tag"
HELP = "add a tag to quotes (creating the tag if needed), remove it, or list the tags"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--add", metavar="TAG", help="tag the quotes with TAG")
    action.add_argument("--remove", metavar="TAG", help="take TAG off the quotes")
    action.add_argument("--list", action="store_true", help="list the tags with their counts")
    parser.add_argument("ids", nargs="*", type=int, metavar="QUOTE_ID")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from model import tags
    from model.db import open_store
    from model.schema import Quote

    db = getattr(args, "db", None)
    if not args.list and not args.ids:
        print("tag: give the ids of the quotes to tag (see `search`)", file=sys.stderr)
        return 2
    try:
        store = open_store(db)
        if args.list:
            with store.sessions() as s:
                for t in tags.list_tags(s):
                    print(f"{t.count:>8}  {t.name}")
            return 0
        with store.sessions.begin() as s:
            known = set(s.scalars(select(Quote.id).where(Quote.id.in_(args.ids))))
            missing = [i for i in args.ids if i not in known]
            for i in missing:
                print(f"quote {i}: no such quote", file=sys.stderr)
            wanted = [i for i in args.ids if i in known]
            if args.add:
                tag_id, _created = tags.ensure_tag(s, args.add)
                changed = tags.assign_tag(s, tag_id, wanted)
                verb = "Tagged"
            else:
                tag_id = tags.find_tag(s, args.remove)
                if tag_id is None:
                    print(f"{args.remove}: no such tag", file=sys.stderr)
                    return 1
                changed = tags.remove_tag(s, tag_id, wanted)
                verb = "Untagged"
    except tags.TagError as exc:
        print(f"{args.add or args.remove}: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        problem = exc.__class__.__name__
        print(f"{db or 'store'}: cannot write the store ({problem})", file=sys.stderr)
        return 1
    name = args.add or args.remove
    unchanged = len(wanted) - len(changed)
    note = f" ({unchanged} unchanged)" if unchanged else ""
    print(f"{verb} {len(changed)} quote{'s' * (len(changed) != 1)} “{name}”{note}")
    return 1 if missing else 0
