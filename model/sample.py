"""The bundled sample story: five outlets' reports of one event, loaded into an empty store.

Texts are stored exactly as shipped, so quote offsets match the files byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from model.ingest import Ingestor
from model.records import ArticleIn
from model.schema import Article

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"


def sample_articles(folder: Path = SAMPLE_DIR) -> list[ArticleIn]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for entry in manifest["articles"]:
        path = folder / entry["file"]
        published = entry.get("published")
        out.append(
            ArticleIn(
                outlet=entry["outlet"],
                outlet_domain=entry.get("domain"),
                title=entry["title"],
                text=path.read_text(encoding="utf-8"),
                published=dt.datetime.fromisoformat(published) if published else None,
                source_file=str(path),
            )
        )
    return out


def store_is_empty(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(Article))


def load_sample_if_empty(sessions: sessionmaker[Session]) -> bool:
    """Imports the sample story into an empty store; True if it did."""
    with sessions.begin() as session:
        if not store_is_empty(session):
            return False
        ingest = Ingestor(session)
        for art in sample_articles():
            ingest.add(art)
    return True
