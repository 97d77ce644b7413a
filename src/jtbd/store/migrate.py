"""Schema migrations with Alembic. The SQLite file is backed up before an upgrade."""
from __future__ import annotations

import shutil
from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

_HERE = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, sqlite_file: Path | None = None) -> Path | None:
    """Bring the database to the newest schema. Returns the backup path when one was made."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup = None
    if current is not None and sqlite_file is not None and sqlite_file.exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
        backup = sqlite_file.with_name(f"{sqlite_file.stem}.backup-{current}-{stamp}{sqlite_file.suffix}")
        with engine.connect() as conn:  # checkpoint the WAL so the copy is complete
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(sqlite_file, backup)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
