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


def _sig_fields(row: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in row.items() if k != "components"}
    if isinstance(row.get("components"), dict):
        flat.update(row["components"])
    return flat


def sig_columns(rows: list[dict[str, Any]]) -> list[str]:
    """Numeric columns of the job-significance rows (components flattened), first-seen order."""
    cols: dict[str, None] = {}
    for r in rows:
        for k, v in _sig_fields(r).items():
            if k not in _SIG_SKIP and isinstance(v, int | float) and not isinstance(v, bool):
                cols.setdefault(k, None)
    return list(cols)


def sig_value(row: dict[str, Any], key: str) -> Any:
    return _sig_fields(row).get(key)


def short_list(items: Any, n: int = 8) -> str:
    """``a, b, c and 12 more``."""
    seq = [str(x) for x in (items or [])] if not isinstance(items, str) else [items]
    return ", ".join(seq) if len(seq) <= n else ", ".join(seq[:n]) + f" and {len(seq) - n} more"


def count_of(value: Any) -> int:
    """A count from an int or a list (participants are either)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    return len(value) if isinstance(value, list | tuple) else 0


def cap(text: Any) -> str:
    """Upper-case the first letter only (for display of lower-case job statements)."""
    t = "" if text is None else str(text)
    return t[:1].upper() + t[1:]


def make_env(*extra_dirs: str) -> Environment:
    """A Jinja2 environment over the report templates plus ``extra_dirs`` (searched first)."""
    loaders = [FileSystemLoader(d) for d in extra_dirs] + [PackageLoader("jtbd.report", "templates")]
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["cap"] = cap
    env.globals.update(fmt=fmt, pct=pct, ev=evidence_of, svg=svg, labels=FORCE_LABELS, seg_shares=seg_shares,
                       sig_columns=sig_columns, sig_value=sig_value, short_list=short_list, count_of=count_of)
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The shared stylesheet (inlined in the report, served by the web app)."""
    return resources.files("jtbd.report").joinpath("static/jtbd.css").read_text(encoding="utf-8")
