"""The self-contained HTML report: one file, inline CSS and SVG charts, works offline.

``build_report(wb)`` renders the study's synthesis and survey artifacts; ``write_report``
writes it (and optionally a PDF through Playwright and Debian's chromium).
"""
from __future__ import annotations

import base64
import hashlib
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from jtbd.report.render import make_env, stylesheet
from jtbd.report.view import StudyView

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.services import Workbench

__all__ = ["build_report", "write_report", "StudyView", "SCRIPT_CSP"]

#: The report's only script: expand every quote before printing.
PRINT_SCRIPT = Markup('window.addEventListener("beforeprint",function(){'
                      'document.querySelectorAll("details").forEach(function(d){d.open=true;});});')
#: The CSP source that allows exactly that script when the web app serves the report.
SCRIPT_CSP = "'sha256-" + base64.b64encode(hashlib.sha256(str(PRINT_SCRIPT).encode()).digest()).decode() + "'"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jtbd")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "dev"


def build_report(wb: Workbench) -> str:
    """The study report as one self-contained HTML document (no external requests)."""
    view = StudyView(wb)
    tpl = make_env().get_template("report.html")
    return tpl.render(view=view, css=Markup(stylesheet()), version=_version(), print_script=PRINT_SCRIPT,
                      generated=datetime.now().strftime("%d %B %Y, %H:%M"))


def write_report(wb: Workbench, out_path: str | os.PathLike[str], pdf: bool = False) -> Path:
    """Write the HTML report to ``out_path`` (and ``out_path`` with ``.pdf`` when ``pdf``).
    Returns the path of the file written last."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    html = build_report(wb)
    html_path = out.with_suffix(".html") if pdf and out.suffix.lower() == ".pdf" else out
    html_path.write_text(html, encoding="utf-8")
    if not pdf:
        return html_path
    from jtbd.report.pdf import html_to_pdf

    return html_to_pdf(html_path, html_path.with_suffix(".pdf"))
