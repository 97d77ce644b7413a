"""The FastAPI app factory: server-rendered pages over one study, a thin adapter over the
service layer (:mod:`jtbd.services`, :mod:`jtbd.editing`).

Every template gets a documented context: ``request``, ``csrf`` (the form token), ``nav`` (the
active section), ``study`` (the study name) plus the page's own values. Autoescape is always
on; customer text is never marked safe.
"""
from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from jtbd.errors import InputError, JtbdError
from jtbd.report.render import make_env, stylesheet
from jtbd.web import security
from jtbd.web.queries import StudyViewCache

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.services import Workbench

WorkbenchOpener = Callable[[], "Workbench"]


class WorkbenchHolder:
    """Opens the workbench once, on first use, and shares it across requests (thread-safe)."""

    def __init__(self, opener: WorkbenchOpener) -> None:
        self._opener = opener
        self._wb: Workbench | None = None
        self._lock = threading.Lock()

    def get(self) -> Workbench:
        if self._wb is None:
            with self._lock:
                if self._wb is None:
                    self._wb = self._opener()
        return self._wb

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()
            self._wb = None


def workbench(request: Request) -> Workbench:
    """Route dependency: the open study."""
    holder: WorkbenchHolder = request.app.state.workbench
    return holder.get()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template with the common context."""
    env = request.app.state.templates
    wb = request.app.state.workbench.get()
    html = env.get_template(template).render(request=request, csrf=getattr(request.state, "csrf", ""),
                                             study=wb.config.name, actor=request.app.state.actor, **context)
    return HTMLResponse(html, status_code=status_code)


#: Host headers accepted by default: this computer only (guards against DNS rebinding).
LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "testserver")


def create_app(workbench_opener: WorkbenchOpener, *, actor: str = "analyst", secret: bytes | None = None,
               allowed_hosts: Sequence[str] = LOCAL_HOSTS) -> FastAPI:
    """The web app over the study that ``workbench_opener()`` opens (called once, lazily).
    ``actor`` names the person whose reviews and edits are recorded; requests whose Host header
    is not in ``allowed_hosts`` are refused (pass ``["*"]`` to accept any)."""
    from jtbd.web import routes_evidence, routes_synthesis

    holder = WorkbenchHolder(workbench_opener)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        holder.close()

    app = FastAPI(title="jtbd", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.workbench = holder
    app.state.actor = actor
    app.state.views = StudyViewCache()
    web_templates = str(resources.files("jtbd.web").joinpath("templates"))
    app.state.templates = make_env(web_templates)
    app.middleware("http")(security.middleware(security.CsrfSigner(secret)))
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.get("/static/jtbd.css", include_in_schema=False)
    def shared_css() -> Response:
        return Response(stylesheet(), media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        icon = resources.files("jtbd.web").joinpath("static/favicon.svg").read_bytes()
        return Response(icon, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(resources.files("jtbd.web").joinpath("static"))), name="static")
    app.include_router(routes_evidence.router)
    app.include_router(routes_synthesis.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 403:
            return PlainTextResponse(f"403 Forbidden: {exc.detail}", status_code=403)
        return render(request, "error.html", status_code=exc.status_code, code=exc.status_code, message=exc.detail)

    @app.exception_handler(JtbdError)
    async def domain_error(request: Request, exc: JtbdError) -> Response:
        code = 400 if isinstance(exc, InputError) else 500
        return render(request, "error.html", status_code=code, code=code, message=str(exc))

    return app
