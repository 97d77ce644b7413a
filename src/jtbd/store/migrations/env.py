"""Alembic environment: runs on the connection jtbd hands it (see jtbd.store.migrate)."""
from __future__ import annotations

from alembic import context

from jtbd.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through jtbd.store.migrate
    raise RuntimeError("run migrations through jtbd.store.migrate.upgrade()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
