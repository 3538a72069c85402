"""Event keys: the particulars of each stored event (people's names, small places) by country,
so linking finds the earlier reports of an incident beyond the date window; and an index on
the events' date precision and date, for the few imprecise dates near a new event.

Revision ID: 0005_event_keys
Revises: 0004_events_view_index
Create Date: 2026-12-02
"""
import json

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
    import datetime as dt
    import logging

    from eventwire.errors import InputError
    from eventwire.serialize import event_from_dict
    from eventwire.store._linker import event_keys

    bind = op.get_bind()
    table = sa.table("event_keys", sa.column("event_pk"), sa.column("key"), sa.column("event_date"))
    rows = bind.execute(sa.text("SELECT pk, event_date, record FROM events")).fetchall()
    out = []
    for pk, day, record in rows:
        record = json.loads(record) if isinstance(record, str) else record
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        try:
            keys = event_keys(event_from_dict(record))
        except InputError as exc:  # a record of an older layout: it links within the date window only
            logging.getLogger(__name__).info("event %s: no blocking keys (%s)", pk, exc)
            continue
        out += [{"event_pk": pk, "key": k, "event_date": day} for k in keys]
        if len(out) >= 5000:
            op.bulk_insert(table, out)
            out = []
    if out:
        op.bulk_insert(table, out)


def downgrade() -> None:
    op.drop_index("ix_events_precision_date", table_name="events")
    op.drop_index("ix_event_keys_key_date", table_name="event_keys")
    op.drop_table("event_keys")
