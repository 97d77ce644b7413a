"""Word (.docx) and PDF transcripts: extract the text, then parse speaker turns like .txt.

For these formats the document ``text`` is the extracted text (paragraphs or pages joined
with "\\n"), and turn offsets point into it. In Word files a speaker name set in bold on a
paragraph of its own gets a blank line before it, so it reads as a speaker header.
"""
from __future__ import annotations

import io
from typing import Any
from zipfile import BadZipFile

from jtbd.errors import ImportFailed


def docx_text(data: bytes, path: str) -> str:
    """Paragraph texts of a .docx joined with newlines (tables follow, one row a line)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ImportFailed(
            f"cannot open the Word document ({exc}); save it again as .docx (not .doc) or "
            "export it as .txt", path=path) from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        if lines and lines[-1].strip() and _is_bold_name(paragraph):
            lines.append("")  # a blank line before "Jane Doe" (bold) starts her turn
        lines.append(paragraph.text)
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def _is_bold_name(paragraph: Any) -> bool:
    """True for a short paragraph set all in bold with no sentence punctuation: a speaker
    name standing on its own line, as many transcription tools export to Word."""
    text = paragraph.text.strip()
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not text or not runs or len(text.split()) > 6 or text.endswith((".", "?", "!", ",")):
        return False
    return all(r.bold or (r.style is not None and r.style.font.bold) for r in runs)


def pdf_text(data: bytes, path: str) -> str:
    """Extracted text of every page joined with newlines."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportFailed("the PDF is password-protected; save an unprotected copy and "
                               "import that", path=path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ImportFailed(f"cannot read the PDF ({exc}); export it again or save the "
                           "transcript as .txt", path=path) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ImportFailed("the PDF has no extractable text (is it a scan?); run OCR on it "
                           "or export the transcript as .txt", path=path)
    return text
