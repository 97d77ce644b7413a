"""Evidence pages: dashboard, document list, document page with code review, search."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from jtbd.model import CODES
from jtbd.services import Workbench
from jtbd.store import ExcerptRecord
from jtbd.web import queries
from jtbd.web.app import render, workbench
from jtbd.web.security import require_csrf

router = APIRouter()


def _is_fetch(request: Request) -> bool:
    return request.headers.get("x-requested-with") == "fetch"


@router.get("/")
def dashboard(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    view = request.app.state.views.get(wb, fresh_counts=True)
    st = view.status
    status_counts = st.get("code_status", {})
    return render(request, "dashboard.html", nav="home", view=view, codes=st.get("codes", {}),
                  review={"suggested": status_counts.get("suggested", 0),
                          "reviewed": sum(v for k, v in status_counts.items() if k != "suggested")})


@router.get("/documents")
def documents(request: Request, page: int = 1, kind: str | None = None,
              wb: Workbench = Depends(workbench)) -> Response:
    listing = queries.documents_page(wb, page=page, kind=kind or None)
    return render(request, "documents.html", nav="documents", listing=listing)


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: int, wb: Workbench = Depends(workbench)) -> Response:
    page = queries.document_page(wb, doc_id)
    if page is None:
        raise HTTPException(404, f"No document with id {doc_id}.")
    return render(request, "document.html", nav="documents", page=page, codes=CODES)


def _excerpt_or_404(wb: Workbench, excerpt_id: int) -> ExcerptRecord:
    ex = queries.excerpt(wb, excerpt_id)
    if ex is None:
        raise HTTPException(404, f"No excerpt with id {excerpt_id}.")
    return ex


def _after_change(request: Request, wb: Workbench, excerpt_id: int) -> Response:
    ex = _excerpt_or_404(wb, excerpt_id)
    if _is_fetch(request):
        return render(request, "_excerpt.html", ex=ex, codes=CODES)
    return RedirectResponse(f"/documents/{ex.document_id}#ex-{ex.id}", status_code=303)


@router.post("/codes/{code_id}/review", dependencies=[Depends(require_csrf)])
def review_code(request: Request, code_id: int, decision: str = Form(...),
                wb: Workbench = Depends(workbench)) -> Response:
    if decision not in ("accept", "reject"):
        raise HTTPException(400, "decision must be accept or reject")
    rec = wb.store.set_code_status(code_id, "accepted" if decision == "accept" else "rejected",
                                   request.app.state.actor)
    return _after_change(request, wb, rec.excerpt_id)


@router.get("/excerpts/{excerpt_id}/codes")
def add_code_form(request: Request, excerpt_id: int, wb: Workbench = Depends(workbench)) -> Response:
    """The add-a-code form on its own page (without JavaScript; with it, a popover is used)."""
    ex = _excerpt_or_404(wb, excerpt_id)
    return render(request, "add_code.html", nav="documents", ex=ex, codes=CODES)


@router.post("/excerpts/{excerpt_id}/codes", dependencies=[Depends(require_csrf)])
def add_code(request: Request, excerpt_id: int, code: str = Form(...),
             wb: Workbench = Depends(workbench)) -> Response:
    wb.add_code(excerpt_id, code, request.app.state.actor)
    return _after_change(request, wb, excerpt_id)


@router.get("/search")
def search(request: Request, q: str = "", wb: Workbench = Depends(workbench)) -> Response:
    hits = queries.search(wb, q[:200]) if q.strip() else []
    return render(request, "search.html", nav="search", q=q, hits=hits)
