"""Plotly figures for opportunity scores and segments (returned, never shown or saved here;
the report embeds plotly.js inline)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from jtbd.survey.scoring import (EXTREME, HIGH, UNATTRACTIVE, WORTH_CONSIDERING, OutcomeScore)
from jtbd.survey.segments import Segmentation

BAND_COLOURS = {EXTREME: "#b2182b", HIGH: "#ef8a62", WORTH_CONSIDERING: "#fddbc7",
                UNATTRACTIVE: "#d1e5f0"}
_MAX_LABEL = 38


def _short(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def opportunity_landscape(scores: Sequence[OutcomeScore], *, title: str = "Opportunity landscape"
                          ) -> go.Figure:
    """Importance (x) vs satisfaction (y), 0-10, with the band boundaries as shaded areas.

    Opportunity = I + max(I - S, 0), so below the diagonal the band boundaries are the lines
    S = 2I - b (b = 10, 12, 15); above it they are the vertical lines I = b, which lie beyond
    10, so the region above the diagonal is unattractive (or overserved).
    """
    fig = go.Figure()
    i = np.linspace(0, 10, 101)
    for bound, band in ((15.0, EXTREME), (12.0, HIGH), (10.0, WORTH_CONSIDERING)):
        s = np.clip(2 * i - bound, 0, None)
        mask = 2 * i - bound >= 0
        fig.add_trace(go.Scatter(x=np.r_[i[mask], 10, i[mask][0] if mask.any() else 10],
                                 y=np.r_[s[mask], 0, 0], fill="toself", mode="lines",
                                 line={"width": 1, "color": BAND_COLOURS[band]},
                                 fillcolor=BAND_COLOURS[band], opacity=0.5,
                                 name=f"{band} (opportunity ≥ {bound:g})" if band != EXTREME
                                 else f"{band} (opportunity > {bound:g})", hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[0, 10], y=[0, 10], mode="lines", name="I = S",
                             line={"dash": "dot", "color": "#888"}, hoverinfo="skip"))
    valid = [s for s in scores if not np.isnan(s.opportunity)]
    fig.add_trace(go.Scatter(
        x=[s.importance for s in valid], y=[s.satisfaction for s in valid],
        mode="markers+text", text=[_short(s.outcome) for s in valid], textposition="top center",
        marker={"size": 9, "color": [BAND_COLOURS.get(s.band, "#444") for s in valid],
                "line": {"width": 1, "color": "#222"}},
        customdata=[[s.outcome, s.opportunity, s.band, s.n] for s in valid],
        hovertemplate="%{customdata[0]}<br>I %{x:.1f}, S %{y:.1f}<br>opportunity "
                      "%{customdata[1]:.1f} (%{customdata[2]})<br>n %{customdata[3]}"
                      "<extra></extra>",
        name="outcomes"))
    fig.update_layout(title=title, xaxis={"title": "Importance (0-10)", "range": [0, 10.3]},
                      yaxis={"title": "Satisfaction (0-10)", "range": [0, 10.3]},
                      template="plotly_white", legend={"orientation": "h", "y": -0.15})
    return fig


def segment_profiles(segmentation: Segmentation, *, measure: str = "opportunity") -> go.Figure:
    """Heatmap of segments (rows) x outcomes (columns) for ``measure``: ``"opportunity"``,
    ``"importance"`` (mean centred importance) or ``"satisfaction"``."""
    if measure not in ("opportunity", "importance", "satisfaction"):
        raise ValueError("measure must be 'opportunity', 'importance' or 'satisfaction'")
    segs = segmentation.segments
    outcomes = [s.outcome for s in segs[0].scores] if segs else []
    if measure == "opportunity":
        z = [[r.opportunity for r in s.scores] for s in segs]
        scale = "Reds"
    else:
        prof = "importance_profile" if measure == "importance" else "satisfaction_profile"
        z = [[getattr(s, prof)[o] for o in outcomes] for s in segs]
        scale = "RdBu_r"
    fig = go.Figure(go.Heatmap(
        z=z, x=[_short(o) for o in outcomes],
        y=[f"Segment {s.segment} ({s.share:.0%})" for s in segs], colorscale=scale,
        zmid=None if measure == "opportunity" else 0.0,
        hovertemplate="%{y}<br>%{x}<br>%{z:.2f}<extra></extra>"))
    fig.update_layout(title=f"Segment profiles: {measure}", template="plotly_white",
                      xaxis={"tickangle": -40})
    return fig
