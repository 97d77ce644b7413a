"""Constants and helpers for the browser tests."""
from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def shot(pg, name: str, full: bool = True) -> None:
    """Save a screenshot to tests/screenshots/NAME.png (gitignored)."""
    pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full)
