"""Evidence readers: turn files into :class:`jtbd.model.ParsedDocument` objects.

``read_path`` picks a reader by extension:

* transcripts (``kind`` "interview"): .txt .md (:mod:`.text`), .vtt .srt (:mod:`.captions`),
  .docx .pdf (:mod:`.office`); speaker roles come from :mod:`.roles`;
* tables (``kind`` "review", one document per row): .csv .xlsx .jsonl (:mod:`.tables`).

Every problem is raised as :class:`jtbd.errors.ImportFailed` naming the file (and the line,
row or column) and saying what to do.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from jtbd.errors import ImportFailed
from jtbd.ingest.captions import parse_captions
from jtbd.ingest.decode import decode_bytes
from jtbd.ingest.office import docx_text, pdf_text
from jtbd.ingest.participants import ParticipantRecord, read_participants
from jtbd.ingest.roles import assign_roles, parse_roles
from jtbd.ingest.tables import parse_csv, parse_jsonl, parse_xlsx, table_documents
from jtbd.ingest.text import parse_transcript
from jtbd.model import ParsedDocument

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "TRANSCRIPT_EXTENSIONS", "TABLE_EXTENSIONS",
    "ParticipantRecord", "decode_bytes", "max_bytes_from_env", "read_participants", "read_path",
]

DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024
TRANSCRIPT_EXTENSIONS: frozenset[str] = frozenset({".txt", ".md", ".vtt", ".srt", ".docx", ".pdf"})
TABLE_EXTENSIONS: frozenset[str] = frozenset({".csv", ".xlsx", ".jsonl"})
SUPPORTED_EXTENSIONS: frozenset[str] = TRANSCRIPT_EXTENSIONS | TABLE_EXTENSIONS
MAX_SIZE_ENV = "JTBD_MAX_IMPORT_MB"


def max_bytes_from_env(default: int = DEFAULT_MAX_BYTES) -> int:
    """The import size limit: ``JTBD_MAX_IMPORT_MB`` (megabytes) if set, else ``default``."""
    raw = os.environ.get(MAX_SIZE_ENV, "").strip()
    if not raw:
        return default
    try:
        mb = float(raw)
    except ValueError:
        raise ImportFailed(f"{MAX_SIZE_ENV}={raw!r} is not a number of megabytes; set it to "
                           "e.g. 200") from None
    return int(mb * 1024 * 1024)


def read_path(path: str | Path, *, text_column: str | None = None, kind: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES,
              roles: Mapping[str, str] | None = None) -> list[ParsedDocument]:
    """Read one evidence file into documents.

    ``source`` of every document is ``str(path)`` as given. ``text_column`` applies to tables
    only. When ``max_bytes`` is left at its default, ``JTBD_MAX_IMPORT_MB`` overrides it.
    ``roles`` maps speaker names (case-insensitive) to "interviewer" or "customer".
    """
    source = str(path)
    file = Path(path)
    ext = file.suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        supported = " ".join(sorted(SUPPORTED_EXTENSIONS))
        raise ImportFailed(f"unsupported file type {ext or '(no extension)'!r}; jtbd reads "
                           f"{supported}; convert the file to one of these", path=source)
    if not file.exists():
        raise ImportFailed("file not found; check the path", path=source)
    if not file.is_file():
        raise ImportFailed("not a regular file; pass a file, not a folder", path=source)
    limit = max_bytes_from_env() if max_bytes == DEFAULT_MAX_BYTES else max_bytes
    size = file.stat().st_size
    if size > limit:
        raise ImportFailed(
            f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB import limit; "
            f"raise it with --max-size MB or the {MAX_SIZE_ENV} environment variable, or "
            "split the file", path=source)
    if size == 0:
        raise ImportFailed(_EMPTY, path=source)
    parse_roles(roles, source)  # fail early on a bad mapping
    if ext in TABLE_EXTENSIONS:
        if ext == ".xlsx":
            table = parse_xlsx(file, source)
        else:
            text = _read_text(file, source)
            table = parse_csv(text, source) if ext == ".csv" else parse_jsonl(text, source)
        return table_documents(table, source, text_column=text_column, kind=kind)
    return [_transcript(file, source, ext, kind or "interview", roles)]


_EMPTY = "the file is empty; nothing to import"


def _read_text(file: Path, source: str) -> str:
    text = decode_bytes(file.read_bytes(), source)
    if not text.strip():
        raise ImportFailed(_EMPTY, path=source)
    return text


def _transcript(file: Path, source: str, ext: str, kind: str,
                roles: Mapping[str, str] | None) -> ParsedDocument:
    title: str | None = None
    if ext in (".vtt", ".srt"):
        text = _read_text(file, source)
        turns = parse_captions(text)
        if not turns:
            raise ImportFailed(
                "no caption cues with text found (a cue is a timing line like "
                "'00:00:01.000 --> 00:00:04.000' followed by its text); check the file",
                path=source)
    else:
        if ext == ".docx":
            text = docx_text(file, source)
        elif ext == ".pdf":
            text = pdf_text(file, source)
        else:
            text = _read_text(file, source)
        if not text.strip():
            raise ImportFailed(_EMPTY, path=source)
        turns, title = parse_transcript(text)
        if not turns:
            raise ImportFailed("the file has a title or speaker labels but nothing was said; "
                               "check the file", path=source)
    return ParsedDocument(source=source, kind=kind, text=text,
                          turns=assign_roles(text, turns, roles, path=source), title=title)
