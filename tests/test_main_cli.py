"""The command line's shape: commands, usage errors, and a window path that stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_has_help():
    for name in main.COMMANDS:
        out = subprocess.run([sys.executable, "main.py", name, "--help"], cwd=ROOT,
                             capture_output=True, text=True)
        assert out.returncode == 0, (name, out.stderr)
        assert f"quotedesk {name}" in out.stdout


def test_unknown_command_is_a_usage_error():
    out = subprocess.run([sys.executable, "main.py", "frobnicate"], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert "invalid choice" in out.stderr


def test_opening_the_window_does_not_import_the_commands_or_sqlalchemy():
    code = (
        "import sys, main; main.build_parser(''); "
        "print(sorted(m for m in ('sqlalchemy', 'model.cli.search') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_after_db_is_found():
    assert main._command_in(["--db", "x.db", "search", "war"]) == "search"
    assert main._command_in(["--db", "x.db"]) is None


def test_building_the_window_imports_no_sqlalchemy_before_the_first_paint():
    """The window paints first; SQLAlchemy (~0.6 s to import) loads when the store opens."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from gui.app import make_application\n"
        "from gui.main_window import MainWindow\n"
        "from gui.settings import Settings\n"
        "from gui.store_hub import StoreHub\n"
        "import tempfile, pathlib\n"
        "app = make_application()\n"
        "w = MainWindow(StoreHub(), Settings(pathlib.Path(tempfile.mkdtemp()) / 's.ini'))\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
