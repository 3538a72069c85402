"""Initial schema: runs, sources, documents, events, evidence, incidents, members, corrections.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("lexicon_hashes", sa.JSON, nullable=False),
        sa.Column("command", sa.Text),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("url", sa.Text),
    )
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.Text, nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id")),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(64), primary_key=True),
        sa.Column("country", sa.String(100), index=True),
        sa.Column("iso3", sa.String(8)),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("event_type", sa.String(100)),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Text, nullable=False, unique=True),
        sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("event_date", sa.Date, index=True),
        sa.Column("date_precision", sa.String(16), nullable=False),
        sa.Column("event_type", sa.String(100), nullable=False, index=True),
        sa.Column("sub_event_type", sa.String(100), nullable=False),
        sa.Column("country", sa.String(100), index=True),
        sa.Column("iso3", sa.String(8)),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("incident_id", sa.String(64),
                  sa.ForeignKey("incidents.incident_id", ondelete="SET NULL"), index=True),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_country_date", "events", ["country", "event_date"])
    op.create_table(
        "evidence",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
    )
    op.create_table(
        "incident_members",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("incident_id", sa.String(64),
                  sa.ForeignKey("incidents.incident_id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.pk", ondelete="CASCADE"), nullable=False),
        sa.Column("linked_to", sa.Text),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.UniqueConstraint("event_pk", name="uq_incident_members_event"),
    )
    op.create_table(
        "corrections",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Text, nullable=False, index=True),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("old_value", sa.JSON),
        sa.Column("new_value", sa.JSON),
        sa.Column("author", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("corrections", "incident_members", "evidence", "events", "incidents",
                  "documents", "sources", "runs"):
        op.drop_table(table)
