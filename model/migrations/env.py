"""Alembic environment: runs on the connection QuoteDesk hands it (model.db.upgrade)."""

from alembic import context
from sqlalchemy import create_engine

from model.schema import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(
        connection=connection, target_metadata=Base.metadata, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()
