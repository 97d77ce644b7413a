"""Print the HTML report to PDF with Playwright driving Debian's chromium (optional)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from jtbd.errors import MissingDependency

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
INSTALL_HINT = ("PDF export needs Playwright and a chromium browser: pip install 'jtbd[pdf]' and "
                "apt-get install chromium (or set JTBD_CHROMIUM to a chromium/chrome executable)")


def chromium_path() -> str | None:
    """The chromium executable: $JTBD_CHROMIUM, /usr/bin/chromium, or one on PATH."""
    env = os.environ.get("JTBD_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for cand in ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(cand) if not cand.startswith("/") else (cand if Path(cand).exists() else None)
        if found:
            return found
    return None


def html_to_pdf(html_path: Path, pdf_path: Path) -> Path:
    """Render ``html_path`` to an A4 PDF with every quote expanded."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise MissingDependency(INSTALL_HINT) from None
    exe = chromium_path()
    if exe is None:
        raise MissingDependency(INSTALL_HINT)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(html_path.resolve().as_uri())
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                page.emulate_media(media="print")
                page.pdf(path=str(pdf_path), format="A4", print_background=True,
                         margin={"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
            finally:
                browser.close()
    except PlaywrightError as exc:
        raise MissingDependency(f"could not print the PDF with {exe}: {exc}. {INSTALL_HINT}") from None
    return pdf_path
