"""`main.py screenshot` writes a PNG of the asked size showing the populated window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshot", *args],
                          capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)


def test_screenshot_is_a_png_of_the_asked_size_and_not_blank(tmp_path, qapp):
    out = tmp_path / "shot.png"
    done = _run(str(out), "--size", "900x600")
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)
    colours = {image.pixel(x, y) for x in range(0, 900, 7) for y in range(0, 600, 7)}
    assert len(colours) > 20  # text, highlights, outlet colours: not a blank frame


def test_a_bad_size_is_a_usage_error(tmp_path, capsys):
    import main

    out = tmp_path / "x.png"
    assert main.main(["screenshot", str(out), "--size", "big"]) == 2
    assert "--size big: expected WxH" in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_article_names_the_problem(tmp_path, sample_db):
    done = _run(str(tmp_path / "x.png"), "--db", str(sample_db), "--article", "999")
    assert done.returncode == 1
    assert "--article 999" in done.stderr
