"""The study folder and its small config file (``jtbd.toml``)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from jtbd.errors import InputError, StudyExists, StudyNotFound

CONFIG_NAME = "jtbd.toml"
DB_NAME = "study.sqlite"
DEFAULT_MAX_IMPORT_MB = 50
#: Where an imported survey's responses are kept, relative to the study folder.
STUDY_RESPONSES = Path("survey") / "responses.csv"


@dataclass
class StudyConfig:
    """Settings of one study. ``roles`` maps speaker names to interviewer/customer."""

    name: str
    created: str
    database_url: str | None = None
    max_import_mb: float = DEFAULT_MAX_IMPORT_MB
    coder: str = "local"
    roles: dict[str, str] = field(default_factory=dict)

    def to_toml(self) -> str:
        lines = [
            "# jtbd study settings",
            f"name = {_q(self.name)}",
            f"created = {_q(self.created)}",
            f"max_import_mb = {self.max_import_mb}",
            f"coder = {_q(self.coder)}",
        ]
        if self.database_url:
            lines.append(f"database_url = {_q(self.database_url)}")
        lines.append("")
        lines.append("# Speaker roles, e.g.  \"Anna Berg\" = \"interviewer\"")
        lines.append("[roles]")
        for k, v in sorted(self.roles.items()):
            lines.append(f"{_q(k)} = {_q(v)}")
        return "\n".join(lines) + "\n"

    @classmethod
    def from_toml(cls, path: Path) -> StudyConfig:
        try:
            data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"the study config is not valid TOML ({exc}); fix or re-create it",
                             path=str(path)) from None
        return cls(
            name=str(data.get("name", path.parent.name)),
            created=str(data.get("created", "")),
            database_url=data.get("database_url"),
            max_import_mb=float(data.get("max_import_mb", DEFAULT_MAX_IMPORT_MB)),
            coder=str(data.get("coder", "local")),
            roles={str(k): str(v) for k, v in dict(data.get("roles", {})).items()},
        )


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def resolve_study_dir(study: str | os.PathLike[str] | None) -> Path:
    """The study named by ``--study``/``JTBD_STUDY``, else the current directory."""
    return Path(study or os.environ.get("JTBD_STUDY") or ".").expanduser().resolve()


def load_config(path: Path) -> StudyConfig:
    cfg = path / CONFIG_NAME
    if not cfg.is_file():
        raise StudyNotFound(
            f"{path} is not a jtbd study (no {CONFIG_NAME}); create one with `jtbd init {path}` "
            "or point to one with --study DIR"
        )
    return StudyConfig.from_toml(cfg)


def write_new_config(path: Path, name: str | None = None, database_url: str | None = None) -> StudyConfig:
    if (path / CONFIG_NAME).exists():
        raise StudyExists(f"{path} already holds a study ({CONFIG_NAME} exists)")
    path.mkdir(parents=True, exist_ok=True)
    cfg = StudyConfig(name=name or path.name, created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      database_url=database_url)
    atomic_write_text(path / CONFIG_NAME, cfg.to_toml())
    return cfg


def atomic_write_text(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
