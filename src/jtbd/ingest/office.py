"""Word (.docx) and PDF transcripts: extract the text, then parse speaker turns like .txt.

For these formats the document ``text`` is the extracted text (paragraphs or pages joined
with "\\n"), and turn offsets point into it.
"""
from __future__ import annotations

import io
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
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


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
