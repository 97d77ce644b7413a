"""Participant sheets: who each participant is, which speaker label and document they map to,
and their attributes (segment, plan, country, ...) for slicing the evidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jtbd.errors import ImportFailed
from jtbd.ingest.decode import decode_bytes
from jtbd.ingest.tables import Table, parse_csv, parse_xlsx

ID_COLUMNS: tuple[str, ...] = ("participant_id", "id")


@dataclass(frozen=True)
class ParticipantRecord:
    """One participant row: ``attributes`` holds every column other than id/speaker/document."""

    id: str
    speaker: str | None = None
    document: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)


def read_participants(path: str | Path) -> list[ParticipantRecord]:
    """Read a participants CSV (or .xlsx) with a ``participant_id`` or ``id`` column and
    optional ``speaker`` and ``document`` columns."""
    source = str(path)
    file = Path(path)
    if not file.is_file():
        raise ImportFailed("file not found; check the path", path=source)
    if file.suffix.lower() == ".xlsx":
        table = parse_xlsx(file.read_bytes(), source)
    else:
        text = decode_bytes(file.read_bytes(), source)
        if not text.strip():
            raise ImportFailed("the participants file is empty; add a header with a "
                               "participant_id column and one row per participant", path=source)
        table = parse_csv(text, source)
    return _records(table, source)


def _find(columns: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    lowered = {c.lower(): c for c in columns}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def _records(table: Table, source: str) -> list[ParticipantRecord]:
    id_col = _find(table.columns, ID_COLUMNS)
    if id_col is None:
        listed = ", ".join(repr(c) for c in table.columns)
        raise ImportFailed(f"no participant_id (or id) column; the columns are {listed}; "
                           "rename the column that identifies participants", path=source)
    if not table.rows:
        raise ImportFailed("the participants file has a header but no rows", path=source)
    speaker_col = _find(table.columns, ("speaker",))
    document_col = _find(table.columns, ("document",))
    seen: dict[str, int] = {}
    records = []
    for row in table.rows:
        pid = row.cells.get(id_col, "").strip()
        if not pid:
            raise ImportFailed(f"row {row.index} has no {id_col!r}; give every participant "
                               "an id", path=source, line=row.line, column=id_col)
        if pid in seen:
            raise ImportFailed(f"participant id {pid!r} is used twice (rows {seen[pid]} and "
                               f"{row.index}); ids must be unique", path=source,
                               line=row.line, column=id_col)
        seen[pid] = row.index
        special = {id_col, speaker_col, document_col}
        records.append(ParticipantRecord(
            id=pid,
            speaker=(row.cells.get(speaker_col) or "").strip() or None if speaker_col else None,
            document=(row.cells.get(document_col) or "").strip() or None if document_col else None,
            attributes={k: v for k, v in row.cells.items() if k not in special},
        ))
    return records
