"""Typed records the store hands out (never bare rows)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

#: Code statuses that count as "the excerpt has this code".
ACTIVE_STATUSES = ("suggested", "accepted", "added")


@dataclass(frozen=True)
class SpeakerRecord:
    name: str
    role: str
    participant: str | None = None


@dataclass(frozen=True)
class TurnRecord:
    idx: int
    start: int
    end: int
    speaker: str | None
    role: str | None


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    source: str
    name: str
    kind: str
    title: str | None
    row: int | None
    meta: dict[str, Any]
    participant: str | None
    speakers: tuple[SpeakerRecord, ...]
    coded_by: str | None
    imported_at: datetime
    text: str = ""
    turns: tuple[TurnRecord, ...] = ()
    excerpt_count: int = 0
    code_count: int = 0

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "row": self.row,
            "speakers": [
                {"name": s.name, "role": s.role, "participant": s.participant} for s in self.speakers
            ],
            "participant": self.participant,
            "metadata": self.meta,
            "coded_by": self.coded_by,
            "imported_at": self.imported_at.isoformat(timespec="seconds"),
            "characters": len(self.text) if self.text else None,
        }
        if with_text:
            d["text"] = self.text
            d["turns"] = [t.__dict__ for t in self.turns]
        return d


@dataclass(frozen=True)
class CodeRecord:
    id: int
    excerpt_id: int
    code: str
    confidence: float | None
    coder: str
    coder_version: str | None
    origin: str
    status: str
    reviewed_by: str | None = None

    @property
    def active(self) -> bool:
        return self.status in ACTIVE_STATUSES


@dataclass(frozen=True)
class ExcerptRecord:
    id: int
    document_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    role: str | None
    turn_index: int | None
    question: str | None
    codes: tuple[CodeRecord, ...] = field(default_factory=tuple)

    @property
    def active_codes(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for c in self.codes:
            if c.active:
                seen.setdefault(c.code, None)
        return tuple(seen)


@dataclass(frozen=True)
class ImportOutcome:
    source: str
    added: int
    duplicates: int
    skipped_file: bool = False
