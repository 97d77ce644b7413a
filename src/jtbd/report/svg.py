"""Inline SVG charts drawn server-side (no JavaScript, print-friendly, CSP-safe).

Every piece of text is escaped here; the functions return :class:`markupsafe.Markup` that
templates may insert as is.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup, escape

FORCE_COLOURS = {"push": "#d64545", "pull": "#2f9e63", "anxiety": "#e0a021", "habit": "#5b7a99"}


def _num(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and v == v else None


def landscape(outcomes: Sequence[Mapping[str, Any]], *, size: int = 520) -> Markup:
    """The opportunity landscape: importance (x) against satisfaction (y), 0-10, with the
    opportunity bands (≥10 worth considering, ≥12 high, >15 extreme) shaded and each outcome
    drawn as a numbered point (the number matches the outcome table)."""
    pad, w = 46, size - 62
    def x(v: float) -> float:
        return pad + v / 10 * w
    def y(v: float) -> float:
        return 16 + (10 - v) / 10 * w
    def poly(points: Sequence[tuple[float, float]], cls: str) -> str:
        return f'<polygon class="{cls}" points="' + " ".join(f"{x(a):.1f},{y(b):.1f}" for a, b in points) + '"/>'
    parts = [f'<svg class="chart landscape" viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="Opportunity landscape" xmlns="http://www.w3.org/2000/svg">',
             poly([(0, 0), (0, 10), (10, 10)], "band-over"),
             poly([(5, 0), (6, 0), (10, 8), (10, 10)], "band-worth"),
             poly([(6, 0), (7.5, 0), (10, 5), (10, 8)], "band-high"),
             poly([(7.5, 0), (10, 0), (10, 5)], "band-extreme")]
    for i in range(11):
        parts.append(f'<line class="grid" x1="{x(i):.1f}" y1="{y(0):.1f}" x2="{x(i):.1f}" y2="{y(10):.1f}"/>')
        parts.append(f'<line class="grid" x1="{x(0):.1f}" y1="{y(i):.1f}" x2="{x(10):.1f}" y2="{y(i):.1f}"/>')
        parts.append(f'<text class="tick" x="{x(i):.1f}" y="{y(0) + 14:.1f}" text-anchor="middle">{i}</text>')
        parts.append(f'<text class="tick" x="{x(0) - 6:.1f}" y="{y(i) + 4:.1f}" text-anchor="end">{i}</text>')
    parts.append(f'<line class="diag" x1="{x(0)}" y1="{y(0)}" x2="{x(10)}" y2="{y(10)}"/>')
    parts.append(f'<text class="axis" x="{x(5):.1f}" y="{size - 8}" text-anchor="middle">Importance</text>')
    parts.append(f'<text class="axis" transform="translate(12 {y(5):.1f}) rotate(-90)" '
                 f'text-anchor="middle">Satisfaction</text>')
    parts.append(f'<text class="band-label" x="{x(9.9):.1f}" y="{y(0.3):.1f}" text-anchor="end">extreme</text>')
    parts.append(f'<text class="band-label" x="{x(9.9):.1f}" y="{y(5.6):.1f}" text-anchor="end">high</text>')
    parts.append(f'<text class="band-label" x="{x(9.9):.1f}" y="{y(8.6):.1f}" text-anchor="end">worth considering</text>')
    parts.append(f'<text class="band-label" x="{x(0.3):.1f}" y="{y(9.4):.1f}">overserved</text>')
    for n, o in enumerate(outcomes, 1):
        imp, sat = _num(o.get("importance")), _num(o.get("satisfaction"))
        if imp is None or sat is None:
            continue
        opp = _num(o.get("opportunity"))
        cls = "pt under" if o.get("underserved") else ("pt over" if o.get("overserved") else "pt")
        title = escape(f"{n}. {o.get('outcome', '')} — importance {imp:.1f}, satisfaction {sat:.1f}"
                       + (f", opportunity {opp:.1f}" if opp is not None else ""))
        parts.append(f'<g class="{cls}"><title>{title}</title>'
                     f'<circle cx="{x(imp):.1f}" cy="{y(sat):.1f}" r="7.5"/>'
                     f'<text x="{x(imp):.1f}" y="{y(sat) + 3.5:.1f}" text-anchor="middle">{n}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def force_balance(balance: Mapping[str, Any], *, width: int = 560) -> Markup:
    """A two-sided forces diagram: what drives the switch (push + pull, to the right) against
    what holds customers back (anxiety + habit, to the left), stacked bars on a centre line."""
    vals = {f: max(0.0, _num(balance.get(f)) or 0.0) for f in FORCE_COLOURS}
    prog, res = vals["push"] + vals["pull"], vals["anxiety"] + vals["habit"]
    scale = (width / 2 - 30) / max(prog, res, 1.0)
    mid, h = width / 2, 34
    parts = [f'<svg class="chart forces" viewBox="0 0 {width} 96" role="img" xmlns="http://www.w3.org/2000/svg" '
             f'aria-label="{escape(f"Forces: progress {prog:g} against resistance {res:g}")}">',
             f'<text class="side" x="{mid - 8}" y="14" text-anchor="end">◀ holding back · {res:g}</text>',
             f'<text class="side" x="{mid + 8}" y="14">driving the switch · {prog:g} ▶</text>']
    left = mid
    for f in ("anxiety", "habit"):
        wv = vals[f] * scale
        if wv:
            left -= wv
            parts.append(f'<rect class="f-{f}" x="{left:.1f}" y="24" width="{wv:.1f}" height="{h}" rx="3">'
                         f'<title>{f}: {vals[f]:g}</title></rect>')
            if wv > 44:
                parts.append(f'<text class="seg" x="{left + wv / 2:.1f}" y="{24 + h / 2 + 4}" '
                             f'text-anchor="middle">{f} {vals[f]:g}</text>')
    right = mid
    for f in ("push", "pull"):
        wv = vals[f] * scale
        if wv:
            parts.append(f'<rect class="f-{f}" x="{right:.1f}" y="24" width="{wv:.1f}" height="{h}" rx="3">'
                         f'<title>{f}: {vals[f]:g}</title></rect>')
            if wv > 38:
                parts.append(f'<text class="seg" x="{right + wv / 2:.1f}" y="{24 + h / 2 + 4}" '
                             f'text-anchor="middle">{f} {vals[f]:g}</text>')
            right += wv
    parts.append(f'<line class="centre" x1="{mid}" y1="18" x2="{mid}" y2="{24 + h + 6}"/>')
    verdict = escape(str(balance.get("verdict") or ""))
    parts.append(f'<text class="verdict" x="{mid}" y="88" text-anchor="middle">{verdict}</text></svg>')
    return Markup("".join(parts))


def share_bars(rows: Sequence[tuple[str, float]], *, width: int = 520, unit: str = "%") -> Markup:
    """Horizontal bars for (label, value in 0..1) pairs."""
    h = 26 * len(rows) + 8
    parts = [f'<svg class="chart bars" viewBox="0 0 {width} {h}" role="img" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, val) in enumerate(rows):
        yy = 6 + i * 26
        wv = max(0.0, min(1.0, val)) * (width - 250)
        parts.append(f'<text class="lbl" x="0" y="{yy + 14}">{escape(label[:34])}</text>'
                     f'<rect class="bar" x="190" y="{yy}" width="{wv:.1f}" height="18" rx="3"/>'
                     f'<text class="val" x="{196 + wv:.1f}" y="{yy + 14}">{val * 100:.0f}{unit}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
