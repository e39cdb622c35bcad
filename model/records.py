"""Plain records that cross the boundary between the store and its users (GUI, CLI, importer).

Widgets hold these frozen dataclasses or ids, never ORM objects or sessions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ArticleIn:
    """An article as an importer produced it, before it is stored."""

    outlet: str
    text: str
    title: str = ""
    url: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    source_file: str | None = None
    outlet_domain: str | None = None
