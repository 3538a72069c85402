"""Documents known by source and id together, with versions.

Two articles with one id from different files or feeds are two documents;
new text under a known source and id is stored as the next version instead of
overwriting the earlier text.

Revision ID: 0003_document_versions
Revises: 0002_incident_edits
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_document_versions"
down_revision = "0002_incident_edits"
branch_labels = None
depends_on = None

# The unique constraint on doc_id was created without a name; on SQLite it is
# found by this convention when the table is rebuilt.
_NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def upgrade() -> None:
    with op.batch_alter_table("documents", naming_convention=_NAMING) as batch:
        batch.add_column(sa.Column("source_key", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("is_current", sa.Boolean, nullable=False, server_default=sa.true()))
        batch.drop_constraint(_doc_id_unique(), type_="unique")
        batch.create_index("ix_documents_doc_id", ["doc_id"])
        batch.create_unique_constraint("uq_documents_identity", ["source_key", "doc_id", "version"])
    _fill_source_keys()


def _fill_source_keys() -> None:
    """Documents stored before this revision get the source key of their origin."""
    from eventwire.store._store import source_key

    bind = op.get_bind()
    docs = sa.table("documents", sa.column("pk", sa.Integer), sa.column("origin", sa.Text),
                    sa.column("source_key", sa.Text))
    rows = bind.execute(sa.select(docs.c.pk, docs.c.origin).where(docs.c.origin.is_not(None))).all()
    for pk, origin in rows:
        bind.execute(docs.update().where(docs.c.pk == pk).values(source_key=source_key(origin)))


def _doc_id_unique() -> str:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for uc in sa.inspect(bind).get_unique_constraints("documents"):
            if uc["column_names"] == ["doc_id"]:
                return uc["name"]
    return "uq_documents_doc_id"


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_identity", type_="unique")
        batch.drop_index("ix_documents_doc_id")
        batch.create_unique_constraint("uq_documents_doc_id", ["doc_id"])
        batch.drop_column("is_current")
        batch.drop_column("version")
        batch.drop_column("source_key")
