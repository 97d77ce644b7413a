"""Build the sample study's .docx interviews from their plain-text sources.

Each source in ``src/jtbd/sample/_docx_src/<name>.txt`` holds one ``Name: text`` turn per
paragraph (paragraphs separated by a blank line). This script writes
``src/jtbd/sample/interviews/<name>.docx`` with one Word paragraph per turn, preceded by a
title paragraph. Re-run it after editing a source and commit both files::

    .venv/bin/python scripts/build_sample_docx.py
"""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
SRC_DIR = ROOT / "src" / "jtbd" / "sample" / "_docx_src"
OUT_DIR = ROOT / "src" / "jtbd" / "sample" / "interviews"
FIXED_TIME = datetime(2026, 11, 1, 9, 0, 0)


def read_turns(path: Path) -> list[str]:
    """Return the non-empty paragraphs of a source file, checking each is ``Name: text``."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
    turns = [p for p in paragraphs if p]
    for number, turn in enumerate(turns, start=1):
        if ": " not in turn or "\n" in turn:
            raise SystemExit(
                f"{path.name}: paragraph {number} is not one 'Name: text' line: {turn[:60]!r}. "
                "Write each turn as a single line and separate turns with a blank line."
            )
    return turns


def build(path: Path, out_dir: Path = OUT_DIR) -> Path:
    """Write ``<out_dir>/<path.stem>.docx`` from the source at ``path`` and return its path."""
    turns = read_turns(path)
    doc = Document()
    # Fixed core properties keep the output stable between runs.
    doc.core_properties.author = "jtbd sample study"
    doc.core_properties.title = f"Switch interview {path.stem}"
    doc.core_properties.created = FIXED_TIME
    doc.core_properties.modified = FIXED_TIME
    doc.core_properties.last_modified_by = "jtbd sample study"
    title = doc.add_paragraph(f"Interview transcript – {path.stem}")
    title.runs[0].bold = True
    title.runs[0].font.size = Pt(14)
    for turn in turns:
        doc.add_paragraph(turn)
    target = out_dir / f"{path.stem}.docx"
    doc.save(str(target))
    return target


def main() -> int:
    sources = sorted(SRC_DIR.glob("*.txt"))
    if not sources:
        print(f"no sources found in {SRC_DIR}", file=sys.stderr)
        return 1
    for source in sources:
        print(build(source).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
