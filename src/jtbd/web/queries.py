"""Read models for the web pages, built only from the store's public (batch) methods.

Each page issues a fixed, small number of queries whatever the study size (no N+1): the
document page is one document read plus one excerpt-and-codes read; the document list is one
paginated read plus one count.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jtbd.report.view import StudyView

from jtbd.store import DocumentRecord, ExcerptRecord

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.services import Workbench

PER_PAGE = 50


@dataclass(frozen=True)
class Piece:
    """A run of document text; ``excerpt`` is set when the run is a (coded) sentence."""

    text: str
    excerpt: ExcerptRecord | None = None


@dataclass(frozen=True)
class TurnView:
    """One speaker turn cut into pieces for highlighting."""

    speaker: str | None
    role: str | None
    pieces: tuple[Piece, ...]

    @property
    def dimmed(self) -> bool:
        return self.role == "interviewer"


@dataclass(frozen=True)
class DocumentPage:
    doc: DocumentRecord
    turns: tuple[TurnView, ...]
    excerpts: int
    codes_by_status: dict[str, int]


@dataclass(frozen=True)
class DocumentsPage:
    items: list[DocumentRecord]
    total: int
    page: int
    pages: int
    kind: str | None
    kinds: dict[str, int]


@dataclass(frozen=True)
class SearchHit:
    excerpt: ExcerptRecord
    document: DocumentRecord | None


def turn_views(doc: DocumentRecord, excerpts: list[ExcerptRecord]) -> tuple[TurnView, ...]:
    """Cut the document text into turns and pieces; each excerpt becomes its own piece."""
    text = doc.text
    turns = [(t.start, t.end, t.speaker, t.role) for t in doc.turns] or [(0, len(text), None, None)]
    exs = sorted(excerpts, key=lambda e: (e.start, e.end))
    out: list[TurnView] = []
    i = 0
    for start, end, speaker, role in sorted(turns):
        pieces: list[Piece] = []
        pos = start
        while i < len(exs) and exs[i].start < start:
            i += 1  # excerpts outside any turn are not shown
        while i < len(exs) and exs[i].end <= end:
            ex = exs[i]
            if ex.start > pos:
                pieces.append(Piece(text[pos:ex.start]))
            if ex.start >= pos:
                pieces.append(Piece(text[ex.start:ex.end], ex))
                pos = ex.end
            i += 1
        if pos < end:
            pieces.append(Piece(text[pos:end]))
        out.append(TurnView(speaker, role, tuple(pieces)))
    return tuple(out)


def document_page(wb: Workbench, doc_id: int) -> DocumentPage | None:
    doc = wb.store.get_document(doc_id)
    if doc is None:
        return None
    excerpts = wb.store.excerpts(document_id=doc_id)
    by_status: dict[str, int] = {}
    for ex in excerpts:
        for c in ex.codes:
            by_status[c.status] = by_status.get(c.status, 0) + 1
    return DocumentPage(doc, turn_views(doc, excerpts), len(excerpts), by_status)


def documents_page(wb: Workbench, *, page: int = 1, kind: str | None = None,
                   per_page: int = PER_PAGE) -> DocumentsPage:
    kinds = _kinds(wb)
    kind = kind if kind in kinds else None
    total = wb.store.count_documents(kind)
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    items = wb.store.list_documents(kind=kind, limit=per_page, offset=(page - 1) * per_page)
    return DocumentsPage(items, total, page, pages, kind, kinds)


def _kinds(wb: Workbench) -> dict[str, int]:
    from jtbd.model import DOCUMENT_KINDS

    counts = {k: wb.store.count_documents(k) for k in DOCUMENT_KINDS}
    return {k: n for k, n in counts.items() if n}


def excerpt(wb: Workbench, excerpt_id: int) -> ExcerptRecord | None:
    rows = wb.store.excerpts(excerpt_ids=[excerpt_id])
    return rows[0] if rows else None


def search(wb: Workbench, query: str, limit: int = 100) -> list[SearchHit]:
    """Excerpts containing ``query``, each with its document (one batch read for all)."""
    hits = wb.search(query, limit=limit) if query.strip() else []
    if not hits:
        return []
    docs = {d.id: d for d in wb.store.list_documents(with_counts=False)}
    return [SearchHit(ex, docs.get(ex.document_id)) for ex in hits]


class StudyViewCache:
    """Keeps the parsed artifacts (synthesis, survey) between requests.

    Every artifact save and every human edit appends to the study's edit log, so the newest
    edit-log entry is a cheap version stamp: the view is rebuilt only when it changes (also when
    another process, such as ``jtbd synthesize``, saved a new artifact). Counts are always fresh.
    """

    def __init__(self) -> None:
        self._stamp: object = None
        self._view: StudyView | None = None
        self._lock = threading.Lock()

    def get(self, wb: Workbench, *, fresh_counts: bool = False) -> StudyView:
        """The view; with ``fresh_counts`` its study counts are re-read (the dashboard)."""
        last = wb.store.edit_log(limit=1)
        stamp = (last[0]["id"], last[0]["at"]) if last else None
        with self._lock:
            if self._view is None or stamp != self._stamp:
                self._view, self._stamp = StudyView(wb), stamp
                return self._view
            view = self._view
        return view.with_status(wb.status()) if fresh_counts else view
