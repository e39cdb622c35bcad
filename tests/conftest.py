"""Test set-up shared by every test: Qt runs off screen, and no test reads ../shared."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
