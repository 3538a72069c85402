"""Event keys for the towns and tolls: the town each stored event is coded in (``t:``), the
places its report names (``m:``) and a large toll (``k:``), by which linking compares a report
with one coded in another province that names its town, and a mass shooting's later reports
with the first. A store written before these keys were kept has the people and small places
only: its keys are computed again from each stored record, so it links new reports as a new
store does.

Revision ID: 0008_event_keys_towns_and_tolls
Revises: 0007_follow_ups
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_event_keys_towns_and_tolls"
down_revision = "0007_follow_ups"
branch_labels = None
depends_on = None

_TABLE = sa.table("event_keys", sa.column("event_pk"), sa.column("key"), sa.column("event_date"))


def upgrade() -> None:
    from eventwire.store._linker import fill_event_keys

    op.execute("DELETE FROM event_keys")
    fill_event_keys(op.get_bind(), lambda rows: op.bulk_insert(_TABLE, rows))


def downgrade() -> None:
    # the older layout: people's names and small places only
    op.execute("DELETE FROM event_keys WHERE key NOT LIKE 'n:%' AND key NOT LIKE 'p:%'")
