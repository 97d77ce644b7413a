"""The database schema (SQLAlchemy Core). Changes go through Alembic migrations in
``jtbd/store/migrations``; the same schema runs on SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

imports = Table(
    "imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("file_hash", String(64), nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("documents", Integer, nullable=False, default=0),
    Column("imported_at", DateTime, nullable=False),
)

participants = Table(
    "participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("external_id", String(200), nullable=False, unique=True),
    Column("speaker", String(200)),
    Column("document", Text),
    Column("attributes", JSON, nullable=False, default=dict),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id", ondelete="CASCADE")),
    Column("source", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("row", Integer),
    Column("text", Text, nullable=False),
    Column("meta", JSON, nullable=False, default=dict),
    Column("participant_id", Integer, ForeignKey("participants.id", ondelete="SET NULL")),
    Column("coded_by", String(200)),
    Column("coded_at", DateTime),
    Column("imported_at", DateTime, nullable=False),
)

turns = Table(
    "turns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", String(200)),
    Column("role", String(16)),
    Index("ix_turns_document", "document_id", "idx"),
)

speakers = Table(
    "speakers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(16), nullable=False),
    Column("participant_id", Integer, ForeignKey("participants.id", ondelete="SET NULL")),
    UniqueConstraint("document_id", "name", name="uq_speaker_document_name"),
)

excerpts = Table(
    "excerpts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", String(200)),
    Column("role", String(16)),
    Column("turn_index", Integer),
    Column("question", Text),
    UniqueConstraint("document_id", "start", "end", name="uq_excerpt_span"),
)

codes = Table(
    "codes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("excerpt_id", Integer, ForeignKey("excerpts.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(32), nullable=False),
    Column("confidence", Float),
    Column("coder", String(200), nullable=False),
    Column("coder_version", String(64)),
    #: "ai" (a model) or "human" (an analyst; ``coder`` holds the analyst's name)
    Column("origin", String(8), nullable=False),
    #: "suggested" (AI, not reviewed), "accepted", "rejected" (reviewed by a person), "added" (human)
    Column("status", String(16), nullable=False),
    Column("reviewed_by", String(200)),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_codes_excerpt", "excerpt_id"),
)

alternatives = Table(
    "alternatives",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
)

artifacts = Table(
    "artifacts",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

edit_log = Table(
    "edit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(200), nullable=False),
    Column("detail", JSON, nullable=False, default=dict),
)
