"""Event keys: the particulars of each stored event (people's names, small places) by country,
so linking finds the earlier reports of an incident beyond the date window; and an index on
the events' date precision and date, for the few imprecise dates near a new event.

Revision ID: 0005_event_keys
Revises: 0004_events_view_index
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0005_event_keys"
down_revision = "0004_events_view_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_keys",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("event_date", sa.Date),
    )
    op.create_index("ix_event_keys_key_date", "event_keys", ["key", "event_date"])
    op.create_index("ix_events_precision_date", "events", ["date_precision", "event_date"])
    _fill()


def _fill() -> None:
    """Keys of the events already stored, from the particulars kept in each record."""
    from eventwire.store._linker import fill_event_keys

    table = sa.table("event_keys", sa.column("event_pk"), sa.column("key"), sa.column("event_date"))
    fill_event_keys(op.get_bind(), lambda rows: op.bulk_insert(table, rows))


def downgrade() -> None:
    op.drop_index("ix_events_precision_date", table_name="events")
    op.drop_index("ix_event_keys_key_date", table_name="event_keys")
    op.drop_table("event_keys")
