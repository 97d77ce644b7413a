"""Shared fixtures: real studies in temporary folders (real SQLite, no mocks)."""
from __future__ import annotations

from pathlib import Path

import pytest

INTERVIEW_MD = """# Interview with Zoë
Interviewer: Thanks for joining. What was going on when you started looking?
Zoë Martín: Honestly, invoices were a mess. I kept forgetting to bill clients.
The spreadsheet just wasn't cutting it anymore.
Interviewer: What else did you consider?
Zoë Martín: I looked at FreshBooks and Wave, but I worried about moving all my data.
Interviewer: And what tipped the scales?
Zoë Martín: A client paid me three months late. That was the last straw.
"""


@pytest.fixture()
def study(tmp_path: Path):
    from jtbd.services import init_study

    wb = init_study(tmp_path / "study")
    yield wb
    wb.close()


@pytest.fixture()
def interview_file(tmp_path: Path) -> Path:
    p = tmp_path / "zoe.md"
    p.write_text(INTERVIEW_MD, encoding="utf-8")
    return p


@pytest.fixture()
def reviews_csv(tmp_path: Path) -> Path:
    p = tmp_path / "reviews.csv"
    p.write_text(
        "review_id,rating,text\n"
        "r1,1,The app crashes every time I export a PDF.\n"
        "r2,5,\"Love it, invoicing takes minutes now.\"\n"
        "r3,3,Please add a dark mode.\n",
        encoding="utf-8",
    )
    return p
