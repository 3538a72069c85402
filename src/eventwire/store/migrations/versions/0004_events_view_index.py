"""An index holding what the page's lists, map and timeline filter and group events on.

Revision ID: 0004_events_view_index
Revises: 0003_document_versions
Create Date: 2026-12-01
"""
from alembic import op

revision = "0004_events_view_index"
down_revision = "0003_document_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_view", "events",
                    ["event_date", "latitude", "longitude", "event_type", "fatalities_best", "confidence", "country",
                     "iso3", "admin1", "sub_event_type"])


def downgrade() -> None:
    op.drop_index("ix_events_view", table_name="events")
