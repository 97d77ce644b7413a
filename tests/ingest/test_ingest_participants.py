"""Participant sheets."""
from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.errors import ImportFailed
from jtbd.ingest import ParticipantRecord, read_participants


def test_read_participants(tmp_path: Path) -> None:
    f = tmp_path / "people.csv"
    f.write_text("Participant_ID,speaker,document,segment,plan\n"
                 "P1,Anna,anna.txt,SMB,pro\nP2,,,Enterprise,\n")
    assert read_participants(f) == [
        ParticipantRecord("P1", "Anna", "anna.txt", {"segment": "SMB", "plan": "pro"}),
        ParticipantRecord("P2", None, None, {"segment": "Enterprise"}),
    ]


def test_id_column_and_minimal(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("id;role\nX;buyer\n")
    assert read_participants(f) == [ParticipantRecord("X", attributes={"role": "buyer"})]


def test_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n")
    with pytest.raises(ImportFailed, match="empty"):
        read_participants(empty)
    no_id = tmp_path / "noid.csv"
    no_id.write_text("name,segment\nAnna,SMB\n")
    with pytest.raises(ImportFailed, match="participant_id.*'name', 'segment'"):
        read_participants(no_id)
    dup = tmp_path / "dup.csv"
    dup.write_text("id,segment\nP1,a\nP2,b\nP1,c\n")
    with pytest.raises(ImportFailed, match=r"'P1' is used twice \(rows 0 and 2\)") as info:
        read_participants(dup)
    assert info.value.line == 4
    assert str(dup) in str(info.value)
    blank = tmp_path / "blank.csv"
    blank.write_text("id,segment\n,a\n")
    with pytest.raises(ImportFailed, match="row 0 has no 'id'"):
        read_participants(blank)


def test_xlsx_participants(tmp_path: Path) -> None:
    import openpyxl

    f = tmp_path / "people.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["ID", "Speaker", "segment"])
    book.active.append([7, "Omar", "SMB"])
    book.save(f)
    assert read_participants(f) == [ParticipantRecord("7", "Omar", None, {"segment": "SMB"})]
