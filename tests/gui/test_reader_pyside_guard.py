"""Guards against the PySide6 6.12.0 + Python 3.11 crash (none_dealloc after a few thousand
calls of Qt methods returning nothing). Run in a child process, so a crash fails this test
instead of killing the test run."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
for i in range(50_000):
    w.setMinimumWidth(i % 300)
print("survived", w.minimumWidth())
"""


def test_fifty_thousand_void_calls_do_not_abort_the_process():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          env=env, timeout=90)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["survived", str(49_999 % 300)]
