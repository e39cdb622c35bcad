"""full-text search: FTS5 indexes over live quotes and over articles, kept in step by triggers

Revision ID: 0002
Revises: 0001

Both indexes are external-content FTS5 tables, so the text is stored once. The quote index reads
from a view of live quotes (deleted = 0): a 'rebuild' then leaves soft-deleted quotes out, and
the triggers add or remove a quote when its text or its deleted flag changes.

Caution for later migrations: recreating `quote` or `article` (Alembic batch mode's copy-and-move)
drops their triggers; call `model.search.maintenance.ensure_fts(connection)` afterwards.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# unicode61 folds case and (remove_diacritics 2) accents; prefix indexes make 2- and 3-letter
# prefix* queries read one term's doclist instead of merging every term that starts so.
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"

UPGRADE = [
    "CREATE VIEW quote_live_text AS SELECT id, text FROM quote WHERE deleted = 0",
    f"CREATE VIRTUAL TABLE quote_fts USING fts5(text, content = 'quote_live_text', "
    f"content_rowid = 'id', {TOKENIZE})",
    """CREATE TRIGGER quote_fts_ai AFTER INSERT ON quote WHEN new.deleted = 0 BEGIN
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quote_fts_ad AFTER DELETE ON quote WHEN old.deleted = 0 BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quote_fts_au AFTER UPDATE OF text, deleted ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text)
            SELECT 'delete', old.id, old.text WHERE old.deleted = 0;
        INSERT INTO quote_fts(rowid, text) SELECT new.id, new.text WHERE new.deleted = 0;
    END""",
    f"CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content = 'article', "
    f"content_rowid = 'id', {TOKENIZE})",
    """CREATE TRIGGER article_fts_ai AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER article_fts_ad AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO article_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild')",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS article_fts_au",
    "DROP TRIGGER IF EXISTS article_fts_ad",
    "DROP TRIGGER IF EXISTS article_fts_ai",
    "DROP TABLE IF EXISTS article_fts",
    "DROP TRIGGER IF EXISTS quote_fts_au",
    "DROP TRIGGER IF EXISTS quote_fts_ad",
    "DROP TRIGGER IF EXISTS quote_fts_ai",
    "DROP TABLE IF EXISTS quote_fts",
    "DROP VIEW IF EXISTS quote_live_text",
]


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    for statement in DOWNGRADE:
        op.execute(statement)
