"""Browser fixtures: a real study served by uvicorn on a free localhost port, and Playwright
driving Debian's chromium. Every test fails on a console error or an uncaught page error."""
from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser_helpers import ARGS, CHROMIUM, SCREENSHOTS  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def study_wb(tmp_path_factory: pytest.TempPathFactory):
    from study_factory import build_study

    wb = build_study(tmp_path_factory.mktemp("e2e") / "study", n_docs=8)
    yield wb
    wb.close()


@pytest.fixture(scope="session")
def server(study_wb) -> Iterator[str]:
    import uvicorn

    from jtbd.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(lambda: study_wb), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 10
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start within 10 s"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records console errors and page errors; the test fails on any."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not problems, "browser reported errors:\n" + "\n".join(problems)
