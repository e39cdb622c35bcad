"""QuoteDesk: compare how news outlets quoted the same story.

`python main.py` opens the window; `python main.py COMMAND --help` describes each command.
Exit status: 0 all went well, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Command name -> module defining NAME, HELP, add_arguments(parser) and run(args) -> int.
# Only the module of the command being run is imported (all of them for the top-level --help),
# so opening the window never pays for SQLAlchemy before the first paint.
COMMANDS = {
    "extract": "model.cli.extract",
    "import": "model.cli.import_",
    "search": "model.cli.search",
    "tag": "model.cli.tag",
    "export": "model.cli.export",
    "compare": "model.cli.compare",
    "screenshot": "gui.screenshot_command",
}
HELP_FLAGS = ("-h", "--help")


def _add_db(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument("--db", metavar="URL", default=default,
                        help="SQLAlchemy URL or file path of the store")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with just `only` (none when it is "")."""
    parser = argparse.ArgumentParser(prog="quotedesk", description=__doc__.splitlines()[0])
    _add_db(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            sub.add_parser(name)  # a placeholder so the name parses; never run
            continue
        module = importlib.import_module(module_name)
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        _add_db(cmd, argparse.SUPPRESS)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command named on the command line, skipping `--db VALUE` before it."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--db":
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = _command_in(argv)
    wants_help = any(a in HELP_FLAGS for a in argv)
    # Without a command, only the top-level --help needs every command's module.
    only = None if command is None and wants_help else (command or "")
    args = build_parser(only).parse_args(argv)
    if args.command is None:
        from gui.app import run_app

        return run_app(args.db)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
