"""Incident edits: merges and splits of incidents, with what each moved, so they can be undone.

Revision ID: 0002_incident_edits
Revises: 0001
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_incident_edits"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incident_edits",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_id", sa.String(64), nullable=False, index=True),
        sa.Column("other_ids", sa.JSON, nullable=False),
        sa.Column("before", sa.JSON, nullable=False),
        sa.Column("reasons", sa.JSON),
        sa.Column("author", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("undone_by", sa.Integer),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("incident_edits")
