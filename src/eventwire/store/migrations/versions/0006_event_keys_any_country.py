"""Event keys without the country: reports coded in different countries (one of them a misread
place name) that name the same people are compared, so the index finds them in any country.

Revision ID: 0006_event_keys_any_country
Revises: 0005_event_keys
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_event_keys_any_country"
down_revision = "0005_event_keys"
branch_labels = None
depends_on = None

_TABLE = sa.table("event_keys", sa.column("event_pk"), sa.column("key"), sa.column("event_date"))


def upgrade() -> None:
    from eventwire.store._linker import fill_event_keys

    op.execute("DELETE FROM event_keys")
    fill_event_keys(op.get_bind(), lambda rows: op.bulk_insert(_TABLE, rows))


def downgrade() -> None:
    # the older layout: each key prefixed by its event's country; events without one had no keys
    rows = op.get_bind().execute(sa.text(
        "SELECT k.event_pk, k.key, k.event_date, e.iso3, e.country FROM event_keys k "
        "JOIN events e ON e.pk = k.event_pk")).fetchall()
    op.execute("DELETE FROM event_keys")
    out = [{"event_pk": pk, "key": f"{(iso3 or country).upper()}|{key}", "event_date": day}
           for pk, key, day, iso3, country in rows if iso3 or country]
    for start in range(0, len(out), 5000):
        op.bulk_insert(_TABLE, out[start:start + 5000])
