"""Opening a store: engine, SQLite pragmas, migrations to head, and the session factory.

The caller owns sessions: one `sessionmaker` is made here at start-up and every user action runs
in its own `with factory.begin() as session:` block.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
APP_NAME = "QuoteDesk"


def default_db_path() -> Path:
    """The store in the user's data folder (created on demand)."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "quotedesk.db"


def to_url(db: str | Path | None) -> str:
    """Accepts a SQLAlchemy URL or a plain file path; None means the default store."""
    if db is None:
        db = default_db_path()
    text = str(db)
    if "://" in text:
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    # Registers the listener that brings the full-text index up to date before every commit,
    # so every writer (GUI, command line, importer) leaves the index in step.
    import model.search.maintenance  # noqa: F401

    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the store's schema to `revision`, keeping every row."""
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Store:
    """An open store: its engine and the one session factory of the process."""

    engine: Engine
    sessions: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | Path | None = None, *, migrate: bool = True) -> Store:
    engine = make_engine(to_url(db))
    if migrate and current_revision(engine) != head_revision(engine):
        upgrade(engine)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))
