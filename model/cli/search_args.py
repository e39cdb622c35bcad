"""The filter options `search` and `export` share, and turning them into a SearchQuery."""

from __future__ import annotations

import argparse
import datetime as dt

from model.search.types import SORTS, SearchQuery


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return n


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", metavar="S", help="only quotes by this speaker")
    parser.add_argument("--outlet", metavar="O", help="only quotes from this outlet")
    parser.add_argument("--tag", metavar="T", help="only quotes with this tag")
    parser.add_argument("--since", metavar="DATE", type=iso_date, help="published on or after")
    parser.add_argument("--until", metavar="DATE", type=iso_date, help="published on or before")
    parser.add_argument("--sort", choices=SORTS, default="relevance", help="order of the quotes")


def query_from(args: argparse.Namespace, text: str = "", limit: int = 200) -> SearchQuery:
    return SearchQuery(
        text=text, speaker=args.speaker, outlet=args.outlet, tag=args.tag, since=args.since,
        until=args.until, sort=args.sort, limit=limit,
    )
