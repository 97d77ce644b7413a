"""The Jinja2 environment shared by the report and the web app (autoescape always on)."""
from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, select_autoescape

from jtbd.report import svg
from jtbd.report.view import FORCE_LABELS, evidence_of

_SIG_SKIP = {"job", "job_id", "id", "statement", "rank", "evidence", "outcomes", "notes"}


def fmt(value: Any, digits: int = 1) -> str:
    """A number rounded for display only ("–" for missing)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or (isinstance(value, float) and math.isnan(value)):
        return "–" if value is None or isinstance(value, float) else str(value)
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def pct(value: Any) -> str:
    return f"{float(value) * 100:.0f}%" if isinstance(value, int | float) else "–"


def seg_shares(segments: list[dict[str, Any]]) -> list[tuple[str, float]]:
    return [(f"Segment {s.get('segment', i + 1)}", float(s.get("share") or 0.0)) for i, s in enumerate(segments)]


def sig_columns(rows: list[dict[str, Any]]) -> list[str]:
    """Numeric columns of the job-significance rows, in first-seen order."""
    cols: dict[str, None] = {}
    for r in rows:
        for k, v in r.items():
            if k not in _SIG_SKIP and isinstance(v, int | float) and not isinstance(v, bool):
                cols.setdefault(k, None)
    return list(cols)


def make_env(*extra_dirs: str) -> Environment:
    """A Jinja2 environment over the report templates plus ``extra_dirs`` (searched first)."""
    loaders = [FileSystemLoader(d) for d in extra_dirs] + [PackageLoader("jtbd.report", "templates")]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(fmt=fmt, pct=pct, ev=evidence_of, svg=svg, labels=FORCE_LABELS, seg_shares=seg_shares,
                       sig_columns=sig_columns)
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The shared stylesheet (inlined in the report, served by the web app)."""
    return resources.files("jtbd.report").joinpath("static/jtbd.css").read_text(encoding="utf-8")
