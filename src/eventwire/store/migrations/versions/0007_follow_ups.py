"""Follow-ups: what a report without an event of its own (an arrest, a trial, a funeral of a
past incident) is about, kept to join the report to that incident; never an event.

Revision ID: 0007_follow_ups
Revises: 0006_event_keys_any_country
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_follow_ups"
down_revision = "0006_event_keys_any_country"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Text, nullable=False, unique=True),
        sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("country", sa.String(100)),
        sa.Column("iso3", sa.String(8)),
        sa.Column("linked_to", sa.Text, index=True),
        sa.Column("score", sa.Float),
        sa.Column("reasons", sa.JSON),
        sa.Column("record", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("follow_ups")
