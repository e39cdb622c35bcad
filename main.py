"""QuoteDesk: compare how news outlets quoted the same story.

`python main.py` opens the window; `python main.py COMMAND --help` describes each command.
Exit status: 0 all went well, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Each module defines NAME, HELP, add_arguments(parser) and run(args) -> int. They import
# their heavy dependencies inside run(), so `--help` and start-up stay fast.
COMMAND_MODULES = (
    "model.cli.extract",
    "model.cli.import_",
    "gui.screenshot_command",
    "model.cli.search",
    "model.cli.tag",
    "model.cli.export",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotedesk", description=__doc__.splitlines()[0])
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy URL or file path of the store")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        cmd.add_argument(
            "--db", metavar="URL", default=argparse.SUPPRESS,
            help="SQLAlchemy URL or file path of the store",
        )
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run_app

        return run_app(args.db)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
