"""Tabular evidence: .csv, .xlsx and .jsonl. One document per data row.

Each data row with a non-empty text cell becomes a :class:`ParsedDocument` whose ``text`` is
that cell, ``row`` its 0-based data row index (blank lines are not rows; rows with an empty
text cell are skipped but keep their numbers) and ``metadata`` every other non-empty cell as a
string.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zipfile import BadZipFile

from jtbd.errors import ImportFailed
from jtbd.model import ParsedDocument, Role, Turn

#: Column names taken as the text column when none is given (compared case-insensitively).
TEXT_COLUMN_NAMES: tuple[str, ...] = (
    "text", "body", "review", "comment", "content", "answer", "message",
)
#: Words that mark a text column inside a longer name ("review_text", "Customer Comments").
TEXT_COLUMN_WORDS = frozenset(TEXT_COLUMN_NAMES) | {
    "comments", "feedback", "response", "verbatim", "description", "reviews", "answers",
    "transcript", "utterance", "quote", "remarks", "notes"}
#: Among several such columns, the longest (mean characters) wins when it is this much longer.
TEXT_COLUMN_MARGIN = 1.5
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class TableRow:
    """One data row: its 0-based index, the line (CSV/JSONL) or sheet row (XLSX) it came
    from, and its cells as strings (missing/empty cells are absent)."""

    index: int
    line: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Table:
    """A header and its data rows; ``line_kind`` says what ``TableRow.line`` counts."""

    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line_kind: str = "line"


def cell_to_str(value: Any) -> str | None:
    """A cell as text; None for missing values (None, NaN, empty/whitespace strings)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    return text if text.strip() else None


def _check_header(columns: list[str], path: str, line: int) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(columns):
        name = name.strip() or f"column_{i + 1}"
        if name.lower() in seen:
            raise ImportFailed(
                f"column {name!r} appears twice in the header; rename one of them",
                path=path, line=line, column=name)
        seen[name.lower()] = i
        out.append(name)
    return tuple(out)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the header into the most fields and
    gives the first rows a consistent field count."""
    sample = "\n".join(text.splitlines()[:50])
    best, best_score = ",", (-1, -1)
    for delim in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delim) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows[1:] if len(r) == width)
        score = (consistent if width > 1 else -1, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def parse_csv(text: str, path: str) -> Table:
    """Parse CSV text (delimiter sniffed). Raises :class:`ImportFailed` naming the line."""
    delim = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    header: tuple[str, ...] | None = None
    rows: list[TableRow] = []
    while True:
        first_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFailed(
                f"malformed CSV in the record starting on this line ({exc}); check for a "
                "quote that is never closed (a \" inside a field must be doubled as \"\")",
                path=path, line=first_line) from None
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            header = _check_header(record, path, first_line)
            continue
        if len(record) > len(header):
            raise ImportFailed(
                f"this row has {len(record)} fields but the header has "
                f"{len(header)}; quote fields that contain the delimiter {delim!r}",
                path=path, line=first_line)
        cells = {c: v for c, v in zip(header, record) if v.strip()}
        rows.append(TableRow(len(rows), first_line, cells))
    if header is None:
        raise ImportFailed("the file is empty; add a header line and data rows", path=path)
    return Table(header, tuple(rows))


def parse_xlsx(data: bytes, path: str) -> Table:
    """Read the first worksheet of an .xlsx workbook; the first non-empty row is the header."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise ImportFailed(
            f"cannot open the workbook ({exc}); save it again as .xlsx from your spreadsheet "
            "program, or export it as CSV", path=path) from None
    try:
        sheet = book.worksheets[0]
        header: tuple[str, ...] | None = None
        rows: list[TableRow] = []
        for sheet_row, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            strings = [cell_to_str(v) for v in values]
            if not any(strings):
                continue
            if header is None:
                while strings and strings[-1] is None:
                    strings.pop()
                header = _check_header([s or "" for s in strings], path, sheet_row)
                continue
            cells = {c: s for c, s in zip(header, strings) if s is not None}
            rows.append(TableRow(len(rows), sheet_row, cells))
    finally:
        book.close()
    if header is None:
        raise ImportFailed("the first worksheet is empty; put a header row and data rows in "
                           "it", path=path)
    return Table(header, tuple(rows), "sheet row")


def parse_jsonl(text: str, path: str) -> Table:
    """One JSON object per line; the columns are the union of their keys, in order."""
    columns: dict[str, None] = {}
    rows: list[TableRow] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                f"not valid JSON ({exc.msg} at character {exc.colno}); each "
                "line must be one JSON object", path=path, line=lineno) from None
        if not isinstance(obj, dict):
            raise ImportFailed(
                f"a JSON {type(obj).__name__}, not an object; each line must "
                'be one object like {"text": "..."}', path=path, line=lineno)
        cells: dict[str, str] = {}
        for key, value in obj.items():
            columns.setdefault(str(key), None)
            s = cell_to_str(value)
            if s is not None:
                cells[str(key)] = s
        rows.append(TableRow(len(rows), lineno, cells))
    return Table(tuple(columns), tuple(rows))


def _mean_length(rows: tuple[TableRow, ...] | None, column: str) -> float:
    cells = [len(r.cells[column]) for r in (rows or ()) if r.cells.get(column)]
    return sum(cells) / len(cells) if cells else 0.0


def choose_text_column(columns: tuple[str, ...], text_column: str | None, path: str,
                       rows: tuple[TableRow, ...] | None = None) -> str:
    """The column holding the evidence text: ``text_column`` if given; else the one column
    named like :data:`TEXT_COLUMN_NAMES`; else the one whose name contains a word of
    :data:`TEXT_COLUMN_WORDS` ("review_text", "Customer comments"), or, of several, the one
    with clearly the longest cells (see :data:`TEXT_COLUMN_MARGIN`)."""
    listed = ", ".join(repr(c) for c in columns) or "(none)"
    if text_column is not None:
        if text_column in columns:
            return text_column
        folded = [c for c in columns if c.lower() == text_column.strip().lower()]
        if len(folded) == 1:
            return folded[0]
        raise ImportFailed(
            f"there is no column {text_column!r}; the columns are {listed}; "
            "use --text-column NAME with one of them", path=path, column=text_column)
    found = [c for c in columns if c.strip().lower() in TEXT_COLUMN_NAMES]
    if len(found) == 1:
        return found[0]
    if not found:
        found = [c for c in columns
                 if TEXT_COLUMN_WORDS.intersection(re.split(r"[^a-z]+", c.lower()))]
        if len(found) == 1:
            return found[0]
        if len(found) > 1 and rows:
            lengths = sorted(((_mean_length(rows, c), c) for c in found), reverse=True)
            if lengths[0][0] >= TEXT_COLUMN_MARGIN * max(lengths[1][0], 1.0):
                return lengths[0][1]
    why = ("several columns could hold the text" if found else
           "no column is named " + "/".join(TEXT_COLUMN_NAMES))
    raise ImportFailed(f"{why}; the columns are {listed}; use --text-column NAME to say which "
                       "one holds the text", path=path)


def table_documents(table: Table, path: str, *, text_column: str | None,
                    kind: str | None) -> list[ParsedDocument]:
    """One :class:`ParsedDocument` per data row with text."""
    if not table.rows:
        raise ImportFailed("the table has a header but no data rows; add rows below the "
                           "header", path=path)
    column = choose_text_column(table.columns, text_column, path, table.rows)
    docs = []
    for row in table.rows:
        text = row.cells.get(column)
        if text is None:
            continue
        metadata = {k: v for k, v in row.cells.items() if k != column}
        docs.append(ParsedDocument(
            source=path, kind=kind or "review", text=text,
            turns=(Turn(0, len(text), None, Role.CUSTOMER),), row=row.index, metadata=metadata))
    if not docs:
        raise ImportFailed(f"every row has an empty {column!r} cell, so there is nothing to "
                           "import; check that this is the right column (--text-column NAME)",
                           path=path, column=column)
    return docs
