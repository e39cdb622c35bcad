"""article index without prefix indexes

Revision ID: 0004
Revises: 0003

The article full-text index kept 2- and 3-letter prefix indexes, like the quote index. For an
article's ~800 words they doubled the index's work at import (about 0.09 of 0.18 ms an article,
8% of a whole import) for a query few people type: an article search for "ko*". Without them
FTS5 still answers prefix queries, by merging the doclists of the terms that start so, which is
quick for the three letters and more people type. The quote index keeps its prefixes: quote
search is typed often and its prefix queries are benchmarked (benchmarks/bench_search.py).
The triggers of 0002 refer to the table by name and stay as they are.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CREATE = (
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content = 'article', "
    "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'{prefix})"
)


def _recreate(prefix: str) -> None:
    op.execute("DROP TABLE IF EXISTS article_fts")
    op.execute(_CREATE.format(prefix=prefix))
    op.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate("")


def downgrade() -> None:
    _recreate(", prefix = '2 3'")
