"""Initial schema: imports, participants, documents, turns, speakers, excerpts, codes,
alternatives, artifacts, edit log.

Revision ID: 0001
Revises:
"""
from alembic import op

from jtbd.store import schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TABLES = ["imports", "participants", "documents", "turns", "speakers", "excerpts", "codes",
           "alternatives", "artifacts", "edit_log"]


def upgrade() -> None:
    bind = op.get_bind()
    # The initial revision creates the tables as declared at the time of writing; later
    # revisions must use explicit op.* calls, never the live metadata.
    schema.metadata.create_all(bind, tables=[schema.metadata.tables[t] for t in _TABLES])


def downgrade() -> None:
    bind = op.get_bind()
    schema.metadata.drop_all(bind, tables=[schema.metadata.tables[t] for t in reversed(_TABLES)])
