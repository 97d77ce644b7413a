"""Synthesis and survey pages, and the edit forms for job stories and outcome statements."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from jtbd import editing
from jtbd.report import SCRIPT_CSP, build_report
from jtbd.services import Workbench
from jtbd.web.app import render, workbench
from jtbd.web.security import require_csrf

router = APIRouter()

#: Synthesis tabs: (url slug, title).
TABS: tuple[tuple[str, str], ...] = (
    ("jobs", "Jobs & stories"), ("outcomes", "Outcomes"), ("forces", "Forces"), ("timelines", "Timelines"),
    ("alternatives", "Competition"), ("job-map", "Job map"),
)


TIMELINES_PER_PAGE = 20


def _tab(request: Request, wb: Workbench, tab: str, page: int = 1) -> Response:
    view = request.app.state.views.get(wb)
    pages = max(1, -(-len(view.timelines) // TIMELINES_PER_PAGE))
    page = min(max(1, page), pages)
    shown = view.timelines[(page - 1) * TIMELINES_PER_PAGE:page * TIMELINES_PER_PAGE] if tab == "timelines" else []
    return render(request, "synthesis.html", nav="synthesis", tab=tab, tabs=TABS, view=view,
                  timelines=shown, page=page, pages=pages)


@router.get("/jobs")
def jobs(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "jobs")


@router.get("/outcomes")
def outcomes(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "outcomes")


@router.get("/forces")
def forces(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "forces")


@router.get("/timelines")
def timelines(request: Request, page: int = 1, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "timelines", page)


@router.get("/alternatives")
def alternatives(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "alternatives")


@router.get("/job-map")
def job_map(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return _tab(request, wb, "job-map")


@router.post("/stories/{story_id}", dependencies=[Depends(require_csrf)])
def edit_story(request: Request, story_id: str, situation: str = Form(...), motivation: str = Form(...),
               expected_outcome: str = Form(...), wb: Workbench = Depends(workbench)) -> Response:
    editing.update_job_story(wb, story_id, situation=situation, motivation=motivation,
                             expected_outcome=expected_outcome, actor=request.app.state.actor)
    return RedirectResponse(f"/jobs#{story_id}", status_code=303)


@router.post("/outcomes/{outcome_id}", dependencies=[Depends(require_csrf)])
def edit_outcome(request: Request, outcome_id: str, statement: str = Form(...),
                 wb: Workbench = Depends(workbench)) -> Response:
    editing.update_outcome(wb, outcome_id, statement, actor=request.app.state.actor)
    return RedirectResponse(f"/outcomes#{outcome_id}", status_code=303)


@router.get("/survey")
def survey(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    return render(request, "survey.html", nav="survey", view=request.app.state.views.get(wb))


@router.get("/report")
def report(request: Request, wb: Workbench = Depends(workbench)) -> Response:
    """The self-contained report, as a download (its inline CSS/script need their own policy)."""
    if request.query_params.get("inline") not in (None, "1"):
        raise HTTPException(400, "inline must be 1")
    disposition = "inline" if request.query_params.get("inline") == "1" else "attachment"
    name = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in wb.config.name) or "study"
    return Response(build_report(wb), media_type="text/html", headers={
        "Content-Disposition": f'{disposition}; filename="{name}-report.html"',
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                   f"script-src {SCRIPT_CSP}; base-uri 'none'; form-action 'none'"})
