"""statements: the same quote across outlets

Revision ID: 0003
Revises: 0002

Three new tables and no change to `quote`, so the full-text triggers of 0002 stay in place:
`statement` (one row per grouped statement with its summary), `quote_statement` (each live quote's
statement) and `statement_key` (the blocking index of hashed word pairs, clustered, no rowid).
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("outlet_count", sa.Integer(), nullable=False),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index("ix_statement_outlet_count", ["outlet_count"], unique=False)
        batch_op.create_index("ix_statement_speaker", ["speaker_id"], unique=False)

    op.create_table(
        "quote_statement",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["quote.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["statement_id"], ["statement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quote_id"),
    )
    with op.batch_alter_table("quote_statement", schema=None) as batch_op:
        batch_op.create_index("ix_quote_statement_statement", ["statement_id"], unique=False)

    op.create_table(
        "statement_key",
        sa.Column("key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("statement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("key", "statement_id"),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("statement_key")
    with op.batch_alter_table("quote_statement", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_statement_statement")
    op.drop_table("quote_statement")
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_speaker")
        batch_op.drop_index("ix_statement_outlet_count")
    op.drop_table("statement")
