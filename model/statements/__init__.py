"""The same quote across outlets: grouping quotes into statements, and reading them back.

Import from here: `group_new_quotes(session, quote_ids)` after an import, `regroup_all(session)`
to start over, and the read queries for the Statements view, the heat map and `compare`.
"""

from model.statements.diff import ALTERED, DISPUTED, FLAGS, TRUNCATED, DiffOp
from model.statements.grouping import (
    ensure_statement_of_quote,
    forget_quotes,
    group_in_steps,
    group_new_quotes,
    refresh_statements,
    regroup_all,
    ungrouped_quote_ids,
)
from model.statements.queries import (
    HeatGrid,
    StatementDetail,
    StatementSummary,
    Version,
    count_statements,
    list_statements,
    quotes_for_cell,
    speaker_outlet_counts,
    statement_detail,
    statement_of_quote,
)

__all__ = [
    "ALTERED",
    "DISPUTED",
    "FLAGS",
    "TRUNCATED",
    "DiffOp",
    "HeatGrid",
    "StatementDetail",
    "StatementSummary",
    "Version",
    "count_statements",
    "ensure_statement_of_quote",
    "forget_quotes",
    "group_in_steps",
    "group_new_quotes",
    "list_statements",
    "quotes_for_cell",
    "refresh_statements",
    "regroup_all",
    "speaker_outlet_counts",
    "statement_detail",
    "statement_of_quote",
    "ungrouped_quote_ids",
]
