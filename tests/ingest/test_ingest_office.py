"""Word and PDF transcripts."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from jtbd.errors import ImportFailed
from jtbd.ingest import read_path
from jtbd.model import Role


def test_docx(tmp_path: Path) -> None:
    f = tmp_path / "i.docx"
    d = docx.Document()
    d.add_paragraph("Interviewer: What tipped the scales?")
    d.add_paragraph("Zoë: My accountant recommended it.")
    d.add_paragraph("She uses it herself.")
    d.add_paragraph("Interviewer: How did you want to feel?")
    d.add_paragraph("Zoë: Less anxious about taxes.")
    d.save(f)
    [doc] = read_path(f)
    assert doc.text.startswith("Interviewer: What tipped the scales?\nZoë:")
    assert [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns] == [
        ("Interviewer", Role.INTERVIEWER, "What tipped the scales?"),
        ("Zoë", Role.CUSTOMER, "My accountant recommended it.\nShe uses it herself."),
        ("Interviewer", Role.INTERVIEWER, "How did you want to feel?"),
        ("Zoë", Role.CUSTOMER, "Less anxious about taxes."),
    ]


def test_pdf(tmp_path: Path) -> None:
    f = tmp_path / "i.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in ["Researcher: What else did you consider?",
                 "Omar: A paper planner and doing nothing.",
                 "Researcher: Why not?", "Omar: Too slow."]:
        pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(0, 10, "Researcher: Thanks!", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(f))
    [doc] = read_path(f)
    assert [(t.speaker, t.role, doc.text[t.start:t.end]) for t in doc.turns] == [
        ("Researcher", Role.INTERVIEWER, "What else did you consider?"),
        ("Omar", Role.CUSTOMER, "A paper planner and doing nothing."),
        ("Researcher", Role.INTERVIEWER, "Why not?"),
        ("Omar", Role.CUSTOMER, "Too slow."),
        ("Researcher", Role.INTERVIEWER, "Thanks!"),
    ]


def test_pdf_without_text(tmp_path: Path) -> None:
    f = tmp_path / "scan.pdf"
    pdf = FPDF()
    pdf.add_page()
    pdf.output(str(f))
    with pytest.raises(ImportFailed, match="no extractable text.*OCR") as info:
        read_path(f)
    assert str(f) in str(info.value)


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf", "broken.xlsx"])
def test_corrupt_office_files(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_bytes(b"this is not really a document at all")
    with pytest.raises(ImportFailed) as info:
        read_path(f)
    assert str(info.value).startswith(str(f))
