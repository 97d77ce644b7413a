"""Evidence readers: turn files into :class:`jtbd.model.ParsedDocument` objects.

Readers are chosen by extension from two registries:

* transcripts (``kind`` "interview"): .txt .md (:mod:`.text`), .vtt .srt (:mod:`.captions`),
  .docx .pdf (:mod:`.office`); speaker roles come from :mod:`.roles`;
* tables (``kind`` "review", one document per row): .csv .xlsx .jsonl (:mod:`.tables`).

``read_path`` reads a file; ``read_bytes`` reads an upload already in memory. Every problem
is raised as :class:`jtbd.errors.ImportFailed` naming the file (and the line, row or column)
and saying what to do.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath

from jtbd.errors import ImportFailed
from jtbd.ingest.captions import parse_captions
from jtbd.ingest.decode import decode_bytes
from jtbd.ingest.office import docx_text, pdf_text
from jtbd.ingest.participants import ParticipantRecord, read_participants
from jtbd.ingest.roles import assign_roles, parse_roles
from jtbd.ingest.tables import Table, parse_csv, parse_jsonl, parse_xlsx, table_documents
from jtbd.ingest.text import parse_transcript
from jtbd.model import ParsedDocument, Turn

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "TRANSCRIPT_EXTENSIONS", "TABLE_EXTENSIONS",
    "ParticipantRecord", "decode_bytes", "max_bytes_from_env", "read_bytes",
    "read_participants", "read_path",
]

#: A transcript reader: (file bytes, source) -> (document text, turns without roles, title).
TranscriptReader = Callable[[bytes, str], tuple[str, tuple[Turn, ...], str | None]]
#: A table reader: (file bytes, source) -> header and data rows.
TableReader = Callable[[bytes, str], Table]

DEFAULT_MAX_BYTES: int = 50 * 1024 * 1024
MAX_SIZE_ENV = "JTBD_MAX_IMPORT_MB"
_EMPTY = "the file is empty; nothing to import"


def _text(data: bytes, source: str) -> str:
    text = decode_bytes(data, source)
    if not text.strip():
        raise ImportFailed(_EMPTY, path=source)
    return text


def _plain(data: bytes, source: str) -> tuple[str, tuple[Turn, ...], str | None]:
    text = _text(data, source)
    return (text, *parse_transcript(text))


def _extracted(extract: Callable[[bytes, str], str]) -> TranscriptReader:
    def read(data: bytes, source: str) -> tuple[str, tuple[Turn, ...], str | None]:
        text = extract(data, source)
        if not text.strip():
            raise ImportFailed(_EMPTY, path=source)
        return (text, *parse_transcript(text))
    return read


def _captions(data: bytes, source: str) -> tuple[str, tuple[Turn, ...], str | None]:
    text = _text(data, source)
    turns = parse_captions(text)
    if not turns:
        raise ImportFailed(
            "no caption cues with text found (a cue is a timing line like "
            "'00:00:01.000 --> 00:00:04.000' followed by its text); check the file", path=source)
    return text, turns, None


TRANSCRIPT_READERS: dict[str, TranscriptReader] = {
    ".txt": _plain, ".md": _plain, ".vtt": _captions, ".srt": _captions,
    ".docx": _extracted(docx_text), ".pdf": _extracted(pdf_text),
}
TABLE_READERS: dict[str, TableReader] = {
    ".csv": lambda data, source: parse_csv(_text(data, source), source),
    ".jsonl": lambda data, source: parse_jsonl(_text(data, source), source),
    ".xlsx": parse_xlsx,
}
TRANSCRIPT_EXTENSIONS: frozenset[str] = frozenset(TRANSCRIPT_READERS)
TABLE_EXTENSIONS: frozenset[str] = frozenset(TABLE_READERS)
SUPPORTED_EXTENSIONS: frozenset[str] = TRANSCRIPT_EXTENSIONS | TABLE_EXTENSIONS


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


def _check_extension(source: str) -> str:
    ext = PurePath(source).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        supported = " ".join(sorted(SUPPORTED_EXTENSIONS))
        raise ImportFailed(f"unsupported file type {ext or '(no extension)'!r}; jtbd reads "
                           f"{supported}; convert the file to one of these", path=source)
    return ext


def _check_size(size: int, max_bytes: int, source: str) -> None:
    limit = max_bytes_from_env() if max_bytes == DEFAULT_MAX_BYTES else max_bytes
    if size > limit:
        raise ImportFailed(
            f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:.1f} MB import limit; "
            f"raise it with --max-size MB or the {MAX_SIZE_ENV} environment variable, or "
            "split the file", path=source)
    if size == 0:
        raise ImportFailed(_EMPTY, path=source)


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
    _check_extension(source)
    if not file.exists():
        raise ImportFailed("file not found; check the path", path=source)
    if not file.is_file():
        raise ImportFailed("not a regular file; pass a file, not a folder", path=source)
    _check_size(file.stat().st_size, max_bytes, source)
    return read_bytes(file.read_bytes(), source, text_column=text_column, kind=kind,
                      max_bytes=max_bytes, roles=roles)


def read_bytes(data: bytes, source: str, *, text_column: str | None = None,
               kind: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               roles: Mapping[str, str] | None = None) -> list[ParsedDocument]:
    """Like :func:`read_path` for content already in memory (a web upload): ``source`` is the
    file name to report and pick the reader by."""
    ext = _check_extension(source)
    _check_size(len(data), max_bytes, source)
    parse_roles(roles, source)  # fail early on a bad mapping
    if ext in TABLE_READERS:
        table = TABLE_READERS[ext](data, source)
        return table_documents(table, source, text_column=text_column, kind=kind)
    text, turns, title = TRANSCRIPT_READERS[ext](data, source)
    if not turns:
        raise ImportFailed("the file has a title or speaker labels but nothing was said; "
                           "check the file", path=source)
    return [ParsedDocument(source=source, kind=kind or "interview", text=text,
                           turns=assign_roles(text, turns, roles, path=source), title=title)]
