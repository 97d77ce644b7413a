"""Stand-alone coding of files (``jtbd code FILE... --jsonl``) without a study.

:func:`code_files` reads each file with :func:`jtbd.ingest.read_path`, segments and codes every
document, and yields one JSON-ready record per excerpt in document order::

    {"source": "<path as given>", "row": <0-based data row or null>, "start": int, "end": int,
     "speaker": str | null, "role": "customer" | "interviewer" | null, "text": str,
     "codes": [...], "scores": {code: confidence}}

``start``/``end`` are offsets into the file's decoded text (for tabular input, into the row's
text cell). A file that cannot be read is reported to ``on_error`` and skipped; without an
``on_error`` the error is raised.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jtbd.coding import Coder, get_coder
from jtbd.coding.segment import segment_document
from jtbd.errors import JtbdError, UnsupportedLanguage
from jtbd.model import ParsedDocument, Role

#: on_error(path, error) — a file was skipped.
ErrorHandler = Callable[[str, JtbdError], None]
#: on_warning(message) — something the user should know (e.g. an unsupported language).
WarningHandler = Callable[[str], None]
#: progress(done_files, total_files, label): the label is the path, with the row for tables
Progress = Callable[[int, int, str], None]


def _where(doc: ParsedDocument) -> str:
    return f"{doc.source}, row {doc.row}" if doc.row is not None else doc.source


def _supported(coder: Coder, doc: ParsedDocument) -> bool:
    check = getattr(coder, "supports", None)
    return bool(check(doc)) if callable(check) else True


def code_document_records(doc: ParsedDocument, coder: Coder,
                          on_warning: WarningHandler | None = None) -> list[dict[str, Any]]:
    """The JSONL records of one parsed document."""
    excerpts = segment_document(doc)
    if not excerpts:
        return []
    if on_warning and all(ex.role is Role.INTERVIEWER for ex in excerpts):
        on_warning(f"{_where(doc)}: only interviewer turns were found, so there is nothing to code; "
                   "if one of the speakers is the customer, say so with --roles 'NAME=customer'")
    if on_warning and not _supported(coder, doc):
        on_warning(str(UnsupportedLanguage(
            "the text does not look like English; the local coder supports English only, "
            "so it was left uncoded (try --coder llm)", path=_where(doc))))
    results = coder.code_document(doc, excerpts)
    if len(results) != len(excerpts):
        raise JtbdError(f"coder {coder.name} returned {len(results)} results for "
                        f"{len(excerpts)} excerpts of {_where(doc)}")
    out = []
    for ex, res in zip(excerpts, results):
        customer = ex.role is not Role.INTERVIEWER
        out.append({
            "source": doc.source,
            "row": doc.row,
            "start": ex.start,
            "end": ex.end,
            "speaker": ex.speaker,
            "role": ex.role.value if ex.role is not None else None,
            "text": ex.text,
            "codes": list(res.codes) if customer else [],
            "scores": dict(res.scores) if customer else {},
        })
    return out


def code_files(paths: Iterable[str], *, text_column: str | None = None, kind: str | None = None,
               coder: Coder | None = None, roles: Mapping[str, str] | None = None,
               on_error: ErrorHandler | None = None, on_warning: WarningHandler | None = None,
               progress: Progress | None = None) -> Iterator[dict[str, Any]]:
    """Code every file in ``paths``; yield one record per excerpt (see the module docstring)."""
    from jtbd.ingest import read_path

    coder = coder or get_coder("local")
    paths = list(paths)
    for i, path in enumerate(paths):
        if progress:
            progress(i, len(paths), path)
        try:
            docs = read_path(path, text_column=text_column, kind=kind, roles=roles)
        except JtbdError as exc:
            if on_error is None:
                raise
            on_error(path, exc)
            continue
        step = max(1, len(docs) // 100)
        for k, doc in enumerate(docs):
            if progress and len(docs) > 1 and k % step == 0:
                progress(i, len(paths), f"{path}: row {k + 1} of {len(docs)}")
            yield from code_document_records(doc, coder, on_warning)
    if progress:
        progress(len(paths), len(paths), "done")
